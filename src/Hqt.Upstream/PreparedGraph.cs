namespace Hqt.Upstream;

/// <summary>
/// Everything the ranker derives from a <see cref="ReaderGraph"/> alone: the int-indexed citation evidence
/// (adjacency, distinct writers, year gaps), each candidate's features (<see cref="RankFeatures"/>) and weighted score
/// before exclusions, and the candidates in score order. Built once per graph by <see cref="UpstreamRanker.Prepare"/>
/// and read-only afterwards, so one instance serves any number of concurrent
/// <see cref="UpstreamRanker.Rank(PreparedGraph, RankOptions)"/> calls; exclusions, limit and seed stay per query.
/// </summary>
public sealed class PreparedGraph
{
    internal PreparedGraph(ReaderGraph graph) : this(new CitationEvidence(graph)) { }

    PreparedGraph(CitationEvidence evidence) : this(evidence, RankWeights.For(evidence)) { }

    internal PreparedGraph(ReaderGraph graph, RankWeights weights) : this(new CitationEvidence(graph), weights) { }

    internal PreparedGraph(CitationEvidence evidence, RankWeights weights) : this(evidence, new RankFeatures(evidence, weights), weights) { }

    /// <summary>Re-weighs features already computed: what the tuning command does for each weight it tries.</summary>
    internal PreparedGraph(CitationEvidence evidence, RankFeatures features, RankWeights weights)
    {
        Evidence = evidence;
        Features = features;
        Weights = weights;
        var nodes = Evidence.Ids.Count;
        IsPerson = new bool[nodes];
        Scores = new double[nodes];
        var candidates = new List<int>(nodes);
        var explorable = new List<int>(nodes);
        for (var i = 0; i < nodes; i++)
        {
            IsPerson[i] = Evidence.IsPerson(i);
            // A candidate is anything cited; whether it is excluded is the query's business.
            if (Evidence.CapturesCiting(i).Length == 0 && Evidence.WorksCiting(i).Length == 0) continue;
            // A work known only by its address (a bare link, a DOI nothing has looked up yet) gets no lift from its age or
            // popularity and gives way to a titled work on equal evidence: a reader cannot recognise it.
            Scores[i] = IsPerson[i] || !UpstreamRanker.IsKnownOnlyByAddress(Evidence.Nodes[i])
                ? features.Score(i, weights)
                : features.ScoreWithoutPriors(i, weights) - 1e-9;
            candidates.Add(i);
            // The void: works no capture cites, reached only through the works your captures cite.
            if (!IsPerson[i] && Evidence.CapturesCiting(i).Length == 0) explorable.Add(i);
        }
        ByScore = [.. candidates];
        // Best first, ties by id, so a list never depends on the order the graph listed its works in.
        var ids = Evidence.Ids;
        var scores = Scores;
        Array.Sort(ByScore, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : string.CompareOrdinal(ids[a], ids[b]));
        // A graph nobody expanded has no second hop: explore among every other candidate then.
        if (explorable.Count == 0) foreach (var i in candidates) if (!IsPerson[i]) explorable.Add(i);
        Explorable = [.. explorable];
        People = features.People;
        // The person-level columns these weights use, computed now: a library's first query after a change should not pay them.
        PeopleRanker.Terms(People, weights);
    }

    /// <summary>The graph's people, read once (<see cref="PeopleIndex"/>): names, keys, forms and per-person citers.</summary>
    internal PeopleIndex People { get; }

    internal CitationEvidence Evidence { get; }

    internal RankFeatures Features { get; }

    internal RankWeights Weights { get; }

    /// <summary>Per node: a reference of kind person (evidence for the person, never a work to read).</summary>
    internal bool[] IsPerson { get; }

    /// <summary>Per candidate node: the weighted sum of its features.</summary>
    internal double[] Scores { get; }

    /// <summary>Every candidate, best score first (ties by id).</summary>
    internal int[] ByScore { get; }

    /// <summary>
    /// Exploration draws from these, in node order: the works outside the reader's neighbourhood (no capture cites them)
    /// yet linked to it (a work a capture cites cites them); every non-person candidate when there are none.
    /// </summary>
    internal int[] Explorable { get; }

    /// <summary>How many distinct captures the graph has.</summary>
    public int CaptureCount => Evidence.Captures.Count;

    /// <summary>How many distinct non-captured works (and people) the graph knows.</summary>
    public int NodeCount => Evidence.Ids.Count;
}
