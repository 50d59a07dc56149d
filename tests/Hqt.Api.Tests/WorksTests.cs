using Hqt.Api.Tests.Lookups;

namespace Hqt.Api.Tests;

public class WorksTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    [Fact]
    public async Task AWorkShowsItsIdentitiesReferencesAndCitersWhateverTheIdSpelling()
    {
        using var client = factory.CreateAuthorizedClient();
        var page = TestPages.Capture("https://blog.example.com/works-a",
            Fixtures.Page("Upstream of everything", "Ada Example", 2023, "https://example.org/cited-work", "https://doi.org/10.1000/works"));
        var capture = (await (await client.PostAsJsonAsync("/api/captures", page)).Content.ReadFromJsonAsync<CaptureDto>())!;
        var citingId = await LookupWait.WorkIdAsync(factory, "url", "https://blog.example.com/works-a");
        var citedId = await LookupWait.WorkIdAsync(factory, "url", "https://example.org/cited-work");

        var citing = (await client.GetFromJsonAsync<WorkDto>($"/api/works/work-{citingId}"))!;
        var cited = (await client.GetFromJsonAsync<WorkDto>($"/api/works/{citedId}"))!;

        Assert.Equal($"work-{citingId}", citing.Id);
        Assert.True(citing.IsCaptured);
        Assert.Equal("Upstream of everything", citing.Title);
        Assert.Contains(new WorkIdentityDto("url", "https://blog.example.com/works-a"), citing.Identities);
        Assert.Equal(new[] { "https://example.org/cited-work", "https://doi.org/10.1000/works" }, citing.References.Select(r => r.Url));
        Assert.All(citing.References, r => Assert.Equal(("capture", capture.Id), (r.Origin, r.CaptureId)));
        Assert.Null(citing.Lookup);
        Assert.False(cited.IsCaptured);
        Assert.Equal($"work-{citingId}", Assert.Single(cited.CitedBy).Id);
    }

    [Fact]
    public async Task APageCitedByOneReaderPageAndItsArchivedCopyByAnotherAreOneWork()
    {
        using var client = factory.CreateAuthorizedClient();
        static string Citing(string title, string href, string anchor) => $"""
            <html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>A post by Ada Example about rivers.</p>
            <ol class="references"><li><a href="{href}">{anchor}</a>. River Notes. 2011.</li></ol></article></body></html>
            """;
        await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/archive-a",
            Citing("Rivers, first look", "http://rivers.example.net/history.html", "A history of the river Aare")));
        await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/archive-b",
            Citing("Rivers, second look", "https://web.archive.org/web/20110102030405/http://rivers.example.net/history.html", "The river Aare, a history")));
        // Another page of the same site, archived too: another work.
        await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/archive-c",
            Citing("Rivers, third look", "https://web.archive.org/web/20110102030405/http://rivers.example.net/bridges.html", "Bridges over the river Aare")));

        var workId = await LookupWait.WorkIdAsync(factory, "url", "http://rivers.example.net/history.html");
        var work = (await client.GetFromJsonAsync<WorkDto>($"/api/works/work-{workId}"))!;
        var bridges = await LookupWait.WorkIdAsync(factory, "url", "http://rivers.example.net/bridges.html");

        Assert.Equal(["Rivers, first look", "Rivers, second look"], work.CitedBy.Select(c => c.Title).Order());
        Assert.NotEqual(workId, bridges);
    }

    [Theory]
    [InlineData("work-999999")]
    [InlineData("999999")]
    [InlineData("paper-1")]
    [InlineData("work-0")]
    public async Task AnUnknownWorkIsAProblem404(string id)
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.GetAsync($"/api/works/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnotherReadersWorkIsNotFound()
    {
        using var client = factory.CreateAuthorizedClient();
        await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/works-private"));
        var workId = await LookupWait.WorkIdAsync(factory, "url", "https://blog.example.com/works-private");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("bob", "bob-works-token", null, default);
        using var bob = factory.CreateClient("bob-works-token");

        var theirs = await bob.GetAsync($"/api/works/work-{workId}");
        var mine = await client.GetAsync($"/api/works/work-{workId}");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
    }

    [Fact]
    public async Task WorksNeedAToken()
    {
        using var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/works/work-1")).StatusCode);
    }
}
