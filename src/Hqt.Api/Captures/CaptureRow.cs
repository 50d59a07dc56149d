using System.Text.Json;
using Hqt.Extraction;

namespace Hqt.Api.Captures;

/// <summary>A capture as stored; mapped to the wire types below, never returned as is.</summary>
public sealed class CaptureRow
{
    public long Id { get; init; }
    public long DocumentId { get; init; }
    public string Url { get; init; } = "";
    public string CanonicalUrl { get; init; } = "";
    public string? Title { get; init; }
    public string? Selection { get; init; }
    public string CapturedAt { get; init; } = "";
    public string ContentHash { get; init; } = "";
    public string? IdempotencyKey { get; init; }
    public long ExtractorVersion { get; init; }
    public string ExtractJson { get; init; } = "{}";

    PageExtract? _extract;

    /// <summary>The extraction; set when the row was just written, else read from <see cref="ExtractJson"/> once.</summary>
    public PageExtract Extract
    {
        get => _extract ??= JsonSerializer.Deserialize<PageExtract>(ExtractJson, CaptureJson.Options)!;
        init => _extract = value;
    }

    /// <summary>Extractor version 0 marks a capture stored but not extracted yet.</summary>
    public bool IsPending => ExtractorVersion == PendingVersion;

    public const int PendingVersion = 0;

    public CaptureResponse ToResponse()
    {
        var extract = Extract;
        return new(Id, DocumentId, Url, CanonicalUrl, Title, extract.Authors, extract.References.Count, DateTimeOffset.Parse(CapturedAt),
            IsPending ? "pending" : "extracted");
    }

    public CaptureDetail ToDetail() =>
        new(Id, DocumentId, Url, CanonicalUrl, Title, Selection, DateTimeOffset.Parse(CapturedAt), ContentHash, (int)ExtractorVersion, Extract);
}

public static class CaptureJson
{
    /// <summary>How extraction results are kept in <c>captures.extract_json</c>: the same shape as on the wire.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
