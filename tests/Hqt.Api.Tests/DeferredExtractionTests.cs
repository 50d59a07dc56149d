using System.Diagnostics;
using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Tests;

/// <summary>
/// Captures acknowledged before extraction (what a busy server does; here forced with ExtractInlineWhenIdle=false):
/// answered as pending, extracted behind the response, and never seen pending by a read.
/// </summary>
public class DeferredExtractionTests(DeferredExtractionTests.AlwaysDeferFactory factory) : IClassFixture<DeferredExtractionTests.AlwaysDeferFactory>
{
    public sealed class AlwaysDeferFactory : HqtApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Hqt:ExtractInlineWhenIdle", "false")];
    }

    async Task<HttpClient> NewReaderAsync()
    {
        var token = "deferred-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader", token, null, default);
        return factory.CreateClient(token);
    }

    [Fact]
    public async Task APendingCaptureIsAnsweredAtOnceAndReadBackExtracted()
    {
        using var client = await NewReaderAsync();

        var response = await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/deferred?utm_source=feed"));
        var created = await response.Content.ReadFromJsonAsync<CaptureDto>();
        var detail = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/captures/{created!.Id}");
        var listed = (await client.GetFromJsonAsync<CapturePageDto>("/api/captures"))!.Items.Single();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("pending", created.Extraction);
        Assert.Empty(created.Authors);
        Assert.Equal("https://blog.example.com/deferred", created.CanonicalUrl);
        Assert.Equal("extracted", listed.Extraction);
        Assert.Contains(listed.Authors, a => a.Name == "Ada Example");
        Assert.StartsWith("On reading upstream", listed.Title);
        Assert.True(detail.GetProperty("extract").GetProperty("references").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task TheSameContentAgainIsARepeatWhetherOrNotItWasExtracted()
    {
        using var client = await NewReaderAsync();
        var body = TestPages.Capture("https://blog.example.com/deferred-twice");

        var first = await client.PostAsJsonAsync("/api/captures", body);
        var beforeExtraction = await client.PostAsJsonAsync("/api/captures", body);
        await client.GetAsync("/api/captures");
        var afterExtraction = await client.PostAsJsonAsync("/api/captures", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforeExtraction.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterExtraction.StatusCode);
        Assert.Single((await client.GetFromJsonAsync<CapturePageDto>("/api/captures"))!.Items);
    }

    [Fact]
    public async Task ExtractionFilesThePageUnderTheCanonicalUrlItNames()
    {
        using var client = await NewReaderAsync();
        var html = TestPages.Article().Replace("</head>", """<link rel="canonical" href="https://blog.example.com/the-real-one"></head>""");

        var shared = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://mirror.example.net/copy", html))).Content.ReadFromJsonAsync<CaptureDto>();
        var read = await client.GetFromJsonAsync<CaptureDto>($"/api/captures/{shared!.Id}");
        var newer = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/the-real-one",
            html.Replace("Read the people", "Now read the people")))).Content.ReadFromJsonAsync<CaptureDto>();
        var newerRead = await client.GetFromJsonAsync<CaptureDto>($"/api/captures/{newer!.Id}");

        Assert.Equal("https://mirror.example.net/copy", shared.CanonicalUrl);
        Assert.Equal("https://blog.example.com/the-real-one", read!.CanonicalUrl);
        Assert.Equal(read.DocumentId, newerRead!.DocumentId);
        Assert.Equal(read.Id, (await client.GetFromJsonAsync<CaptureDto>($"/api/captures/{read.Id}"))!.Id);
    }

    [Fact]
    public async Task SuggestionsSeeEveryAcknowledgedCapture()
    {
        using var client = await NewReaderAsync();
        const string classic = "https://classics.example.org/deferred-classic";
        foreach (var (writer, i) in new[] { "Ana Lindqvist", "Ben Okafor", "Cy Tran" }.Select((w, i) => (w, i)))
            await client.PostAsJsonAsync("/api/captures", TestPages.Capture($"https://writer{i}.example/post",
                TestPages.Article(author: writer).Replace("https://example.org/essay", classic)));

        var list = await client.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work");

        Assert.Equal(classic, list!.Items[0].Url);
        Assert.Contains("3 writers", list.Items[0].Reason);
    }

    [Fact]
    public async Task TheBackgroundWorkerExtractsWithoutAnyRead()
    {
        using var client = await NewReaderAsync();
        var created = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/left-alone"))).Content.ReadFromJsonAsync<CaptureDto>();

        var version = 0L;
        var waited = Stopwatch.StartNew();
        while (version == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
            await using var db = await factory.Services.GetRequiredService<Db>().OpenAsync();
            version = await db.ExecuteScalarAsync<long>("SELECT extractor_version FROM captures WHERE id = @id", new { id = created!.Id });
        }

        Assert.Equal(Hqt.Extraction.PageExtractor.Version, version);
    }

    [Fact]
    public async Task PendingCapturesSurviveASigkillAndAreExtractedAfterTheRestart()
    {
        using var server = new ChildServer();
        server.Environment["Hqt__ExtractInlineWhenIdle"] = "false";
        await server.StartAsync(TimeSpan.FromSeconds(60));
        var ids = new List<long>();
        using (var client = server.CreateClient())
            for (var i = 0; i < 20; i++)
                ids.Add((await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture($"https://blog.example.com/killed-{i}"))).Content.ReadFromJsonAsync<CaptureDto>())!.Id);

        server.Kill();
        server.Environment.Clear();
        await server.StartAsync(TimeSpan.FromSeconds(60));
        using var after = server.CreateClient();
        // A read finishes the backlog within its budget, or answers with what is done and says how many are left
        // (a slow machine): read again until nothing is left.
        List<CaptureDto> listed;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var response = await after.GetAsync("/api/captures?limit=50");
            listed = (await response.Content.ReadFromJsonAsync<CapturePageDto>())!.Items;
            if (!response.Headers.Contains("Hqt-Pending-Captures") || waited.Elapsed > TimeSpan.FromSeconds(120)) break;
        }

        Assert.Equal(ids.OrderBy(x => x), listed.Select(c => c.Id).OrderBy(x => x));
        Assert.All(listed, c => Assert.Equal("extracted", c.Extraction));
        Assert.All(listed, c => Assert.Contains(c.Authors, a => a.Name == "Ada Example"));
    }
}

