using System.Diagnostics;
using Microsoft.AspNetCore.Builder;

namespace Hqt.Api.Tests.Lookups;

/// <summary>
/// Issue 16: a host that drips its answer a byte at a time costs a worker slot for at most the request deadline,
/// one reader's queue cannot starve another's, a job that overruns its lease is cut off (no endless renewal), and an
/// offline server stays quiet and says why its lookups wait.
/// </summary>
public class LookupResilienceTests : IAsyncLifetime
{
    readonly List<FakeServer> _servers = [];
    readonly CancellationTokenSource _stop = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var server in _servers) await server.DisposeAsync();
    }

    /// <summary>A site whose robots.txt is missing (allowed) and whose pages send their headers, then one byte every 2 s.</summary>
    async Task<FakeServer> DripSiteAsync(string host)
    {
        var server = await FakeServer.StartAsync(host, app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/drip/{n}", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/html";
                await context.Response.StartAsync();
                try
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stop.Token);
                    for (var i = 0; i < 1000; i++)
                    {
                        await context.Response.Body.WriteAsync("<"u8.ToArray(), linked.Token);
                        await context.Response.Body.FlushAsync(linked.Token);
                        await Task.Delay(TimeSpan.FromSeconds(2), linked.Token);
                    }
                }
                catch (OperationCanceledException) { }
            });
        });
        _servers.Add(server);
        return server;
    }

    async Task<FakeServer> QuickSiteAsync(string host)
    {
        var server = await FakeServer.StartAsync(host, app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/quick", () => Fixtures.Html(Fixtures.Page("A quick page", "Quick Author", 2002)));
        });
        _servers.Add(server);
        return server;
    }

    [Fact]
    public async Task WithEverySlotHeldByDrippingHostsAnotherReadersLookupFinishesWithinTheDeadlinePlusFiveSeconds()
    {
        var dripA = await DripSiteAsync("127.0.0.2");
        var dripB = await DripSiteAsync("127.0.0.3");
        var quick = await QuickSiteAsync("127.0.0.4");
        var settings = LookupsApiFactory.Defaults("http://127.0.0.2:9", "http://127.0.0.2:9", "127.0.0.2", "127.0.0.3", "127.0.0.4");
        settings["Hqt:Lookups:RequestTimeout"] = "00:00:03";
        settings["Hqt:Lookups:Concurrency"] = "2";
        settings["Hqt:Lookups:MaxLookupsPerCapture"] = "300";
        // Longer than any wait below: a dripping host asked again would be its backoff running out, not a failure to back off.
        settings["Hqt:Lookups:HostBackoff"] = "00:10:00";
        using var factory = new LookupsApiFactory(settings);
        using var alice = factory.CreateAuthorizedClient();
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("bob", "bob-drip-token", null, default);
        using var bob = factory.CreateClient("bob-drip-token");

        // Alice's page cites 300 dripping pages on two hosts: every worker slot ends up on a drip.
        var cites = Enumerable.Range(0, 300).Select(i => $"{(i % 2 == 0 ? dripA : dripB).BaseUrl}/drip/{i}").ToArray();
        (await alice.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/drips", Fixtures.Page("Drips", "Alice", 2024, cites)))).EnsureSuccessStatusCode();
        await LookupWait.UntilAsync(() => Task.FromResult(dripA.Count("/drip/") + dripB.Count("/drip/") >= 2));

        var clock = Stopwatch.StartNew();
        (await bob.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/bob", Fixtures.Page("Bob reads", "Bob", 2024, $"{quick.BaseUrl}/quick")))).EnsureSuccessStatusCode();
        var status = await LookupWait.UntilIdleAsync(bob, atLeastDone: 1, seconds: 3 + 5);
        clock.Stop();

        Assert.Equal(1, status.Done);
        Assert.Equal(1, status.Outcomes.GetValueOrDefault("web"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3 + 5), $"Bob's lookup took {clock.Elapsed}");
        // The dripping hosts are left alone after their first timeout: not 300 slow requests, one or two per host. Alice's
        // other jobs each go through a worker once to learn that (a claim and a reschedule apiece, seconds for 300 under
        // load, and the status says "queued" while any is still due), so this waits for the status rather than a fixed time.
        LookupStatusDto? aliceStatus = null;
        await LookupWait.UntilAsync(async () =>
            (aliceStatus = (await alice.GetFromJsonAsync<LookupStatusDto>("/api/lookups"))!).Waiting.Reason == "host-backoff", seconds: 60);
        Assert.InRange(dripA.Count("/drip/"), 1, 3);
        Assert.InRange(dripB.Count("/drip/"), 1, 3);
        Assert.Contains(aliceStatus!.Waiting.Hosts, h => h.Host == "127.0.0.2");
        Assert.Contains(aliceStatus.Waiting.Hosts, h => h.Host == "127.0.0.3");
        // Expected network trouble is one line, never a stack trace.
        Assert.DoesNotContain(factory.Logs, l => l.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AJobThatOverrunsItsLeaseIsCutOffAndItsLeaseIsNeverRenewed()
    {
        var drip = await DripSiteAsync("127.0.0.2");
        var settings = LookupsApiFactory.Defaults("http://127.0.0.2:9", "http://127.0.0.2:9", "127.0.0.2");
        // The request's own deadline is longer than the lease: only the lease can stop the job.
        settings["Hqt:Lookups:RequestTimeout"] = "00:01:00";
        settings["Hqt:Lookups:LeaseDuration"] = "00:00:04";
        using var factory = new LookupsApiFactory(settings);
        using var client = factory.CreateAuthorizedClient();

        (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/overrun", Fixtures.Page("Overrun", "Reader", 2024, $"{drip.BaseUrl}/drip/1")))).EnsureSuccessStatusCode();
        await LookupWait.UntilAsync(() => Task.FromResult(drip.Count("/drip/") >= 1));
        var (_, claim, leased) = await LookupWait.QueryOneAsync<(string, long, string)>(factory,
            "SELECT state, attempts, lease_until FROM lookup_jobs WHERE state = 'running'");
        // The same lease for as long as that claim runs (the old worker renewed it every third of its length, for ever),
        // watched the whole time rather than once after a fixed pause, which a slow machine could place after the cut-off.
        var claimedAt = DateTimeOffset.Parse(leased) - TimeSpan.FromSeconds(4);
        var lastSeen = DateTimeOffset.MinValue;
        await LookupWait.UntilAsync(async () =>
        {
            var (state, attempts, lease) = await LookupWait.QueryOneAsync<(string, long, string?)>(factory, "SELECT state, attempts, lease_until FROM lookup_jobs");
            if (state != "running" || attempts != claim) return true;
            Assert.Equal(leased, lease);
            lastSeen = DateTimeOffset.UtcNow;
            return false;
        }, seconds: 30);
        Assert.True(lastSeen > claimedAt + TimeSpan.FromSeconds(1.5), $"the claim was last seen running at {lastSeen:O}, claimed at {claimedAt:O}: never past a third of its lease");

        // Cut off at the end of its lease, put back with the attempt counted, and tried again.
        // Generous limits: the lease ends 4 s after the claim, and the retry waits RetryBackoff (0.2 s); a loaded machine is slower.
        await LookupWait.UntilAsync(async () => (await LookupWait.JobsAsync(factory)).Single() is { LastError: { } error } && error.Contains("overran"), seconds: 30);
        await LookupWait.UntilAsync(() => Task.FromResult(drip.Count("/drip/") >= 2), seconds: 30);
        Assert.True((await LookupWait.JobsAsync(factory)).Single().Attempts >= 2);
    }

    [Fact]
    public async Task OfflineLookupsLogAFewLinesAndTheStatusSaysWhy()
    {
        // Every address refuses: the scholarly APIs and 40 cited sites on 40 loopback addresses, on a closed port.
        var settings = LookupsApiFactory.Defaults("http://127.0.1.1:9", "http://127.0.1.2:9", "127.0.0.0/8");
        settings["Hqt:Lookups:HostBackoff"] = "00:00:00.500";
        settings["Hqt:Lookups:OfflineBackoff"] = "00:00:00.500";
        settings["Hqt:Lookups:MaxOfflineBackoff"] = "00:00:02";
        using var factory = new LookupsApiFactory(settings);
        using var client = factory.CreateAuthorizedClient();
        var cites = Enumerable.Range(1, 40).Select(i => i % 4 == 0 ? $"https://doi.org/10.1000/offline.{i}" : $"http://127.0.2.{i}:9/page").ToArray();

        (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/offline", Fixtures.Page("Offline", "Reader", 2024, cites)))).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(12));

        var status = (await client.GetFromJsonAsync<LookupStatusDto>("/api/lookups"))!;
        Assert.Equal("offline", status.Waiting.Reason);
        Assert.NotNull(status.Waiting.Until);
        Assert.Equal(0, status.Failed);
        var lines = factory.Logs.Where(l => l.Contains(" Hqt.Api.Lookups.", StringComparison.Ordinal) && !l.StartsWith("Debug", StringComparison.Ordinal)).ToList();
        // 12 s at a pause doubling from 0.5 s to 2 s: the first pause, then a line a probe; never one a job.
        Assert.True(lines.Count <= 12, string.Join('\n', lines));
        Assert.DoesNotContain(factory.Logs, l => l.Contains("   at ", StringComparison.Ordinal));
        // No attempt was spent while offline: the jobs will run when the network is back.
        Assert.All(await LookupWait.JobsAsync(factory), j => Assert.True(j.Attempts <= 1, $"{j.Attempts} attempts"));
    }
}
