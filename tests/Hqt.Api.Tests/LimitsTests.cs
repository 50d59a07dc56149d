using Dapper;
using Microsoft.AspNetCore.Hosting;

namespace Hqt.Api.Tests;

/// <summary>The limits of issue 16, on a server whose limits are set small enough to meet in a test.</summary>
public sealed class LimitsFactory : HqtApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Hqt:MaxReferencesPerCapture", "50"),
        new("Hqt:CpuConcurrencyPerUser", "1"),
        new("Hqt:CpuQueuePerUser", "0"),
        new("Hqt:Cors:ExtensionOrigins:0", "chrome-extension://hqtextensionid"),
    ];
}

public class LimitsTests(LimitsFactory factory) : IClassFixture<LimitsFactory>
{
    [Fact]
    public async Task AHugeTitleIsStoredCut()
    {
        using var client = factory.CreateAuthorizedClient();
        var html = TestPages.Article(title: new string('T', 200_000));

        var created = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://limits.example/title", html))).Content.ReadFromJsonAsync<CaptureDto>();
        var stored = await client.GetFromJsonAsync<CaptureDto>($"/api/captures/{created!.Id}");

        Assert.InRange(stored!.Title!.Length, 1, Hqt.Api.Captures.ExtractLimits.MaxTitleLength);
        Assert.EndsWith("…", stored.Title);
    }

    [Fact]
    public async Task ReferencesPastTheCapAreDropped()
    {
        using var client = factory.CreateAuthorizedClient();
        var links = string.Concat(Enumerable.Range(0, 120).Select(i => $"<li><a href=\"https://cited{i}.example.org/essay-{i}\">Essay number {i} on reading</a></li>"));
        var html = $"<!doctype html><html><head><title>Many references</title></head><body><article><h1>Many</h1><p>Text.</p><ol class=\"references\">{links}</ol></article></body></html>";

        var created = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://limits.example/many", html))).Content.ReadFromJsonAsync<CaptureDto>();
        await client.GetAsync("/api/works?limit=1");

        await using var db = await factory.Services.GetRequiredService<Hqt.Api.Storage.Db>().OpenAsync();
        var edges = await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM citations WHERE origin_capture_id = @Id", new { created!.Id });
        Assert.InRange(edges, 40, 50);
        Assert.Contains(factory.Logs, l => l.Contains("references were not kept"));
    }

    [Fact]
    public async Task OneUserCannotRunManyExtractionsAtOnce()
    {
        using var client = factory.CreateAuthorizedClient();
        var html = TestPages.Article(body: string.Concat(Enumerable.Repeat("<p>Some text with <a href=\"https://x.example/a\">a link</a>.</p>", 20_000)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/extract", new { url = "https://limits.example/cpu", html })));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests), r => Assert.True(r.Headers.RetryAfter is not null));
    }

    [Theory]
    [InlineData("chrome-extension://hqtextensionid", true)]
    [InlineData("chrome-extension://someotherextension", false)]
    [InlineData("moz-extension://0b7a9c1e-0000-4000-8000-000000000000", false)]
    [InlineData("https://evil.example", false)]
    public async Task OnlyConfiguredExtensionOriginsPassCors(string origin, bool allowed)
    {
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/captures");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var response = await client.SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }

    [Fact]
    public async Task TheLandingPageDoesNotSayWhereTheDataIs()
    {
        using var client = factory.CreateClient();

        var home = await client.GetStringAsync("/");

        Assert.DoesNotContain(factory.DataDirectory, home);
        Assert.Contains("api-token", home);
    }
}

/// <summary>In production with no origins configured, no browser origin passes CORS (the extension uses its host permission).</summary>
public sealed class ProductionFactory : HqtApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public class ProductionCorsTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Theory]
    [InlineData("chrome-extension://anyextension")]
    [InlineData("moz-extension://0b7a9c1e-0000-4000-8000-000000000000")]
    public async Task NoExtensionOriginPassesUnlessConfigured(string origin)
    {
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/captures");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
