using System.Numerics;
using System.Runtime.InteropServices;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.RefParse.Train;

/// <summary>
/// Trains the tagger's weights as a linear-chain CRF (Lafferty et al. 2001): the same feature rows, boundary rows and
/// transitions the perceptron learns and <see cref="RefModel"/> decodes, fitted by maximum conditional log-likelihood
/// with an L2 penalty, minimised by <see cref="Lbfgs"/>. Unlike the perceptron, whose weights depend on the order it
/// saw the data in, the optimum is one point: every boundary decision is weighed against all the data at once, and
/// retraining lands on the same weights whatever the order.
/// </summary>
/// <remarks>
/// Parameters, in one vector: token rows × 16 (15 labels, the 16th stays zero so a row is whole SIMD vectors), then
/// transitions (L + 1) × L (row L is the start), then boundary rows × L × L. The objective is
/// −Σ log p(gold | x) + λ/2 ‖w‖²; its gradient is the expected feature counts under the model minus the gold's
/// counts, plus λw. Expected counts come from forward–backward with per-position scaling (exp space, normalised at
/// every token), which is exact and several times cheaper than log-space sums. The sequences are cut into a fixed
/// number of chunks whose partial gradients are summed in a fixed order, so the result does not depend on threads.
/// Decoding's hold across a mid-phrase "of"/"the" is not applied in training: the CRF models every labelling, and
/// the gold rarely leaves a title there anyway.
/// </remarks>
sealed class CrfTrainer
{
    const int L = RefLabels.Count;
    const int LL = L * L;
    const int S = 16;
    const int Chunks = 4;

    readonly Dictionary<ulong, int> _rows = [];
    readonly Dictionary<ulong, int> _edgeRows = [];
    readonly Seq[] _data;
    readonly double[] _empirical;
    readonly int _transitionsAt;
    readonly int _edgesAt;
    readonly (int From, int To)[] _chunks;

    public int Parameters { get; }
    public int RowCount => _rows.Count;
    public int EdgeRowCount => _edgeRows.Count;

    /// <summary>A training sequence with its features as parameter rows (unseen features dropped) and its gold labels.</summary>
    sealed record Seq(int[] Tokens, int[] TokenStarts, int[] Edges, int[] EdgeStarts, byte[] Gold)
    {
        public int Length => Gold.Length;
    }

    /// <summary>
    /// Rows for every token feature seen at least <paramref name="minCount"/> times and every boundary feature seen
    /// ten times that (the perceptron's rule, <see cref="RefTrainer.Index"/>, in the same order).
    /// </summary>
    public CrfTrainer(IReadOnlyList<(RefSequence Features, RefLabel[] Gold)> data, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        var edgeCounts = new Dictionary<ulong, int>();
        foreach (var (seq, _) in data)
            for (var i = 0; i < seq.Length; i++)
            {
                foreach (var f in seq.Token(i)) counts[f] = counts.GetValueOrDefault(f) + 1;
                foreach (var f in seq.Edge(i)) edgeCounts[f] = edgeCounts.GetValueOrDefault(f) + 1;
            }
        foreach (var (f, c) in counts)
            if (c >= minCount) _rows[f] = _rows.Count;
        foreach (var (f, c) in edgeCounts)
            if (c >= minCount * 10) _edgeRows[f] = _edgeRows.Count;

        _transitionsAt = _rows.Count * S;
        _edgesAt = _transitionsAt + (L + 1) * L;
        Parameters = _edgesAt + _edgeRows.Count * LL;

        _data = new Seq[data.Count];
        var tokens = new List<int>();
        var edges = new List<int>();
        for (var k = 0; k < data.Count; k++)
        {
            var (seq, gold) = data[k];
            var n = seq.Length;
            tokens.Clear();
            edges.Clear();
            var ts = new int[n + 1];
            var es = new int[n + 1];
            for (var i = 0; i < n; i++)
            {
                ts[i] = tokens.Count;
                es[i] = edges.Count;
                foreach (var f in seq.Token(i)) if (_rows.TryGetValue(f, out var r)) tokens.Add(r);
                if (i > 0) foreach (var f in seq.Edge(i)) if (_edgeRows.TryGetValue(f, out var r)) edges.Add(r);
            }
            ts[n] = tokens.Count;
            es[n] = edges.Count;
            _data[k] = new Seq([.. tokens], ts, [.. edges], es, gold.Select(g => (byte)g).ToArray());
        }

        // The gold's feature counts do not change with the weights: counted once.
        _empirical = new double[Parameters];
        foreach (var s in _data)
            for (var i = 0; i < s.Length; i++)
            {
                var y = s.Gold[i];
                for (var j = s.TokenStarts[i]; j < s.TokenStarts[i + 1]; j++) _empirical[s.Tokens[j] * S + y] += 1;
                var p = i == 0 ? L : s.Gold[i - 1];
                _empirical[_transitionsAt + p * L + y] += 1;
                for (var j = s.EdgeStarts[i]; j < s.EdgeStarts[i + 1]; j++) _empirical[_edgesAt + s.Edges[j] * LL + p * L + y] += 1;
            }

        // Chunks of about equal token counts, fixed by the data alone.
        var total = _data.Sum(s => (long)s.Length);
        _chunks = new (int, int)[Chunks];
        var at = 0;
        long done = 0;
        for (var c = 0; c < Chunks; c++)
        {
            var from = at;
            var until = total * (c + 1) / Chunks;
            while (at < _data.Length && (done < until || c == Chunks - 1)) done += _data[at++].Length;
            _chunks[c] = (from, at);
        }
    }

