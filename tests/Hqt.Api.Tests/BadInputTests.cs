using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hqt.Api.Tests;

/// <summary>
/// Hostile and broken input on POST /api/captures (issue 8): each is refused with a problem+json and stores
/// nothing, or, where a browser would render it as a page, is stored exactly as sent (each such case says why).
/// Already covered elsewhere and not repeated here: empty, PDF, binary and NUL-bearing html → 422, text/html
/// Content-Type → 415, malformed JSON → 400, javascript:/file:/data:/ftp: URLs → 400, title/selection/url
/// SQL and script strings (CaptureTests); gzip bomb and over-the-wire body at small limits, 429
/// (KestrelLimitTests); missing, wrong and expired tokens, another user's capture by id (AuthTests).
/// </summary>
public class BadInputTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    // --- HTML a browser still renders: stored verbatim, extracted as far as it goes ---

    [Theory]
    [InlineData("<html><head><title>Unclosed <b>bold</title><body><div><p>para <i>italic</div></b></p></span></td>stray ends")]
    [InlineData("<html><body><table><tr><td>cell<p>misnested</td></tr><a href=unquoted>link</a></b></i><div id=\"x\" id=\"y\" class='a\"b'>dup attrs</html>")]
    [InlineData("<!doctype html><html><head><title>Cut short</title></head><body><p>Half a sentence and <a href=\"https://exa")]
    [InlineData("<!doctype html><html><head><title>Cut in a comment</title></head><body><!-- the capture stopped here")]
    [InlineData("<html><head><title>Cut in a tag</title><meta name=\"author\" content=\"Ada")]
    public async Task MalformedOrTruncatedHtmlIsStoredVerbatimBecauseBrowsersRenderIt(string html)
    {
        // Lenient on purpose: the html is what the reader's browser rendered, and browsers render broken and
        // cut-off markup. Refusing it would lose a page the reader read; storing it verbatim lets a better
        // extractor re-read it later (POST /api/captures/reextract).
        using var client = factory.CreateAuthorizedClient();
        var url = Unique("https://broken.example/page");

        var response = await client.PostAsJsonAsync("/api/captures", new { url, html });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await DetailAsync(client, response);
        Assert.Equal(Sha256(html), detail.GetProperty("contentHash").GetString());
        Assert.Equal(url, detail.GetProperty("url").GetString());
    }

    [Fact]
    public async Task HundredThousandNestedElementsAnswerPromptlyAndAreStored()
    {
        // A DOM 100k levels deep is legal HTML; the parser and every tree walk must not recurse per level
        // (a stack overflow would kill the server, not just this request). The client's timeout is a hang
        // guard, not a speed measurement (that is bench/Hqt.Bench.Throughput --fuzz).
        using var client = factory.CreateAuthorizedClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        const int depth = 100_000;
        var html = "<html><head><title>Deep</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", depth))
            + "<p>bottom <a href=\"https://deep.example/cited\">cited</a></p>" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
        var url = Unique("https://deep.example/nested");

        var response = await client.PostAsJsonAsync("/api/captures", new { url, html });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await DetailAsync(client, response);
        Assert.Equal(Sha256(html), detail.GetProperty("contentHash").GetString());
    }

    [Fact]
    public async Task MetaCharsetThatDisagreesWithTheTextIsIgnoredBecauseJsonIsAlreadyText()
    {
        // The html field arrives as a JSON string: already decoded text. A <meta charset> naming another
        // encoding must not make the server decode it a second time (mojibake); the page is stored as sent.
        using var client = factory.CreateAuthorizedClient();
        const string name = "Zoë Ñúñez-Dvořák 山田";
        var html = $"<html><head><meta charset=\"windows-1252\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Café über naïve</title><meta name=\"author\" content=\"{name}\"></head><body><p>Grüße</p></body></html>";

        var response = await client.PostAsJsonAsync("/api/captures", new { url = Unique("https://charset.example/a"), html });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await DetailAsync(client, response);
        Assert.Equal(Sha256(html), detail.GetProperty("contentHash").GetString());
        Assert.Equal("Café über naïve", detail.GetProperty("title").GetString());
        Assert.Contains(detail.GetProperty("extract").GetProperty("authors").EnumerateArray(), a => a.GetProperty("name").GetString() == name);
    }

    // --- Bytes that are not what they claim: refused, nothing stored ---

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]             // a two-byte lead followed by ASCII
    [InlineData(new byte[] { 0xFF, 0xFE, 0xFD })]       // bytes UTF-8 never uses
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]       // an encoded surrogate (CESU-8)
    [InlineData(new byte[] { 0xE9, 0x74, 0xE9 })]       // Latin-1 "été" sent as if it were UTF-8
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })]       // a 4-byte sequence cut short
    public async Task InvalidUtf8InTheBodyIs400AndStoresNothing(byte[] invalid)
    {
        using var client = factory.CreateAuthorizedClient();
        var before = await TotalAsync(client);
        var head = Encoding.UTF8.GetBytes("{\"url\":\"https://utf8.example/bad\",\"html\":\"<html><body><p>x");
        var tail = Encoding.UTF8.GetBytes("</p></body></html>\"}");
        var content = new ByteArrayContent([.. head, .. invalid, .. tail]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        var response = await client.PostAsync("/api/captures", content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await TotalAsync(client));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("selection")]
    [InlineData("url")]
    public async Task LoneSurrogateEscapesAreRefusedOrKeptExactly(string field)
    {
        // "\ud800" is valid JSON but not a Unicode string: it cannot be stored as UTF-8 text and come back
        // the same. The answer must not be a 500, and whatever is stored must read back as it was stored.
        using var client = factory.CreateAuthorizedClient();
        var url = Unique("https://surrogate.example/p");
        var fields = new Dictionary<string, string> { ["url"] = JsonSerializer.Serialize(url), ["html"] = JsonSerializer.Serialize(TestPages.Article()) };
        fields[field] = field == "url" ? "\"https://surrogate.example/\\ud800\"" : "\"before \\ud800 after\"";
        var body = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

        var response = await client.PostAsync("/api/captures", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("selection")]
    public async Task NulInTextFieldsIsRefusedAndStoresNothing(string field)
    {
        using var client = factory.CreateAuthorizedClient();
        var url = Unique("https://nul.example/p");
        var body = new Dictionary<string, object?> { ["url"] = url, ["html"] = TestPages.Article(), [field] = "before\0after" };

        var response = await client.PostAsJsonAsync("/api/captures", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await CaptureTests.CountAsync(client, url));
    }

    [Theory]
    [InlineData("https://nul.example/a\u0000b")]
    [InlineData("https://nul.example/a\u0000")]
    public async Task NulInTheUrlIsRefusedAndStoresNothing(string url)
    {
        using var client = factory.CreateAuthorizedClient();
        var before = await TotalAsync(client);

        var response = await client.PostAsJsonAsync("/api/captures", new { url, html = TestPages.Article() });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await TotalAsync(client));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    public async Task WrongOrMissingContentTypeIs415ProblemAndStoresNothing(string? contentType)
    {
        // CaptureTests.WrongContentTypeIs415 covers text/html; these are the other usual mistakes.
        using var client = factory.CreateAuthorizedClient();
        var before = await TotalAsync(client);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(TestPages.Capture(Unique("https://ctype.example/p"))));
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await client.PostAsync("/api/captures", content);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await TotalAsync(client));
    }

    // --- JSON shaped to hurt: huge or deep ---

    [Theory]
    [InlineData("url", 100_000)]
    [InlineData("title", 1_000_000)]
    [InlineData("selection", 2_000_000)]
    public async Task HugeFieldsAreValidationProblemsAndStoreNothing(string field, int length)
    {
        using var client = factory.CreateAuthorizedClient();
        var before = await TotalAsync(client);
        var body = new Dictionary<string, object?> { ["url"] = Unique("https://huge.example/p"), ["html"] = TestPages.Article() };
        body[field] = field == "url" ? "https://huge.example/" + new string('a', length) : new string('a', length);

        var response = await client.PostAsJsonAsync("/api/captures", body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await TotalAsync(client));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public async Task DeeplyNestedJsonIs400ProblemAndStoresNothing(int depth)
    {
        using var client = factory.CreateAuthorizedClient();
        var before = await TotalAsync(client);
        var deep = new string('[', depth) + new string(']', depth);
        var body = $"{{\"url\":\"https://deep-json.example/p\",\"html\":{JsonSerializer.Serialize(TestPages.Article())},\"extra\":{deep}}}";

        var response = await client.PostAsync("/api/captures", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await TotalAsync(client));
    }

    [Theory]
    [InlineData("{\"url\":\"https://shape.example/p\",\"html\":{\"nested\":{\"deeper\":[1,2,3]}}}")]
    [InlineData("{\"url\":[\"https://shape.example/p\"],\"html\":\"<p>x</p>\"}")]
    [InlineData("{\"url\":\"https://shape.example/p\",\"html\":\"<p>x</p>\",\"capturedAt\":\"yesterday\"}")]
    [InlineData("{\"url\":\"https://shape.example/p\",\"html\":\"<p>x</p>\",\"title\":12345}")]
    public async Task FieldsOfTheWrongJsonTypeAre400ProblemAndStoreNothing(string body)
    {
        using var client = factory.CreateAuthorizedClient();
        var before = await TotalAsync(client);

        var response = await client.PostAsync("/api/captures", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await TotalAsync(client));
    }

    // --- URLs that are not http(s) pages (beyond CaptureTests.NonHttpUrlsAreValidationErrors) ---

    [Theory]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("  javascript:alert(1)  ")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("about:blank")]
    [InlineData("blob:https://a.example/0b1c")]
    [InlineData("chrome-extension://abcdef/page.html")]
    [InlineData("moz-extension://abcdef/page.html")]
    [InlineData("view-source:https://a.example/")]
    [InlineData("http:///no-host")]
    [InlineData("https://")]
    [InlineData("//a.example/protocol-relative")]
    [InlineData("ws://a.example/socket")]
    public async Task MoreNonHttpUrlsAreValidationErrorsAndStoreNothing(string url)
    {
        using var client = factory.CreateAuthorizedClient();
        var before = await TotalAsync(client);

        var response = await client.PostAsJsonAsync("/api/captures", TestPages.Capture(url));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("url", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await TotalAsync(client));
    }

    // --- SQL- and script-shaped strings everywhere (CaptureTests covers title, selection and the URL query) ---

    [Fact]
    public async Task HostileStringsInTheHtmlAndTheIdempotencyKeyAreDataNeverCode()
    {
        using var client = factory.CreateAuthorizedClient();
        const string sql = "x'); DELETE FROM captures; DROP TABLE users;--";
        const string script = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
        var before = await TotalAsync(client);
        // The title and author arrive through the page itself, so they go through extraction and the graph.
        var html = $"<html><head><title>{WebUtility.HtmlEncode(sql + script)}</title><meta name=\"author\" content=\"{WebUtility.HtmlEncode(sql)}\"></head>"
            + $"<body><article><p>{WebUtility.HtmlEncode(script)} see <a href=\"https://cited.example/?q=%27%3B--\">{WebUtility.HtmlEncode(sql)}</a></p></article></body></html>";
        var url = Unique("https://hostile.example/p") + "&q=%27%20OR%201%3D1--";
        var key = sql + script;

        var first = await PostWithKeyAsync(client, new { url, html, title = script, selection = sql + "\n" + script }, key);
        var again = await PostWithKeyAsync(client, new { url, html, title = script, selection = sql + "\n" + script }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var detail = await DetailAsync(client, first);
        Assert.Equal(sql + script, detail.GetProperty("title").GetString());
        Assert.Equal(sql + "\n" + script, detail.GetProperty("selection").GetString());
        Assert.Equal(url, detail.GetProperty("url").GetString());
        Assert.Equal(Sha256(html), detail.GetProperty("contentHash").GetString());
        // The extractor may split the author meta on ';' (author lists do): each name is a piece of it, as data.
        var authors = detail.GetProperty("extract").GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(authors);
        Assert.All(authors, name => Assert.Contains(name, sql));
        Assert.Equal(before + 1, await TotalAsync(client));
        // The API answers JSON only; a script string never reaches a response as markup.
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/captures?cursor=1%20OR%201=1")]
    [InlineData("/api/captures?cursor=1;DROP%20TABLE%20captures")]
    [InlineData("/api/captures?limit=5%20UNION%20SELECT%20*%20FROM%20api_tokens")]
    [InlineData("/api/captures?cursor=-1")]
    public async Task SqlShapedQueryParametersAre400Problems(string path)
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.GetAsync(path);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    // --- Tokens and other users (AuthTests covers missing, wrong, Basic and expired tokens, and GET/DELETE by id) ---

    [Theory]
    [InlineData("' OR '1'='1")]
    [InlineData("test-token-alice' --")]
    [InlineData("test-token-alicE")]
    [InlineData("test-token-alice2")]
    [InlineData("TEST-TOKEN-ALICE")]
    public async Task ForgedTokensCannotCapture(string token)
    {
        using var forged = factory.CreateClient(token);
        using var alice = factory.CreateAuthorizedClient();
        var before = await TotalAsync(alice);

        var response = await forged.PostAsJsonAsync("/api/captures", TestPages.Capture(Unique("https://forged.example/p")));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(before, await TotalAsync(alice));
    }

    [Fact]
    public async Task TheStoredTokenHashIsNotItselfAToken()
    {
        // Someone who can read the database sees SHA-256 hashes; presenting one must not sign them in.
        using var hashed = factory.CreateClient(Sha256(HqtApiFactory.Token));

        var response = await hashed.GetAsync("/api/captures");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ExpiredTokenCannotCaptureAndStoresNothing()
    {
        var tokens = factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>();
        await tokens.EnsureUserWithTokenAsync("lapsed", "lapsed-token", DateTimeOffset.UtcNow.AddSeconds(-1), default);
        using var lapsed = factory.CreateClient("lapsed-token");
        var url = Unique("https://expired.example/p");

        var response = await lapsed.PostAsJsonAsync("/api/captures", TestPages.Capture(url));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        using var alice = factory.CreateAuthorizedClient();
        Assert.Equal(0, await CaptureTests.CountAsync(alice, url));
    }

    [Fact]
    public async Task AnotherUsersIdempotencyKeyNeverReturnsTheirCapture()
    {
        var tokens = factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>();
        await tokens.EnsureUserWithTokenAsync("mallory", "mallory-token", null, default);
        using var alice = factory.CreateAuthorizedClient();
        using var mallory = factory.CreateClient("mallory-token");
        var key = "shared-key-" + Guid.NewGuid().ToString("N");
        var url = Unique("https://alice.example/secret");

        var alices = await PostWithKeyAsync(alice, TestPages.Capture(url, TestPages.Article(title: "Alice's private page")), key);
        // Mallory replays Alice's key (and even her URL and content): she gets a capture of her own.
        var mallorys = await PostWithKeyAsync(mallory, TestPages.Capture(url, TestPages.Article(title: "Alice's private page")), key);
        var mallorysOther = await PostWithKeyAsync(mallory, TestPages.Capture(Unique("https://mallory.example/x")), key);

        var aliceId = JsonDocument.Parse(await alices.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, mallorys.StatusCode);
        Assert.NotEqual(aliceId, JsonDocument.Parse(await mallorys.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64());
        // Her own key reused for other content is her own 409, which names nothing of Alice's.
        var conflict = await AssertProblemAsync(mallorysOther, HttpStatusCode.Conflict);
        Assert.DoesNotContain("alice", conflict.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await CaptureTests.CountAsync(alice, url));
    }

    [Fact]
    public async Task ReextractAndCursorsNeverReachAnotherUsersCaptures()
    {
        var tokens = factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>();
        await tokens.EnsureUserWithTokenAsync("eve", "eve-token", null, default);
        using var alice = factory.CreateAuthorizedClient();
        using var eve = factory.CreateClient("eve-token");
        var created = await alice.PostAsJsonAsync("/api/captures", TestPages.Capture(Unique("https://alice.example/mine")));
        var aliceId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        var reextract = JsonDocument.Parse(await (await eve.PostAsync("/api/captures/reextract", null)).Content.ReadAsStringAsync()).RootElement;
        var page = await eve.GetFromJsonAsync<CapturePageDto>($"/api/captures?cursor={aliceId + 1}&limit=200");

        Assert.Equal(0, reextract.GetProperty("processed").GetInt32());
        Assert.Empty(page!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.GetAsync($"/api/captures/{aliceId}")).StatusCode);
    }

    // --- helpers ---

    static string Unique(string url) => $"{url}?n={Guid.NewGuid():N}";

    static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/captures") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    static async Task<JsonElement> DetailAsync(HttpClient client, HttpResponseMessage created)
    {
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        return JsonDocument.Parse(await client.GetStringAsync($"/api/captures/{id}")).RootElement.Clone();
    }

    /// <summary>The status, a problem+json body with that status, and the body for further checks.</summary>
    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>How many captures the client's user has (walks every page).</summary>
    internal static async Task<int> TotalAsync(HttpClient client)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<CapturePageDto>("/api/captures?limit=200" + (cursor is null ? "" : $"&cursor={cursor}"));
            count += page!.Items.Count;
            cursor = page.NextCursor;
        } while (cursor is not null);
        return count;
    }
}

