namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Trains <see cref="RefModel"/> as an averaged structured perceptron (Collins 2002): decode each training sequence
/// with the current weights, move the weights toward the gold labels where the decoding differs, and return the
/// average of the weights over every step, which generalises far better than the last weights.
/// </summary>
public sealed class RefTrainer
{
    const int L = RefLabels.Count;
    const int LL = L * L;
    const int S = RefModel.S;

    readonly Dictionary<ulong, int> _rows = [];
    readonly Dictionary<ulong, int> _edgeRows = [];
    float[] _w = [];
    float[] _u = [];                                  // Σ step × update, for the lazy average
    float[] _e = [];
    float[] _eu = [];
    readonly float[] _t = new float[(L + 1) * L];
    readonly float[] _tu = new float[(L + 1) * L];
    int _step = 1;

    /// <summary>Gives every feature seen at least <paramref name="minCount"/> times in the data its row.</summary>
    public void Index(IEnumerable<RefSequence> sequences, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        var edgeCounts = new Dictionary<ulong, int>();
        foreach (var seq in sequences)
        {
            for (var i = 0; i < seq.Length; i++)
            {
                foreach (var f in seq.Token(i))
                    counts[f] = counts.GetValueOrDefault(f) + 1;
                foreach (var f in seq.Edge(i))
                    edgeCounts[f] = edgeCounts.GetValueOrDefault(f) + 1;
            }
        }
        foreach (var (f, c) in counts)
            if (c >= minCount) _rows[f] = _rows.Count;
        foreach (var (f, c) in edgeCounts)
            if (c >= minCount * 10) _edgeRows[f] = _edgeRows.Count;
        _w = new float[_rows.Count * S];
        _u = new float[_rows.Count * S];
        _e = new float[_edgeRows.Count * LL];
        _eu = new float[_edgeRows.Count * LL];
    }

    RefModel Current(RefLexicons lexicons) => new(_rows, _w, _t, _edgeRows, _e, lexicons);

    /// <summary>One pass over the data in the given order; returns the number of tokens decoded wrong.</summary>
    public int Epoch(IReadOnlyList<(RefSequence Features, RefLabel[] Gold)> data, IReadOnlyList<int> order, RefLexicons lexicons)
    {
        var model = Current(lexicons);
        var errors = 0;
        foreach (var index in order)
        {
            var (sequence, gold) = data[index];
            var guess = model.Decode(sequence, wantMargins: false, out _);
            for (var i = 0; i < gold.Length; i++)
            {
                if (guess[i] != gold[i])
                {
                    errors++;
                    foreach (var f in sequence.Token(i))
                        if (_rows.TryGetValue(f, out var row))
                        {
                            Update(_w, _u, row * S + (int)gold[i], 1);
                            Update(_w, _u, row * S + (int)guess[i], -1);
                        }
                }
                var gp = i == 0 ? L : (int)gold[i - 1];
                var pp = i == 0 ? L : (int)guess[i - 1];
                if (gp != pp || gold[i] != guess[i])
                {
                    Update(_t, _tu, gp * L + (int)gold[i], 1);
                    Update(_t, _tu, pp * L + (int)guess[i], -1);
                    if (i > 0)
                        foreach (var f in sequence.Edge(i))
                            if (_edgeRows.TryGetValue(f, out var row))
                            {
                                Update(_e, _eu, row * LL + gp * L + (int)gold[i], 1);
                                Update(_e, _eu, row * LL + pp * L + (int)guess[i], -1);
                            }
                }
            }
            _step++;
        }
        return errors;
    }

    void Update(float[] w, float[] u, int at, float delta)
    {
        w[at] += delta;
        u[at] += _step * delta;
    }

    /// <summary>The averaged model, with rows whose weights all round to zero dropped.</summary>
    public RefModel Averaged(RefLexicons lexicons, float minWeight)
    {
        var rows = new Dictionary<ulong, int>();
        var weights = new List<float>(_w.Length);
        var avg = new float[L];
        foreach (var (f, row) in _rows)
        {
            var any = false;
            for (var l = 0; l < L; l++)
            {
                var v = _w[row * S + l] - _u[row * S + l] / _step;
                avg[l] = Math.Abs(v) < minWeight ? 0 : v;
                any |= avg[l] != 0;
            }
            if (!any) continue;
            rows[f] = rows.Count;
            foreach (var v in avg) weights.Add(v);
            for (var pad = L; pad < S; pad++) weights.Add(0);
        }
        var t = new float[_t.Length];
        for (var i = 0; i < t.Length; i++) t[i] = _t[i] - _tu[i] / _step;
        var e = new float[_e.Length];
        for (var i = 0; i < e.Length; i++) e[i] = _e[i] - _eu[i] / _step;
        return new RefModel(rows, weights.ToArray(), t, new Dictionary<ulong, int>(_edgeRows), e, lexicons);
    }
}
