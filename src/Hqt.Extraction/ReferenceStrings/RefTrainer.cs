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
    public RefModel Averaged(RefLexicons lexicons, float minWeight) => Mean([this], lexicons, minWeight);

    /// <summary>
    /// The mean of several trainers' averaged weights (trained on the same indexed data in different seeded orders): a
    /// perceptron's weights depend on the order it saw the data in, and the mean of a few orders is a steadier model
    /// than any one of them (bagging's variance cut, without the bags). Rows whose mean weights all round to zero are dropped.
    /// </summary>
    public static RefModel Mean(IReadOnlyList<RefTrainer> trainers, RefLexicons lexicons, float minWeight)
    {
        var first = trainers[0];
        var k = trainers.Count;
        float Avg(Func<RefTrainer, float[]> w, Func<RefTrainer, float[]> u, int at)
        {
            var sum = 0f;
            foreach (var t in trainers) sum += w(t)[at] - u(t)[at] / t._step;
            return sum / k;
        }
        var rows = new Dictionary<ulong, int>();
        var weights = new List<float>(first._w.Length);
        var avg = new float[L];
        foreach (var (f, row) in first._rows)
        {
            var any = false;
            for (var l = 0; l < L; l++)
            {
                var v = Avg(t => t._w, t => t._u, row * S + l);
                avg[l] = Math.Abs(v) < minWeight ? 0 : v;
                any |= avg[l] != 0;
            }
            if (!any) continue;
            rows[f] = rows.Count;
            foreach (var v in avg) weights.Add(v);
            for (var pad = L; pad < S; pad++) weights.Add(0);
        }
        var t = new float[first._t.Length];
        for (var i = 0; i < t.Length; i++) t[i] = Avg(x => x._t, x => x._tu, i);
        var e = new float[first._e.Length];
        for (var i = 0; i < e.Length; i++) e[i] = Avg(x => x._e, x => x._eu, i);
        return new RefModel(rows, weights.ToArray(), t, new Dictionary<ulong, int>(first._edgeRows), e, lexicons);
    }

    /// <summary>
    /// The averaged weights as flat arrays in row order (rows × 16, transitions, boundary rows × L × L), unpruned: for
    /// blending with weights fitted another way over the same rows.
    /// </summary>
    public (float[] Rows, float[] Transitions, float[] Edges) AveragedWeights()
    {
        static float[] Avg(float[] w, float[] u, int step)
        {
            var a = new float[w.Length];
            for (var i = 0; i < a.Length; i++) a[i] = w[i] - u[i] / step;
            return a;
        }
        return (Avg(_w, _u, _step), Avg(_t, _tu, _step), Avg(_e, _eu, _step));
    }

    public int RowCount => _rows.Count;
    public int EdgeRowCount => _edgeRows.Count;

    /// <summary>A trainer over the same feature rows as this one (for training the same data in another order).</summary>
    public RefTrainer Sibling()
    {
        var other = new RefTrainer();
        foreach (var (f, r) in _rows) other._rows[f] = r;
        foreach (var (f, r) in _edgeRows) other._edgeRows[f] = r;
        other._w = new float[_w.Length];
        other._u = new float[_u.Length];
        other._e = new float[_e.Length];
        other._eu = new float[_eu.Length];
        return other;
    }
}
