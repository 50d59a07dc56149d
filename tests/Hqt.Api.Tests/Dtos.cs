namespace Hqt.Api.Tests;

// Read-side shapes: the tests read the wire as a client would, not through the server's own types.
public sealed record AuthorDto(string Name, string? Url, string Kind, List<string> Signals);
public sealed record CaptureDto(long Id, long DocumentId, string Url, string CanonicalUrl, string? Title, List<AuthorDto> Authors, int ReferenceCount, DateTimeOffset CapturedAt, string Extraction);
public sealed record CapturePageDto(List<CaptureDto> Items, string? NextCursor);
public sealed record ProblemDto(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);
