using System.Net;

namespace Hqt.Api.Tests;

/// <summary>
/// Issue 13, end to end through real captures: what a reader is shown is real. Page-scoped "who inspired its authors",
/// people that are people, works that are works.
/// </summary>
public class ReaderViewTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    const string Physiology = "https://journal.example.org/article/fever";
    const string Maths = "https://wiki.example.org/wiki/Hermitian_matrix";
    const string Newsletter = "https://news.example.net/weekly/42";

    static string Reference(string title, string doi, params string[] authors) =>
        $"""<meta name="citation_reference" content="citation_title={title}; {string.Join("; ", authors.Select(a => $"citation_author={a}"))}; citation_doi={doi}; citation_publication_date=1990">""";

    static string PhysiologyPaper => $"""
        <html><head><title>Fever and the preoptic area</title><meta name="citation_author" content="Andrej A Romanovsky">
        {Reference("Endotoxin shock-associated hypothermia", "10.1000/self.1", "AA Romanovsky", "N Sugimoto")}
        {Reference("Brain areas controlling thermoregulatory grooming", "10.1000/roberts.1", "WW Roberts", "T. et al")}
        {Reference("Phys. Rev. 82, 863 (1951)", "10.1000/phys.1", "Phys", "Astrophys")}
        </head><body><article><h1>Fever and the preoptic area</h1><p>We studied fever in rats with lesions of the preoptic area.</p>
        <p>See <a href="http://scholar.google.com/scholar?q=Brain+areas+controlling">Google Scholar</a> and the book
        <a href="https://wiki.example.org/wiki/Special:BookSources/9780521839402">ISBN 978-0-521-83940-2</a> for more on the topic.</p>
        </article></body></html>
        """;

    static string Page(string title, string author, string body) => $"""
        <html><head><title>{title}</title><meta name="author" content="{author}"></head><body><article><h1>{title}</h1>{body}</article></body></html>
        """;

    async Task<HttpClient> LibraryAsync()
    {
        var token = "view-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("viewer", token, null, default);
        var client = factory.CreateClient(token);
        await client.PostAsJsonAsync("/api/captures", new { url = Physiology, html = PhysiologyPaper });
        await client.PostAsJsonAsync("/api/captures", new { url = Maths, html = Page("Hermitian matrix", "Eve Sato", "<p>A Hermitian matrix equals its own conjugate transpose, a fact used everywhere.</p>") });
        await client.PostAsJsonAsync("/api/captures", new { url = Newsletter, html = Page("Kernel weekly", "Kim Lee",
            """<p>This week the scheduler changed, as <a href="https://lkml.example.org/2024/1/1/42">the patch thread</a> explains in detail.</p>""") });
        return client;
    }

    [Fact]
    public async Task APageThatCitesNothingNamesNoInspirationsAndSaysSo()
    {
        using var client = await LibraryAsync();

        var maths = await client.GetFromJsonAsync<PageUpstreamDto>($"/api/pages/upstream?url={Maths}");
        var newsletter = await client.GetFromJsonAsync<PageUpstreamDto>($"/api/pages/upstream?url={Newsletter}");

        Assert.Empty(maths!.Inspirations);
        Assert.False(string.IsNullOrWhiteSpace(maths.InspirationsNote));
        Assert.Empty(newsletter!.Inspirations);
        Assert.False(string.IsNullOrWhiteSpace(newsletter.InspirationsNote));
    }

    [Fact]
    public async Task APagesInspirationsComeFromItsOwnReferencesNeverItsOwnAuthors()
    {
        using var client = await LibraryAsync();

        var page = await client.GetFromJsonAsync<PageUpstreamDto>($"/api/pages/upstream?url={Physiology}");

        var names = page!.Inspirations.Select(p => p.Title).ToList();
        // Metadata authors are read as people and shown as a reader writes them ("WW Roberts" is W. W. Roberts).
        Assert.Contains("W. W. Roberts", names);
        Assert.Contains("N. Sugimoto", names);
        Assert.DoesNotContain(names, n => n.Contains("Romanovsky"));
        Assert.DoesNotContain(names, n => n.Contains("et al") || n is "Phys" or "Astrophys");
        Assert.All(page.Inspirations, p => Assert.Contains("cited by this page", p.Reason));
        Assert.Null(page.InspirationsNote);
    }

    [Fact]
    public async Task TheLibrarysPeopleArePeopleAndItsWorksAreWorks()
    {
        using var client = await LibraryAsync();

        var people = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=person&limit=50");
        var works = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work&limit=100");

        Assert.DoesNotContain(people!.Items, p => p.Title.Contains("et al") || p.Title is "Phys" or "Astrophys");
        Assert.DoesNotContain(works!.Items, w => (w.Url ?? "").Contains("scholar.google") || w.Title == "Google Scholar");
        Assert.DoesNotContain(works.Items, w => w.Title == "Phys. Rev. 82, 863 (1951)");
        Assert.Contains(works.Items, w => w.Title == "ISBN 9780521839402");
        Assert.Contains(works.Items, w => w.Url == "https://doi.org/10.1000/phys.1");
        // On equal citation evidence (cited once by the same writer, here the physiology page's), every titled work comes
        // before the ones known only by an address. Works cited by another capture carry other evidence (that page's
        // size and topic), so they are not compared. (Such a work is shown by a name made from its address, or by the
        // address itself when it has none.)
        static bool Untitled(SuggestionDto w) => w.Title == w.Url || w.Title == Hqt.Api.Suggestions.AddressTitles.For(w.Url);
        var sameWriter = works.Items.Where(w => w.Reason.Contains("Romanovsky")).ToList();
        var firstUntitled = sameWriter.FindIndex(Untitled);
        Assert.True(sameWriter.Count >= 4 && firstUntitled > 0);
        Assert.True(sameWriter.Skip(firstUntitled).All(w => Untitled(w) || w.Title.StartsWith("ISBN ")),
            string.Join('\n', works.Items.Select(w => $"{(Untitled(w) ? "untitled" : "titled")}: {w.Title} <{w.Url}> {w.Reason}")));
    }

    [Fact]
    public async Task APersonNamedOnlyInAFootnoteIsNotTheArticlesAuthor()
    {
        using var client = await LibraryAsync();

        await client.PostAsJsonAsync("/api/captures", new
        {
            url = "https://wiki.example.org/wiki/Bob_Dylan",
            html = """
                <html><head><title>Bob Dylan - Wiki</title></head><body><main><h1>Bob Dylan</h1><p>Bob Dylan is a singer-songwriter.</p>
                <ol class="references"><li><cite class="citation web">Dylan, Bob (June 6, 2017). <a href="https://nobel.example.org/lecture">Nobel Lecture</a>.</cite></li></ol></main></body></html>
                """,
        });
        var page = await client.GetFromJsonAsync<PageUpstreamDto>("/api/pages/upstream?url=https://wiki.example.org/wiki/Bob_Dylan");

        Assert.Empty(page!.Authors);
        Assert.Equal("Bob Dylan", page.Title);
        // Dylan wrote the Nobel lecture the footnote cites, so he may be a person of the graph, but the article about
        // him is not his work.
        var dylan = await client.GetAsync("/api/people/person-bobdylan");
        if (dylan.StatusCode == HttpStatusCode.OK)
        {
            var works = (await dylan.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("works").EnumerateArray().ToList();
            Assert.DoesNotContain(works, w => w.GetProperty("url").GetString() is { } url && url.Contains("wiki.example.org", StringComparison.Ordinal));
            Assert.DoesNotContain(works, w => w.GetProperty("isCaptured").GetBoolean());
        }
        else Assert.Equal(HttpStatusCode.NotFound, dylan.StatusCode);
    }
}
