using Hqt.Api.Graph;

namespace Hqt.Api.Lookups;

/// <summary>What one lookup learned about a work: its own facts, its authors and what it cites.</summary>
/// <param name="Source">The edge origin its citations get: <c>openalex</c>, <c>crossref</c> or <c>web</c>.</param>
/// <param name="ExternalId">The source's own id for the work (an OpenAlex W-id), kept as an identity.</param>
/// <param name="CanonicalUrl">For a fetched page: the URL it says it lives at, which joins the work's identities.</param>
public sealed record LookupResult(
    string Source,
    WorkFacts Work,
    IReadOnlyList<AuthorFacts> Authors,
    IReadOnlyList<CitedWork> References,
    string? ExternalId = null,
    string? SiteHost = null,
    string? CanonicalUrl = null);

public sealed record CitedWork(WorkFacts Facts, string Signal, string? AnchorText = null, string? Context = null);

/// <summary>Why a lookup ended without facts; kept as the job's outcome.</summary>
public sealed class LookupMiss(string outcome, string? detail = null) : Exception(detail ?? outcome)
{
    public string Outcome { get; } = outcome;
}
