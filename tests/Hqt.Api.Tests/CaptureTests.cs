using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Hqt.Api.Tests;

public class CaptureTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    [Fact]
    public async Task CreateReturns201WithLocationAndWhatWasExtracted()
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/created?utm_source=feed"));
        var capture = await response.Content.ReadFromJsonAsync<CaptureDto>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/captures/{capture!.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("https://blog.example.com/created?utm_source=feed", capture.Url);
        Assert.Equal("https://blog.example.com/created", capture.CanonicalUrl);
        Assert.Contains(capture.Authors, a => a.Name == "Ada Example");
        Assert.True(capture.ReferenceCount >= 1);
    }

    [Fact]
    public async Task SamePageAndContentAgainReturns200WithTheSameCapture()
    {
        using var client = factory.CreateAuthorizedClient();
        var body = TestPages.Capture("https://blog.example.com/twice");

        var first = await client.PostAsJsonAsync("/api/captures", body);
        var second = await client.PostAsJsonAsync("/api/captures", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<CaptureDto>())!.Id, (await second.Content.ReadFromJsonAsync<CaptureDto>())!.Id);
        Assert.Equal(1, await CountAsync(client, "https://blog.example.com/twice"));
    }

    [Fact]
    public async Task NewContentAtTheSameUrlIsANewCaptureOfTheSameDocument()
    {
        using var client = factory.CreateAuthorizedClient();

        var v1 = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/versions", TestPages.Article(body: "First draft.")))).Content.ReadFromJsonAsync<CaptureDto>();
        var v2 = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/versions", TestPages.Article(body: "Second draft.")))).Content.ReadFromJsonAsync<CaptureDto>();

        Assert.NotEqual(v1!.Id, v2!.Id);
        Assert.Equal(v1.DocumentId, v2.DocumentId);
    }

    [Fact]
    public async Task IdempotencyKeyReturnsTheFirstCaptureAndRefusesADifferentBody()
    {
        using var client = factory.CreateAuthorizedClient();
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(client, TestPages.Capture("https://blog.example.com/keyed"), key);
        var retry = await SendAsync(client, TestPages.Capture("https://blog.example.com/keyed"), key);
        var reused = await SendAsync(client, TestPages.Capture("https://blog.example.com/other-page"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountAsync(client, "https://blog.example.com/other-page"));
    }

    [Fact]
    public async Task GzipBodiesAreAccepted()
    {
        using var client = factory.CreateAuthorizedClient();
        var json = JsonSerializer.SerializeToUtf8Bytes(TestPages.Capture("https://blog.example.com/gzipped"), JsonSerializerOptions.Web);

        var response = await client.SendAsync(GzipRequest(Gzip(json)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await CountAsync(client, "https://blog.example.com/gzipped"));
    }

    [Fact]
    public async Task CorruptGzipIsABadRequest()
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.SendAsync(GzipRequest([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OtherContentEncodingsAreUnsupported()
    {
        using var client = factory.CreateAuthorizedClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/captures") { Content = JsonContent.Create(TestPages.Capture()) };
        request.Content.Headers.ContentEncoding.Add("br");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WrongContentTypeIs415()
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsync("/api/captures", new StringContent(TestPages.Article(), Encoding.UTF8, "text/html"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"url\": \"https://a.example/x\", \"html\": ")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    public async Task MalformedJsonIs400Problem(string body)
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsync("/api/captures", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:text/html,<p>x</p>")]
    [InlineData("ftp://example.com/x")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    public async Task NonHttpUrlsAreValidationErrors(string url)
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsJsonAsync("/api/captures", TestPages.Capture(url));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDto>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("url", problem!.Errors!.Keys);
    }

    [Fact]
    public async Task MissingFieldsAreValidationErrorsNamedAsOnTheWire()
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsJsonAsync("/api/captures", new { });
        var problem = await response.Content.ReadFromJsonAsync<ProblemDto>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("url", problem!.Errors!.Keys);
        Assert.Contains("html", problem.Errors.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj")]
    [InlineData("plain text without any markup")]
    [InlineData("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008<\u000e\u000f\u0010\u0011")]
    [InlineData("<p>nul \u0000 inside</p>")]
    public async Task BodiesThatAreNotHtmlAre422AndStoreNothing(string html)
    {
        using var client = factory.CreateAuthorizedClient();
        var url = $"https://blog.example.com/not-html-{Guid.NewGuid():N}";

        var response = await client.PostAsJsonAsync("/api/captures", new { url, html });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountAsync(client, url));
    }

    [Fact]
    public async Task ListPagesNewestFirstWithACursor()
    {
        var tokens = factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>();
        await tokens.EnsureUserWithTokenAsync("pager", "pager-token", null, default);
        using var client = factory.CreateClient("pager-token");
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/captures", TestPages.Capture($"https://blog.example.com/page-{i}"));

        var first = await client.GetFromJsonAsync<CapturePageDto>("/api/captures?limit=2");
        var second = await client.GetFromJsonAsync<CapturePageDto>($"/api/captures?limit=2&cursor={first!.NextCursor}");
        var third = await client.GetFromJsonAsync<CapturePageDto>($"/api/captures?limit=2&cursor={second!.NextCursor}");

        Assert.Equal(["https://blog.example.com/page-4", "https://blog.example.com/page-3"], first.Items.Select(c => c.Url));
        Assert.Equal(["https://blog.example.com/page-2", "https://blog.example.com/page-1"], second.Items.Select(c => c.Url));
        Assert.Equal(["https://blog.example.com/page-0"], third!.Items.Select(c => c.Url));
        Assert.Null(third.NextCursor);
    }

    [Theory]
    [InlineData("/api/captures?limit=0")]
    [InlineData("/api/captures?limit=1000")]
    [InlineData("/api/captures?cursor=abc")]
    public async Task BadPagingIsAValidationProblem(string path)
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetReturnsTheCaptureWithItsExtraction()
    {
        using var client = factory.CreateAuthorizedClient();
        var created = await (await client.PostAsJsonAsync("/api/captures", new { url = "https://blog.example.com/detail", html = TestPages.Article(), selection = "  the quoted bit ", capturedAt = "2024-05-01T10:00:00+02:00" })).Content.ReadFromJsonAsync<CaptureDto>();

        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/captures/{created!.Id}"));
        var root = detail.RootElement;

        Assert.Equal("the quoted bit", root.GetProperty("selection").GetString());
        Assert.Equal(DateTimeOffset.Parse("2024-05-01T08:00:00Z"), root.GetProperty("capturedAt").GetDateTimeOffset());
        Assert.Equal(64, root.GetProperty("contentHash").GetString()!.Length);
        Assert.True(root.GetProperty("extract").GetProperty("references").GetArrayLength() >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/captures/987654321")).StatusCode);
    }

    [Fact]
    public async Task DeleteRemovesTheCaptureAndItsLastDocument()
    {
        using var client = factory.CreateAuthorizedClient();
        var created = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/doomed"))).Content.ReadFromJsonAsync<CaptureDto>();

        var delete = await client.DeleteAsync($"/api/captures/{created!.Id}");
        var again = await client.DeleteAsync($"/api/captures/{created.Id}");
        var recreated = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/doomed"))).Content.ReadFromJsonAsync<CaptureDto>();

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.NotEqual(created.DocumentId, recreated!.DocumentId);
    }

    [Fact]
    public async Task DeletingAWritersOnlyCaptureForgetsTheWriterButNotOthers()
    {
        using var client = factory.CreateAuthorizedClient();
        var only = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://zed.example/only", TestPages.Article(author: "Zed Onlyonce")))).Content.ReadFromJsonAsync<CaptureDto>();
        await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://yan.example/kept", TestPages.Article(author: "Yan Keeps")));
        var before = await client.GetAsync("/api/people/person-zedonlyonce");

        await client.DeleteAsync($"/api/captures/{only!.Id}");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/people/person-zedonlyonce")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/people/person-yankeeps")).StatusCode);
    }

    [Fact]
    public async Task ScriptAndSqlShapedStringsAreStoredAndReturnedVerbatim()
    {
        using var client = factory.CreateAuthorizedClient();
        const string hostile = "Robert'); DROP TABLE captures;-- <img src=x onerror=alert(1)>";

        var created = await (await client.PostAsJsonAsync("/api/captures", new { url = "https://blog.example.com/bobby?q=';--", html = TestPages.Article(), title = hostile, selection = hostile })).Content.ReadFromJsonAsync<CaptureDto>();
        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/captures/{created!.Id}"));

        Assert.Equal(hostile, detail.RootElement.GetProperty("selection").GetString());
        Assert.Equal("https://blog.example.com/bobby?q=';--", created.Url);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/captures")).StatusCode);
    }

    static async Task<HttpResponseMessage> SendAsync(HttpClient client, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/captures") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    /// <summary>A POST /api/captures whose body is already gzipped JSON.</summary>
    internal static HttpRequestMessage GzipRequest(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return new HttpRequestMessage(HttpMethod.Post, "/api/captures") { Content = content };
    }

    static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(data);
        return buffer.ToArray();
    }

    /// <summary>How many of the caller's captures have this URL (walks every page of the list).</summary>
    internal static async Task<int> CountAsync(HttpClient client, string url)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<CapturePageDto>("/api/captures?limit=200" + (cursor is null ? "" : $"&cursor={cursor}"));
            count += page!.Items.Count(c => c.Url == url);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return count;
    }
}
