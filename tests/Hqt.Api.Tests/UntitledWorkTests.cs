using System.Text.Json;
using Hqt.Api.Tests.Lookups;

namespace Hqt.Api.Tests;

/// <summary>
/// Works cited without a title (physics, chemistry, astronomy: "Phys. Rev. D 76, 056001 (2007)") become works known by
/// where they appeared: two pages citing one such work meet on it whatever their spelling of the journal, unrelated ones
/// never merge, and every view and export names them by a label made from their fields, never by a made-up title.
/// </summary>
public class UntitledWorkTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    static string Page(string title, string author, params string[] items) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{title}</title>
        <meta name="citation_title" content="{title}">
        <meta name="citation_author" content="{author}"></head>
        <body><article><h1>{title}</h1><p>On hadronic decays and what they tell us.</p>
        <h2>References</h2>
        <ol>{string.Concat(items.Select(i => $"<li>{i}</li>"))}</ol></article></body></html>
        """;

    async Task<HttpClient> ReaderAsync()
    {
        var token = "untitled-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("untitled-" + Guid.NewGuid().ToString("N")[..8], token, null, default);
        var client = factory.CreateClient(token);
        var first = await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://hep.example.org/decays-one", Page(
            "Charmless decays at next-to-leading order", "Ana Lindqvist",
            "[1] M. Beneke, G. Buchalla, M. Neubert, and C. T. Sachrajda, Phys. Rev. D 76, 056001 (2007).",
            "[2] J. Polchinski, Int. J. Mod. Phys. A16, 707-718 (2001).",
            "[3] R. P. Feynman, Phys. Rev. 76, 769 (1949).")));
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        var second = await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://hep.example.org/decays-two", Page(
            "Penguins in charmless decays", "Per Nilsson",
            "M. Beneke, G. Buchalla, M. Neubert and C.T. Sachrajda, Phys. Rev. D76, 056001 (2007)",
            "J. Polchinski, Int. J. Mod. Phys. A 16, 707 (2001)",
            "M. Beneke, G. Buchalla, M. Neubert, and C. T. Sachrajda, Phys. Rev. D 76, 056002 (2007).")));
        Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync());
        return client;
    }

    static async Task<List<SuggestionDto>> WorksAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work&limit=50"))!.Items;

    [Fact]
    public async Task TwoPagesCitingOneJournalReferenceInTwoSpellingsMeetOnOneWorkAndAnotherPageStaysApart()
    {
        using var client = await ReaderAsync();

        var works = await WorksAsync(client);

        var beneke = Assert.Single(works, w => w.Title.StartsWith("Beneke", StringComparison.Ordinal) && w.Title.EndsWith("056001", StringComparison.Ordinal));
        Assert.Equal("Beneke and 3 more, 2007 · Phys. Rev. D 76, 056001", beneke.Title);
        Assert.Equal(2, beneke.Paths.Count(p => p.Relation == "cited-by-capture"));
        Assert.Single(works, w => w.Title.EndsWith("056002", StringComparison.Ordinal));
        var polchinski = Assert.Single(works, w => w.Title.StartsWith("Polchinski 2001 · Int. J. Mod. Phys. A", StringComparison.Ordinal));
        Assert.Equal(2, polchinski.Paths.Count(p => p.Relation == "cited-by-capture"));

        var detail = (await client.GetFromJsonAsync<WorkDto>($"/api/works/{beneke.Id}"))!;
        Assert.Null(detail.Title);
        Assert.Equal(beneke.Title, detail.Label);
        Assert.Equal(("Phys. Rev. D", "76", "056001", 2007), (detail.Container, detail.Volume, detail.Pages, detail.Year));
        Assert.Equal(4, detail.Authors.Count);
        Assert.Contains(detail.Identities, i => i.Scheme == "locator" && i.Value == "physrevd76|56001");
        Assert.DoesNotContain(detail.Identities, i => i.Scheme == "title");
        Assert.Equal(2, detail.CitedBy.Count);
        Assert.All(detail.CitedBy, c => Assert.NotNull(c.Label));
    }

    [Fact]
    public async Task ExportsCarryTheJournalVolumeAndPagesAndNoMadeUpTitle()
    {
        using var client = await ReaderAsync();

        var bib = await client.GetStringAsync("/api/suggestions/export?format=bibtex&limit=50");
        using var csl = JsonDocument.Parse(await client.GetStringAsync("/api/suggestions/export?format=csljson&limit=50"));
        var ris = await client.GetStringAsync("/api/suggestions/export?format=ris&limit=50");
        var markdown = await client.GetStringAsync("/api/suggestions/export?format=markdown&limit=50");

        var start = bib.IndexOf("@article{polchinski2001,", StringComparison.Ordinal);
        Assert.True(start >= 0, bib);
        var entry = bib[start..bib.IndexOf("\n}", start, StringComparison.Ordinal)];
        Assert.Contains("journal = {", entry);
        Assert.Contains("pages = {707--718}", entry);
        Assert.Contains("year = {2001}", entry);
        Assert.DoesNotContain("title = ", entry);
        var item = csl.RootElement.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "polchinski2001");
        Assert.Equal("article-journal", item.GetProperty("type").GetString());
        Assert.False(item.TryGetProperty("title", out _));
        Assert.Equal("707-718", item.GetProperty("page").GetString());
        Assert.Contains("ID  - polchinski2001\r\n", ris);
        Assert.DoesNotContain("TI  - Polchinski", ris);
        Assert.DoesNotContain("·", bib);
        Assert.Contains("Polchinski 2001 · Int. J. Mod. Phys. A", markdown);
    }

    [Fact]
    public async Task APersonPageNamesTheirTitleLessWorkByItsLabel()
    {
        using var client = await ReaderAsync();
        var polchinski = (await WorksAsync(client)).Single(w => w.Title.StartsWith("Polchinski", StringComparison.Ordinal));

        using var person = JsonDocument.Parse(await client.GetStringAsync("/api/people/person-jpolchinski"));

        var work = Assert.Single(person.RootElement.GetProperty("works").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, work.GetProperty("title").ValueKind);
        Assert.Equal(polchinski.Title, work.GetProperty("label").GetString());
    }

    [Fact]
    public async Task ACitationMetaWithoutATitleIsShownByItsLabelAndThePageDoesNotCiteItself()
    {
        // IOP's citation_reference metas give journal, volume and pages but no title; the page's own DOI shows up in its
        // metas, its DOI line and its figures.
        const string own = "10.1088/1748-605X/ab007b";
        const string url = "https://iopscience.example.org/article/10.1088/1748-605X/ab007b";
        var token = "untitled-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("untitled-" + Guid.NewGuid().ToString("N")[..8], token, null, default);
        using var client = factory.CreateClient(token);
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Resorbable bilayer membranes for guided bone regeneration</title>
            <meta name="citation_title" content="Resorbable bilayer membranes for guided bone regeneration">
            <meta name="citation_author" content="Ahmet Engin Pazarçeviren">
            <meta name="citation_doi" content="{own}">
            <meta name="citation_reference" content="citation_journal_title=Mater. Sci. Eng. C; citation_author=Türkkan S; citation_author=Pazarçeviren A E; citation_author=Chu T-M G; citation_volume=80; citation_publication_date=2017; citation_firstpage=484; citation_lastpage=493; citation_doi=10.1016/j.msec.2017.06.016;">
            <meta name="citation_reference" content="citation_journal_title=Biomed. Mater.; citation_author=Pazarçeviren A E; citation_volume=14; citation_publication_date=2019; citation_firstpage=035018; citation_doi={own};">
            </head><body><article><h1>Resorbable bilayer membranes for guided bone regeneration</h1>
            <p>Membranes that resorb as bone grows back are what this study builds and tests in a rat model.</p>
            <p><a href="https://doi.org/{own}">https://doi.org/{own}</a> · <a href="https://iopscience.example.org/export?type=article&amp;doi={own}&amp;exportFormat=iopexport_bib">Export citation</a></p>
            <figure><a href="https://doi.org/{own}/fig1">https://doi.org/{own}/fig1</a></figure></article></body></html>
            """;
        (await client.PostAsJsonAsync("/api/captures", TestPages.Capture(url, html))).EnsureSuccessStatusCode();

        var upstream = (await client.GetFromJsonAsync<PageUpstreamDto>("/api/pages/upstream?url=" + Uri.EscapeDataString(url)))!;

        var cited = Assert.Single(upstream.References);
        Assert.Equal("https://doi.org/10.1016/j.msec.2017.06.016", cited.Url);
        Assert.Equal("Türkkan, Pazarçeviren and Chu 2017 · Mater. Sci. Eng. C 80, 484", cited.Title);
        var work = (await client.GetFromJsonAsync<WorkDto>($"/api/works/{cited.Id}"))!;
        Assert.Null(work.Title);
        Assert.Equal(cited.Title, work.Label);
        Assert.Equal("10.1016/j.msec.2017.06.016", work.Doi);
        Assert.Equal(("Mater. Sci. Eng. C", "80", "484-493", 2017), (work.Container, work.Volume, work.Pages, work.Year));
        Assert.Equal("S. Türkkan", work.Authors[0]);
        Assert.Equal("A. E. Pazarçeviren", work.Authors[1]);
        Assert.Equal("T.-M. G. Chu", work.Authors[2]);
        Assert.Contains(work.Identities, i => i.Scheme == "locator");
        Assert.DoesNotContain(work.Identities, i => i.Scheme == "title");
    }
}
