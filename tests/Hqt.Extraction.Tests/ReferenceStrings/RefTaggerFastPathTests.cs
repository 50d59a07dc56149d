using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.Tests.ReferenceStrings;

/// <summary>
/// The tagger's fast paths give exactly what the plain algorithm gives: the vectorised Viterbi against a label-by-label
/// one (ties included), the one-table word lookup against the lists themselves, and a parse's shared buffers against
/// features of their own. The whole-set check is the bench's <c>--refparse-dump</c>, compared byte for byte.
/// </summary>
public class RefTaggerFastPathTests
{
    const int L = RefLabels.Count;

    [Fact]
    public void ViterbiMatchesTheLabelByLabelLoopTiesIncluded()
    {
        var random = new Random(20261206);
        for (var trial = 0; trial < 200; trial++)
        {
            // Small whole-number weights make equal scores common, so the first-best rule is what is tested.
            var features = 40;
            var rows = Enumerable.Range(0, features).ToDictionary(f => (ulong)(f + 1) * 7919, f => f);
            var weights = new float[features * RefModel.S];
            for (var r = 0; r < features; r++)
                for (var l = 0; l < L; l++) weights[r * RefModel.S + l] = random.Next(-3, 4);
            var transitions = Enumerable.Range(0, (L + 1) * L).Select(_ => (float)random.Next(-2, 3)).ToArray();
            var edgeRows = new Dictionary<ulong, int> { [5] = 0, [6] = 1 };
            var edgeWeights = Enumerable.Range(0, 2 * L * L).Select(_ => (float)random.Next(-2, 3)).ToArray();
            var model = new RefModel(rows, weights, transitions, edgeRows, edgeWeights, new RefLexicons());

            var n = random.Next(1, 30);
            var starts = new int[n + 1];
            var all = new List<ulong>();
            for (var i = 0; i < n; i++)
            {
                starts[i] = all.Count;
                for (var k = random.Next(0, 6); k > 0; k--) all.Add(random.Next(3) == 0 ? 12345 : rows.Keys.ElementAt(random.Next(features)));
            }
            starts[n] = all.Count;
            var edgeStarts = new int[n + 1];
            var edges = new List<ulong>();
            for (var i = 0; i < n; i++)
            {
                edgeStarts[i] = edges.Count;
                if (i > 0) for (var k = random.Next(0, 3); k > 0; k--) edges.Add((ulong)random.Next(4, 8));
            }
            edgeStarts[n] = edges.Count;
            var midPhrase = Enumerable.Range(0, n).Select(_ => random.Next(5) == 0).ToArray();
            var sequence = new RefSequence([.. all], starts, [.. edges], edgeStarts, midPhrase);

            Assert.Equal(PlainViterbi(sequence, rows, weights, transitions, edgeRows, edgeWeights), model.Decode(sequence, out _));
        }
    }

    /// <summary>The decoder as first written: scalar sums, then for each label the first previous label with the best score.</summary>
    static RefLabel[] PlainViterbi(RefSequence sequence, Dictionary<ulong, int> rows, float[] weights, float[] transitions,
        Dictionary<ulong, int> edgeRows, float[] edgeWeights)
    {
        var n = sequence.Length;
        var emission = new float[n, L];
        for (var i = 0; i < n; i++)
            foreach (var f in sequence.Token(i))
                if (rows.TryGetValue(f, out var row))
                    for (var l = 0; l < L; l++) emission[i, l] += weights[row * RefModel.S + l];
        var score = new float[n, L];
        var back = new int[n, L];
        for (var l = 0; l < L; l++) score[0, l] = emission[0, l] + transitions[L * L + l];
        for (var i = 1; i < n; i++)
        {
            var t = transitions[..(L * L)];
            foreach (var f in sequence.Edge(i))
                if (edgeRows.TryGetValue(f, out var row))
                    for (var k = 0; k < L * L; k++) t[k] += edgeWeights[row * L * L + k];
            if (sequence.MidPhrase(i))
                foreach (var from in new[] { (int)RefLabel.Title, (int)RefLabel.Container })
                    for (var l = 0; l < L; l++) if (l != from) t[from * L + l] = -1e6f;
            for (var l = 0; l < L; l++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < L; p++)
                    if (score[i - 1, p] + t[p * L + l] > best) { best = score[i - 1, p] + t[p * L + l]; arg = p; }
                score[i, l] = best + emission[i, l];
                back[i, l] = arg;
            }
        }
        var labels = new RefLabel[n];
        var last = 0;
        for (var l = 1; l < L; l++) if (score[n - 1, l] > score[n - 1, last]) last = l;
        for (var i = n - 1; i >= 0; i--) { labels[i] = (RefLabel)last; last = back[i, last]; }
        return labels;
    }

    [Fact]
    public void TheWordTableAgreesWithEveryList()
    {
        var lexicons = ReferenceParser.DefaultModel.Lexicons;
        var table = lexicons.Words();
        HashSet<string>[] lists = [lexicons.Given, lexicons.Family, lexicons.Journal, lexicons.Publisher, lexicons.Location,
            RefLexicons.Months, RefLexicons.EditorMarks, RefLexicons.Conjunctions, RefLexicons.Particles, RefLexicons.FunctionWords];
        var probes = lists.SelectMany(l => l).SelectMany(w => new[] { w, w + "s", w.ToUpperInvariant(), w[..^1] }).Append("").Distinct();
        foreach (var word in probes)
        {
            var kinds = table.Find(RefFeatures.Str(word), word);
            for (var i = 0; i < lists.Length; i++)
                Assert.True(lists[i].Contains(word) == (((int)kinds & (1 << i)) != 0), $"'{word}' on list {i}");
        }
    }

    [Fact]
    public void AListThatGrowsAfterUseIsLookedUpAfresh()
    {
        var lexicons = new RefLexicons();
        Assert.Equal(RefLexicons.Kind.None, lexicons.Words().Find(RefFeatures.Str("zyxwv"), "zyxwv"));
        lexicons.Journal.Add("zyxwv");
        Assert.Equal(RefLexicons.Kind.Journal, lexicons.Words().Find(RefFeatures.Str("zyxwv"), "zyxwv"));
    }

    [Theory]
    [InlineData("Carter, S. B. et al. Mycophenolic acid: an anti-cancer compound with unusual properties. Nature 223, 848–850 (1969).")]
    [InlineData("Hoskins, J. “Molecular phylogenies,” in Romberger, J. (ed.), Plant Growth (Springer, 1999), pp. 12-30.")]
    [InlineData("Pérez-Higueras JJ, de la Macorra JC. No Room for Man: the 21st Century Church. J Mod Phys. 2013;84(2):317-25.")]
    public void AParseOverSharedBuffersGivesWhatFeaturesOfTheirOwnGive(string text)
    {
        var model = ReferenceParser.DefaultModel;
        var tokens = RefTokenizer.Tokenize(text);
        var own = model.Decode(RefFeatures.Extract(tokens, model.Lexicons), out var ownMargins);
        // Another reference in between: the shared buffers are overwritten, each parse reads its own.
        _ = ReferenceParser.Label(RefTokenizer.Tokenize("Smith J. A short title. London: Press, 2001."), model, out _);
        var shared = ReferenceParser.Label(tokens, model, out var sharedMargins);
        Assert.Equal(own, shared);
        Assert.Equal(ownMargins.Select(BitConverter.SingleToInt32Bits), sharedMargins.Select(BitConverter.SingleToInt32Bits));
    }
}
