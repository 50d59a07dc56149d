namespace Hqt.Api.Imports;

/// <summary>An import and how far it has got.</summary>
/// <param name="State"><c>queued</c>, <c>storing</c> (entries into your graph), <c>fetching</c> (bookmarked pages, politely), <c>done</c> or <c>failed</c>.</param>
/// <param name="Processed">Entries stored so far (added, merged or skipped), of <c>Total</c>.</param>
/// <param name="FetchTotal">Bookmarked pages to capture; <c>Fetched</c> of them are finished (captured, already captured, or failed).</param>
/// <param name="Items">The report: every entry that was merged or skipped and every page that could not be fetched, with the reason (at most 1,000).</param>
public sealed record ImportJobResponse(
    long Id, string Format, string? FileName, string State, int Total, int Processed, int Added, int Merged, int Skipped,
    int FetchTotal, int Fetched, int Captured, int FetchFailed, string? Error, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ImportItemResponse>? Items = null);

/// <param name="Outcome"><c>added</c>, <c>merged</c> (it matched a work already in your graph or earlier in the file) or <c>skipped</c>.</param>
/// <param name="Fetch">For bookmarks: <c>pending</c>, <c>captured</c>, <c>existing</c> (already captured) or <c>failed</c>.</param>
public sealed record ImportItemResponse(int Position, string? Label, string Outcome, string? Reason, string? WorkId, string? Url, string? Fetch, string? FetchDetail);

public sealed record ImportList(IReadOnlyList<ImportJobResponse> Items);
