using System.Diagnostics;
using System.Text;
using Hqt.Api.Tests.Lookups;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Hqt.Api.Tests;

public sealed record ImportItemDto(int Position, string? Label, string Outcome, string? Reason, string? WorkId, string? Url, string? Fetch, string? FetchDetail);
public sealed record ImportJobDto(long Id, string Format, string? FileName, string State, int Total, int Processed, int Added, int Merged, int Skipped,
    int FetchTotal, int Fetched, int Captured, int FetchFailed, string? Error, List<ImportItemDto>? Items);

public static class ImportFiles
{
    /// <summary>A BibTeX file of <paramref name="count"/> distinct papers, every third with a DOI, every fifth with an arXiv id.</summary>
    public static string BibTex(int count, int seed = 0)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append($"@article{{key{seed}x{i},\n  title = {{A study of topic {seed}-{i} in {i % 97} parts}},\n  author = {{Writer{i % 400}, Ann and Coauthor{i % 50}, Bo}},\n  year = {{{1950 + i % 70}}},\n");
            if (i % 3 == 0) text.Append($"  doi = {{10.5555/import.{seed}.{i}}},\n");
            else if (i % 5 == 0) text.Append($"  eprint = {{{2000 + i % 800:0000}.{10000 + i:00000}}}, archivePrefix = {{arXiv}},\n");
            text.Append("}\n");
        }
        return text.ToString();
    }

    public static async Task<ImportJobDto> WaitAsync(HttpClient client, long id, Func<ImportJobDto, bool> until, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var job = (await client.GetFromJsonAsync<ImportJobDto>($"/api/imports/{id}"))!;
            if (until(job) || watch.Elapsed > timeout) return job;
            await Task.Delay(50);
        }
    }
}

public class ImportTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    async Task<HttpClient> NewReaderAsync()
    {
        var token = "import-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader", token, null, default);
        return factory.CreateClient(token);
    }

    [Fact]
    public async Task ABibTexImportStoresEveryWorkReportsSkipsAndMergesAndTheWorksJoinTheLibrary()
    {
        using var client = await NewReaderAsync();
        var file = ImportFiles.BibTex(30) + "@misc{nothing, note = {no title}}\n" + "@article{twin, title = {A study of topic 0-3 in 3 parts}, doi = {10.5555/import.0.3}}\n";

        var started = await client.PostAsync("/api/imports?name=library.bib", new StringContent(file, Encoding.UTF8, "application/x-bibtex"));
        var job = (await started.Content.ReadFromJsonAsync<ImportJobDto>())!;
        var done = await ImportFiles.WaitAsync(client, job.Id, j => j.State is "done" or "failed", TimeSpan.FromSeconds(30));
        var again = (await (await client.PostAsync("/api/imports", new StringContent(ImportFiles.BibTex(30)))).Content.ReadFromJsonAsync<ImportJobDto>())!;
        var repeat = await ImportFiles.WaitAsync(client, again.Id, j => j.State is "done" or "failed", TimeSpan.FromSeconds(30));
        var list = await client.GetFromJsonAsync<JsonElementList>("/api/imports");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/imports/{job.Id}", started.Headers.Location?.OriginalString);
        Assert.Equal("bibtex", job.Format);
        Assert.Equal("library.bib", job.FileName);
        Assert.Equal("done", done.State);
        Assert.Equal((32, 32, 30, 1, 1), (done.Total, done.Processed, done.Added, done.Merged, done.Skipped));
        Assert.Contains(done.Items!, i => i.Outcome == "skipped" && i.Label == "nothing" && i.Reason!.Contains("no title"));
        Assert.Contains(done.Items!, i => i.Outcome == "merged" && i.Label == "twin" && i.Reason!.Contains("earlier entry"));
        Assert.Equal((0, 30), (repeat.Added, repeat.Merged));
        Assert.All(repeat.Items!, i => Assert.Contains("already in your graph", i.Reason));
        Assert.Equal(2, list!.Items.Count);

        // Read works are the library: never suggested back; the people who wrote them are in the graph.
        var works = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work&limit=200");
        Assert.DoesNotContain(works!.Items, s => s.Title.StartsWith("A study of topic"));
        var writer = await client.GetAsync("/api/people/person-ann" + "writer3");
        Assert.Equal(HttpStatusCode.OK, writer.StatusCode);
    }

    [Fact]
    public async Task BadFilesAreRefusedWithAProblemThatSaysWhyAndStoreNothing()
    {
        using var client = await NewReaderAsync();

        var empty = await client.PostAsync("/api/imports", new StringContent(""));
        var unknown = await client.PostAsync("/api/imports", new StringContent("Dear diary, today I read nothing."));
        var brokenJson = await client.PostAsync("/api/imports?format=csljson", new StringContent("[{\"title\": \"x\""));
        var binary = await client.PostAsync("/api/imports", new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]));
        var list = await client.GetFromJsonAsync<JsonElementList>("/api/imports");

        foreach (var (response, status, words) in new[] { (empty, 400, "empty"), (unknown, 422, "BibTeX"), (brokenJson, 422, "JSON"), (binary, 422, "NUL") })
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(words, (await response.Content.ReadFromJsonAsync<ProblemDto>())!.Detail);
        }
        Assert.Empty(list!.Items);
    }

    public sealed record JsonElementList(List<System.Text.Json.JsonElement> Items);
}

