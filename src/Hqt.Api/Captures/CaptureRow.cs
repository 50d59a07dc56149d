using System.Text;
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
        var (authors, references) = _extract is { } extract ? (extract.Authors, extract.References.Count) : Summary(ExtractJson);
        return new(Id, DocumentId, Url, CanonicalUrl, Title, authors, references, DateTimeOffset.Parse(CapturedAt),
            IsPending ? "pending" : "extracted");
    }

    /// <summary>
    /// The authors and the number of references, read from the stored JSON without building the references: a list or
    /// search page of 50 captures used to deserialise every reference of every page only to count them (80 µs a
    /// capture of 30 references, most of the request's CPU; milliseconds for a page citing hundreds).
    /// </summary>
    internal static (IReadOnlyList<ExtractedAuthor> Authors, int References) Summary(string json)
    {
        IReadOnlyList<ExtractedAuthor> authors = [];
        var references = 0;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (authors, references);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isAuthors = reader.ValueTextEquals("authors"u8);
            var isReferences = reader.ValueTextEquals("references"u8);
            reader.Read();
            if (isAuthors && reader.TokenType == JsonTokenType.StartArray)
                authors = JsonSerializer.Deserialize<List<ExtractedAuthor>>(ref reader, CaptureJson.Options) ?? [];
            else if (isReferences && reader.TokenType == JsonTokenType.StartArray)
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    references++;
                    reader.Skip();
                }
            else reader.Skip();
        }
        return (authors, references);
    }

    public CaptureDetail ToDetail() =>
        new(Id, DocumentId, Url, CanonicalUrl, Title, Selection, DateTimeOffset.Parse(CapturedAt), ContentHash, (int)ExtractorVersion, Extract);
}

public static class CaptureJson
{
    /// <summary>How extraction results are kept in <c>captures.extract_json</c>: the same shape as on the wire.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
