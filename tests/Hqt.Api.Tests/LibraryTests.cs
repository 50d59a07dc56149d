
namespace Hqt.Api.Tests;

public sealed record SearchHitDto(long Id, string Url, string? Title, List<AuthorDto> Authors, DateTimeOffset CapturedAt, string? Snippet);
public sealed record SearchPageDto(List<SearchHitDto> Items, string? NextCursor);
public sealed record GraphNodeDto(string Id, string Kind, string Title, int? Year, double Weight, string Reason, string? Url, int? Depth, List<string> Authors, bool IsSuggested);
public sealed record GraphEdgeDto(string Source, string Target, string Kind);
public sealed record GraphPictureDto(List<GraphNodeDto> Nodes, List<GraphEdgeDto> Edges, int Captures, long GraphVersion);

/// <summary>The library page's API: search over captures (SQLite FTS5) and the influence picture. Each test has its own user.</summary>
public class LibraryTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    async Task<HttpClient> NewReaderAsync()
    {
        var token = "library-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader", token, null, default);
        return factory.CreateClient(token);
    }

    static object Page(string url, string title, string author, string body, DateTimeOffset? at = null) =>
        new { url, html = TestPages.Article(title, author, body), capturedAt = at };

    [Fact]
    public async Task SearchFindsWordsInTheTextTitleAuthorsAndSiteOfOnlyTheReadersCaptures()
    {
        using var client = await NewReaderAsync();
        using var other = await NewReaderAsync();
        await client.PostAsJsonAsync("/api/captures", Page("https://garden.example.net/a", "Slow gardening", "Mira Holt", "Compost rewards patience and tomatoes."));
        await client.PostAsJsonAsync("/api/captures", Page("https://blog.example.com/b", "Fast cars", "Juno Park", "Engines roar; nothing about vegetables."));
        await other.PostAsJsonAsync("/api/captures", Page("https://x.example/c", "Tomatoes everywhere", "Someone Else", "tomatoes tomatoes"));

        var byText = await client.GetFromJsonAsync<SearchPageDto>("/api/captures?q=tomato");          // prefix of the last word
        var byTitle = await client.GetFromJsonAsync<SearchPageDto>("/api/captures?q=fast%20cars");
        var byAuthor = await client.GetFromJsonAsync<SearchPageDto>("/api/captures?author=mira%20holt");
        var bySite = await client.GetFromJsonAsync<SearchPageDto>("/api/captures?site=garden.example.net");
        var none = await client.GetFromJsonAsync<SearchPageDto>("/api/captures?q=tomatoes%20engines");  // all words must match

        Assert.Equal("https://garden.example.net/a", Assert.Single(byText!.Items).Url);
        Assert.Contains('\uE000', byText.Items[0].Snippet!);
        Assert.Contains("omatoes", byText.Items[0].Snippet!);
        Assert.Equal("https://blog.example.com/b", Assert.Single(byTitle!.Items).Url);
        Assert.Equal("https://garden.example.net/a", Assert.Single(byAuthor!.Items).Url);
        Assert.Equal("https://garden.example.net/a", Assert.Single(bySite!.Items).Url);
        Assert.Empty(none!.Items);
    }

    [Fact]
    public async Task SearchSyntaxIsTextAndDatesFilterAndDeletedCapturesLeaveTheIndex()
    {
        using var client = await NewReaderAsync();
        var old = await client.PostAsJsonAsync("/api/captures", Page("https://a.example/old", "Old notes on lamps", "Ann", "lamps", DateTimeOffset.Parse("2020-03-01T00:00:00Z")));
        await client.PostAsJsonAsync("/api/captures", Page("https://a.example/new", "New notes on lamps", "Ann", "lamps", DateTimeOffset.Parse("2024-03-01T00:00:00Z")));

        var hostile = await client.GetAsync("/api/captures?q=" + Uri.EscapeDataString("lamps\" OR NEAR( title:* ^"));
        var in2020 = await client.GetFromJsonAsync<SearchPageDto>("/api/captures?q=lamps&from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z");
        var datesOnly = await client.GetFromJsonAsync<SearchPageDto>("/api/captures?from=2023-01-01T00:00:00Z");
        var id = (await old.Content.ReadFromJsonAsync<CaptureDto>())!.Id;
        await client.DeleteAsync($"/api/captures/{id}");
        var afterDelete = await client.GetFromJsonAsync<SearchPageDto>("/api/captures?q=lamps");

        Assert.Equal(HttpStatusCode.OK, hostile.StatusCode);
        Assert.Equal("https://a.example/old", Assert.Single(in2020!.Items).Url);
        Assert.Equal("https://a.example/new", Assert.Single(datesOnly!.Items).Url);
        Assert.Equal("https://a.example/new", Assert.Single(afterDelete!.Items).Url);
        var database = factory.Services.GetRequiredService<Hqt.Api.Storage.Db>();
        await using var db = await database.OpenAsync();
        await using var count = db.CreateCommand();
        count.CommandText = database.Pick(
            sqlite: $"SELECT COUNT(*) FROM capture_search WHERE rowid = {id}",
            postgres: $"SELECT COUNT(*) FROM capture_search WHERE capture_id = {id}");
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task SearchPagesWithACursorAndRefusesBadOnes()
    {
        using var client = await NewReaderAsync();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/captures", Page($"https://p.example/{i}", $"Paging post {i}", "Pat", $"paging words {i}"));

        var first = await client.GetFromJsonAsync<SearchPageDto>("/api/captures?q=paging&limit=3");
        var second = await client.GetFromJsonAsync<SearchPageDto>($"/api/captures?q=paging&limit=3&cursor={first!.NextCursor}");
        var bad = await client.GetAsync("/api/captures?q=paging&cursor=zzz");

        Assert.Equal(3, first.Items.Count);
        Assert.Equal(2, second!.Items.Count);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheGraphPicturesSuggestionsTheirCitingCapturesAndTheirAuthorsWithEdgesBetweenThem()
    {
        using var client = await NewReaderAsync();
        const string classic = "https://classics.example.org/as-we-may-think";
        await client.PostAsJsonAsync("/api/captures", new { url = "https://ana.example/one", html = SuggestionTests.Post("One", "Ana Lindqvist", classic, "https://papers.example.org/memex") });
        await client.PostAsJsonAsync("/api/captures", new { url = "https://ben.example/two", html = SuggestionTests.Post("Two", "Ben Okafor", classic) });

        var picture = await client.GetFromJsonAsync<GraphPictureDto>("/api/graph?limit=50");
        var small = await client.GetFromJsonAsync<GraphPictureDto>("/api/graph?limit=2");
        var tooMany = await client.GetAsync("/api/graph?limit=501");

        var top = picture!.Nodes.First(n => n.IsSuggested && n.Kind == "work");
        Assert.Equal(classic, top.Url);
        Assert.Equal(1, top.Depth);
        Assert.Contains("cited by", top.Reason);
        var captures = picture.Nodes.Where(n => n.Kind == "capture").ToList();
        Assert.Equal(2, captures.Count);
        Assert.All(captures, c => Assert.Equal(0, c.Depth));
        Assert.All(captures, c => Assert.Contains(picture.Edges, e => e.Source == c.Id && e.Target == top.Id && e.Kind == "cites"));
        var ids = picture.Nodes.Select(n => n.Id).ToHashSet();
        Assert.All(picture.Edges, e => Assert.True(ids.Contains(e.Source) && ids.Contains(e.Target)));
        Assert.Equal(2, picture.Captures);
        Assert.True(small!.Nodes.Count <= 2);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);

        // Dismissed from the picture: gone from it, as from the next reads.
        await client.PostAsync($"/api/suggestions/{top.Id}/dismiss", null);
        var after = await client.GetFromJsonAsync<GraphPictureDto>("/api/graph?limit=50");
        Assert.DoesNotContain(after!.Nodes, n => n.Id == top.Id);
    }

    [Fact]
    public async Task APersonSaysWhatInTheGraphCitesThem()
    {
        using var client = await NewReaderAsync();
        await client.PostAsJsonAsync("/api/captures", new { url = "https://ana.example/one", html = SuggestionTests.Post("One", "Ana Lindqvist", "https://classics.example.org/x") });
        await client.PostAsJsonAsync("/api/captures", new { url = "https://cy.example/three", html = SuggestionTests.Post("Three", "Cy Tran", "https://ana.example/one") });

        var ana = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/people/person-analindqvist");

        var citedBy = ana.GetProperty("citedBy").EnumerateArray().ToList();
        Assert.Equal("Three", Assert.Single(citedBy).GetProperty("title").GetString());
        Assert.Equal(1, citedBy[0].GetProperty("count").GetInt32());
    }
}
