namespace Hqt.Api.Tests;

public class AuthTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task ApiRoutesRefuseMissingOrWrongTokens(string? authorization)
    {
        using var client = factory.CreateClient();
        if (authorization is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.GetAsync("/api/captures");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HealthAndHomeNeedNoToken()
    {
        using var client = factory.CreateClient();

        var health = await client.GetAsync("/health");
        var home = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("api-token", home);
        Assert.Contains("/docs", home);
    }

    [Fact]
    public async Task ExpiredTokenIsRefused()
    {
        var tokens = factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>();
        await tokens.EnsureUserWithTokenAsync("expired", "expired-token", DateTimeOffset.UtcNow.AddMinutes(-1), default);
        using var client = factory.CreateClient("expired-token");

        var response = await client.GetAsync("/api/captures");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnotherUsersCaptureIsNotFound()
    {
        var tokens = factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>();
        await tokens.EnsureUserWithTokenAsync("bob", "bob-token", null, default);
        using var alice = factory.CreateAuthorizedClient();
        using var bob = factory.CreateClient("bob-token");
        var created = await (await alice.PostAsJsonAsync("/api/captures", TestPages.Capture("https://alice.example/private"))).Content.ReadFromJsonAsync<CaptureDto>();

        var get = await bob.GetAsync($"/api/captures/{created!.Id}");
        var delete = await bob.DeleteAsync($"/api/captures/{created.Id}");
        var list = await bob.GetStringAsync("/api/captures");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.DoesNotContain("alice.example", list);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/captures/{created.Id}")).StatusCode);
    }
}
