namespace Hqt.Api.Tests;

public class CaptureSmokeTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    [Fact]
    public async Task CaptureIsStoredAndListed()
    {
        using var client = factory.CreateAuthorizedClient();

        var created = await client.PostAsJsonAsync("/api/captures", new { url = "https://example.com/post", html = "<html><head><title>Post</title></head><body><p>Hi</p></body></html>" });
        var list = await client.GetStringAsync("/api/captures");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("https://example.com/post", list);
    }
}
