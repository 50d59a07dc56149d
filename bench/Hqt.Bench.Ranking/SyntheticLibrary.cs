using Hqt.Upstream;

namespace Hqt.Bench.Ranking;

/// <summary>
/// A reader's library at the scale issue 5 asks for: captures citing works with a skewed popularity (a few works
/// cited everywhere, a long tail), some works expanded by lookups, titles from a small vocabulary. Deterministic.
/// </summary>
static class SyntheticLibrary
{
    static readonly string[] Words = ("active learning parsing translation alignment sentiment discourse summarization " +
        "semantic dependency neural statistical models corpus annotation evaluation phrase syntax lexical word " +
        "segmentation morphology generation dialogue entity recognition temporal paraphrase domain adaptation").Split(' ');

    public static ReaderGraph Generate(int captures, int referencesPerCapture, int works, int expandedWorks, int referencesPerExpanded, int seed)
    {
        var random = new Random(seed);
        string Title() => string.Join(' ', Enumerable.Range(0, 4 + random.Next(6)).Select(_ => Words[random.Next(Words.Length)]));
        string[] Authors() => Enumerable.Range(0, 1 + random.Next(3)).Select(_ => $"Author{random.Next(30_000)}, A.").ToArray();
        // Squaring a uniform draw skews towards low ids: low ids are the popular works.
        int Popular(int count) => (int)(Math.Pow(random.NextDouble(), 2) * count);

        var workNodes = new List<WorkNode>(works);
        for (var i = 0; i < works; i++)
        {
            IReadOnlyList<string>? references = i % (works / expandedWorks) == 0
                ? Enumerable.Range(0, referencesPerExpanded).Select(_ => $"w{Popular(works)}").ToList()
                : null;
            workNodes.Add(new WorkNode($"w{i}", Title(), 1980 + random.Next(40), Authors(), references, random.Next(2000)));
        }
        var captureNodes = Enumerable.Range(0, captures).Select(i => new WorkNode(
            $"c{i}", Title(), 2000 + random.Next(25), Authors(),
            Enumerable.Range(0, referencesPerCapture).Select(_ => $"w{Popular(works)}").ToList())).ToList();
        return new ReaderGraph(captureNodes, workNodes);
    }
}
