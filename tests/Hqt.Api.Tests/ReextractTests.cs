using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Tests;

public class ReextractTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    [Fact]
    public async Task ReextractRebuildsStaleExtractionsAndCountsTheChanged()
    {
        using var client = factory.CreateAuthorizedClient();
        var stale = await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/stale"))).Content.ReadFromJsonAsync<CaptureDto>();
        await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/fresh"));
        // What an older extractor might have stored: no authors, no references.
        await using (var db = await factory.Services.GetRequiredService<Db>().OpenAsync())
            await db.ExecuteAsync("""
                UPDATE captures SET extractor_version = 1,
                  extract_json = '{"title":"old","canonicalUrl":"https://blog.example.com/stale","authors":[],"references":[]}'
                WHERE id = @id
                """, new { id = stale!.Id });

        var response = await client.PostAsync("/api/captures/reextract", null);
        var result = await response.Content.ReadFromJsonAsync<ReextractDto>();
        var after = (await client.GetFromJsonAsync<CapturePageDto>("/api/captures"))!.Items.Single(c => c.Id == stale.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, result!.Processed);
        Assert.Equal(1, result.Changed);
        Assert.Contains(after.Authors, a => a.Name == "Ada Example");
    }

    sealed record ReextractDto(int Processed, int Changed, int ExtractorVersion);
}
