using System.Text.Json;
using Hqt.Api.Graph;
using Hqt.Api.Hosting;
using Hqt.Extraction;
using Hqt.Extraction.ReferenceStrings;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>Crossref's <c>/works/{doi}</c>: the fallback when OpenAlex does not know a DOI. References come inline (<c>message.reference</c>).</summary>
public sealed class CrossrefClient(IHttpClientFactory clients, Outbound outbound, LookupCache cache, IOptions<LookupsOptions> options)
{
    public const string Source = "crossref";
    readonly LookupsOptions _options = options.Value;

    public async Task<LookupResult?> LookUpAsync(string doi, CancellationToken ct)
    {
        var path = $"/works/{ScholarlyHttp.EscapeDoi(doi)}";
        var answer = await cache.GetOrFetchAsync(Source, path,
            token => ScholarlyHttp.GetJsonAsync(clients.CreateClient(LookupsSetup.ScholarlyClient), outbound, new Uri(_options.CrossrefBaseUrl.TrimEnd('/') + ScholarlyHttp.WithMailto(path, _options.ContactEmail)), token), ct);
        if (answer is not { Status: 200, Body: { } body } || JsonSerializer.Deserialize<CrossrefEnvelope>(body, JsonSerializerOptions.Web)?.Message is not { } work)
            return null;

        var authors = (work.Author ?? []).Select(Name).OfType<string>().ToList();
        var self = new WorkFacts(
            work.Type is "book" or "monograph" ? ReferenceKinds.Book : ReferenceKinds.Paper,
            work.Title?.FirstOrDefault(), work.Issued?.DateParts?.FirstOrDefault()?.FirstOrDefault(), null,
            Identifiers.Doi(work.Doi) ?? doi, Identifiers.ArxivFromDoi(doi), null, null, authors, work.IsReferencedByCount)
            .WithVenue(work.ContainerTitle?.FirstOrDefault(), work.Volume, work.Issue, work.Page, work.Publisher);
        var references = (work.Reference ?? []).Select(ToCited).OfType<CitedWork>().ToList();
        return new LookupResult(Source, self,
            (work.Author ?? []).Where(a => Name(a) is not null).Select(a => new AuthorFacts(Name(a)!, a.Orcid, AuthorKinds.Person)).ToList(),
            references);
    }

    static string? Name(CrossrefAuthor author) =>
        author.Family is { Length: > 0 } family ? (author.Given is { Length: > 0 } given ? $"{given} {family}" : family) : author.Name;

    /// <summary>
    /// A reference with a DOI or a title. A reference Crossref only has as an unstructured string is parsed, and makes
    /// a work only when the parse is confident and finds a title with an author, a year or a container.
    /// </summary>
    static CitedWork? ToCited(CrossrefReference reference)
    {
        var doi = Identifiers.Doi(reference.Doi);
        var title = reference.ArticleTitle ?? reference.VolumeTitle;
        if (doi is null && string.IsNullOrWhiteSpace(title))
            return reference.Unstructured is { Length: > 0 } unstructured ? FromUnstructured(unstructured) : null;
        var isbn = reference.Isbn?.Replace("-", "").Trim();
        var year = reference.Year is { Length: >= 4 } text && int.TryParse(text.AsSpan(0, 4), out var y) ? y : (int?)null;
        var facts = new WorkFacts(
            isbn is { Length: > 0 } && doi is null ? ReferenceKinds.Book : ReferenceKinds.Paper,
            title, year, null, doi, Identifiers.ArxivFromDoi(doi), isbn is { Length: > 0 } ? isbn : null, null,
            reference.Author is { Length: > 0 } author ? [author] : [])
            .WithVenue(reference.JournalTitle, reference.Volume, null, reference.FirstPage);
        return new CitedWork(facts, "crossref-reference", Context: reference.Unstructured);
    }

    static CitedWork? FromUnstructured(string text)
    {
        var parsed = ReferenceParser.Parse(text.Length > ReferenceParser.MaxLength ? text[..ReferenceParser.MaxLength] : text);
        // A title alone, with no author, year or container beside it, is too loose to make a work of.
        if (!parsed.IsConfident || parsed.Title is null || (parsed.Authors.Count == 0 && parsed.Year is null && parsed.Container is null)) return null;
        var doi = Identifiers.Doi(parsed.Doi);
        var facts = new WorkFacts(
            parsed.Isbn is not null && doi is null ? ReferenceKinds.Book : ReferenceKinds.Paper,
            parsed.Title, parsed.Year, null, doi, Identifiers.ArxivFromDoi(doi) ?? parsed.ArxivId, parsed.Isbn, parsed.Pmid,
            parsed.Authors.Select(a => a.Display).ToList())
            .WithVenue(parsed.Container, parsed.Volume, parsed.Issue, parsed.Pages, parsed.Publisher);
        return new CitedWork(facts, "crossref-reference", Context: text);
    }
}
