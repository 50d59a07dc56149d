using System.Text.Json.Serialization;

namespace Hqt.Api.Lookups;

// The parts of OpenAlex's Work object hqt reads (https://docs.openalex.org/api-entities/works/work-object).
public sealed record OpenAlexWork(
    string Id,
    string? Doi,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("publication_year")] int? PublicationYear,
    [property: JsonPropertyName("cited_by_count")] int? CitedByCount,
    IReadOnlyList<OpenAlexAuthorship>? Authorships,
    [property: JsonPropertyName("referenced_works")] IReadOnlyList<string>? ReferencedWorks,
    OpenAlexIds? Ids,
    string? Type);

public sealed record OpenAlexAuthorship(OpenAlexAuthor? Author, [property: JsonPropertyName("raw_author_name")] string? RawAuthorName);

public sealed record OpenAlexAuthor(string? Id, [property: JsonPropertyName("display_name")] string? DisplayName, string? Orcid);

public sealed record OpenAlexIds(string? Openalex, string? Doi, string? Pmid);

public sealed record OpenAlexPage(IReadOnlyList<OpenAlexWork> Results);