/// <summary>Bookmarked pages become captures through the guarded web fetcher: a local site on loopback, allow-listed for the test.</summary>
public sealed class BookmarkImportTests : IAsyncLifetime
{
    FakeServer _site = null!;
    LookupsApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _site = await FakeServer.StartAsync("127.0.0.1", app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\n"));
            app.MapGet("/posts/{n:int}", (int n) => Results.Content(TestPages.Article($"Bookmarked post {n}", "Bo Marks", $"Post {n} text about lanterns."), "text/html"));
            app.MapGet("/private/secret", () => Results.Content("<html><body>secret</body></html>", "text/html"));
            app.MapGet("/file.pdf", () => Results.Bytes([0x25, 0x50, 0x44, 0x46], "application/pdf"));
        });
        var settings = LookupsApiFactory.Defaults(_site.BaseUrl + "/openalex", _site.BaseUrl + "/crossref", "127.0.0.1");
        settings["Hqt:Imports:FetchInterval"] = "00:00:00";
        _api = new LookupsApiFactory(settings);
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task BookmarksAreFetchedPolitelyAndCapturedAndRefusalsAreReported()
    {
        using var client = _api.CreateAuthorizedClient();
        var file = $"""
            <!DOCTYPE NETSCAPE-Bookmark-file-1>
            <DL><p>
            <DT><A HREF="{_site.BaseUrl}/posts/1" ADD_DATE="1700000000">Post one</A>
            <DT><A HREF="{_site.BaseUrl}/posts/2">Post two</A>
            <DT><A HREF="{_site.BaseUrl}/private/secret">Secret</A>
            <DT><A HREF="{_site.BaseUrl}/file.pdf">A PDF</A>
            <DT><A HREF="place:sort=8">Recent</A>
            </DL>
            """;
        var job = (await (await client.PostAsync("/api/imports", new StringContent(file, Encoding.UTF8, "text/html"))).Content.ReadFromJsonAsync<ImportJobDto>())!;
        var done = await ImportFiles.WaitAsync(client, job.Id, j => j.State is "done" or "failed", TimeSpan.FromSeconds(60));
        var search = await client.GetFromJsonAsync<SearchPageDto>("/api/captures?q=lanterns");

        Assert.Equal("bookmarks", done.Format);
        Assert.Equal("done", done.State);
        Assert.Equal((5, 4, 1), (done.Total, done.Added, done.Skipped));
        Assert.Equal((4, 4, 2, 2), (done.FetchTotal, done.Fetched, done.Captured, done.FetchFailed));
        Assert.Contains(done.Items!, i => i.Label == "Secret" && i.Fetch == "failed" && i.FetchDetail!.Contains("robots.txt"));
        Assert.Contains(done.Items!, i => i.Label == "A PDF" && i.Fetch == "failed" && i.FetchDetail!.Contains("application/pdf"));
        Assert.Contains(done.Items!, i => i.Label == "Recent" && i.Outcome == "skipped");
        Assert.Equal(2, search!.Items.Count);
        Assert.All(search.Items, i => Assert.StartsWith("Bookmarked post", i.Title));
        Assert.Equal(1, _site.Count("/robots.txt"));
    }

    [Fact]
    public async Task ImportedWorksWithADoiOrArxivIdAreQueuedForLookupsLikeCapturedReferences()
    {
        using var client = _api.CreateAuthorizedClient();
        const string bib = """
            @article{a, title = {First paper with a DOI here}, doi = {10.5555/lookup.1}}
            @article{b, title = {Second paper, an arXiv preprint}, eprint = {2101.00001}, archivePrefix = {arXiv}}
            @book{c, title = {A book with only a title and no identifiers}}
            """;
        var job = (await (await client.PostAsync("/api/imports", new StringContent(bib))).Content.ReadFromJsonAsync<ImportJobDto>())!;
        await ImportFiles.WaitAsync(client, job.Id, j => j.State is "done" or "failed", TimeSpan.FromSeconds(30));

        var status = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/lookups");
        var jobs = new[] { "queued", "running", "done", "failed" }.Sum(s => status.GetProperty(s).GetInt32());
        Assert.Equal(2, jobs);
    }
}

