using System.Text.Json;
using Hqt.Api.Graph;
using Hqt.Api.Hosting;
using Hqt.Extraction;
using Hqt.Extraction.Identity;
using Hqt.Extraction.ReferenceStrings;
using Hqt.Extraction.Text;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// Crossref's <c>/works/{doi}</c>: the fallback when OpenAlex does not know a DOI. References come inline
/// (<c>message.reference</c>). And <c>/works?query.bibliographic=</c>: a work cited without a title, found by who, when
/// and where it appeared (<see cref="FindByPlaceAsync"/>).
/// </summary>
public sealed class CrossrefClient(IHttpClientFactory clients, Outbound outbound, LookupCache cache, IOptions<LookupsOptions> options)
{
    public const string Source = "crossref";
    readonly LookupsOptions _options = options.Value;

    public async Task<LookupResult?> LookUpAsync(string doi, CancellationToken ct)
    {
        var path = $"/works/{ScholarlyHttp.EscapeDoi(doi)}";
        var answer = await GetAsync(path, ct);
        if (answer is not { Status: 200, Body: { } body } || JsonSerializer.Deserialize<CrossrefEnvelope>(body, JsonSerializerOptions.Web)?.Message is not { } work)
            return null;
        return ToResult(work, doi);
    }

    /// <summary>One Crossref path, through the lookup cache (with the polite pool's mailto).</summary>
    Task<CachedAnswer> GetAsync(string path, CancellationToken ct) =>
        cache.GetOrFetchAsync(Source, path,
            token => ScholarlyHttp.GetJsonAsync(clients.CreateClient(LookupsSetup.ScholarlyClient), outbound, new Uri(_options.CrossrefBaseUrl.TrimEnd('/') + ScholarlyHttp.WithMailto(path, _options.ContactEmail)), token), ct);

    /// <summary>Candidates a bibliographic search reads: the best few are enough, a sure match is among the first.</summary>
    const int SearchRows = 5;

