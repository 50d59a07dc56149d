using Hqt.Api.Tests.Lookups;
using Microsoft.AspNetCore.Builder;

namespace Hqt.Api.Tests;

/// <summary>
/// Two real API processes (Kestrel on 127.0.0.1, each its own data directory) on one PostgreSQL database, as behind a
/// load balancer: captures through either, every lookup job run once between them, and one instance's suggestions
/// see what was captured through the other.
/// </summary>
public sealed class ManyInstancesTests : IAsyncLifetime
{
    FakeServer _openAlex = null!;

    public async Task InitializeAsync() =>
        _openAlex = await FakeServer.StartAsync("127.0.0.1", app =>
            app.MapGet("/works/{**rest}", (string rest) => rest.StartsWith("doi:", StringComparison.Ordinal)
                ? Fixtures.Json(Fixtures.OpenAlexWork("W" + Math.Abs(rest.GetHashCode() % 100000), rest[4..], $"Work on {rest[4..]}", 2001, 3, ["Some Author"], []))
                : Fixtures.Json(new { error = "Not found" }, 404)));

    public async Task DisposeAsync() => await _openAlex.DisposeAsync();

    [SkippableFact]
    public async Task TwoInstancesOnOneDatabaseShareCapturesRunEachLookupOnceAndSeeEachOthersWrites()
    {
        Skip.IfNot(TestDatabase.IsPostgres, "PostgreSQL only: on SQLite one instance owns the data (hqt.lock), by design");
        using var database = TestDatabase.CreateForHost()!;
        using var first = Instance(database);
        using var second = Instance(database);
        await first.StartAsync(TimeSpan.FromSeconds(60));
        await second.StartAsync(TimeSpan.FromSeconds(60));
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        // 12 pages through both at once, each citing two DOIs of its own and one every page cites.
        const int pages = 12;
        var captures = await Task.WhenAll(Enumerable.Range(0, pages).Select(async i =>
        {
            var client = i % 2 == 0 ? one : two;
            var html = Fixtures.Page($"Page {i} of the shared library", "Reader Writer", 2020,
                $"https://doi.org/10.1000/p{i}a", $"https://doi.org/10.1000/p{i}b", "https://doi.org/10.1000/shared");
            return await client.PostAsJsonAsync("/api/captures", TestPages.Capture($"https://many.example/{i}", html));
        }));
        Assert.All(captures, c => Assert.Equal(HttpStatusCode.Created, c.StatusCode));

        // Both workers claim from the one queue: every DOI is asked for exactly once.
        var status = await LookupWait.UntilIdleAsync(one, atLeastDone: 2 * pages + 1, seconds: 90);
        Assert.Equal(2 * pages + 1, status.Done);
        var asked = _openAlex.Requests.Select(r => r.Target).Where(t => t.StartsWith("/works/doi:", StringComparison.Ordinal))
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2 * pages + 1, asked.Count);
        Assert.All(asked, a => Assert.True(a.Value == 1, $"{a.Key} was looked up {a.Value} times"));
        // The same token signs in on both (one token key), and both list all captures.
        Assert.Equal(pages, (await two.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/captures?limit=100")).GetProperty("items").GetArrayLength());

        // Instance two serves suggestions (its graph cache loaded), then a capture through instance one cites a new work:
        // two's next suggestions include it, because every graph write moves the user's version row both instances read.
        (await two.GetAsync("/api/suggestions")).EnsureSuccessStatusCode();
        var fresh = Fixtures.Page("A fresh page read on the other instance", "Reader Writer", 2021,
            "https://doi.org/10.1000/fresh", "https://doi.org/10.1000/shared");
        Assert.Equal(HttpStatusCode.Created, (await one.PostAsJsonAsync("/api/captures", TestPages.Capture("https://many.example/fresh", fresh))).StatusCode);
        var seen = false;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); !seen && DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var list = await two.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?limit=100");
            seen = list!.Items.Any(s => (s.Title + s.Url).Contains("fresh", StringComparison.OrdinalIgnoreCase));
        }
        Assert.True(seen, "a work cited by a capture on instance one never showed in instance two's suggestions");
    }

    ChildServer Instance(PostgresDatabase database)
    {
        var server = new ChildServer(database: database);
        server.Environment["Hqt__TokenKey"] = "6a0f3c1b2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";
        server.Environment["Hqt__Lookups__Enabled"] = "true";
        server.Environment["Hqt__Lookups__OpenAlexBaseUrl"] = _openAlex.BaseUrl;
        server.Environment["Hqt__Lookups__CrossrefBaseUrl"] = _openAlex.BaseUrl;
        server.Environment["Hqt__Lookups__ContactEmail"] = "reader@example.org";
        server.Environment["Hqt__Lookups__AllowedNetworks__0"] = "127.0.0.1";
        server.Environment["Hqt__Lookups__PollInterval"] = "00:00:00.100";
        server.Environment["Hqt__Lookups__RequestsPerSecond"] = "0";
        server.Environment["Hqt__Lookups__FetchWebPages"] = "false";
        return server;
    }
}
