using System.Net.Http.Json;
using Hqt.Api.Suggestions;

namespace Hqt.Api.Tests;

/// <summary>A cited page known only by its address is shown by a readable name, yet ranks as untitled.</summary>
public class AddressTitleTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    [Theory]
    [InlineData("https://github.com/fumin/ntm", "fumin/ntm · github.com")]
    [InlineData("https://www.example.org/", "example.org")]
    [InlineData("http://WWW.Example.ORG", "example.org")]
    [InlineData("https://en.wikipedia.org/wiki/Hermitian_matrix", "wiki/Hermitian matrix · en.wikipedia.org")]
    [InlineData("https://blog.example.com/2019/05/caf%C3%A9-notes.html?utm_source=x#part", "2019/05/café-notes · blog.example.com")]
    [InlineData("https://example.net/docs/index.html", "docs · example.net")]
    [InlineData("https://example.net/a/", "a · example.net")]
    public void AnAddressReadsAsPathThenSite(string url, string expected) =>
        Assert.Equal(expected, AddressTitles.For(url));

    [Fact]
    public void ALongPathKeepsItsLastSegmentsShort()
    {
        var name = AddressTitles.For("https://example.com/" + string.Join('/', Enumerable.Range(1, 20).Select(i => $"folder{i}")) + "/the-page");
        Assert.NotNull(name);
        Assert.StartsWith("…/", name);
        Assert.EndsWith("folder20/the-page · example.com", name);
        Assert.True(name!.Length <= 80, name);
    }

    [Fact]
    public void OneOverlongSegmentIsCut()
    {
        var name = AddressTitles.For("https://example.com/" + new string('x', 200));
        Assert.NotNull(name);
        Assert.EndsWith("… · example.com", name);
        Assert.True(name!.Length <= 80, name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("/relative/path")]
    public void WhatIsNoWebAddressHasNoName(string? url) => Assert.Null(AddressTitles.For(url));

    [Fact]
    public async Task AnUntitledCitedPageIsShownByItsAddressNameButNeverAboveATitledWork()
    {
        var token = "reader-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader", token, null, default);
        using var client = factory.CreateClient(token);
        const string untitled = "https://www.github.com/fumin/ntm";
        const string titled = "https://papers.example.org/ntm-paper";
        // The untitled link is cited first on each page, with a pointer ("here") that names nothing.
        string Page(string title, string author) => $"""
            <html><head><title>{title}</title><meta name="author" content="{author}"></head>
            <body><article><h1>{title}</h1>
            <p>The code is <a href="{untitled}">here</a>, and it follows <a href="{titled}">Neural Turing Machines explained</a>.</p>
            </article></body></html>
            """;
        (await client.PostAsJsonAsync("/api/captures", new { url = "https://ana.example/one", html = Page("One", "Ana Lindqvist") })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/captures", new { url = "https://ben.example/two", html = Page("Two", "Ben Okafor") })).EnsureSuccessStatusCode();

        var list = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work");

        var address = Assert.Single(list!.Items, s => s.Url == untitled);
        Assert.Equal("fumin/ntm · github.com", address.Title);
        var paper = Assert.Single(list.Items, s => s.Url == titled);
        Assert.Equal("Neural Turing Machines explained", paper.Title);
        Assert.True(list.Items.IndexOf(paper) < list.Items.IndexOf(address), "a titled work outranks one known by its address on equal evidence");

        var upstream = await client.GetFromJsonAsync<PageUpstreamDto>("/api/pages/upstream?url=" + Uri.EscapeDataString("https://ana.example/one"));
        Assert.Contains(upstream!.References, r => r.Url == untitled && r.Title == "fumin/ntm · github.com");
    }

    [Fact]
    public async Task ASitesHomePageIsShownByTheNameTheLinkGivesIt()
    {
        var token = "reader-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader-" + Guid.NewGuid().ToString("N")[..8], token, null, default);
        using var client = factory.CreateClient(token);
        const string html = """
            <html><head><title>Queues compared</title><meta name="author" content="Ana Lindqvist"></head>
            <body><article><h1>Queues compared</h1>
            <p>We tried <a href="https://www.rabbitmq.com/">RabbitMQ</a> first, read its
            <a href="https://www.rabbitmq.com/tutorials/first-steps.html">RabbitMQ</a> tutorial, then asked
            <a href="https://ubyssey.ca/">The Ubyssey</a> and bought stickers in the <a href="https://shop.queues-example.info/">Shop</a>.
            Then <a href="http://kafka.apache.org/">Kafka</a>, <a href="http://nsq.io/">NSQ</a>, <a href="https://www.vaultproject.io/">Vault</a>,
            <a href="http://chaijs.com/">Chai</a>, <a href="https://python-poetry.org/">poetry</a>, <a href="https://anno.tate.org.uk/">AnnoTate</a>
            and the <a href="https://community.redwoodjs.com/">Community</a> of <a href="https://www.unrelated-example.com/">Kestrel</a>.</p>
            </article></body></html>
            """;
        (await client.PostAsJsonAsync("/api/captures", new { url = "https://ana.example/queues", html })).EnsureSuccessStatusCode();

        var upstream = await client.GetFromJsonAsync<PageUpstreamDto>("/api/pages/upstream?url=" + Uri.EscapeDataString("https://ana.example/queues"));

        string? TitleOf(string url) => Assert.Single(upstream!.References, r => r.Url == url).Title;
        Assert.Equal("RabbitMQ", TitleOf("https://www.rabbitmq.com/"));
        Assert.Equal("The Ubyssey", TitleOf("https://ubyssey.ca/"));
        // A page inside the site is not the site: the one word names the site, not the tutorial.
        Assert.Equal("tutorials/first-steps · rabbitmq.com", TitleOf("https://www.rabbitmq.com/tutorials/first-steps.html"));
        // A site's part is called so on every site: the link names the part, whatever its subdomain says.
        Assert.Equal("shop.queues-example.info", TitleOf("https://shop.queues-example.info/"));
        Assert.Equal("community.redwoodjs.com", TitleOf("https://community.redwoodjs.com/"));
        // A product on its maker's subdomain (three letters stay the address), the name less a common tail or inside a hyphenated one.
        Assert.Equal("Kafka", TitleOf("http://kafka.apache.org/"));
        Assert.Equal("nsq.io", TitleOf("http://nsq.io/"));
        Assert.Equal("Vault", TitleOf("https://www.vaultproject.io/"));
        Assert.Equal("Chai", TitleOf("http://chaijs.com/"));
        Assert.Equal("poetry", TitleOf("https://python-poetry.org/"));
        Assert.Equal("AnnoTate", TitleOf("https://anno.tate.org.uk/"));
        // A word that is not the site's name is no name of it.
        Assert.Equal("unrelated-example.com", TitleOf("https://www.unrelated-example.com/"));
    }

    [Fact]
    public async Task AnAddressNoReaderCanOpenAndAPlatformsFrontPageAreNoWorks()
    {
        var token = "reader-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader-" + Guid.NewGuid().ToString("N")[..8], token, null, default);
        using var client = factory.CreateClient(token);
        const string html = """
            <html><head><title>Tokens for apps</title><meta name="author" content="Ana Lindqvist"></head>
            <body><article><h1>Tokens for apps</h1>
            <p>The app posts the code to <a href="https://3pp/oauth">https://3pp/oauth</a> and reads the answer at
            <a href="http://localhost:3000/callback">http://localhost:3000/callback</a>, as the draft says.</p>
            <p>The company owns <a href="https://www.instagram.com/">Instagram</a> and <a href="https://m.facebook.com/">Facebook</a>; its
            <a href="https://www.instagram.com/p/Cx1Tokens/">post about tokens</a> and <a href="https://www.rabbitmq.com/">RabbitMQ</a> are cited.</p>
            <h2>References</h2><ol><li>Lindqvist, A. (2024). Tokens on the wire: a field guide. <a href="http://localhost:8080/guide.pdf">PDF</a></li></ol>
            </article></body></html>
            """;
        (await client.PostAsJsonAsync("/api/captures", new { url = "https://ana.example/tokens", html })).EnsureSuccessStatusCode();

        var upstream = await client.GetFromJsonAsync<PageUpstreamDto>("/api/pages/upstream?url=" + Uri.EscapeDataString("https://ana.example/tokens"));

        var urls = upstream!.References.Select(r => r.Url).ToList();
        Assert.DoesNotContain(urls, u => u is not null && (u.Contains("3pp") || u.Contains("localhost") || u.TrimEnd('/').EndsWith("instagram.com") || u.Contains("facebook.com")));
        Assert.Contains("https://www.instagram.com/p/Cx1Tokens/", urls);
        Assert.Contains("https://www.rabbitmq.com/", urls);
        // The list item is a work by its title; the address beside it opened nothing, so it is not kept as the work's.
        var guide = Assert.Single(upstream.References, r => r.Title == "Tokens on the wire: a field guide");
        Assert.Null(guide.Url);
    }

    [Fact]
    public async Task AnIntranetPageKeepsItsLinksOnItsOwnHost()
    {
        var token = "reader-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader-" + Guid.NewGuid().ToString("N")[..8], token, null, default);
        using var client = factory.CreateClient(token);
        const string html = """
            <html><head><title>Handbook</title></head><body><article><h1>Handbook</h1>
            <p>The rota is kept on <a href="http://wiki/rota/2026">the rota page</a> for everyone on the team to read and amend.</p>
            </article></body></html>
            """;
        (await client.PostAsJsonAsync("/api/captures", new { url = "http://wiki/handbook", html })).EnsureSuccessStatusCode();

        var upstream = await client.GetFromJsonAsync<PageUpstreamDto>("/api/pages/upstream?url=" + Uri.EscapeDataString("http://wiki/handbook"));

        Assert.Contains(upstream!.References, r => r.Url == "http://wiki/rota/2026");
    }

    [Fact]
    public async Task AReferenceListItemsFurtherLinksAreNoWorksOfTheirOwn()
    {
        var token = "reader-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader-" + Guid.NewGuid().ToString("N")[..8], token, null, default);
        using var client = factory.CreateClient(token);
        // Nature's list: each item gives its DOI, then CAS, PubMed Central and ADS links to the same work.
        const string html = """
            <html><head><title>Protein structure</title><meta name="author" content="Ana Lindqvist"></head>
            <body><article><h1>Protein structure</h1><p>We predict structures from sequences.</p>
            <h2>References</h2><ol>
            <li>Anfinsen, C. B. Principles that govern the folding of protein chains. Science 181, 223–230 (1973).
              <a href="https://doi.org/10.1126/science.181.4096.223">Article</a>
              <a href="https://www.nature.com/articles/cas-redirect/1:CAS:528:DyaE3sXkvVygtbc%3D">CAS</a>
              <a href="http://www.ncbi.nlm.nih.gov/pmc/articles/PMC2443096">PubMed Central</a>
              <a href="http://adsabs.harvard.edu/cgi-bin/nph-data_query?link_type=ABSTRACT&amp;bibcode=1973Sci...181..223A">ADS</a></li>
            </ol></article></body></html>
            """;
        (await client.PostAsJsonAsync("/api/captures", new { url = "https://ana.example/protein", html })).EnsureSuccessStatusCode();

        var upstream = await client.GetFromJsonAsync<PageUpstreamDto>("/api/pages/upstream?url=" + Uri.EscapeDataString("https://ana.example/protein"));

        var work = Assert.Single(upstream!.References, r => r.Kind == "work");
        Assert.Equal("Principles that govern the folding of protein chains", work.Title);
        Assert.DoesNotContain(upstream.References, r => r.Url is { } u && (u.Contains("cas-redirect") || u.Contains("/pmc/") || u.Contains("adsabs")));
    }

    [Fact]
    public async Task APageCitingACapturedPagesDoiMeetsTheCapture()
    {
        var token = "reader-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader-" + Guid.NewGuid().ToString("N")[..8], token, null, default);
        using var client = factory.CreateClient(token);
        const string article = "https://journals.example.org/article/fever-and-the-hypothalamus";
        (await client.PostAsJsonAsync("/api/captures", new
        {
            url = article,
            html = """
                <html><head><title>Fever and the hypothalamus</title><meta name="citation_title" content="Fever and the hypothalamus">
                <meta name="citation_doi" content="10.5555/fever.2019.001"><meta name="citation_author" content="Ana Lindqvist"></head>
                <body><article><h1>Fever and the hypothalamus</h1><p>How the body sets its temperature when it fights an infection.</p></article></body></html>
                """,
        })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/captures", new
        {
            url = "https://ben.example/notes-on-fever",
            html = """
                <html><head><title>Notes on fever</title><meta name="author" content="Ben Okafor"></head>
                <body><article><h1>Notes on fever</h1><p>What I learned from reading about thermoregulation this spring.</p>
                <h2>References</h2><ol><li>Lindqvist, A. (2019). Fever and the hypothalamus. J Therm Biol 12, 1–9. <a href="https://doi.org/10.5555/FEVER.2019.001">doi:10.5555/fever.2019.001</a></li></ol>
                </article></body></html>
                """,
        })).EnsureSuccessStatusCode();

        var upstream = await client.GetFromJsonAsync<PageUpstreamDto>("/api/pages/upstream?url=" + Uri.EscapeDataString("https://ben.example/notes-on-fever"));

        // The cited work is the captured page (one work, found by its DOI), not a second work beside it.
        var cited = Assert.Single(upstream!.References, r => r.Kind == "work");
        Assert.Equal(article, cited.Url);
        var suggestions = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work&limit=50");
        Assert.DoesNotContain(suggestions!.Items, s => s.Url is { } u && u.Contains("10.5555", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnArticlesLandingPageAndItsFullTextCapturedApartDoNotCiteEachOther(bool landingFirst)
    {
        var token = "reader-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader-" + Guid.NewGuid().ToString("N")[..8], token, null, default);
        using var client = factory.CreateClient(token);
        var landing = new
        {
            url = "https://journal.example.org/article/view/10274",
            html = """
                <html><head><title>Surveillance, stigma &amp; sociotechnical design for HIV</title>
                <meta name="citation_title" content="Surveillance, stigma &amp; sociotechnical design for HIV">
                <meta name="citation_doi" content="10.5555/fm.v25i10.10274"><meta name="citation_author" content="Calvin Liang">
                <meta name="citation_author" content="Os Keyes"></head>
                <body><article><h1>Surveillance, stigma &amp; sociotechnical design for HIV</h1><p>An abstract about design and its harms.</p></article></body></html>
                """,
        };
        // The full text declares no DOI but links it, as the article's own.
        var fullText = new
        {
            url = "https://journal.example.org/article/view/10274/9729",
            html = """
                <html><head><title>Surveillance, stigma and sociotechnical design for HIV</title></head>
                <body><article><h1>Surveillance, stigma and sociotechnical design for HIV</h1>
                <p>doi: <a href="http://dx.doi.org/10.5555/fm.v25i10.10274">http://dx.doi.org/10.5555/fm.v25i10.10274</a></p>
                <p>We build on <a href="https://papers.example.org/design-justice">Design Justice: Community-Led Practices</a> and more.</p></article></body></html>
                """,
        };
        foreach (var page in landingFirst ? new[] { landing, fullText } : [fullText, landing])
            (await client.PostAsJsonAsync("/api/captures", page)).EnsureSuccessStatusCode();

        var upstream = await client.GetFromJsonAsync<PageUpstreamDto>("/api/pages/upstream?url=" + Uri.EscapeDataString(fullText.url));

        Assert.DoesNotContain(upstream!.References, r => r.Url == landing.url);
        Assert.Contains(upstream.References, r => r.Url == "https://papers.example.org/design-justice");
        Assert.DoesNotContain(upstream.Inspirations, p => p.Title is "Calvin Liang" or "Os Keyes");
    }
}
