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
    string? Type,
    [property: JsonPropertyName("primary_location")] OpenAlexLocation? PrimaryLocation = null,
    OpenAlexBiblio? Biblio = null);

/// <summary>Where the work was published: its source (journal, proceedings, repository) and that source's publisher.</summary>
public sealed record OpenAlexLocation(OpenAlexSource? Source);

public sealed record OpenAlexSource(
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("host_organization_name")] string? HostOrganizationName,
    string? Type);

public sealed record OpenAlexBiblio(
    string? Volume,
    string? Issue,
    [property: JsonPropertyName("first_page")] string? FirstPage,
    [property: JsonPropertyName("last_page")] string? LastPage);

public sealed record OpenAlexAuthorship(OpenAlexAuthor? Author, [property: JsonPropertyName("raw_author_name")] string? RawAuthorName);

public sealed record OpenAlexAuthor(string? Id, [property: JsonPropertyName("display_name")] string? DisplayName, string? Orcid);

public sealed record OpenAlexIds(string? Openalex, string? Doi, string? Pmid);

public sealed record OpenAlexPage(IReadOnlyList<OpenAlexWork> Results);
