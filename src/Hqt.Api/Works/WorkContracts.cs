namespace Hqt.Api.Works;

/// <summary>A work in the reader's graph: what it is, how it is known, what it cites, who cites it, and how its lookup went.</summary>
/// <param name="Id">The id suggestions use (<c>work-12</c>).</param>
/// <param name="IsCaptured">The reader has captured this work's page.</param>
/// <param name="Container">The journal, book or proceedings it appeared in, as a citing page's reference or a lookup record says.</param>
/// <param name="Pages">A page range (<c>45-67</c>) or an article number.</param>
/// <param name="Title">The work's own title; null when nobody gave one (a journal reference cited without it).</param>
/// <param name="Label">What to show it as: its title, else who, when and where it appeared (<c>Polchinski 2001 · Int. J. Mod. Phys.
/// A16, 707</c>), else a name read off its address or its link. Made when read, never stored as a title.</param>
public sealed record WorkResponse(
    string Id,
    string Kind,
    string? Title,
    int? Year,
    string? Url,
    string? Doi,
    string? ArxivId,
    string? Isbn,
    string? Pmid,
    IReadOnlyList<string> Authors,
    int? CitedByCount,
    bool IsCaptured,
    IReadOnlyList<WorkIdentity> Identities,
    IReadOnlyList<WorkLink> References,
    IReadOnlyList<WorkLink> CitedBy,
    WorkLookup? Lookup,
    string? Container = null,
    string? Volume = null,
    string? Issue = null,
    string? Pages = null,
    string? Publisher = null,
    string? Label = null);

public sealed record WorkIdentity(string Scheme, string Value);

/// <summary>One edge seen from the work: the work at the other end and who said so (<c>capture</c>, <c>openalex</c>, <c>crossref</c>, <c>web</c>).</summary>
/// <param name="Label">What to show the other work as (see <see cref="WorkResponse.Label"/>).</param>
public sealed record WorkLink(string Id, string? Title, int? Year, string? Url, string Origin, long? CaptureId, string? Label = null);

/// <summary>The work's lookup job: <c>queued</c>, <c>running</c>, <c>done</c> or <c>failed</c>, and what it found.</summary>
public sealed record WorkLookup([property: System.ComponentModel.DataAnnotations.AllowedValues("queued", "running", "done", "failed")] string State, string? Outcome, int Attempts, int Depth, string UpdatedAt, string? NotBefore, string? LastError);
