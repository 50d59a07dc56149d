using Microsoft.AspNetCore.Builder;
using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Tests.Lookups;

/// <summary>Jobs live in the database: a stopped server's jobs run on the next start, and a crashed worker's lease runs out.</summary>
public class LookupRestartTests : IAsyncLifetime
{
    readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "hqt-tests", Guid.NewGuid().ToString("N"));
    readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    FakeServer _web = null!;

    public async Task InitializeAsync() => _web = await FakeServer.StartAsync("127.0.0.2", app =>
    {
        app.MapGet("/robots.txt", () => Results.NotFound());
        // Hangs until the test lets it go: the first server is stopped while the job is on this page.
        app.MapGet("/slow", async () =>
        {
            await _release.Task;
            return Fixtures.Html(Fixtures.Page("A page that took its time", "Patient Author", 2001, "/next"));
        });
        app.MapGet("/quick", () => Fixtures.Html(Fixtures.Page("A quick page", "Quick Author", 2002)));
    });

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _web.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    LookupsApiFactory Factory(params (string, string)[] extra)
    {
        var settings = LookupsApiFactory.Defaults("http://127.0.0.2:9", "http://127.0.0.2:9", "127.0.0.2");
        settings["Hqt:DataDirectory"] = _dataDirectory;
        settings["Hqt:Lookups:LeaseDuration"] = "00:00:10";
        foreach (var (key, value) in extra) settings[key] = value;
        return new LookupsApiFactory(settings);
    }

    [Fact]
    public async Task AJobInterruptedByAStopRunsOnTheNextStart()
    {
        using (var first = Factory())
        {
            using var client = first.CreateAuthorizedClient();
            await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/restart",
                Fixtures.Page("Reading slowly", "Reader", 2024, $"{_web.BaseUrl}/slow")));
            await LookupWait.UntilAsync(() => Task.FromResult(_web.Count("/slow") == 1));
        }
        _release.SetResult();

        using var second = Factory();
        using var again = second.CreateAuthorizedClient();
        var status = await LookupWait.UntilIdleAsync(again, atLeastDone: 1);

        Assert.Equal(1, status.Done);
        Assert.Equal(1, status.Outcomes.GetValueOrDefault("web"));
        // Given back on shutdown, so the interrupted attempt did not count against the job.
        Assert.Equal(1, (await LookupWait.JobsAsync(second)).Single().Attempts);
        Assert.Equal(2, _web.Count("/slow"));
    }

    [Fact]
    public async Task AJobLeasedByAWorkerThatDiedIsClaimedAgainWhenItsLeaseRunsOut()
    {
        // The first server stops before the second starts: one server a data directory (hqt.lock).
        using (var factory = Factory(("Hqt:Lookups:Enabled", "false")))
        {
            using (var client = factory.CreateAuthorizedClient())
                await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/lease",
                    Fixtures.Page("Leases", "Reader", 2024, $"{_web.BaseUrl}/quick")));
            // Lookups were off for that capture: queue its job by hand as a dead worker's, leased until a moment ago.
            await using var connection = await factory.Services.GetRequiredService<Db>().OpenAsync();
            await connection.ExecuteAsync("""
                INSERT INTO lookup_jobs (user_id, work_id, origin_capture_id, depth, state, attempts, not_before, lease_owner, lease_until, created_at, updated_at)
                SELECT w.user_id, w.id, NULL, 1, 'running', 1, @past, 'dead-worker', @past, @past, @past FROM works w WHERE w.url = @url
                """, new { past = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O"), url = $"{_web.BaseUrl}/quick" });
        }

        using var restarted = Factory();
        using var reader = restarted.CreateAuthorizedClient();
        var status = await LookupWait.UntilIdleAsync(reader, atLeastDone: 1);

        Assert.Equal(1, status.Outcomes.GetValueOrDefault("web"));
        Assert.Equal(1, _web.Count("/quick"));
        Assert.Equal(2, (await LookupWait.JobsAsync(restarted)).Single().Attempts);
    }
}
