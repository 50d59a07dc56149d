using System.Text.Json;

namespace Hqt.Api.Tests;

public sealed record SuggestionPathDto(string Relation, string Id, string? Title, string? Url);
public sealed record SuggestionDto(string Id, string Kind, string Title, string? Url, int? Year, List<string> Authors, double Score, string Reason, bool IsExploration, List<SuggestionPathDto> Paths);
public sealed record SuggestionListDto(List<SuggestionDto> Items, bool IsStale = false);
public sealed record PageUpstreamDto(string Url, long? CaptureId, string? Title, List<AuthorDto> Authors, List<SuggestionDto> References, List<SuggestionDto> Inspirations, string? InspirationsNote = null);

/// <summary>Each test gets its own user, so feedback in one never shows in another.</summary>
public class SuggestionTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    internal const string Classic = "https://classics.example.org/as-we-may-think";
    const string Second = "https://papers.example.org/memex-revisited";

    /// <summary>A post by <paramref name="author"/> whose article cites the given URLs.</summary>
    internal static string Post(string title, string author, params string[] cites) => $"""
        <html><head><title>{title}</title><meta name="author" content="{author}"></head>
        <body><nav><a href="https://elsewhere.example/">Elsewhere</a></nav><article><h1>{title}</h1>
        {string.Join("\n", cites.Select((url, i) => $"<p>As argued in <a href=\"{url}\">source {i}</a>, reading upstream pays.</p>"))}
        </article></body></html>
        """;

    async Task<HttpClient> ReaderWithLibraryAsync()
    {
        var token = "reader-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader", token, null, default);
        var client = factory.CreateClient(token);
        await client.PostAsJsonAsync("/api/captures", new { url = "https://ana.example/one", html = Post("One", "Ana Lindqvist", Classic, Second) });
        await client.PostAsJsonAsync("/api/captures", new { url = "https://ben.example/two", html = Post("Two", "Ben Okafor", Classic) });
        await client.PostAsJsonAsync("/api/captures", new { url = "https://cy.example/three", html = Post("Three", "Cy Tran", Classic, "https://ana.example/one") });
        return client;
    }

    [Fact]
    public async Task TheWorkMostWritersCiteComesFirstWithItsReasonAndPaths()
    {
        using var client = await ReaderWithLibraryAsync();

        var list = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work");

        var top = list!.Items[0];
        Assert.Equal(Classic, top.Url);
        Assert.StartsWith("work-", top.Id);
        Assert.Contains("cited by", top.Reason);
        Assert.Equal(3, top.Paths.Count(p => p.Relation == "cited-by-capture"));
        Assert.DoesNotContain(list.Items, s => s.Url == "https://ana.example/one"); // already read: captured
        Assert.DoesNotContain(list.Items, s => s.Url == "https://elsewhere.example/"); // navigation, not cited
    }

    [Fact]
    public async Task EverySuggestionCarriesItsChainsOfEvidenceWithIdsTheOtherRoutesTake()
    {
        using var client = await ReaderWithLibraryAsync();

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/suggestions?kind=work"));
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/pages/upstream?url=https://ana.example/one"));

        // The classic is cited by all three captures: three direct chains, capture → the suggestion, newest writer first.
        var top = list.RootElement.GetProperty("items")[0];
        var chains = top.GetProperty("lineage").EnumerateArray().ToList();
        Assert.Equal(3, chains.Count);
        foreach (var chain in chains)
        {
            var steps = chain.EnumerateArray().ToList();
            Assert.Equal(["capture", "work"], steps.Select(s => s.GetProperty("kind").GetString()));
            Assert.StartsWith("work-", steps[0].GetProperty("id").GetString());
            Assert.Equal(top.GetProperty("id").GetString(), steps[^1].GetProperty("id").GetString());
            Assert.True(steps[0].TryGetProperty("title", out _) && steps[0].TryGetProperty("year", out _));
        }
        Assert.Equal(3, chains.Select(c => c[0].GetProperty("id").GetString()).Distinct().Count());
        // A capture's step names the capture too, one a tool can open.
        var captureIds = chains.Select(c => c[0].GetProperty("captureId").GetInt64()).ToList();
        Assert.Equal(3, captureIds.Distinct().Count());
        foreach (var captureId in captureIds)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/captures/{captureId}")).StatusCode);
        Assert.All(chains.SelectMany(c => c.EnumerateArray().Skip(1)), s =>
            Assert.True(!s.TryGetProperty("captureId", out var none) || none.ValueKind == JsonValueKind.Null));
        // (A person's chain, ending at their work and then at them, is checked through POST /api/upstream: this library's cited works name no authors.)
        // The page's references carry theirs too.
        Assert.Equal(3, page.RootElement.GetProperty("references")[0].GetProperty("lineage").GetArrayLength());
    }

    [Fact]
    public async Task ADismissedSuggestionNeverComesBackUntilUndone()
    {
        using var client = await ReaderWithLibraryAsync();
        var top = (await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work"))!.Items[0];

        var dismiss = await client.PostAsync($"/api/suggestions/{top.Id}/dismiss", null);
        await client.PostAsJsonAsync("/api/captures", new { url = "https://dee.example/four", html = Post("Four", "Dee Moreau", Classic) });
        var after = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=all&limit=200");
        var undo = await client.DeleteAsync($"/api/suggestions/{top.Id}/dismiss");
        var restored = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work");

        Assert.Equal(HttpStatusCode.NoContent, dismiss.StatusCode);
        Assert.DoesNotContain(after!.Items, s => s.Id == top.Id);
        Assert.Equal(HttpStatusCode.NoContent, undo.StatusCode);
        Assert.Equal(top.Id, restored!.Items[0].Id);
    }

    [Fact]
    public async Task SnoozeHidesUntilItsTimeAndRefusesThePast()
    {
        using var client = await ReaderWithLibraryAsync();
        var top = (await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work"))!.Items[0];

        var past = await client.PostAsJsonAsync($"/api/suggestions/{top.Id}/snooze", new { until = DateTimeOffset.UtcNow.AddDays(-1) });
        var snooze = await client.PostAsJsonAsync($"/api/suggestions/{top.Id}/snooze", new { until = DateTimeOffset.UtcNow.AddDays(7) });
        var hidden = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work");

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, snooze.StatusCode);
        Assert.DoesNotContain(hidden!.Items, s => s.Id == top.Id);
    }

    [Fact]
    public async Task AReadWorkLeavesTheListAndJoinsTheLibrary()
    {
        using var client = await ReaderWithLibraryAsync();
        var second = (await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work"))!.Items.Single(s => s.Url == Second);

        var read = await client.PostAsync($"/api/suggestions/{second.Id}/read", null);
        var after = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work");

        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.DoesNotContain(after!.Items, s => s.Id == second.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/suggestions/work-999999/read")).StatusCode);
    }

    [Theory]
    [InlineData("/api/suggestions?kind=books")]
    [InlineData("/api/suggestions?limit=0")]
    [InlineData("/api/suggestions?explore=0.9")]
    [InlineData("/api/suggestions/export?format=docx")]
    public async Task BadQueriesAreValidationProblems(string path)
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FeedbackOnAMalformedIdIsAValidationProblem()
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsync("/api/suggestions/'; DROP TABLE feedback;--/dismiss", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ExportsParseAsTheirFormats()
    {
        using var client = await ReaderWithLibraryAsync();

        var bibtex = await client.GetAsync("/api/suggestions/export?format=bibtex");
        var csl = await client.GetAsync("/api/suggestions/export?format=csljson");
        var markdown = await client.GetStringAsync("/api/suggestions/export?format=markdown");
        var bib = await bibtex.Content.ReadAsStringAsync();
        using var cslJson = JsonDocument.Parse(await csl.Content.ReadAsStringAsync());

        Assert.Equal("application/x-bibtex", bibtex.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"@(misc|online)\{[a-z0-9]+,\n  title = \{", bib);
        Assert.Equal(bib.Count(c => c == '{'), bib.Count(c => c == '}'));
        Assert.Contains($"url = {{{Classic}}}", bib);
        Assert.Equal(JsonValueKind.Array, cslJson.RootElement.ValueKind);
        Assert.All(cslJson.RootElement.EnumerateArray(), item =>
        {
            Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
            Assert.Contains(item.GetProperty("type").GetString(), new[] { "webpage", "article-journal" });
        });
        Assert.Contains($"(<{Classic}>)", markdown);
    }

    [Fact]
    public async Task UsersNeverSeeEachOthersGraph()
    {
        using var reader = await ReaderWithLibraryAsync();
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("stranger", "stranger-token", null, default);
        using var stranger = factory.CreateClient("stranger-token");
        var theirs = (await reader.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work"))!.Items[0];

        var list = await stranger.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=all");
        var page = await stranger.GetAsync("/api/pages/upstream?url=https://ana.example/one");

        Assert.Empty(list!.Items);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/people/person-analindqvist")).StatusCode);
        Assert.DoesNotContain(theirs.Id, await stranger.GetStringAsync("/api/suggestions/export?format=markdown"));
    }

    [Fact]
    public async Task ACapturedPageShowsWhatItCitesRankedByTheLibrary()
    {
        using var client = await ReaderWithLibraryAsync();

        var page = await client.GetFromJsonAsync<PageUpstreamDto>("/api/pages/upstream?url=https://ana.example/one");
        var missing = await client.GetAsync("/api/pages/upstream?url=https://never.example/seen");

        Assert.NotNull(page!.CaptureId);
        Assert.Equal([Classic, Second], page.References.Select(r => r.Url));
        Assert.True(page.References[0].Score > page.References[1].Score);
        Assert.Contains(page.Authors, a => a.Name == "Ana Lindqvist");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task APageNotCapturedYetIsRankedWithoutBeingStored()
    {
        using var client = await ReaderWithLibraryAsync();

        var response = await client.PostAsJsonAsync("/api/pages/upstream",
            new { url = "https://new.example/post", html = Post("New", "Eve Sato", "https://fresh.example/unknown", Classic) });
        var page = await response.Content.ReadFromJsonAsync<PageUpstreamDto>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page!.CaptureId);
        Assert.Equal(Classic, page.References[0].Url);
        Assert.Contains(page.References, r => r.Url == "https://fresh.example/unknown");
        Assert.Equal(0, await CaptureTests.CountAsync(client, "https://new.example/post"));
    }

    [Fact]
    public async Task APersonShowsTheirWorksAndWhatTheyCite()
    {
        using var client = await ReaderWithLibraryAsync();

        using var person = JsonDocument.Parse(await client.GetStringAsync("/api/people/person-analindqvist"));

        Assert.Equal("Ana Lindqvist", person.RootElement.GetProperty("name").GetString());
        Assert.Equal("https://ana.example/one", person.RootElement.GetProperty("works")[0].GetProperty("url").GetString());
        Assert.Equal(2, person.RootElement.GetProperty("citesMost").GetArrayLength());
    }

    [Fact]
    public async Task DeletingACaptureTakesItsEdgesWithIt()
    {
        using var client = await ReaderWithLibraryAsync();
        var captures = await client.GetFromJsonAsync<CapturePageDto>("/api/captures");

        foreach (var capture in captures!.Items.Where(c => c.Url != "https://ben.example/two"))
            await client.DeleteAsync($"/api/captures/{capture.Id}");
        var list = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work");

        Assert.Equal([Classic], list!.Items.Select(s => s.Url));
    }
}

/// <summary>
/// A large library answers from its previous version while the changed one loads. Every graph counts as large
/// here (BackgroundRefreshMinWorks 0), so the stale path runs on a small one.
/// </summary>
public class StaleSuggestionTests(StaleSuggestionTests.Factory factory) : IClassFixture<StaleSuggestionTests.Factory>
{
    public sealed class Factory : HqtApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Hqt:Graph:BackgroundRefreshMinWorks", "0"), new("Hqt:Graph:MaxStaleSeconds", "60")];
    }

    const string Fresh = "https://fresh.example/just-cited";
    const string Suggested = "https://b.example/x";

    [Fact]
    public async Task AfterAChangeThePreviousVersionAnswersWithFeedbackAppliedThenTheFreshOne()
    {
        var token = "reader-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader", token, null, default);
        using var client = factory.CreateClient(token);
        await client.PostAsJsonAsync("/api/captures", new { url = "https://ana.example/one", html = SuggestionTests.Post("One", "Ana Lindqvist", SuggestionTests.Classic, Suggested) });
        await client.PostAsJsonAsync("/api/captures", new { url = "https://ben.example/two", html = SuggestionTests.Post("Two", "Ben Okafor", SuggestionTests.Classic) });
        var first = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work");

        await client.PostAsync($"/api/suggestions/{first!.Items[0].Id}/dismiss", null);
        // The reader captures a page the old version suggests: read now, it must not be suggested by that version either.
        await client.PostAsJsonAsync("/api/captures", new { url = Suggested, html = SuggestionTests.Post("Three", "Cy Tran", Fresh) });
        var stale = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work");
        var fresh = stale;
        for (var attempt = 0; attempt < 100 && fresh!.IsStale; attempt++)
        {
            await Task.Delay(50);
            fresh = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work");
        }

        Assert.False(first.IsStale);
        Assert.Equal(SuggestionTests.Classic, first.Items[0].Url);
        Assert.Contains(first.Items, s => s.Url == Suggested);
        Assert.True(stale!.IsStale);
        Assert.DoesNotContain(stale.Items, s => s.Id == first.Items[0].Id);
        Assert.DoesNotContain(stale.Items, s => s.Url == Fresh);
        Assert.DoesNotContain(stale.Items, s => s.Url == Suggested);
        Assert.False(fresh!.IsStale);
        Assert.Contains(fresh.Items, s => s.Url == Fresh);
        Assert.DoesNotContain(fresh.Items, s => s.Id == first.Items[0].Id);
    }
}

/// <summary>After a change the graph reads only the edges added since, when that provably gives the full answer.</summary>
public class IncrementalGraphLoadTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    async Task<(HttpClient Client, long UserId)> ReaderAsync()
    {
        var token = "reader-" + Guid.NewGuid().ToString("N");
        var userId = await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader", token, null, default);
        var client = factory.CreateClient(token);
        await client.PostAsJsonAsync("/api/captures", new { url = "https://ana.example/one", html = SuggestionTests.Post("One", "Ana Lindqvist", SuggestionTests.Classic, "https://b.example/x") });
        await client.PostAsJsonAsync("/api/captures", new { url = "https://ben.example/two", html = SuggestionTests.Post("Two", "Ben Okafor", SuggestionTests.Classic) });
        await client.GetStringAsync("/api/suggestions");
        return (client, userId);
    }

    async Task<Hqt.Api.Graph.LoadedGraph> FullLoadAsync(long userId)
    {
        await using var connection = await factory.Services.GetRequiredService<Hqt.Api.Storage.Db>().OpenAsync();
        return Hqt.Api.Graph.GraphLoader.Load(connection, userId);
    }

    static void AssertSameGraph(Hqt.Api.Graph.LoadedGraph expected, Hqt.Api.Graph.LoadedGraph actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Works.Keys.Order(), actual.Works.Keys.Order());
        Assert.Equal(expected.Cites.Keys.Order(), actual.Cites.Keys.Order());
        foreach (var (citing, cited) in expected.Cites) Assert.Equal(cited, actual.Cites[citing]);
    }

    [Fact]
    public async Task ACaptureAddedReadsOnlyTheNewEdgesAndGivesTheFullGraph()
    {
        var (client, userId) = await ReaderAsync();
        using var _ = client;

        // Cites a known work, a new one, and one twice: the merge must union and dedupe.
        await client.PostAsJsonAsync("/api/captures", new { url = "https://ana.example/four", html = SuggestionTests.Post("Four", "Ana Lindqvist", SuggestionTests.Classic, "https://new.example/y", "https://new.example/y") });
        var graph = await factory.Services.GetRequiredService<Hqt.Api.Graph.ReaderGraphCache>().GetAsync(userId, default);

        Assert.True(graph.IsIncremental);
        AssertSameGraph(await FullLoadAsync(userId), graph);
    }

    [Fact]
    public async Task ADeletedCaptureReadsEveryEdgeAgain()
    {
        var (client, userId) = await ReaderAsync();
        using var _ = client;
        var captures = await client.GetFromJsonAsync<CapturePageDto>("/api/captures");

        await client.DeleteAsync($"/api/captures/{captures!.Items.First(c => c.Url == "https://ana.example/one").Id}");
        var graph = await factory.Services.GetRequiredService<Hqt.Api.Graph.ReaderGraphCache>().GetAsync(userId, default);

        Assert.False(graph.IsIncremental);
        AssertSameGraph(await FullLoadAsync(userId), graph);
        Assert.DoesNotContain(graph.Works.Values, w => w.Url == "https://b.example/x");
    }
}
