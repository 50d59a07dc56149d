using System.Text.Json;
using Hqt.Api.Graph;
using Hqt.Api.Hosting;
using Hqt.Extraction;
using Hqt.Extraction.Text;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// OpenAlex's works API: the work by DOI, then its referenced works in batches of 50 with the
/// <c>filter=openalex:W1|W2…</c> form (one request per 50 references instead of one each).
/// </summary>
public sealed class OpenAlexClient(IHttpClientFactory clients, Outbound outbound, LookupCache cache, IOptions<LookupsOptions> options)
{
    public const string Source = "openalex";
    const int BatchSize = 50;
    const string Fields = "id,doi,display_name,publication_year,cited_by_count,authorships,ids,type,primary_location,biblio";
    readonly LookupsOptions _options = options.Value;

    public async Task<LookupResult?> LookUpAsync(string doi, CancellationToken ct)
    {
        var work = await GetAsync<OpenAlexWork>($"/works/doi:{ScholarlyHttp.EscapeDoi(doi)}?select={Fields},referenced_works", ct);
        if (work is null) return null;

        var referenced = (work.ReferencedWorks ?? []).Select(ShortId).Where(id => id.Length > 0).Distinct().ToList();
        var cited = new List<CitedWork>(referenced.Count);
        foreach (var batch in referenced.Chunk(BatchSize))
        {
            var page = await GetAsync<OpenAlexPage>($"/works?filter=openalex:{string.Join('|', batch)}&per-page={BatchSize}&select={Fields}", ct);
            // Keep OpenAlex's order (the paper's), whatever order the batch came back in.
            var byId = (page?.Results ?? []).ToDictionary(w => ShortId(w.Id));
            cited.AddRange(batch.Where(byId.ContainsKey).Select(id => new CitedWork(ToFacts(byId[id]), "referenced_works")));
        }
        return new LookupResult(Source, ToFacts(work), Authors(work), cited, ShortId(work.Id));
    }

    async Task<T?> GetAsync<T>(string pathAndQuery, CancellationToken ct) where T : class
    {
        var answer = await cache.GetOrFetchAsync(Source, pathAndQuery,
            token => ScholarlyHttp.GetJsonAsync(clients.CreateClient(LookupsSetup.ScholarlyClient), outbound, new Uri(_options.OpenAlexBaseUrl.TrimEnd('/') + ScholarlyHttp.WithMailto(pathAndQuery, _options.ContactEmail)), token), ct);
        return answer is { Status: 200, Body: { } body } ? JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web) : null;
    }

    static WorkFacts ToFacts(OpenAlexWork work)
    {
        var doi = Identifiers.Doi(work.Doi ?? work.Ids?.Doi);
        return new WorkFacts(
            work.Type is "book" or "monograph" ? ReferenceKinds.Book : ReferenceKinds.Paper,
            InlineMarkup.Strip(work.DisplayName), work.PublicationYear, null, doi, Identifiers.ArxivFromDoi(doi), null, Identifiers.Pmid(work.Ids?.Pmid),
            (work.Authorships ?? []).Select(a => a.Author?.DisplayName ?? a.RawAuthorName).OfType<string>().ToList(),
            work.CitedByCount)
            .WithVenue(Container(work.PrimaryLocation?.Source), work.Biblio?.Volume, work.Biblio?.Issue, Pages(work.Biblio),
                work.PrimaryLocation?.Source?.HostOrganizationName);
    }

    // A repository (arXiv, PubMed Central, a university's) hosts a copy; it is not where the work appeared.
    static string? Container(OpenAlexSource? source) => source is { Type: not "repository" } ? InlineMarkup.Strip(source.DisplayName) : null;

    static string? Pages(OpenAlexBiblio? biblio) => biblio switch
    {
        { FirstPage: { Length: > 0 } first, LastPage: { Length: > 0 } last } when last != first => $"{first}-{last}",
        { FirstPage: { Length: > 0 } first } => first,
        _ => null,
    };

    static List<AuthorFacts> Authors(OpenAlexWork work) =>
        (work.Authorships ?? []).Where(a => (a.Author?.DisplayName ?? a.RawAuthorName) is not null)
            .Select(a => new AuthorFacts((a.Author?.DisplayName ?? a.RawAuthorName)!, a.Author?.Orcid, AuthorKinds.Person)).ToList();

    /// <summary>"https://openalex.org/W2741809807" → "W2741809807".</summary>
    static string ShortId(string id) => id[(id.LastIndexOf('/') + 1)..];
}
