using System.Text.Json;

namespace Hqt.Api.Tests;

public class RankUpstreamTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    static object Body(object? lookup = null, string? schema = "upstream-suggest/v1") => new
    {
        schema,
        limit = 5,
        captures = new object[]
        {
            new { id = "P10-2067", title = "Active Learning-Based Elicitation", year = 2010, authors = new[] { "Ambati, Vamshi" },
                  references = new object[] { new { id = "J93-2003", title = "The Mathematics Of Statistical Machine Translation", year = 1993, authors = new[] { "Brown, Peter F." } },
                                              new { id = "D07-1006", title = "Getting the Structure Right for Word Alignment", year = 2007 } } },
            new { id = "P11-2002", title = "Accelerating Active Learning", year = 2011, authors = new[] { "Dara, Aswarth" },
                  references = new object[] { new { id = "J93-2003" } } },
        },
        lookup,
    };

    [Fact]
    public async Task RanksUpstreamWorksWithReasonsAndAuthors()
    {
        using var client = factory.CreateAuthorizedClient();
        var lookup = new { works = new object[] { new { id = "D07-1006", year = 2007, cited_by_count = 17, references = new[] { "P96-1042" } },
                                                 new { id = "P96-1042", title = "Minimizing Manual Annotation Cost", year = 1996, cited_by_count = 26 } } };

        var response = await client.PostAsJsonAsync("/api/upstream", Body(lookup));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var suggestions = json.RootElement.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(["J93-2003", "D07-1006", "P96-1042"], suggestions.Select(s => s.GetProperty("id").GetString()));
        Assert.StartsWith("cited by 2 writers you read (Vamshi Ambati, Aswarth Dara)", suggestions[0].GetProperty("reason").GetString());
        Assert.StartsWith("cited by 1 work your writers cite, most strongly D07-1006 (2007), which Vamshi Ambati cites", suggestions[2].GetProperty("reason").GetString());
        // The chain the reason names, with the request's ids: capture → the work it cites → the root.
        var chain = Assert.Single(suggestions[2].GetProperty("lineage").EnumerateArray()).EnumerateArray().ToList();
        Assert.Equal(["P10-2067", "D07-1006", "P96-1042"], chain.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["capture", "work", "work"], chain.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal([2010, 2007, 1996], chain.Select(s => s.GetProperty("year").GetInt32()));
        var brown = json.RootElement.GetProperty("authors").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Brown, Peter F.");
        Assert.Equal(["capture", "work", "person"], brown.GetProperty("lineage")[0].EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        Assert.True(suggestions[0].GetProperty("score").GetDouble() > suggestions[1].GetProperty("score").GetDouble());
        Assert.Contains(json.RootElement.GetProperty("authors").EnumerateArray(), a => a.GetProperty("name").GetString() == "Brown, Peter F.");
        Assert.Equal("upstream-suggest/v1", json.RootElement.GetProperty("schema").GetString());
    }

    [Fact]
    public async Task RequiresTheBearerToken()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/upstream", Body());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"captures":[]}""", "captures")]
    [InlineData("""{"limit":5}""", "captures")]
    [InlineData("""{"schema":"upstream-suggest/v9","captures":[{"id":"a"}]}""", "schema")]
    [InlineData("""{"limit":0,"captures":[{"id":"a"}]}""", "limit")]
    [InlineData("""{"explore":0.9,"captures":[{"id":"a"}]}""", "explore")]
    [InlineData("""{"captures":[{"id":"a"},{"id":"a"}]}""", "captures[1].id")]
    [InlineData("""{"captures":[{"id":""}]}""", "captures[0].id")]
    public async Task BadBodiesAreValidationProblems(string body, string field)
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsync("/api/upstream", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys, StringComparer.OrdinalIgnoreCase);
    }
}

public class RankUpstreamSizeLimitTests : IClassFixture<RankUpstreamSizeLimitTests.SmallBodies>
{
    public sealed class SmallBodies : HqtApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Hqt:MaxUpstreamBytes", "2000")];
    }

    readonly SmallBodies _factory;

    public RankUpstreamSizeLimitTests(SmallBodies factory)
    {
        _factory = factory;
        _factory.UseKestrel(0);
        _factory.StartServer();
    }

    [Fact]
    public async Task OversizedBodyIsRefused()
    {
        using var client = _factory.CreateAuthorizedClient();
        var references = Enumerable.Range(0, 200).Select(i => new { id = $"W{i:D5}" }).ToArray();

        var response = await client.PostAsJsonAsync("/api/upstream", new { captures = new[] { new { id = "a", references } } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