/// <summary><c>Hqt:Lookups:MaxDepth</c> 0 looks nothing up: not what a capture cites, not what an import brings.</summary>
public sealed class ImportLookupDepthTests : IAsyncLifetime
{
    FakeServer _site = null!;
    LookupsApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _site = await FakeServer.StartAsync("127.0.0.1", app => app.MapGet("/{**rest}", () => Results.NotFound()));
        var settings = LookupsApiFactory.Defaults(_site.BaseUrl + "/openalex", _site.BaseUrl + "/crossref", "127.0.0.1");
        settings["Hqt:Lookups:MaxDepth"] = "0";
        _api = new LookupsApiFactory(settings);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task AtDepthZeroImportedWorksAreNotQueuedForLookups()
    {
        using var client = _api.CreateAuthorizedClient();
        const string bib = """
            @article{a, title = {First paper with a DOI here}, doi = {10.5555/depth.1}}
            @article{b, title = {Second paper, an arXiv preprint}, eprint = {2101.00002}, archivePrefix = {arXiv}}
            """;
        var job = (await (await client.PostAsync("/api/imports", new StringContent(bib))).Content.ReadFromJsonAsync<ImportJobDto>())!;
        var done = await ImportFiles.WaitAsync(client, job.Id, j => j.State is "done" or "failed", TimeSpan.FromSeconds(30));
        var captured = await client.PostAsJsonAsync("/api/captures",
            TestPages.Capture("https://blog.example.com/depth-zero", Fixtures.Page("A page citing a DOI", "Dee Pth", 2024, "https://doi.org/10.5555/depth.3")));

        var status = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/lookups");
        var jobs = new[] { "queued", "running", "done", "failed" }.Sum(s => status.GetProperty(s).GetInt32());
        Assert.Equal(("done", 2), (done.State, done.Added));
        Assert.True(captured.IsSuccessStatusCode);
        Assert.Equal(0, jobs);
        Assert.Empty(await LookupWait.JobsAsync(_api));
    }
}

/// <summary>The import bar: a SIGKILL mid-import loses nothing and stores nothing twice; the restarted server resumes.</summary>
public sealed class ImportDurabilityTests
{
    [Fact]
    public async Task AnImportKilledMidwayResumesAfterRestartWithEveryEntryStoredOnce()
    {
        using var server = new ChildServer();
        server.Environment["Hqt__Imports__BatchSize"] = "100";
        await server.StartAsync(TimeSpan.FromSeconds(30));
        using var client = server.CreateClient();
        const int count = 3000;
        var job = (await (await client.PostAsync("/api/imports", new StringContent(ImportFiles.BibTex(count)))).Content.ReadFromJsonAsync<ImportJobDto>())!;
        var midway = await ImportFiles.WaitAsync(client, job.Id, j => j.Processed > 0, TimeSpan.FromSeconds(30));
        server.Kill();

        await server.StartAsync(TimeSpan.FromSeconds(30));
        using var again = server.CreateClient();
        var done = await ImportFiles.WaitAsync(again, job.Id, j => j.State is "done" or "failed", TimeSpan.FromSeconds(120));
        server.Kill();

        Assert.InRange(midway.Processed, 1, count - 1);
        Assert.Equal("done", done.State);
        Assert.Equal((count, count, 0, 0), (done.Processed, done.Added, done.Merged, done.Skipped));
        await using var db = await server.OpenDatabaseAsync();
        long Scalar(string sql) { using var c = db.CreateCommand(); c.CommandText = sql; return Convert.ToInt64(c.ExecuteScalar()); }
        Assert.Equal(count, Scalar("SELECT COUNT(*) FROM works WHERE title LIKE 'A study of topic%'"));
        Assert.Equal(count, Scalar($"SELECT COUNT(*) FROM import_items WHERE import_id = {job.Id}"));
        Assert.Equal(count, Scalar("SELECT COUNT(*) FROM feedback WHERE state = 'read'"));
        if (db is SqliteConnection) Assert.Equal("ok", new SqliteCommand("PRAGMA integrity_check", (SqliteConnection)db).ExecuteScalar());
    }
}
