using System.IO.Compression;
using System.Text;

namespace Hqt.Api.Tests;

/// <summary>The API on real Kestrel (the test server ignores request size limits), with small limits.</summary>
public sealed class SmallLimitsFactory : HqtApiFactory
{
    public SmallLimitsFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Hqt:MaxCaptureBytes", (256 * 1024).ToString()),
        new("Hqt:MaxDecompressedCaptureBytes", (1024 * 1024).ToString()),
        new("Hqt:CaptureBurst", "30"),
        new("Hqt:CapturesPerSecond", "1"),
        new("Hqt:MaxUpstreamBytes", "20000"),
        new("Hqt:MaxExtractBytes", (64 * 1024).ToString()),
    ];
}

public class KestrelLimitTests(SmallLimitsFactory factory) : IClassFixture<SmallLimitsFactory>
{
    [Fact]
    public async Task BodyOverTheWireLimitIs413AndStoresNothing()
    {
        using var client = factory.CreateAuthorizedClient();
        var html = "<html><body><p>" + new string('x', 300 * 1024) + "</p></body></html>";

        var response = await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://big.example/raw", html));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CaptureTests.CountAsync(client, "https://big.example/raw"));
    }

    [Theory]
    [InlineData("/api/upstream", 30_000)]
    [InlineData("/api/extract", 100_000)]
    public async Task StatelessBodiesHaveTheirOwnLimits(string path, int size)
    {
        using var client = factory.CreateAuthorizedClient();
        var body = new StringContent("{\"url\":\"https://a.example/x\",\"html\":\"" + new string('x', size) + "\"}", Encoding.UTF8, "application/json");

        var response = await client.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GzipBombIsCutOffAt413WithoutReadingItAll()
    {
        using var client = factory.CreateAuthorizedClient();
        // 64 MiB of one repeated byte compresses to ~64 KiB: under the wire limit, far over the decompressed one.
        var bomb = GzipJsonWithHugeHtml(64 * 1024 * 1024);

        var response = await client.SendAsync(CaptureTests.GzipRequest(bomb));

        Assert.True(bomb.Length < 256 * 1024);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CaptureTests.CountAsync(client, "https://big.example/bomb"));
    }

    [Fact]
    public async Task GzipUnderBothLimitsIsStored()
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.SendAsync(CaptureTests.GzipRequest(GzipJsonWithHugeHtml(512 * 1024)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task CaptureFloodGets429WithRetryAfter()
    {
        var tokens = factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>();
        await tokens.EnsureUserWithTokenAsync("flood", "flood-token", null, default);
        using var client = factory.CreateClient("flood-token");

        HttpResponseMessage? limited = null;
        for (var i = 0; i < 60 && limited is null; i++)
        {
            var response = await client.PostAsJsonAsync("/api/captures", TestPages.Capture($"https://flood.example/{i}"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }

        Assert.NotNull(limited);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        // Other users have their own bucket.
        using var alice = factory.CreateAuthorizedClient();
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await alice.PostAsJsonAsync("/api/captures", TestPages.Capture("https://flood.example/alice"))).StatusCode);
    }

    static byte[] GzipJsonWithHugeHtml(int htmlBytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            var url = htmlBytes > 1024 * 1024 ? "https://big.example/bomb" : "https://big.example/fine";
            gzip.Write(Encoding.UTF8.GetBytes($"{{\"url\":\"{url}\",\"html\":\"<html><body><p>"));
            var chunk = Encoding.UTF8.GetBytes(new string('a', 64 * 1024));
            for (var written = 0; written < htmlBytes; written += chunk.Length) gzip.Write(chunk);
            gzip.Write(Encoding.UTF8.GetBytes("</p></body></html>\"}"));
        }
        return buffer.ToArray();
    }
}
