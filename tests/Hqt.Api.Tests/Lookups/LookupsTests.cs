using System.Text.Json;
using Microsoft.AspNetCore.Builder;
namespace Hqt.Api.Tests.Lookups;

public class LookupsTests : IAsyncLifetime
{
    FakeServer _openAlex = null!, _crossref = null!, _web = null!;
    int _slowHits;
    readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        _openAlex = await FakeServer.StartAsync("127.0.0.1", app =>
        {
            app.MapGet("/works/doi:10.1000/alpha", () => Fixtures.Json(Fixtures.OpenAlexWork("W100", "10.1000/alpha", "Alpha: a study of upstream reading", 2019, 42,
                ["Ada Lovelace", "Charles Babbage"], ["W201", "W202", "W203"])));
            app.MapGet("/works", (string filter) => Fixtures.Json(Fixtures.OpenAlexList(filter["openalex:".Length..].Split('|').Reverse().Select(id => id switch
            {
                "W201" => Fixtures.OpenAlexWork("W201", "10.1000/root-one", "The first root of the field", 1990, 900, ["Root One"]),
                "W202" => Fixtures.OpenAlexWork("W202", null, "A second root without any DOI at all", 1995, 300, ["Root Two"]),
                _ => Fixtures.OpenAlexWork(id, $"10.1000/{id.ToLowerInvariant()}", $"Work {id} on something or other", 2001, 5, ["Someone Else"]),
            }))));
            // 429 once with a short Retry-After, then the answer.
            app.MapGet("/works/doi:10.1000/slow", (HttpContext context) => Interlocked.Increment(ref _slowHits) == 1
                ? Fixtures.TooManyRequests(context, "1")
                : Fixtures.Json(Fixtures.OpenAlexWork("W300", "10.1000/slow", "Slow but steady wins the race", 2010, 7, ["Tortoise"], [])));
            app.MapGet("/works/doi:10.1000/later", (HttpContext context) => Fixtures.TooManyRequests(context, "30"));
            app.MapGet("/works/{**rest}", () => Fixtures.Json(new { error = "Not found" }, 404));
        });
        _crossref = await FakeServer.StartAsync("127.0.0.1", app =>
        {
            app.MapGet("/works/10.1000/beta", () => Fixtures.Json(Fixtures.CrossrefWork("10.1000/beta", "Beta: only <i>Crossref</i> knows me", 2015, 12,
            [
                new { key = "ref1", DOI = "10.1000/root-one", unstructured = "Root One. The first root of the field. 1990." },
                new { key = "ref2", DOI = (string?)null, unstructured = "A book with no identifiers, too loose to be a work" },
            ])));
            app.MapGet("/works/10.1000/gamma-book", () => Fixtures.Json(Fixtures.CrossrefWork("10.1000/gamma-book", "Gamma: a book of upstream readings", 2012, 30, [], type: "book")));
            app.MapGet("/works/{**rest}", () => Fixtures.Json(new { status = "error", message = "Resource not found." }, 404));
        });
        _web = await FakeServer.StartAsync("127.0.0.2", app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private\n"));
            app.MapGet("/essay", () => Fixtures.Html(Fixtures.Page("An essay worth citing", "Edsger Dijkstra", 1968, "/source-a", "/source-b", "https://doi.org/10.1000/alpha")));
            app.MapGet("/private/notes", () => Fixtures.Html(Fixtures.Page("Private", "Nobody", 2000)));
            app.MapGet("/data.pdf", () => Results.Bytes([37, 80, 68, 70], "application/pdf"));
            app.MapGet("/huge", () => Fixtures.Html(Fixtures.Page("Huge", "Big", 2000) + new string(' ', 300_000)));
            // Held until the test opens the gate: what happens while a lookup is in flight.
            app.MapGet("/gated", async () =>
            {
                await _gate.Task;
                return Fixtures.Html(Fixtures.Page("A page behind a gate", "Gate Keeper", 1984, "/leaf-behind-gate"));
            });
            app.MapGet("/leaf-{id}", (string id) => Fixtures.Html(Fixtures.Page($"Leaf {id}", "Leaf Author", 1999)));
            for (var i = 0; i < 6; i++)
            {
                var n = i;
                app.MapGet($"/chain-{n}", () => Fixtures.Html(Fixtures.Page($"Chain page {n}", "Link Smith", 2000 + n, $"/chain-{n + 1}", $"/leaf-{n}-a", $"/leaf-{n}-b")));
            }
        });
    }

    public async Task DisposeAsync()
    {
        _gate.TrySetResult();
        await _openAlex.DisposeAsync();
        await _crossref.DisposeAsync();
        await _web.DisposeAsync();
    }

    LookupsApiFactory Factory(params (string Key, string Value)[] extra)
    {
        var settings = LookupsApiFactory.Defaults(_openAlex.BaseUrl, _crossref.BaseUrl, "127.0.0.1", "127.0.0.2");
        settings["Hqt:Lookups:MaxPageBytes"] = "200000";
        foreach (var (key, value) in extra) settings[key] = value;
        return new LookupsApiFactory(settings);
    }

    static object CapturePage(string url, params string[] cites) =>
        TestPages.Capture(url, Fixtures.Page("A reader's page about upstream", "Reader Writer", 2024, cites));

    [Fact]
    public async Task OpenAlexLookupsAddReferencesCitedByCountsAndAuthors()
    {
        using var factory = Factory();
        using var client = factory.CreateAuthorizedClient();

        var created = await client.PostAsJsonAsync("/api/captures", CapturePage("https://blog.example.com/upstream", "https://doi.org/10.1000/alpha"));
        var status = await LookupWait.UntilIdleAsync(client, atLeastDone: 1);
        var alphaId = await LookupWait.WorkIdAsync(factory, "doi", "10.1000/alpha");
        var alpha = (await client.GetFromJsonAsync<WorkDto>($"/api/works/work-{alphaId}"))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, status.Outcomes.GetValueOrDefault("openalex"));
        Assert.Equal("Alpha: a study of upstream reading", alpha.Title);
        Assert.Equal(42, alpha.CitedByCount);
        Assert.Equal(new[] { "Ada Lovelace", "Charles Babbage" }, alpha.Authors);
        Assert.Equal(("Journal of Upstream Studies", "7", "2", "100-120", "Upstream Press"), (alpha.Container, alpha.Volume, alpha.Issue, alpha.Pages, alpha.Publisher));
        Assert.Contains(alpha.Identities, i => i.Scheme == "openalex" && i.Value == "W100");
        // The paper's reference order survives the batch answer's (reversed) order.
        Assert.Equal(new[] { "The first root of the field", "A second root without any DOI at all", "Work W203 on something or other" },
            alpha.References.Where(r => r.Origin == "openalex").Select(r => r.Title));
        Assert.Contains(alpha.CitedBy, c => c.Origin == "capture" && c.Url == "https://blog.example.com/upstream");
        Assert.Equal(new WorkLookupDto("done", "openalex", 1, 1), alpha.Lookup! with { UpdatedAt = null, NotBefore = null, LastError = null });
        // One request for the work and one batch for its three references, each with the polite-pool mailto.
        Assert.Equal(2, _openAlex.Requests.Count);
        Assert.All(_openAlex.Requests, r => Assert.Contains("mailto=reader%40example.org", r.Target));
        Assert.Contains(_openAlex.Requests, r => Uri.UnescapeDataString(r.Target).Contains("filter=openalex:W201|W202|W203"));
        Assert.All(_openAlex.Requests, r => Assert.Contains("hqt/", r.Headers.UserAgent.ToString()));
        var rootOne = await LookupWait.WorkIdAsync(factory, "doi", "10.1000/root-one");
        Assert.Equal(900, (await client.GetFromJsonAsync<WorkDto>($"/api/works/{rootOne}"))!.CitedByCount);
    }

    [Fact]
    public async Task CrossrefAnswersWhenOpenAlexDoesNotKnowTheDoi()
    {
        using var factory = Factory();
        using var client = factory.CreateAuthorizedClient();

        await client.PostAsJsonAsync("/api/captures", CapturePage("https://blog.example.com/beta", "https://doi.org/10.1000/beta"));
        await LookupWait.UntilIdleAsync(client, atLeastDone: 1);
        var beta = (await client.GetFromJsonAsync<WorkDto>($"/api/works/{await LookupWait.WorkIdAsync(factory, "doi", "10.1000/beta")}"))!;

        Assert.Equal("crossref", beta.Lookup!.Outcome);
        Assert.Equal("Beta: only Crossref knows me", beta.Title);   // Crossref's JATS type marks are not the title's
        Assert.Equal(12, beta.CitedByCount);
        Assert.Equal(2015, beta.Year);
        Assert.Equal(("Crossref Quarterly", "3", "1", "1-9", "Registry Press"), (beta.Container, beta.Volume, beta.Issue, beta.Pages, beta.Publisher));
        var rootOne = $"work-{await LookupWait.WorkIdAsync(factory, "doi", "10.1000/root-one")}";
        Assert.Contains(beta.References, r => r.Origin == "crossref" && r.Id == rootOne);
        Assert.Single(beta.References);
    }

    [Fact]
    public async Task APublisherALookupFoundIsExportedWhereEachFormatWantsIt()
    {
        using var factory = Factory();
        using var client = factory.CreateAuthorizedClient();

        await client.PostAsJsonAsync("/api/captures", CapturePage("https://blog.example.com/publishers", "https://doi.org/10.1000/gamma-book", "https://doi.org/10.1000/beta"));
        await LookupWait.UntilIdleAsync(client, atLeastDone: 2);
        var bib = await client.GetStringAsync("/api/suggestions/export?format=bibtex&limit=50");
        using var csl = JsonDocument.Parse(await client.GetStringAsync("/api/suggestions/export?format=csljson&limit=50"));
        var ris = await client.GetStringAsync("/api/suggestions/export?format=ris&limit=50");

        // biblatex: a book has a publisher; an article has none (its journal's publisher is not cited).
        var book = BibTeXText.Entry(bib, "doi = {10.1000/gamma-book}");
        Assert.StartsWith("@book{", book);
        Assert.Contains("publisher = {Registry Press}", book);
        var article = BibTeXText.Entry(bib, "doi = {10.1000/beta}");
        Assert.StartsWith("@article{", article);
        Assert.DoesNotContain("publisher", article);
        // CSL and RIS carry the publisher of every type.
        var items = csl.RootElement.EnumerateArray().ToList();
        var bookItem = items.Single(i => i.TryGetProperty("DOI", out var d) && d.GetString() == "10.1000/gamma-book");
        Assert.Equal(("book", "Registry Press"), (bookItem.GetProperty("type").GetString(), bookItem.GetProperty("publisher").GetString()));
        Assert.False(bookItem.TryGetProperty("publisher-place", out _));
        Assert.Equal("Registry Press", items.Single(i => i.TryGetProperty("DOI", out var d) && d.GetString() == "10.1000/beta").GetProperty("publisher").GetString());
        var bookRecord = ris.Split("ER  - ").Single(r => r.Contains("DO  - 10.1000/gamma-book"));
        Assert.Contains("TY  - BOOK\r\n", bookRecord);
        Assert.Contains("PB  - Registry Press\r\n", bookRecord);
    }

    [Fact]
    public async Task CitedPagesAreFetchedAndTheirReferencesBecomeWebCitations()
    {
        using var factory = Factory();
        using var client = factory.CreateAuthorizedClient();

        await client.PostAsJsonAsync("/api/captures", CapturePage("https://blog.example.com/web", $"{_web.BaseUrl}/essay"));
        await LookupWait.UntilIdleAsync(client, atLeastDone: 1);
        var essay = (await client.GetFromJsonAsync<WorkDto>($"/api/works/{await LookupWait.WorkIdAsync(factory, "url", $"{_web.BaseUrl}/essay")}"))!;

        Assert.Equal("web", essay.Lookup!.Outcome);
        Assert.Equal("An essay worth citing", essay.Title);
        Assert.Equal(1968, essay.Year);
        Assert.Equal(new[] { $"{_web.BaseUrl}/source-a", $"{_web.BaseUrl}/source-b", "https://doi.org/10.1000/alpha" },
            essay.References.Where(r => r.Origin == "web").Select(r => r.Url));
        // One round beyond the captures (the default): the essay's references are not looked up themselves.
        Assert.Equal(0, _web.Count("/source-"));
        Assert.Empty(_openAlex.Requests);
        Assert.Equal(1, _web.Count("/robots.txt"));
    }

    [Fact]
    public async Task RobotsTxtTypesAndSizeAreRespected()
    {
        using var factory = Factory();
        using var client = factory.CreateAuthorizedClient();

        await client.PostAsJsonAsync("/api/captures", CapturePage("https://blog.example.com/refused",
            $"{_web.BaseUrl}/private/notes", $"{_web.BaseUrl}/data.pdf", $"{_web.BaseUrl}/huge"));
        var status = await LookupWait.UntilIdleAsync(client, atLeastDone: 3);

        Assert.Equal(1, status.Outcomes.GetValueOrDefault("robots-disallowed"));
        Assert.Equal(1, status.Outcomes.GetValueOrDefault("not-html"));
        Assert.Equal(1, status.Outcomes.GetValueOrDefault("too-large"));
        Assert.Equal(0, _web.Count("/private"));
    }

    [Fact]
    public async Task AShortRetryAfterIsWaitedForAndALongOneReschedulesTheJob()
    {
        // The long Retry-After's 429 also makes the whole host back off (30 s by default): on a loaded machine the "later"
        // job may be answered before the "slow" one is first sent, which would then wait out that backoff. This test is
        // about Retry-After, so the host's backoff is kept short.
        using var factory = Factory(("Hqt:Lookups:HostBackoff", "00:00:00.200"));
        using var client = factory.CreateAuthorizedClient();

        await client.PostAsJsonAsync("/api/captures", CapturePage("https://blog.example.com/slow", "https://doi.org/10.1000/slow", "https://doi.org/10.1000/later"));
        await LookupWait.UntilAsync(async () => (await LookupWait.JobsAsync(factory)) is var jobs
            && jobs.Any(j => j.State == "done") && jobs.Any(j => j.State == "queued" && j.Attempts == 1));
        var slow = _openAlex.Requests.Where(r => r.Target.StartsWith("/works/doi:10.1000/slow")).Select(r => r.At).ToList();
        var later = (await LookupWait.JobsAsync(factory)).Single(j => j.State == "queued");

        Assert.Equal(2, slow.Count);
        Assert.True(slow[1] - slow[0] >= TimeSpan.FromSeconds(0.9), $"retried after {(slow[1] - slow[0]).TotalSeconds:0.00}s despite Retry-After: 1");
        Assert.Equal(1, _openAlex.Count("/works/doi:10.1000/later"));
        // Measured from when the 429 was answered, not from now: a loaded machine may read the job long after it was rescheduled.
        var answered = _openAlex.Requests.Single(r => r.Target.StartsWith("/works/doi:10.1000/later", StringComparison.Ordinal)).At;
        Assert.True(DateTimeOffset.Parse(later.NotBefore) >= answered.AddSeconds(30), $"rescheduled for {later.NotBefore}, before Retry-After: 30 from {answered:O}");
        Assert.Contains("429", later.LastError);
    }

    [Fact]
    public async Task BudgetAndDepthBoundWhatOneCaptureCauses()
    {
        using var factory = Factory(("Hqt:Lookups:MaxDepth", "2"), ("Hqt:Lookups:MaxLookupsPerCapture", "3"));
        using var client = factory.CreateAuthorizedClient();

        await client.PostAsJsonAsync("/api/captures", CapturePage("https://blog.example.com/chain", $"{_web.BaseUrl}/chain-0"));
        await LookupWait.UntilIdleAsync(client, atLeastDone: 3);
        var jobs = await LookupWait.JobsAsync(factory);

        // chain-0 (round 1), then two of its three references (round 2) before the budget of 3 is spent; nothing at round 3.
        Assert.Equal(new[] { 1L, 2L, 2L }, jobs.Select(j => j.Depth));
        Assert.All(jobs, j => Assert.Equal("web", j.Outcome));
        Assert.Equal(1, _web.Count("/chain-1"));
        Assert.Equal(0, _web.Count("/leaf-0-b"));
        Assert.Equal(0, _web.Count("/chain-2"));
        Assert.Equal(0, _web.Count("/leaf-1-"));
    }

    [Fact]
    public async Task SuggestionsSeeWhatALookupFoundAndNameThePath()
    {
        using var factory = Factory();
        using var client = factory.CreateAuthorizedClient();
        await client.PostAsJsonAsync("/api/captures", CapturePage("https://blog.example.com/suggest", $"{_web.BaseUrl}/gated"));

        var before = (await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work&limit=50"))!;
        _gate.SetResult();
        await LookupWait.UntilIdleAsync(client, atLeastDone: 1);
        var after = (await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work&limit=50"))!;

        // The reader's graph was cached before the lookup; the lookup's write moved its version, so it reloaded.
        Assert.DoesNotContain(before.Items, i => i.Url == $"{_web.BaseUrl}/leaf-behind-gate");
        var found = Assert.Single(after.Items, i => i.Url == $"{_web.BaseUrl}/leaf-behind-gate");
        Assert.Contains(found.Paths, p => p.Relation == "cited-by-work" && p.Url == $"{_web.BaseUrl}/gated");
    }

    [Fact]
    public async Task AWorkCapturedWhileItsLookupWaitedIsNotFetched()
    {
        using var factory = Factory(("Hqt:Lookups:Concurrency", "1"));
        using var client = factory.CreateAuthorizedClient();
        await client.PostAsJsonAsync("/api/captures", CapturePage("https://blog.example.com/first", $"{_web.BaseUrl}/gated", $"{_web.BaseUrl}/leaf-read-next"));
        await LookupWait.UntilAsync(() => Task.FromResult(_web.Count("/gated") == 1));

        await client.PostAsJsonAsync("/api/captures", TestPages.Capture($"{_web.BaseUrl}/leaf-read-next", Fixtures.Page("Read next", "Leaf Author", 1999)));
        _gate.SetResult();
        var status = await LookupWait.UntilIdleAsync(client, atLeastDone: 2);

        Assert.Equal(1, status.Outcomes.GetValueOrDefault("captured"));
        Assert.Equal(0, _web.Count("/leaf-read-next"));
    }

    [Fact]
    public async Task DisabledLookupsQueueNothingAndSaySo()
    {
        using var factory = new HqtApiFactory();
        using var client = factory.CreateAuthorizedClient();

        var created = await client.PostAsJsonAsync("/api/captures", CapturePage("https://blog.example.com/off", $"{_web.BaseUrl}/essay", "https://doi.org/10.1000/alpha"));
        var status = (await client.GetFromJsonAsync<LookupStatusDto>("/api/lookups"))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(status.IsEnabled);
        Assert.Equal(0, status.Queued + status.Running + status.Done + status.Failed);
        Assert.Empty(factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Hqt.Api.Lookups.LookupWorker>());
        Assert.Empty(_web.Requests);
    }
}
