using System.ComponentModel.DataAnnotations;

namespace Hqt.Api.Suggestions;

/// <summary>A work or person to read next, with the evidence a person can check.</summary>
/// <param name="Id"><c>work-12</c> or <c>person-ada-lovelace</c>: what the feedback routes take.</param>
/// <param name="Kind"><c>work</c> or <c>person</c>.</param>
/// <param name="IsExploration">A seeded random pick from the edge of the graph, not a ranked one.</param>
public sealed record Suggestion(
    string Id,
    [property: AllowedValues("work", "person")] string Kind,
    string Title,
    string? Url,
    int? Year,
    IReadOnlyList<string> Authors,
    double Score,
    string Reason,
    bool IsExploration,
    IReadOnlyList<SuggestionPath> Paths)
{
    /// <summary>
    /// The strongest chains of evidence, at most 3, strongest first: each runs from something the reader read (kind
    /// <c>capture</c>) through the works that cite onwards (kind <c>work</c>) to this suggestion; a person's chain ends
    /// at their work and then the person (kind <c>person</c>). Ids are the ones the other routes take: <c>work-12</c>
    /// (a capture's step carries the captured work's id, and <c>captureId</c>, the capture <c>GET /api/captures/{id}</c>
    /// returns), <c>person-adalovelace</c>; on a page not captured, <c>page</c> for
    /// the page itself and <c>reference-3</c> for its fourth extracted reference that the library does not know.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Hqt.Upstream.LineageStep>> Lineage { get; init; } = [];
}

/// <summary>One piece of evidence: a capture or work that cites the suggestion, or a work the person wrote.</summary>
/// <param name="Relation"><c>cited-by-capture</c>, <c>cited-by-work</c> or <c>author-of</c>.</param>
public sealed record SuggestionPath([property: AllowedValues("cited-by-capture", "cited-by-work", "author-of")] string Relation, string Id, string? Title, string? Url);

/// <param name="IsStale">
/// Ranked on the library as it was before its latest change, because re-ranking a large library takes a moment:
/// asking again shortly gives the fresh list. Dismissed, snoozed and read items are left out either way.
/// </param>
public sealed record SuggestionList(IReadOnlyList<Suggestion> Items, bool IsStale = false);

public sealed record SnoozeRequest([property: Required] DateTimeOffset? Until);

/// <summary>A page not captured yet, to rank what it cites against the reader's graph.</summary>
public sealed record PageUpstreamRequest(
    [property: Required, StringLength(8192)] string Url,
    [property: Required(AllowEmptyStrings = true)] string Html);

public sealed record PageAuthor(string Name, string? Url, string Kind);

/// <summary>What one page stands on: its references ranked by the reader's graph, and who inspired its authors.</summary>
/// <param name="Inspirations">The authors of what this page cites, directly or through the works it cites: never the rest of the library, never the page's own authors.</param>
/// <param name="InspirationsNote">When <paramref name="Inspirations"/> is empty, why: the page cites nothing readable, or nothing it cites names its authors.</param>
public sealed record PageUpstream(
    string Url,
    long? CaptureId,
    string? Title,
    IReadOnlyList<PageAuthor> Authors,
    IReadOnlyList<Suggestion> References,
    IReadOnlyList<Suggestion> Inspirations,
    string? InspirationsNote = null);
