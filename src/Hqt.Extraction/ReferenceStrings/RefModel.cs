using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// A linear-chain tagger's weights: one row of per-label weights a feature hash, label-to-label transitions, and the
/// lexicons its features read. Decoding is Viterbi over emission + transition scores.
/// </summary>
public sealed class RefModel
{
    const int L = RefLabels.Count;
    const int LL = L * L;
    /// <summary>The stride of a feature's weight row: the labels padded to whole SIMD vectors.</summary>
    internal const int S = 16;
    const string Magic = "HQTREFTAG5";
    /// <summary>The format before the container phrases (read still: a saved fold model of that time scores as it did).</summary>
    const string MagicWithoutPhrases = "HQTREFTAG4";

    readonly Dictionary<ulong, int> _rows;
    readonly FeatureTable _table;
    readonly FeatureTable _edgeTable;
    readonly float[] _weights;       // rows × S (label weights, then padding), from _weightBase
    readonly int _weightBase;        // where row 0 starts: a loaded model's rows sit on 64-byte cache lines
    readonly float[] _transitions;   // (L + 1) × L: row L is the start state
    readonly Dictionary<ulong, int> _edgeRows;
    readonly float[] _edgeWeights;   // edge rows × L × L: label pair weights given what separates two tokens

    public RefLexicons Lexicons { get; }
    public int FeatureCount => _rows.Count;

    /// <summary>A model over the given arrays, read live (the trainer decodes with weights it goes on updating).</summary>
    public RefModel(Dictionary<ulong, int> rows, float[] weights, float[] transitions, Dictionary<ulong, int> edgeRows, float[] edgeWeights, RefLexicons lexicons)
        : this(rows, weights, 0, transitions, edgeRows, edgeWeights, lexicons)
    {
    }

    RefModel(Dictionary<ulong, int> rows, float[] weights, int weightBase, float[] transitions, Dictionary<ulong, int> edgeRows, float[] edgeWeights, RefLexicons lexicons)
    {
        _rows = rows;
        _weights = weights;
        _weightBase = weightBase;
        _transitions = transitions;
        _edgeRows = edgeRows;
        _edgeWeights = edgeWeights;
        Lexicons = lexicons;
        _table = new FeatureTable(rows);
        _edgeTable = new FeatureTable(edgeRows);
    }

    /// <summary>The best label sequence and, per token, how far its label's score stood above the next best.</summary>
    public RefLabel[] Decode(RefSequence sequence, out float[] margins)
    {
        var labels = Decode(sequence, wantMargins: true, out var m);
        margins = m!;
        return labels;
    }

    [ThreadStatic] static float[]? t_emission;
    [ThreadStatic] static float[]? t_transition;
    [ThreadStatic] static float[]? t_score;
    [ThreadStatic] static int[]? t_back;
    [ThreadStatic] static int[]? t_rows;

    static T[] Buffer<T>(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new T[Math.Max(length, (buffer?.Length ?? 0) * 2)];
        return buffer;
    }

    /// <summary>How many features ahead of its lookup a feature's table slot is prefetched.</summary>
    const int Ahead = 16;