/// <summary>
/// A read whose reader's backlog outlasts the read budget answers with what is done and says how many captures are
/// still pending; the next read with time to spare finishes them. The background worker is off (Hqt:BackgroundExtraction) so the
/// backlog stays put until a read takes it.
/// </summary>
public class PendingReadBudgetTests(PendingReadBudgetTests.NoWorkerFactory factory) : IClassFixture<PendingReadBudgetTests.NoWorkerFactory>
{
    public sealed class NoWorkerFactory : HqtApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Hqt:ExtractInlineWhenIdle", "false"), new("Hqt:PendingReadBudget", "00:00:00"), new("Hqt:BackgroundExtraction", "false")];
    }

    [Fact]
    public async Task AReadPastItsBudgetSaysHowManyCapturesArePendingAndALaterReadFinishesThem()
    {
        var token = "budget-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader", token, null, default);
        using var client = factory.CreateClient(token);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/captures", TestPages.Capture($"https://blog.example.com/budget-{i}"))).StatusCode);

        using var hurried = await client.GetAsync("/api/captures");
        var hurriedItems = (await hurried.Content.ReadFromJsonAsync<CapturePageDto>())!.Items;

        Assert.Equal(HttpStatusCode.OK, hurried.StatusCode);
        Assert.Equal("3", Assert.Single(hurried.Headers.GetValues("Hqt-Pending-Captures")));
        Assert.Equal(3, hurriedItems.Count);
        Assert.All(hurriedItems, c => Assert.Equal("pending", c.Extraction));

        // The same reader with the default budget: the read extracts the backlog first.
        var pending = factory.Services.GetRequiredService<Hqt.Api.Captures.Pending.PendingReadFilter>();
        long userId;
        await using (var db = await factory.Services.GetRequiredService<Db>().OpenAsync())
            userId = await db.ExecuteScalarAsync<long>("SELECT user_id FROM captures WHERE id = @id", new { id = hurriedItems[0].Id });
        Assert.Equal(0, await pending.FinishForUserAsync(userId, TimeSpan.FromSeconds(30), default));
        using var patient = await client.GetAsync("/api/captures");
        var patientItems = (await patient.Content.ReadFromJsonAsync<CapturePageDto>())!.Items;

        Assert.False(patient.Headers.Contains("Hqt-Pending-Captures"));
        Assert.All(patientItems, c => Assert.Equal("extracted", c.Extraction));
        Assert.All(patientItems, c => Assert.Contains(c.Authors, a => a.Name == "Ada Example"));
    }
}
