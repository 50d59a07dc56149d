using System.ComponentModel.DataAnnotations;
using Hqt.Extraction;

namespace Hqt.Api.Captures;

/// <summary>A page as the reader's browser rendered it.</summary>
/// <param name="Html">The rendered DOM; an empty string is refused as "not HTML" (422), a missing one as invalid (400).</param>
/// <param name="CapturedAt">When the reader captured it; defaults to when the server received it.</param>
public sealed record CreateCaptureRequest(
    [property: Required, StringLength(8192)] string Url,
    [property: Required(AllowEmptyStrings = true)] string Html,
    [property: StringLength(4096)] string? Title = null,
    [property: StringLength(1_000_000)] string? Selection = null,
    DateTimeOffset? CapturedAt = null);

/// <summary>A stored capture and the gist of what was extracted from it.</summary>
/// <param name="Extraction">
/// <c>extracted</c>; or <c>pending</c> when a busy server acknowledged the capture once its page was stored and
/// extracts it moments later (authors are empty and the canonical URL is the page URL's until then). Reading the
/// capture, the graph or suggestions finishes the reader's pending extractions first, so no read sees them.
/// </param>
/// <param name="Snippet">In search results: the page's text around the matched words, which sit between U+E000 and U+E001.</param>
public sealed record CaptureResponse(
    long Id,
    long DocumentId,
    string Url,
    string CanonicalUrl,
    string? Title,
    IReadOnlyList<ExtractedAuthor> Authors,
    int ReferenceCount,
    DateTimeOffset CapturedAt,
    [property: AllowedValues("extracted", "pending")] string Extraction,
    string? Snippet = null);

/// <summary>One capture with everything extracted from it.</summary>
public sealed record CaptureDetail(
    long Id,
    long DocumentId,
    string Url,
    string CanonicalUrl,
    string? Title,
    string? Selection,
    DateTimeOffset CapturedAt,
    string ContentHash,
    int ExtractorVersion,
    PageExtract Extract);

/// <summary>A page of captures, newest first; pass <c>NextCursor</c> back as <c>cursor</c> for the next one.</summary>
public sealed record CapturePage(IReadOnlyList<CaptureResponse> Items, string? NextCursor);

public sealed record ReextractResponse(int Processed, int Changed, int ExtractorVersion);
