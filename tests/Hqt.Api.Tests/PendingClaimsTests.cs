using System.Diagnostics;
using Dapper;
using Xunit.Abstractions;

namespace Hqt.Api.Tests;

/// <summary>
/// Claims on pending extractions (issue 17): real server processes on one database. Two instances draining one
/// backlog compute each capture once (extraction_claims counts the extractions started for a capture), and reads on
/// either instance see every capture wholly extracted; a claim whose lease lapsed (its instance crashed) is taken again,
/// and one still live is waited for, not computed twice.
/// </summary>
public sealed class PendingClaimsTests(ITestOutputHelper output)
{
    const string TokenKey = "6a0f3c1b2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";

    [SkippableFact]
    public async Task TwoInstancesDrainOneBacklogComputingEachCaptureOnceAndReadsOnEitherSeeItExtracted()
    {
        Skip.IfNot(TestDatabase.IsPostgres, "PostgreSQL only: on SQLite one instance owns the data (hqt.lock), by design");
        using var database = TestDatabase.CreateForHost()!;
        using var first = Deferring(new ChildServer(database: database));
        using var second = Deferring(new ChildServer(database: database));
        await Task.WhenAll(first.StartAsync(TimeSpan.FromSeconds(60)), second.StartAsync(TimeSpan.FromSeconds(60)));
        using var one = first.CreateClient();
        using var two = second.CreateClient();
        // Correctness, not speed: a machine shared with other builds may take its time over 60 extractions.
        one.Timeout = two.Timeout = TimeSpan.FromMinutes(3);

        // 60 pages through both at once, 8 in flight: every one is acknowledged pending, and the workers (one each)
        // and then the reads of both instances take from the one backlog.
        const int pages = 60;
        using var gate = new SemaphoreSlim(8);
        var created = await Task.WhenAll(Enumerable.Range(0, pages).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var html = TestPages.Article(title: $"Claimed page number {i}", author: $"Writer {i % 7}")
                    .Replace("https://example.org/essay", $"https://classics.example.org/essay-{i % 5}");
                using var response = await (i % 2 == 0 ? one : two).PostAsJsonAsync("/api/captures", TestPages.Capture($"https://claims.example/{i}", html));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                return (await response.Content.ReadFromJsonAsync<CaptureDto>())!;
            }
            finally { gate.Release(); }
        }));
        Assert.All(created, c => Assert.Equal("pending", c.Extraction));

        // Reads on both instances at once, while the workers still drain: each answers with everything extracted.
        int backlog;
        await using (var before = await first.OpenDatabaseAsync())
            backlog = await before.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM captures WHERE extractor_version = 0");
        var reads = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => ReadAllAsync(i % 2 == 0 ? one : two)));
        foreach (var listed in reads)
        {
            Assert.Equal(created.Select(c => c.Id).Order(), listed.Select(c => c.Id).Order());
            Assert.All(listed, c => Assert.Equal("extracted", c.Extraction));
            Assert.All(listed, c => Assert.StartsWith("Writer ", Assert.Single(c.Authors).Name));
        }
        var detail = await two.GetFromJsonAsync<CaptureDto>($"/api/captures/{created[0].Id}");
        Assert.StartsWith("Claimed page number 0", detail!.Title);

        // Each capture was claimed, so computed, exactly once between the two instances' workers and readers.
        await using var db = await first.OpenDatabaseAsync();
        var claims = (await db.QueryAsync<(long Id, int Claims, int Version, string? Owner)>(
            "SELECT id, extraction_claims, extractor_version, extraction_owner FROM captures")).AsList();
        Assert.Equal(pages, claims.Count);
        Assert.All(claims, c => Assert.True(c.Claims == 1, $"capture {c.Id} was claimed {c.Claims} times"));
        Assert.All(claims, c => Assert.Equal(Hqt.Extraction.PageExtractor.Version, c.Version));
        // Both instances extracted part of it (the owner stays on the row: who extracted it).
        var byInstance = claims.GroupBy(c => c.Owner).Select(g => g.Count()).ToList();
        output.WriteLine($"backlog when the reads began: {backlog} of {pages}; extracted per instance: {string.Join(", ", byInstance)}");
        Assert.Equal(2, byInstance.Count);
        // The suggestions of either instance hold the whole library's evidence (5 classics, cited by 12 pages each).
        var suggestions = await one.GetFromJsonAsync<SuggestionListDto>("/api/suggestions?kind=work&limit=10");
        Assert.Equal(5, suggestions!.Items.Count(s => s.Url?.StartsWith("https://classics.example.org/essay-", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task AClaimWhoseLeaseLapsedIsTakenAgainAndALiveOneIsWaitedFor()
    {
        // Its worker is off: every capture is still pending at the kill however fast the machine extracts.
        using var server = Deferring(new ChildServer());
        server.Environment["Hqt__BackgroundExtraction"] = "false";
        await server.StartAsync(TimeSpan.FromSeconds(60));
        var ids = new List<long>();
        using (var client = server.CreateClient())
            for (var i = 0; i < 12; i++)
                ids.Add((await (await client.PostAsJsonAsync("/api/captures", TestPages.Capture($"https://lease.example/{i}"))).Content.ReadFromJsonAsync<CaptureDto>())!.Id);
        server.Kill();

        // What a crashed instance leaves: claims on the pending captures, half of them lapsed a minute ago, half
        // still live for 15 more seconds (longer than the restart takes).
        List<long> lapsed, live;
        Dictionary<long, int> claimedBefore;
        var liveUntil = DateTimeOffset.UtcNow.AddSeconds(15);
        await using (var db = await server.OpenDatabaseAsync())
        {
            var pending = (await db.QueryAsync<long>("SELECT id FROM captures WHERE extractor_version = 0 ORDER BY id")).AsList();
            Assert.Equal(ids.Order(), pending);
            lapsed = pending.Where((_, i) => i % 2 == 0).ToList();
            live = pending.Where((_, i) => i % 2 == 1).ToList();
            await Claim(db, lapsed, DateTimeOffset.UtcNow.AddMinutes(-1));
            await Claim(db, live, liveUntil);
            claimedBefore = (await db.QueryAsync<(long Id, int Claims)>("SELECT id, extraction_claims FROM captures")).ToDictionary(c => c.Id, c => c.Claims);
        }

        server.Environment.Remove("Hqt__ExtractInlineWhenIdle");
        server.Environment.Remove("Hqt__BackgroundExtraction");
        server.Environment["Hqt__PendingReadBudget"] = "00:01:00";
        await server.StartAsync(TimeSpan.FromSeconds(60));
        using var after = server.CreateClient();
        after.Timeout = TimeSpan.FromMinutes(3);
        using var response = await after.GetAsync("/api/captures?limit=50");
        var listed = (await response.Content.ReadFromJsonAsync<CapturePageDto>())!.Items;
        var answeredAt = DateTimeOffset.UtcNow;

        Assert.False(response.Headers.Contains("Hqt-Pending-Captures"));
        Assert.Equal(ids.Order(), listed.Select(c => c.Id).Order());
        Assert.All(listed, c => Assert.Equal("extracted", c.Extraction));
        Assert.All(listed, c => Assert.Contains(c.Authors, a => a.Name == "Ada Example"));
        await using var check = await server.OpenDatabaseAsync();
        var claims = (await check.QueryAsync<(long Id, int Claims, string? Owner)>("SELECT id, extraction_claims, extraction_owner FROM captures"))
            .ToDictionary(c => c.Id);
        // The crashed instance's claims, and one more that extracted it: every capture it held, lapsed or live, was computed once after.
        Assert.All(lapsed.Concat(live), id => Assert.Equal(claimedBefore[id] + 1, claims[id].Claims));
        Assert.All(claims.Values, c => Assert.NotEqual("crashed-instance", c.Owner));
        // The read waited for the live claims instead of computing them under another instance's feet.
        Assert.True(answeredAt >= liveUntil, $"answered at {answeredAt:O}, before the live claims lapsed at {liveUntil:O}");
    }

    static Task Claim(System.Data.Common.DbConnection db, List<long> ids, DateTimeOffset until) =>
        db.ExecuteAsync(TestDatabase.IsPostgres
                ? "UPDATE captures SET extraction_owner = 'crashed-instance', extraction_lease_until = @until, extraction_claims = extraction_claims + 1 WHERE id = ANY(@ids)"
                : "UPDATE captures SET extraction_owner = 'crashed-instance', extraction_lease_until = @until, extraction_claims = extraction_claims + 1 WHERE id IN @ids",
            new { ids, until = until.ToUniversalTime().ToString("O") });

    /// <summary>All of the reader's captures, read until no answer says some are still pending (a slow machine's budget).</summary>
    static async Task<List<CaptureDto>> ReadAllAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync("/api/captures?limit=200");
            var items = (await response.Content.ReadFromJsonAsync<CapturePageDto>())!.Items;
            if (!response.Headers.TryGetValues("Hqt-Pending-Captures", out var left)) return items;
            // A read past its budget says how many are left; those it shows pending are among them (the rest is whole).
            Assert.InRange(items.Count(c => c.Extraction == "pending"), 0, int.Parse(left.Single()));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "the backlog was never finished");
        }
    }

    static ChildServer Deferring(ChildServer server)
    {
        server.Environment["Hqt__TokenKey"] = TokenKey;
        server.Environment["Hqt__ExtractInlineWhenIdle"] = "false";
        return server;
    }
}
