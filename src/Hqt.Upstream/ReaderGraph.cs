namespace Hqt.Upstream;

/// <summary>A work in the reader's graph: a captured page, something it cites, or something a lookup found.</summary>
/// <param name="Id">Stable identity (a work id, an AAN id, a DOI): the ranker only compares ids.</param>
/// <param name="References">Ids this work cites; null when nobody looked (not expanded), empty when it cites nothing.</param>
/// <param name="CitedByCount">Citations the wider world gives it (OpenAlex <c>cited_by_count</c>), when known.</param>
/// <param name="Kind">paper, book, chapter, thesis, report, webpage or person, as the extractor named it.</param>
public sealed record WorkNode(
    string Id,
    string? Title,
    int? Year,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string>? References,
    int? CitedByCount = null,
    string Kind = "paper")
{
    /// <summary>
    /// What a work without a title is shown as in reasons and lineage (who, when and where it appeared, made by the host).
    /// Never read as a title: topic terms, title matching and the titled test look at <see cref="Title"/> only.
    /// </summary>
    public string? Label { get; init; }
}

/// <summary>What the reader has read (the captures) and every other work known around them.</summary>
public sealed record ReaderGraph(IReadOnlyList<WorkNode> Captures, IReadOnlyList<WorkNode> Works);

/// <param name="Excluded">Ids (works, or people as <c>person:</c> + normalised name) the reader dismissed, snoozed or already read.</param>
/// <param name="ExploreShare">Share of the list (0–0.5) given to seeded random picks, each marked as exploration.</param>
public sealed record RankOptions(
    int Limit = 50,
    double ExploreShare = 0,
    int Seed = 0,
    IReadOnlySet<string>? Excluded = null);

/// <summary>One suggested work with the evidence behind it.</summary>
/// <param name="CitingCaptures">Ids of the captures that cite it directly.</param>
/// <param name="CitingWorks">Ids of other known works (not captures) that cite it: the second hop.</param>
public sealed record RankedWork(
    string Id,
    double Score,
    string Reason,
    IReadOnlyList<string> CitingCaptures,
    IReadOnlyList<string> CitingWorks,
    bool IsExploration)
{
    /// <summary>The strongest chains of evidence (at most 3), each from a capture to this work: see <see cref="Lineage"/>.</summary>
    public IReadOnlyList<IReadOnlyList<LineageStep>> Lineage { get; init; } = [];
}

/// <summary>One suggested person: an author of upstream works.</summary>
public sealed record RankedPerson(string Name, double Score, string Reason, IReadOnlyList<string> WorkIds)
{
    /// <summary>The strongest chains of evidence (at most 3), each from a capture through one of their works to the person.</summary>
    public IReadOnlyList<IReadOnlyList<LineageStep>> Lineage { get; init; } = [];
}

public sealed record RankResult(IReadOnlyList<RankedWork> Works, IReadOnlyList<RankedPerson> People);