    internal RefLabel[] Decode(RefSequence sequence, bool wantMargins, out float[]? margins)
    {
        var n = sequence.Length;
        var labels = new RefLabel[n];
        margins = wantMargins ? new float[n] : null;
        if (n == 0) return labels;
        // Emission scores, a row of S floats a token (the 16th is padding so a row is one 512-bit vector). The table
        // and weight rows are far larger than the caches, so the lookups come first, each slot prefetched a few features
        // ahead and each weight row as soon as it is known; the sums follow, in the features' order as before.
        var all = sequence.AllFeatures;
        var rows = Buffer(ref t_rows, all.Length);
        for (var k = 0; k < Math.Min(Ahead, all.Length); k++) _table.Prefetch(all[k]);
        for (var k = 0; k < all.Length; k++)
        {
            if (k + Ahead < all.Length) _table.Prefetch(all[k + Ahead]);
            if (_table.TryGet(all[k], out var row)) { rows[k] = row; PrefetchRow(row); }
            else rows[k] = -1;
        }
        var emission = Buffer(ref t_emission, n * S);
        var starts = sequence.TokenStarts;
        ref var w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), _weightBase);
        for (var i = 0; i < n; i++)
        {
            var sum = Vector512<float>.Zero;
            for (var k = starts[i]; k < starts[i + 1]; k++)
                if (rows[k] >= 0) sum += Vector512.LoadUnsafe(ref w, (nuint)rows[k] * S);
            sum.StoreUnsafe(ref emission[i * S]);
        }
        // Transition scores at each boundary: the label pair's own weight plus what the boundary's features add. The
        // buffer has a row's slack at its end: Viterbi reads each 15-weight row as a 16-float vector.
        var transition = Buffer(ref t_transition, n * LL + S);
        for (var i = 1; i < n; i++)
        {
            var t = transition.AsSpan(i * LL, LL);
            _transitions.AsSpan(0, LL).CopyTo(t);
            foreach (var f in sequence.Edge(i))
                if (_edgeTable.TryGet(f, out var row)) AddTo(t, _edgeWeights.AsSpan(row * LL, LL));
            if (sequence.MidPhrase(i)) HoldAcross(t);
        }
        Viterbi(emission, transition, n, labels);
        if (margins is null) return labels;
        for (var i = 0; i < n; i++)
        {
            var y = (int)labels[i];
            var prev = i == 0 ? L : (int)labels[i - 1];
            float best = float.NegativeInfinity, chosen = 0;
            for (var l = 0; l < L; l++)
            {
                var into = i == 0 ? _transitions[LL + l] : transition[i * LL + prev * L + l];
                var outOf = i + 1 < n ? transition[(i + 1) * LL + l * L + (int)labels[i + 1]] : 0;
                var s = emission[i * S + l] + into + outOf;
                if (l == y) chosen = s;
                else if (s > best) best = s;
            }
            margins[i] = chosen - best;
        }
        return labels;
    }

    /// <summary>A weight row is 64 bytes: a loaded model's rows fill one cache line; a trainer's may straddle two.</summary>
    /// <remarks>A loaded model whose array happened to be aligned already (base 0) is prefetched as a trainer's: harmless.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    unsafe void PrefetchRow(int row)
    {
        if (!Sse.IsSupported) return;
        ref var first = ref _weights[_weightBase + row * S];
        Sse.Prefetch0(Unsafe.AsPointer(ref first));
        if (_weightBase == 0) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref first, S - 1)));
    }

    const float Forbidden = -1e6f;

    /// <summary>A title or container goes on across a mid-phrase boundary: leaving either there is forbidden.</summary>
    static void HoldAcross(Span<float> t)
    {
        foreach (var from in (ReadOnlySpan<int>)[(int)RefLabel.Title, (int)RefLabel.Container])
            for (var l = 0; l < L; l++)
                if (l != from) t[from * L + l] = Forbidden;
    }

    static void AddTo(Span<float> to, ReadOnlySpan<float> from)
    {
        ref var d = ref MemoryMarshal.GetReference(to);
        ref var s = ref MemoryMarshal.GetReference(from);
        var k = 0;
        for (; k <= to.Length - Vector512<float>.Count; k += Vector512<float>.Count)
            (Vector512.LoadUnsafe(ref d, (nuint)k) + Vector512.LoadUnsafe(ref s, (nuint)k)).StoreUnsafe(ref d, (nuint)k);
        for (; k < to.Length; k++) Unsafe.Add(ref d, k) += Unsafe.Add(ref s, k);
    }

    /// <summary>
    /// Viterbi, all 15 labels at once: for each previous label p, the scores through p into every label are one vector
    /// (p's score broadcast plus p's row of transitions), kept where strictly better, so each label keeps the first
    /// best p exactly as a label-by-label loop over p does.
    /// </summary>
    void Viterbi(float[] emission, float[] transition, int n, RefLabel[] labels)
    {
        var score = Buffer(ref t_score, n * S);
        var back = Buffer(ref t_back, n * S);
        for (var l = 0; l < L; l++) score[l] = emission[l] + _transitions[LL + l];
        ref var tr = ref MemoryMarshal.GetArrayDataReference(transition);
        for (var i = 1; i < n; i++)
        {
            var best = Vector512.Create(float.NegativeInfinity);
            var arg = Vector512<int>.Zero;
            var row = (nuint)(i * LL);
            var previous = (i - 1) * S;
            for (var p = 0; p < L; p++)
            {
                var through = Vector512.Create(score[previous + p]) + Vector512.LoadUnsafe(ref tr, row + (nuint)(p * L));
                var better = Vector512.GreaterThan(through, best);
                best = Vector512.ConditionalSelect(better, through, best);
                arg = Vector512.ConditionalSelect(better.AsInt32(), Vector512.Create(p), arg);
            }
            (best + Vector512.LoadUnsafe(ref emission[i * S])).StoreUnsafe(ref score[i * S]);
            arg.StoreUnsafe(ref back[i * S]);
        }
        var last = 0;
        for (var l = 1; l < L; l++)
            if (score[(n - 1) * S + l] > score[(n - 1) * S + last]) last = l;
        for (var i = n - 1; i >= 0; i--)
        {
            labels[i] = (RefLabel)last;
            last = back[i * S + last];
        }
    }

    /// <summary>Writes the model gzip'd: lexicons, transitions, then each feature's non-zero weights as halves.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        // A model trained without the container phrases is written in the format before them, byte for byte as then.
        writer.Write(Lexicons.UsePhrases ? Magic : MagicWithoutPhrases);
        writer.Write(L);
        foreach (var list in Lexicons.UsePhrases ? [.. Lexicons.Learned, Lexicons.Containers] : Lexicons.Learned)
        {
            var words = list.Order(StringComparer.Ordinal).ToArray();
            writer.Write(words.Length);
            foreach (var w in words) writer.Write(w);
        }
        foreach (var t in _transitions) writer.Write(t);
        writer.Write(_edgeRows.Count);
        foreach (var (hash, row) in _edgeRows.OrderBy(r => r.Key))
        {
            writer.Write(hash);
            for (var k = 0; k < L * L; k++) writer.Write((Half)_edgeWeights[row * L * L + k]);
        }
        writer.Write(_rows.Count);
        foreach (var (hash, row) in _rows.OrderBy(r => r.Key))
        {
            writer.Write(hash);
            var w = _weights.AsSpan(_weightBase + row * S, L);
            ushort mask = 0;
            for (var l = 0; l < L; l++) if ((Half)w[l] != Half.Zero) mask |= (ushort)(1 << l);
            writer.Write(mask);
            for (var l = 0; l < L; l++) if ((mask & (1 << l)) != 0) writer.Write((Half)w[l]);
        }
    }

    /// <summary>
    /// A float array on the pinned heap (it never moves) and the index from which it is 64-byte aligned: a weight row
    /// (16 floats) then fills exactly one cache line, one memory fetch a feature instead of two.
    /// </summary>
    static unsafe (float[] Array, int Base) CacheLineAligned(int length)
    {
        var array = GC.AllocateArray<float>(length + S, pinned: true);
        var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        return (array, (int)((64 - address % 64) % 64 / sizeof(float)));
    }

    public static RefModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16), Encoding.UTF8);
        var magic = reader.ReadString();
        if (magic is not (Magic or MagicWithoutPhrases)) throw new InvalidDataException("not a reference tagger model");
        if (reader.ReadInt32() != L) throw new InvalidDataException("the model's label set differs from this build's");
        var lexicons = new RefLexicons { UsePhrases = magic == Magic };
        HashSet<string>[] lists = magic == Magic ? [.. lexicons.Learned, lexicons.Containers] : lexicons.Learned;
        foreach (var list in lists)
        {
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++) list.Add(reader.ReadString());
        }
        var transitions = new float[(L + 1) * L];
        for (var i = 0; i < transitions.Length; i++) transitions[i] = reader.ReadSingle();
        var edgeCount = reader.ReadInt32();
        var edgeRows = new Dictionary<ulong, int>(edgeCount);
        var edgeWeights = new float[edgeCount * L * L];
        for (var r = 0; r < edgeCount; r++)
        {
            edgeRows[reader.ReadUInt64()] = r;
            for (var k = 0; k < L * L; k++) edgeWeights[r * L * L + k] = (float)reader.ReadHalf();
        }
        var rowCount = reader.ReadInt32();
        var rows = new Dictionary<ulong, int>(rowCount);
        var (weights, weightBase) = CacheLineAligned(rowCount * S);
        for (var r = 0; r < rowCount; r++)
        {
            rows[reader.ReadUInt64()] = r;
            var mask = reader.ReadUInt16();
            for (var l = 0; l < L; l++)
                if ((mask & (1 << l)) != 0) weights[weightBase + r * S + l] = (float)reader.ReadHalf();
        }
        return new RefModel(rows, weights, weightBase, transitions, edgeRows, edgeWeights, lexicons);
    }
}