    /// <summary>
    /// A work cited without a title ("J. Polchinski, Int. J. Mod. Phys. A16, 707 (2001)"), searched as Crossref advises for
    /// a reference string (<c>query.bibliographic</c>: "Polchinski Int. J. Mod. Phys. A16 707 2001"). A candidate is taken
    /// only when it is sure: its volume, first page and year are the reference's, its authors include the first cited
    /// author's family name when one is cited, and no other candidate is as sure. Its title and DOI then join the work.
    /// Anything less is no answer: a wrong title on a reader's work is worse than a label.
    /// </summary>
    public async Task<LookupResult?> FindByPlaceAsync(GraphStore.WorkToLookUp work, CancellationToken ct)
    {
        var authors = JsonSerializer.Deserialize<List<string>>(work.AuthorsJson) ?? [];
        var family = authors.Select(FamilyOf).FirstOrDefault(f => f is not null);
        var firstPage = WorkLocator.FirstPage(work.Pages);
        var volume = VolumeDigits(work.Container, work.Volume);
        if (firstPage is null || volume is null || work.Year is not { } cited) return null;
        var year = (int)cited;
        var query = string.Join(' ', new[] { family, work.Container, work.Volume, work.Pages?.Split('-', '\u2013')[0], year.ToString() }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        var path = $"/works?query.bibliographic={Uri.EscapeDataString(query)}&rows={SearchRows}";
        var answer = await GetAsync(path, ct);
        if (answer is not { Status: 200, Body: { } body }) return null;
        var items = JsonSerializer.Deserialize<CrossrefSearchEnvelope>(body, JsonSerializerOptions.Web)?.Message?.Items ?? [];
        var sure = items.Where(item => item.Doi is not null && item.Title is { Count: > 0 }
                && VolumeDigits(null, item.Volume) == volume
                && WorkLocator.FirstPage(item.Page) == firstPage
                && item.Issued?.DateParts?.FirstOrDefault()?.FirstOrDefault() == year
                && (family is null || (item.Author ?? []).Any(a => Fold(a.Family ?? a.Name) == Fold(family))))
            .ToList();
        return sure.Count == 1 && Identifiers.Doi(sure[0].Doi) is { } doi ? ToResult(sure[0], doi) : null;
    }

    /// <summary>The digits a volume is numbered by ("A16" → 16, "76" → 76); the container's own when it ends with them.</summary>
    static string? VolumeDigits(string? container, string? volume)
    {
        var text = WorkLocator.Fold((container ?? "") + " " + (volume ?? ""));
        var end = text.Length;
        while (end > 0 && !char.IsAsciiDigit(text[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsAsciiDigit(text[start - 1])) start--;
        return end > start ? text[start..end].TrimStart('0') : null;
    }

    static string? FamilyOf(string name) =>
        PersonName.TryParse(name, out var person) && person.Family.Length > 0 ? person.Family : null;

    static string Fold(string? text) => text is null ? "" : WorkLocator.Fold(text);

    static LookupResult ToResult(CrossrefWork work, string doi)
    {
        var authors = (work.Author ?? []).Select(Name).OfType<string>().ToList();
        var self = new WorkFacts(
            work.Type is "book" or "monograph" ? ReferenceKinds.Book : ReferenceKinds.Paper,
            InlineMarkup.Strip(work.Title?.FirstOrDefault()), work.Issued?.DateParts?.FirstOrDefault()?.FirstOrDefault(), null,
            Identifiers.Doi(work.Doi) ?? doi, Identifiers.ArxivFromDoi(doi), null, null, authors, work.IsReferencedByCount)
            .WithVenue(InlineMarkup.Strip(work.ContainerTitle?.FirstOrDefault()), work.Volume, work.Issue, work.Page, work.Publisher);
        var references = (work.Reference ?? []).Select(ToCited).OfType<CitedWork>().ToList();
        return new LookupResult(Source, self,
            (work.Author ?? []).Where(a => Name(a) is not null).Select(a => new AuthorFacts(Name(a)!, a.Orcid, AuthorKinds.Person)).ToList(),
            references);
    }

    static string? Name(CrossrefAuthor author) =>
        author.Family is { Length: > 0 } family ? (author.Given is { Length: > 0 } given ? $"{given} {family}" : family) : author.Name;

    /// <summary>
    /// A reference with a DOI or a title. A reference Crossref only has as an unstructured string is parsed, and makes
    /// a work only when the parse is confident and finds a title with an author, a year or a container, or no title but
    /// where the work appeared (journal, volume, first page) with name-shaped authors or a year, as physics cites.
    /// </summary>
    static CitedWork? ToCited(CrossrefReference reference)
    {
        var doi = Identifiers.Doi(reference.Doi);
        var title = InlineMarkup.Strip(reference.ArticleTitle ?? reference.VolumeTitle);
        if (doi is null && string.IsNullOrWhiteSpace(title))
            return reference.Unstructured is { Length: > 0 } unstructured ? FromUnstructured(unstructured) : null;
        var isbn = reference.Isbn?.Replace("-", "").Trim();
        var year = reference.Year is { Length: >= 4 } text && int.TryParse(text.AsSpan(0, 4), out var y) ? y : (int?)null;
        var facts = new WorkFacts(
            isbn is { Length: > 0 } && doi is null ? ReferenceKinds.Book : ReferenceKinds.Paper,
            title, year, null, doi, Identifiers.ArxivFromDoi(doi), isbn is { Length: > 0 } ? isbn : null, null,
            reference.Author is { Length: > 0 } author ? [author] : [])
            .WithVenue(InlineMarkup.Strip(reference.JournalTitle), reference.Volume, null, reference.FirstPage);
        return new CitedWork(facts, "crossref-reference", Context: reference.Unstructured);
    }

    static CitedWork? FromUnstructured(string text)
    {
        var parsed = ReferenceParser.Parse(text.Length > ReferenceParser.MaxLength ? text[..ReferenceParser.MaxLength] : text);
        // A title alone, with no author, year or container beside it, is too loose to make a work of.
        if (!parsed.IsConfident || (parsed.Authors.Count == 0 && parsed.Year is null && parsed.Container is null)) return null;
        var people = parsed.Title is null ? WorkFacts.People(parsed.Authors.Select(a => a.Display)) : parsed.Authors.Select(a => a.Display).ToList();
        if (parsed.Title is null && (WorkLocator.Key(parsed.Container, parsed.Volume, parsed.Pages) is null || (people.Count == 0 && parsed.Year is null))) return null;
        var doi = Identifiers.Doi(parsed.Doi);
        var facts = new WorkFacts(
            parsed.Isbn is not null && doi is null ? ReferenceKinds.Book : ReferenceKinds.Paper,
            parsed.Title, parsed.Year, null, doi, Identifiers.ArxivFromDoi(doi) ?? parsed.ArxivId, parsed.Isbn, parsed.Pmid,
            people)
            .WithVenue(parsed.Container, parsed.Volume, parsed.Issue, parsed.Pages, parsed.Publisher);
        return new CitedWork(facts, "crossref-reference", Context: text);
    }
}
