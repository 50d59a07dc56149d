using System.IO.Compression;
using System.Text;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// A linear-chain tagger's weights: one row of per-label weights a feature hash, label-to-label transitions, and the
/// lexicons its features read. Decoding is Viterbi over emission + transition scores.
/// </summary>
public sealed class RefModel
{
    const int L = RefLabels.Count;
    const string Magic = "HQTREFTAG3";

    readonly Dictionary<ulong, int> _rows;
    readonly FeatureTable _table;
    readonly FeatureTable _edgeTable;
    readonly float[] _weights;       // rows × L
    readonly float[] _transitions;   // (L + 1) × L: row L is the start state
    readonly Dictionary<ulong, int> _edgeRows;
    readonly float[] _edgeWeights;   // edge rows × L × L: label pair weights given what separates two tokens

    public RefLexicons Lexicons { get; }
    public int FeatureCount => _rows.Count;

    public RefModel(Dictionary<ulong, int> rows, float[] weights, float[] transitions, Dictionary<ulong, int> edgeRows, float[] edgeWeights, RefLexicons lexicons)
    {
        _rows = rows;
        _weights = weights;
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
        var features = sequence.Tokens;
        var n = features.Length;
        var labels = new RefLabel[n];
        margins = new float[n];
        if (n == 0) return labels;
        var emission = new float[n * L];
        for (var i = 0; i < n; i++)
        {
            var scores = emission.AsSpan(i * L, L);
            foreach (var f in features[i])
                if (_table.TryGet(f, out var row))
                {
                    var w = _weights.AsSpan(row * L, L);
                    for (var l = 0; l < L; l++) scores[l] += w[l];
                }
        }
        // Transition scores at each boundary: the label pair's own weight plus what the boundary's features add.
        var transition = new float[n * L * L];
        for (var i = 1; i < n; i++)
        {
            var t = transition.AsSpan(i * L * L, L * L);
            _transitions.AsSpan(0, L * L).CopyTo(t);
            foreach (var f in sequence.Edges[i])
                if (_edgeTable.TryGet(f, out var row))
                {
                    var w = _edgeWeights.AsSpan(row * L * L, L * L);
                    for (var k = 0; k < L * L; k++) t[k] += w[k];
                }
        }
        Viterbi(emission, transition, n, labels);
        for (var i = 0; i < n; i++)
        {
            var y = (int)labels[i];
            var prev = i == 0 ? L : (int)labels[i - 1];
            float best = float.NegativeInfinity, chosen = 0;
            for (var l = 0; l < L; l++)
            {
                var into = i == 0 ? _transitions[L * L + l] : transition[i * L * L + prev * L + l];
                var outOf = i + 1 < n ? transition[(i + 1) * L * L + l * L + (int)labels[i + 1]] : 0;
                var s = emission[i * L + l] + into + outOf;
                if (l == y) chosen = s;
                else if (s > best) best = s;
            }
            margins[i] = chosen - best;
        }
        return labels;
    }

    void Viterbi(float[] emission, float[] transition, int n, RefLabel[] labels)
    {
        var score = new float[n * L];
        var back = new byte[n * L];
        for (var l = 0; l < L; l++) score[l] = emission[l] + _transitions[L * L + l];
        for (var i = 1; i < n; i++)
            for (var l = 0; l < L; l++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < L; p++)
                {
                    var s = score[(i - 1) * L + p] + transition[i * L * L + p * L + l];
                    if (s > best) { best = s; arg = p; }
                }
                score[i * L + l] = best + emission[i * L + l];
                back[i * L + l] = (byte)arg;
            }
        var last = 0;
        for (var l = 1; l < L; l++)
            if (score[(n - 1) * L + l] > score[(n - 1) * L + last]) last = l;
        for (var i = n - 1; i >= 0; i--)
        {
            labels[i] = (RefLabel)last;
            last = back[i * L + last];
        }
    }

    /// <summary>Writes the model gzip'd: lexicons, transitions, then each feature's non-zero weights as halves.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(L);
        foreach (var list in Lexicons.Learned)
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
            var w = _weights.AsSpan(row * L, L);
            ushort mask = 0;
            for (var l = 0; l < L; l++) if ((Half)w[l] != Half.Zero) mask |= (ushort)(1 << l);
            writer.Write(mask);
            for (var l = 0; l < L; l++) if ((mask & (1 << l)) != 0) writer.Write((Half)w[l]);
        }
    }

    public static RefModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16), Encoding.UTF8);
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a reference tagger model");
        if (reader.ReadInt32() != L) throw new InvalidDataException("the model's label set differs from this build's");
        var lexicons = new RefLexicons();
        foreach (var list in lexicons.Learned)
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
        var weights = new float[rowCount * L];
        for (var r = 0; r < rowCount; r++)
        {
            rows[reader.ReadUInt64()] = r;
            var mask = reader.ReadUInt16();
            for (var l = 0; l < L; l++)
                if ((mask & (1 << l)) != 0) weights[r * L + l] = (float)reader.ReadHalf();
        }
        return new RefModel(rows, weights, transitions, edgeRows, edgeWeights, lexicons);
    }
}
