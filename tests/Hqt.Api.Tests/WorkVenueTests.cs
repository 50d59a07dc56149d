using System.Text.Json;
using Hqt.Api.Tests.Lookups;

namespace Hqt.Api.Tests;

/// <summary>
/// Works carry where they appeared (journal, volume, issue, pages) from a captured page's reference list through the
/// graph into the work's detail and every export, and a later, vaguer citer does not overwrite what is known.
/// </summary>
public class WorkVenueTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    const string Review = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Growth of reading graphs: a review</title>
        <meta name="citation_title" content="Growth of reading graphs: a review">
        <meta name="citation_author" content="Ana Lindqvist"></head>
        <body><article><h1>Growth of reading graphs: a review</h1><p>We review how reading graphs grow.</p>
        <h2>References</h2>
        <ol class="references">
        <li>Smith J, Doe A. Growth of citation networks over four decades. Journal of Network Science. 2019;12(3):45-67. doi:10.1000/venue.net.2019</li>
        <li>Berg K, Holm L. Reading upstream in scholarly libraries. Information Processing and Management. 2018;54(2):112-130. doi:10.1000/venue.ipm.2018</li>
        </ol></article></body></html>
        """;

    const string LaterCiter = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>A short note on networks</title>
        <meta name="citation_title" content="A short note on networks">
        <meta name="citation_author" content="Per Nilsson"></head>
        <body><article><h1>A short note on networks</h1><p>On networks.</p>
        <h2>References</h2>
        <ol class="references">
        <li>Smith J, Doe A. Growth of citation networks over four decades. J Netw Sci. 2019;99:1-2. doi:10.1000/venue.net.2019</li>
        </ol></article></body></html>
        """;

    async Task<HttpClient> ReaderAsync()
    {
        var token = "venue-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("venue-" + Guid.NewGuid().ToString("N")[..8], token, null, default);
        var client = factory.CreateClient(token);
        var capture = await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://review.example.net/growth", Review));
        Assert.True(capture.IsSuccessStatusCode, await capture.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>The suggested work of this title (the reader's suggestions name each work by its API id), in detail.</summary>
    static async Task<WorkDto> SuggestedWorkAsync(HttpClient client, string title)
    {
        var suggestions = (await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work&limit=50"))!;
        var id = suggestions.Items.Single(s => s.Kind == "work" && s.Title == title).Id;
        return (await client.GetFromJsonAsync<WorkDto>($"/api/works/{id}"))!;
    }

    [Fact]
    public async Task AReferenceListsJournalVolumeIssueAndPagesReachTheWorkAndEveryExport()
    {
        using var client = await ReaderAsync();

        var bib = await client.GetStringAsync("/api/suggestions/export?format=bibtex&limit=50");
        using var csl = JsonDocument.Parse(await client.GetStringAsync("/api/suggestions/export?format=csljson&limit=50"));
        var ris = await client.GetStringAsync("/api/suggestions/export?format=ris&limit=50");
        var work = await SuggestedWorkAsync(client, "Growth of citation networks over four decades");

        Assert.Equal("Journal of Network Science", work.Container);
        Assert.Equal("12", work.Volume);
        Assert.Equal("3", work.Issue);
        Assert.Equal("45-67", work.Pages);
        var entry = BibTeXText.Entry(bib, "doi = {10.1000/venue.net.2019}");
        Assert.StartsWith("@article{", entry);
        Assert.Contains("journal = {Journal of Network Science}", entry);
        Assert.Contains("volume = {12}", entry);
        Assert.Contains("number = {3}", entry);
        Assert.Contains("pages = {45--67}", entry);
        var item = csl.RootElement.EnumerateArray().Single(i => i.TryGetProperty("DOI", out var d) && d.GetString() == "10.1000/venue.net.2019");
        Assert.Equal("article-journal", item.GetProperty("type").GetString());
        Assert.Equal("Journal of Network Science", item.GetProperty("container-title").GetString());
        Assert.Equal("12", item.GetProperty("volume").GetString());
        Assert.Equal("3", item.GetProperty("issue").GetString());
        Assert.Equal("45-67", item.GetProperty("page").GetString());
        Assert.Contains("JO  - Journal of Network Science", ris);
        Assert.Contains("VL  - 54", ris);
        Assert.Contains("SP  - 112", ris);
        Assert.Contains("EP  - 130", ris);
    }

    [Fact]
    public async Task ALaterVaguerCiterDoesNotOverwriteWhereTheWorkAppeared()
    {
        using var client = await ReaderAsync();

        var later = await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://notes.example.net/short", LaterCiter));
        var work = await SuggestedWorkAsync(client, "Growth of citation networks over four decades");

        Assert.True(later.IsSuccessStatusCode);
        Assert.Equal(2, work.CitedBy.Count);
        Assert.Equal("Journal of Network Science", work.Container);
        Assert.Equal("12", work.Volume);
        Assert.Equal("45-67", work.Pages);
    }

    [Fact]
    public async Task ABooksPublisherFromTheCitingPageReachesTheWorkAndEveryExport()
    {
        const string page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Harbours in print</title>
            <meta name="citation_title" content="Harbours in print">
            <meta name="citation_author" content="Ana Lindqvist">
            <meta name="citation_reference" content="citation_title=The Quiet Harbour: Fishing Towns of the North Atlantic; citation_author=William Summerfield; citation_publication_date=1987; citation_isbn=9780306406157; citation_publisher=Harbor House Press">
            <meta name="citation_reference" content="citation_title=Nets and tides of the northern coasts; citation_author=Kari Holm; citation_publication_date=1990; citation_dissertation_institution=University of Bergen">
            </head><body><article><h1>Harbours in print</h1><p>On books about harbours.</p></article></body></html>
            """;
        var token = "venue-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("venue-" + Guid.NewGuid().ToString("N")[..8], token, null, default);
        using var client = factory.CreateClient(token);
        Assert.True((await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://harbours.example.net/print", page))).IsSuccessStatusCode);

        var work = await SuggestedWorkAsync(client, "The Quiet Harbour: Fishing Towns of the North Atlantic");
        var bib = await client.GetStringAsync("/api/suggestions/export?format=bibtex&limit=50");
        using var csl = JsonDocument.Parse(await client.GetStringAsync("/api/suggestions/export?format=csljson&limit=50"));
        var ris = await client.GetStringAsync("/api/suggestions/export?format=ris&limit=50");

        Assert.Equal(("book", "Harbor House Press"), (work.Kind, work.Publisher));
        var book = bib[bib.IndexOf("@book{", StringComparison.Ordinal)..];
        Assert.Contains("publisher = {Harbor House Press}", book[..book.IndexOf("\n}", StringComparison.Ordinal)]);
        var item = csl.RootElement.EnumerateArray().Single(i => i.GetProperty("title").GetString()!.StartsWith("The Quiet Harbour"));
        Assert.Equal(("book", "Harbor House Press"), (item.GetProperty("type").GetString(), item.GetProperty("publisher").GetString()));
        Assert.Contains("PB  - Harbor House Press\r\n", ris);
        // A thesis's institution is who published it; a web page or misc entry carries no publisher field in BibTeX.
        var thesis = csl.RootElement.EnumerateArray().Single(i => i.GetProperty("title").GetString()!.StartsWith("Nets and tides"));
        Assert.Equal("University of Bergen", thesis.GetProperty("publisher").GetString());
        Assert.DoesNotContain("publisher = {University of Bergen}", bib);
    }
}
