using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hqt.Api.Tests;

/// <summary>The conventions every client relies on: problem bodies with detail (and errors for 400), zoned times, 404 for unknown ids.</summary>
public class ApiConventionTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    [Fact]
    public async Task MalformedJsonIsA400WithDetailAndErrors()
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsync("/api/captures", new StringContent("{\"url\": \"https://a.example/\", \"html\": ", Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
    }

    [Theory]
    [InlineData("2099-01-01T09:00:00")]
    [InlineData("tomorrow")]
    public async Task ASnoozeTimeWithoutZoneIsA400(string until)
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsJsonAsync("/api/suggestions/person-adalovelace/snooze", new { until });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task DismissingAWorkThatIsNotInTheLibraryIsA404Problem()
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsync("/api/suggestions/work-987654/dismiss", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("work-987654", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TimesAreUtcWithAZAndMilliseconds()
    {
        using var client = factory.CreateAuthorizedClient();

        var created = await client.PostAsJsonAsync("/api/captures", new
        {
            url = "https://times.example/" + Guid.NewGuid().ToString("N"), html = "<html><body><p>Hello</p></body></html>", capturedAt = "2026-12-06T04:03:20.1234567+02:00",
        });
        var body = await created.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches(new Regex("\"capturedAt\":\"2026-12-06T02:03:20\\.123Z\""), body);
    }

    [Fact]
    public async Task EveryErrorWithoutABodyOfItsOwnStillSaysWhy()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/api/suggestions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheYamlDocumentIsServedAsApplicationYaml()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/openapi/v1.yaml");

        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("openapi:", await response.Content.ReadAsStringAsync());
    }
}
