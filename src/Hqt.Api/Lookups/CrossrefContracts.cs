using System.Text.Json.Serialization;

namespace Hqt.Api.Lookups;

// The parts of Crossref's work message hqt reads (https://api.crossref.org/swagger-ui/index.html, /works/{doi}).
public sealed record CrossrefEnvelope(CrossrefWork? Message);

// /works?query.bibliographic=…: a list of works, best match first.
public sealed record CrossrefSearchEnvelope(CrossrefWorkList? Message);

public sealed record CrossrefWorkList(IReadOnlyList<CrossrefWork>? Items);

public sealed record CrossrefWork(
    [property: JsonPropertyName("DOI")] string? Doi,
    IReadOnlyList<string>? Title,
    IReadOnlyList<CrossrefAuthor>? Author,
    CrossrefDate? Issued,
    [property: JsonPropertyName("is-referenced-by-count")] int? IsReferencedByCount,
    IReadOnlyList<CrossrefReference>? Reference,
    string? Type,
    [property: JsonPropertyName("container-title")] IReadOnlyList<string>? ContainerTitle = null,
    string? Volume = null,
    string? Issue = null,
    string? Page = null,
    string? Publisher = null);

public sealed record CrossrefAuthor(string? Given, string? Family, string? Name, [property: JsonPropertyName("ORCID")] string? Orcid);

public sealed record CrossrefDate([property: JsonPropertyName("date-parts")] IReadOnlyList<IReadOnlyList<int?>>? DateParts);

public sealed record CrossrefReference(
    [property: JsonPropertyName("DOI")] string? Doi,
    [property: JsonPropertyName("article-title")] string? ArticleTitle,
    [property: JsonPropertyName("volume-title")] string? VolumeTitle,
    string? Author,
    string? Year,
    [property: JsonPropertyName("ISBN")] string? Isbn,
    string? Unstructured,
    [property: JsonPropertyName("journal-title")] string? JournalTitle = null,
    string? Volume = null,
    [property: JsonPropertyName("first-page")] string? FirstPage = null);