/// <summary>The API on real Kestrel with its default limits (16 MiB on the wire, 64 MiB decompressed).</summary>
public sealed class DefaultLimitsKestrelFactory : HqtApiFactory
{
    public DefaultLimitsKestrelFactory()
    {
        UseKestrel(0);
        StartServer();
    }
}

/// <summary>Oversized bodies at the shipped limits (KestrelLimitTests does the same at small test limits).</summary>
public class BadInputKestrelTests(DefaultLimitsKestrelFactory factory) : IClassFixture<DefaultLimitsKestrelFactory>
{
    [Fact]
    public async Task SixtyMegabyteBodyIs413ProblemAndStoresNothing()
    {
        using var client = factory.CreateAuthorizedClient();
        var before = await BadInputTests.TotalAsync(client);
        var html = "<html><body><p>" + new string('x', 60 * 1024 * 1024) + "</p></body></html>";

        // Expect: 100-continue lets the client hear the 413 before it uploads 60 MB; without it the server's
        // answer races the upload and the client often sees only the connection it closed (a broken pipe).
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/captures")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { url = "https://huge.example/60mb", html }), Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await BadInputTests.TotalAsync(client));
    }

    [Fact]
    public async Task GigabyteGzipBombIs413ProblemAndStoresNothing()
    {
        using var client = factory.CreateAuthorizedClient();
        var before = await BadInputTests.TotalAsync(client);
        // 1 GiB of one byte inside a JSON string: about 1 MiB gzipped, far under the wire limit.
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes("{\"url\":\"https://bomb.example/gib\",\"html\":\"<p>"));
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (var i = 0; i < 1024; i++) gzip.Write(chunk);
            gzip.Write(Encoding.UTF8.GetBytes("</p>\"}"));
        }
        var bomb = buffer.ToArray();
        var content = new ByteArrayContent(bomb);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await client.PostAsync("/api/captures", content);

        Assert.True(bomb.Length < 16 * 1024 * 1024);
        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await BadInputTests.TotalAsync(client));
    }

    [Fact]
    public async Task GzipInsideGzipIsDecodedOnceAndRefusedAs400()
    {
        // Only one layer is decompressed: a second layer is bytes, not JSON, and is refused as such.
        using var client = factory.CreateAuthorizedClient();
        var before = await BadInputTests.TotalAsync(client);
        var json = JsonSerializer.SerializeToUtf8Bytes(TestPages.Capture("https://bomb.example/double"));
        var content = new ByteArrayContent(Gzip(Gzip(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await client.PostAsync("/api/captures", content);

        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await BadInputTests.TotalAsync(client));
    }

    static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(data);
        return buffer.ToArray();
    }
}
