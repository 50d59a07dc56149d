namespace Hqt.Upstream;

/// <summary>
/// Everything the ranker derives from a <see cref="ReaderGraph"/> alone: the int-indexed citation evidence
/// (adjacency, distinct writers, two-hop weights, year gaps), each candidate's score before exclusions and its
/// title closeness, and the candidates in score order. Built once per graph by <see cref="UpstreamRanker.Prepare"/>
/// and read-only afterwards, so one instance serves any number of concurrent
/// <see cref="UpstreamRanker.Rank(PreparedGraph, RankOptions)"/> calls; exclusions, limit and seed stay per query.
/// </summary>
public sealed class PreparedGraph
{
    internal PreparedGraph(ReaderGraph graph)
    {
        Evidence = new CitationEvidence(graph);
        var nodes = Evidence.Ids.Count;
        IsPerson = new bool[nodes];
        BaseScores = new double[nodes];
        Closeness = new double[nodes];
        var candidates = new List<int>(nodes);
        var explorable = new List<int>(nodes);
        for (var i = 0; i < nodes; i++)
        {
            IsPerson[i] = Evidence.IsPerson(i);
            // A candidate is anything cited; whether it is excluded is the query's business.
            if (Evidence.CapturesCiting(i).Length == 0 && Evidence.WorksCiting(i).Length == 0) continue;
            BaseScores[i] = UpstreamRanker.BaseScore(Evidence, i);
            Closeness[i] = Evidence.Topic.Similarity(Evidence.Nodes[i]?.Title);
            candidates.Add(i);
            if (!IsPerson[i]) explorable.Add(i);
        }
        ByBaseScore = [.. candidates];
        // Negated keys sort descending exactly (negation is exact); the order among equal scores never matters,
        // since the query reads a threshold and a prefix cut at a value from it, never a position.
        var keys = new double[ByBaseScore.Length];
        for (var k = 0; k < keys.Length; k++) keys[k] = -BaseScores[ByBaseScore[k]];
        Array.Sort(keys, ByBaseScore);
        Explorable = [.. explorable];
    }

    internal CitationEvidence Evidence { get; }

    /// <summary>Per node: a reference of kind person (evidence for the person, never a work to read).</summary>
    internal bool[] IsPerson { get; }

    /// <summary>Per candidate node: the score from citation evidence, popularity and age (title closeness apart).</summary>
    internal double[] BaseScores { get; }

    /// <summary>Per candidate node: <see cref="TopicProfile.Similarity"/> of its title, in [0, 1].</summary>
    internal double[] Closeness { get; }

    /// <summary>Every candidate, best base score first.</summary>
    internal int[] ByBaseScore { get; }

    /// <summary>Every candidate that is not a person, in node order: exploration draws from these.</summary>
    internal int[] Explorable { get; }

    /// <summary>How many distinct captures the graph has.</summary>
    public int CaptureCount => Evidence.Captures.Count;

    /// <summary>How many distinct non-captured works (and people) the graph knows.</summary>
    public int NodeCount => Evidence.Ids.Count;
}