    /// <summary>−Σ log p(gold | x) + λ/2 ‖w‖², and its gradient into <paramref name="gradient"/>.</summary>
    public double Objective(double[] w, double[] gradient, double l2, double[][] partials)
    {
        var logZ = new double[Chunks];
        Parallel.For(0, Chunks, new ParallelOptions { MaxDegreeOfParallelism = 2 }, c =>
        {
            var g = partials[c];
            Array.Clear(g);
            var work = new Work();
            var sum = 0.0;
            for (var k = _chunks[c].From; k < _chunks[c].To; k++) sum += Expect(_data[k], w, g, work);
            logZ[c] = sum;
        });
        var objective = 0.0;
        for (var c = 0; c < Chunks; c++) objective += logZ[c];
        var gold = 0.0;
        var norm = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            gold += w[j] * _empirical[j];
            norm += w[j] * w[j];
            var e = 0.0;
            for (var c = 0; c < Chunks; c++) e += partials[c][j];
            gradient[j] = e - _empirical[j] + l2 * w[j];
        }
        return objective - gold + l2 / 2 * norm;
    }

    public double[][] NewPartials() => Enumerable.Range(0, Chunks).Select(_ => new double[Parameters]).ToArray();

    sealed class Work
    {
        public double[] Emission = [];     // n × S: scores, then exp(score − max) in place
        public double[] Transition = [];   // n × LL: scores, then exp(score − max) in place
        public double[] Alpha = [];        // n × S
        public double[] Beta = [];         // n × S
        public double[] Scale = [];        // n
        public double[] Pair = new double[LL];

        public void Ensure(int n)
        {
            if (Scale.Length >= n) return;
            var m = Math.Max(n, Scale.Length * 2);
            Emission = new double[m * S];
            Transition = new double[m * LL];
            Alpha = new double[m * S];
            Beta = new double[m * S];
            Scale = new double[m];
        }
    }

    /// <summary>Adds the sequence's expected feature counts to <paramref name="g"/>; returns its log partition.</summary>
    double Expect(Seq s, double[] w, double[] g, Work work)
    {
        var n = s.Length;
        if (n == 0) return 0;
        work.Ensure(n);
        var em = work.Emission;
        var tr = work.Transition;
        var alpha = work.Alpha;
        var beta = work.Beta;
        var scale = work.Scale;
        var logZ = 0.0;

        for (var i = 0; i < n; i++)
        {
            var row = em.AsSpan(i * S, S);
            row.Clear();
            for (var j = s.TokenStarts[i]; j < s.TokenStarts[i + 1]; j++) Add(row, w.AsSpan(s.Tokens[j] * S, S));
        }
        // Position 0: start transition + emission, exponentiated against their max.
        {
            var max = double.NegativeInfinity;
            for (var l = 0; l < L; l++) max = Math.Max(max, em[l] + w[_transitionsAt + LL + l]);
            var sum = 0.0;
            for (var l = 0; l < L; l++) sum += alpha[l] = Math.Exp(em[l] + w[_transitionsAt + LL + l] - max);
            for (var l = 0; l < L; l++) alpha[l] /= sum;
            scale[0] = sum;
            logZ += max + Math.Log(sum);
        }
        for (var i = 1; i < n; i++)
        {
            var t = tr.AsSpan(i * LL, LL);
            w.AsSpan(_transitionsAt, LL).CopyTo(t);
            for (var j = s.EdgeStarts[i]; j < s.EdgeStarts[i + 1]; j++) Add(t, w.AsSpan(_edgesAt + s.Edges[j] * LL, LL));
            var tmax = double.NegativeInfinity;
            foreach (var v in t) tmax = Math.Max(tmax, v);
            for (var k = 0; k < LL; k++) t[k] = Math.Exp(t[k] - tmax);
            var e = em.AsSpan(i * S, L);
            var emax = double.NegativeInfinity;
            foreach (var v in e) emax = Math.Max(emax, v);
            for (var l = 0; l < L; l++) e[l] = Math.Exp(e[l] - emax);

            var prev = alpha.AsSpan((i - 1) * S, L);
            var cur = alpha.AsSpan(i * S, L);
            cur.Clear();
            for (var p = 0; p < L; p++)
            {
                var a = prev[p];
                if (a == 0) continue;
                var tp = t.Slice(p * L, L);
                for (var l = 0; l < L; l++) cur[l] += a * tp[l];
            }
            var sum = 0.0;
            for (var l = 0; l < L; l++) sum += cur[l] *= e[l];
            for (var l = 0; l < L; l++) cur[l] /= sum;
            scale[i] = sum;
            logZ += tmax + emax + Math.Log(sum);
        }

        // Backward, scaled by the same factors, so alpha × beta is the marginal.
        beta.AsSpan((n - 1) * S, L).Fill(1);
        Span<double> eb = stackalloc double[L];
        for (var i = n - 1; i >= 1; i--)
        {
            var t = tr.AsSpan(i * LL, LL);
            var e = em.AsSpan(i * S, L);
            var next = beta.AsSpan(i * S, L);
            var cur = beta.AsSpan((i - 1) * S, L);
            for (var l = 0; l < L; l++) eb[l] = e[l] * next[l] / scale[i];
            for (var p = 0; p < L; p++)
            {
                var tp = t.Slice(p * L, L);
                var sum = 0.0;
                for (var l = 0; l < L; l++) sum += tp[l] * eb[l];
                cur[p] = sum;
            }
        }

        // Expected counts: token rows get the node marginals, transitions and boundary rows the pair marginals.
        Span<double> marginal = stackalloc double[S];
        for (var i = 0; i < n; i++)
        {
            marginal.Clear();
            for (var l = 0; l < L; l++) marginal[l] = alpha[i * S + l] * beta[i * S + l];
            for (var j = s.TokenStarts[i]; j < s.TokenStarts[i + 1]; j++) Add(g.AsSpan(s.Tokens[j] * S, S), marginal);
            if (i == 0)
            {
                for (var l = 0; l < L; l++) g[_transitionsAt + LL + l] += marginal[l];
                continue;
            }
            var pair = work.Pair.AsSpan();
            var t = tr.AsSpan(i * LL, LL);
            var e = em.AsSpan(i * S, L);
            for (var l = 0; l < L; l++) marginal[l] = e[l] * beta[i * S + l] / scale[i];
            for (var p = 0; p < L; p++)
            {
                var a = alpha[(i - 1) * S + p];
                for (var l = 0; l < L; l++) pair[p * L + l] = a * t[p * L + l] * marginal[l];
            }
            Add(g.AsSpan(_transitionsAt, LL), pair);
            for (var j = s.EdgeStarts[i]; j < s.EdgeStarts[i + 1]; j++) Add(g.AsSpan(_edgesAt + s.Edges[j] * LL, LL), pair);
        }
        return logZ;
    }

    static void Add(Span<double> to, ReadOnlySpan<double> from)
    {
        ref var d = ref MemoryMarshal.GetReference(to);
        ref var s = ref MemoryMarshal.GetReference(from);
        var k = 0;
        if (Vector.IsHardwareAccelerated)
            for (; k <= to.Length - Vector<double>.Count; k += Vector<double>.Count)
                (Vector.LoadUnsafe(ref d, (nuint)k) + Vector.LoadUnsafe(ref s, (nuint)k)).StoreUnsafe(ref d, (nuint)k);
        for (; k < to.Length; k++) to[k] += from[k];
    }

    /// <summary>
    /// The decoder's model from the fitted weights, multiplied by <paramref name="scale"/> (which changes no decoding,
    /// only the margins' units, which <see cref="ReferenceParser"/>'s confidence reads in the perceptron's units); then,
    /// as for the perceptron, weights under <paramref name="minWeight"/> are dropped and rows left empty go.
    /// </summary>
    /// <remarks>
    /// With <paramref name="blend"/> (a perceptron's averaged weights over the same rows, indexed by the same rule from
    /// the same data) the weights are (1 − share) × scale × CRF + share × perceptron.
    /// </remarks>
    /// <para>Last, everything is multiplied by <paramref name="confidenceScale"/> (after the threshold): decoding is the same,
    /// only the margins grow, so the share of parses under <see cref="ParsedReference.ConfidentAt"/> can be set to the
    /// perceptron's.</para>
    public RefModel ToModel(double[] w, RefLexicons lexicons, double scale, float minWeight,
        (float[] Rows, float[] Transitions, float[] Edges, double Share)? blend = null, double confidenceScale = 1)
    {
        var share = blend?.Share ?? 0;
        double At(int j) => (1 - share) * scale * w[j] + (blend is { } b
            ? share * (j < _transitionsAt ? b.Rows[j] : j < _edgesAt ? b.Transitions[j - _transitionsAt] : b.Edges[j - _edgesAt])
            : 0);
        var rows = new Dictionary<ulong, int>();
        var weights = new List<float>();
        var row = new float[S];
        foreach (var (f, r) in _rows)
        {
            var any = false;
            for (var l = 0; l < L; l++)
            {
                var v = At(r * S + l);
                row[l] = Math.Abs(v) < minWeight ? 0 : (float)(v * confidenceScale);
                any |= row[l] != 0;
            }
            if (!any) continue;
            rows[f] = rows.Count;
            for (var l = 0; l < L; l++) weights.Add(row[l]);
            for (var pad = L; pad < S; pad++) weights.Add(0);
        }
        var transitions = new float[(L + 1) * L];
        for (var k = 0; k < transitions.Length; k++) transitions[k] = (float)(At(_transitionsAt + k) * confidenceScale);
        var edges = new float[_edgeRows.Count * LL];
        for (var k = 0; k < edges.Length; k++) edges[k] = (float)(At(_edgesAt + k) * confidenceScale);
        return new RefModel(rows, [.. weights], transitions, new Dictionary<ulong, int>(_edgeRows), edges, lexicons);
    }

    /// <summary>
    /// The analytic gradient against central differences at random weights, for <paramref name="probes"/> parameters the
    /// gold touches and as many it does not: the largest relative error (a correct gradient gives about 1e-6).
    /// </summary>
    public double CheckGradient(int probes, double l2, int seed)
    {
        var random = new Random(seed);
        var w = new double[Parameters];
        for (var j = 0; j < w.Length; j++) w[j] = (random.NextDouble() - 0.5) * 0.2;
        var g = new double[Parameters];
        var partials = NewPartials();
        Objective(w, g, l2, partials);
        var touched = Enumerable.Range(0, Parameters).Where(j => _empirical[j] > 0).ToArray();
        var worst = 0.0;
        var scratch = new double[Parameters];
        for (var k = 0; k < 2 * probes; k++)
        {
            var j = k < probes ? touched[random.Next(touched.Length)] : random.Next(Parameters);
            const double h = 1e-4;
            var keep = w[j];
            w[j] = keep + h;
            var up = Objective(w, scratch, l2, partials);
            w[j] = keep - h;
            var down = Objective(w, scratch, l2, partials);
            w[j] = keep;
            var numeric = (up - down) / (2 * h);
            var error = Math.Abs(numeric - g[j]) / Math.Max(1e-3, Math.Abs(numeric) + Math.Abs(g[j]));
            worst = Math.Max(worst, error);
        }
        return worst;
    }
}
