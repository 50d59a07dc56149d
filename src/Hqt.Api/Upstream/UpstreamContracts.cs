using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Hqt.Upstream;

namespace Hqt.Api.Upstream;

/// <summary>The <c>upstream-suggest/v1</c> body: what a reader captured, with what each capture cites, and optionally one round of lookups.</summary>
/// <param name="Schema">"upstream-suggest/v1" when given.</param>
/// <param name="Track">"capture" or "lookup", as the eval harness labels the request; informational.</param>
/// <param name="Explore">Share of the list (0 to 0.5) given to seeded random picks, each marked as exploration.</param>
/// <param name="Seed">Seed of the exploration picks: the same seed gives the same list.</param>
public sealed record UpstreamRequest(
    [property: Required, MinLength(1), MaxLength(UpstreamRequest.MaxCaptures)] IReadOnlyList<UpstreamCapture> Captures,
    [property: StringLength(64)] string? Schema = null,
    [property: Range(1, 500)] int Limit = 50,
    UpstreamLookup? Lookup = null,
    [property: StringLength(32)] string? Track = null,
    [property: Range(0.0, 0.5)] double Explore = 0,
    int Seed = 0)
{
    public const string SchemaName = "upstream-suggest/v1";
    public const int MaxCaptures = 20_000;
}

/// <summary>A page the reader captured.</summary>
public sealed record UpstreamCapture(
    [property: Required, StringLength(2048, MinimumLength = 1)] string Id,
    [property: StringLength(8192)] string? Url = null,
    [property: StringLength(4096)] string? Title = null,
    int? Year = null,
    [property: StringLength(4096)] string? Venue = null,
    IReadOnlyList<string>? Authors = null,
    IReadOnlyList<UpstreamReference>? References = null);

/// <summary>A work a capture cites, with what the capture says about it.</summary>
public sealed record UpstreamReference(
    [property: Required, StringLength(2048, MinimumLength = 1)] string Id,
    [property: StringLength(4096)] string? Title = null,
    int? Year = null,
    IReadOnlyList<string>? Authors = null);

public sealed record UpstreamLookup(IReadOnlyList<LookupWork>? Works = null);

/// <summary>A work a lookup found (as OpenAlex would): its references when it was expanded, null when not.</summary>
public sealed record LookupWork(
    [property: Required, StringLength(2048, MinimumLength = 1)] string Id,
    [property: StringLength(4096)] string? Title = null,
    int? Year = null,
    IReadOnlyList<string>? Authors = null,
    [property: JsonPropertyName("cited_by_count"), Range(0, int.MaxValue)] int? CitedByCount = null,
    IReadOnlyList<string>? References = null);

/// <summary>The answer: works by score, each with its reason, then the people upstream.</summary>
public sealed record UpstreamResponse(string Schema, IReadOnlyList<UpstreamSuggestion> Suggestions, IReadOnlyList<UpstreamAuthor> Authors);

/// <param name="CitingCaptures">Ids of the captures that cite it.</param>
/// <param name="CitingWorks">Ids of the other works that cite it (the second hop).</param>
public sealed record UpstreamSuggestion(
    string Id,
    double Score,
    string Reason,
    bool IsExploration,
    IReadOnlyList<string> CitingCaptures,
    IReadOnlyList<string> CitingWorks)
{
    /// <summary>The strongest chains of evidence (at most 3), each from a capture (its request id) to this work.</summary>
    public IReadOnlyList<IReadOnlyList<LineageStep>> Lineage { get; init; } = [];
}

/// <param name="WorkIds">The suggested works they wrote.</param>
public sealed record UpstreamAuthor(string Name, double Score, string Reason, IReadOnlyList<string> WorkIds)
{
    /// <summary>The strongest chains of evidence (at most 3), each from a capture through one of their works to them (kind person).</summary>
    public IReadOnlyList<IReadOnlyList<LineageStep>> Lineage { get; init; } = [];
}
