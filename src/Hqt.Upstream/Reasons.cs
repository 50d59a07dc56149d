using System.Globalization;
using System.Text;

namespace Hqt.Upstream;

/// <summary>The sentence behind each suggestion, naming the writers and works that carry the evidence.</summary>
static class Reasons
{
    const int NamesShown = 3;

    public static RankedWork ForWork(CitationEvidence evidence, WriterStamps stamps, int node, double score, bool isExploration)
    {
        var citingCaptures = evidence.CapturesCiting(node);
        var citingWorks = evidence.WorksCiting(node);
        var newWriters = new List<int>();
        var writers = evidence.DistinctWriters(stamps, citingCaptures, newWriters);
        var lineage = Upstream.Lineage.ForWork(evidence, node);

        var text = new StringBuilder();
        if (isExploration) text.Append("exploring beyond the strongest evidence: ");
        if (writers > 0)
        {
            text.Append("cited by ").Append(Count(writers, "writer", "writers")).Append(" you read (")
                .Append(NameList(newWriters.Select(c => WriterName(evidence.Captures[c])).ToList(), writers)).Append(')');
            if (citingWorks.Length > 0) text.Append(" and by ").Append(Count(citingWorks.Length, "work", "works")).Append(" they cite");
        }
        else if (citingWorks.Length > 0)
        {
            text.Append("cited by ").Append(Count(citingWorks.Length, "work", "works")).Append(" your writers cite");
            // Which work carries it, and whose reading leads there: what tells two such rows apart.
            if (lineage.Count > 0 && lineage[0].Count >= 3) text.Append(", most strongly ").Append(Through(evidence, lineage[0]));
            else text.Append(" (").Append(NameList(StrongestCiters(evidence, citingWorks), citingWorks.Length)).Append(')');
        }
        AppendAge(text, evidence, node);
        if (evidence.Nodes[node]?.CitedByCount is > 0 and var cited)
            text.Append("; ").Append(cited.ToString("N0", CultureInfo.InvariantCulture)).Append(" citations overall");

        return new RankedWork(
            evidence.Ids[node],
            Math.Round(score, 4),
            text.ToString(),
            CaptureIds(evidence, citingCaptures),
            WorkIds(evidence, citingWorks),
            isExploration) { Lineage = lineage };
    }

    static List<string> CaptureIds(CitationEvidence evidence, ReadOnlySpan<int> captures)
    {
        var ids = new List<string>(captures.Length);
        foreach (var c in captures) ids.Add(evidence.Captures[c].Id);
        return ids;
    }

    static List<string> WorkIds(CitationEvidence evidence, ReadOnlySpan<int> works)
    {
        var ids = new List<string>(works.Length);
        foreach (var h in works) ids.Add(evidence.Ids[h]);
        return ids;
    }

    /// <summary>
    /// "; 14 years before the works citing it": how far upstream of what cites it. Not the year itself: every
    /// suggestion carries its year as a field and every view shows it beside the title, so a reason that said it
    /// again ("1950 … ; from 1950") repeated itself on every row; how old it is next to its citers is what differs.
    /// </summary>
    public static void AppendAge(StringBuilder text, CitationEvidence evidence, int node)
    {
        if (evidence.MeanGap[node] >= 1)
            text.Append("; ").Append(Count((int)Math.Round(evidence.MeanGap[node]), "year", "years")).Append(" before the works citing it");
    }

    /// <summary>"“B” (2004), which Yulan He cites" or "“B2” (1999) through “B” (2004), which Yulan He cites": a chain's middle, in words.</summary>
    public static string Through(CitationEvidence evidence, IReadOnlyList<LineageStep> chain)
    {
        var middle = chain.Skip(1).Take(chain.Count - 2).Reverse().Select(Step).ToList();
        var capture = evidence.CaptureOf(chain[0].Id);
        var reader = capture < 0 ? Quote(null, chain[0].Id) : WriterName(evidence.Captures[capture]);
        return $"{string.Join(" through ", middle)}, which {reader} cites";
    }

    static string Step(LineageStep step) =>
        (step.Title is { Length: > 0 } title ? $"\u201C{title}\u201D" : step.Id) + (step.Year is { } y ? $" ({y})" : "");

    /// <summary>"A, B, C and 2 more" from the names at hand and how many there are in all.</summary>
    public static string NameList(IReadOnlyList<string> names, int total)
    {
        var shown = names.Take(NamesShown).ToList();
        var rest = total - shown.Count;
        return string.Join(", ", shown) + (rest > 0 ? $" and {rest} more" : "");
    }

    public static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    public static string Quote(WorkNode? node, string id) => (node?.Title is { Length: > 0 } title ? title : node?.Label) is { } shown ? $"\u201C{shown}\u201D" : id;

    public static string WriterName(WorkNode capture) =>
        capture.Authors.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a)) is { } author ? PersonNames.Display(author) : Quote(capture, capture.Id);

    // Name the citing works that weigh most (closest to your reading), not whichever came first.
    static List<string> StrongestCiters(CitationEvidence evidence, ReadOnlySpan<int> citingWorks) =>
        citingWorks.ToArray()
            .OrderByDescending(h => evidence.CiterWeight[h]).ThenBy(h => evidence.Ids[h], StringComparer.Ordinal)
            .Take(NamesShown).Select(h => Quote(evidence.Nodes[h], evidence.Ids[h])).ToList();
}
