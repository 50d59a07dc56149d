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
    IReadOnlyList<SuggestionPath> Paths);

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
public sealed record PageUpstream(
    string Url,
    long? CaptureId,
    string? Title,
    IReadOnlyList<PageAuthor> Authors,
    IReadOnlyList<Suggestion> References,
    IReadOnlyList<Suggestion> Inspirations);
