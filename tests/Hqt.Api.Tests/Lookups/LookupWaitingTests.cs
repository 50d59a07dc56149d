using Microsoft.AspNetCore.Builder;

namespace Hqt.Api.Tests.Lookups;

/// <summary>
/// Issue 16: <c>GET /api/lookups</c> says why the reader's work waits. The offline and host-backoff reasons are covered
/// in <see cref="LookupResilienceTests"/>; these are the two a reader meets most: work queued behind other readers'
/// jobs, and captures that cited more than their lookup budget.
/// </summary>
public class LookupWaitingTests : IAsyncLifetime
{
    readonly List<FakeServer> _servers = [];
    readonly CancellationTokenSource _stop = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var server in _servers) await server.DisposeAsync();
    }

    async Task<FakeServer> SiteAsync(string host, TimeSpan answerAfter)
    {
        var server = await FakeServer.StartAsync(host, app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/page/{n}", async (int n, CancellationToken ct) =>
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
                try { await Task.Delay(answerAfter, linked.Token); } catch (OperationCanceledException) { }
                return Fixtures.Html(Fixtures.Page($"Cited page {n}", $"Writer {n}", 2000 + n));
            });
        });
        _servers.Add(server);
        return server;
    }

    [Fact]
    public async Task ACaptureThatCitesMoreThanItsBudgetIsReportedOnceTheBudgetIsSpent()
    {
        var site = await SiteAsync("127.0.0.2", TimeSpan.Zero);
        var settings = LookupsApiFactory.Defaults("http://127.0.0.2:9", "http://127.0.0.2:9", "127.0.0.2");
        settings["Hqt:Lookups:MaxLookupsPerCapture"] = "3";
        settings["Hqt:Lookups:MaxDepth"] = "1";
        using var factory = new LookupsApiFactory(settings);
        using var client = factory.CreateAuthorizedClient();
        var cites = Enumerable.Range(1, 6).Select(i => $"{site.BaseUrl}/page/{i}").ToArray();

        (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/budget", Fixtures.Page("Six citations", "Reader", 2024, cites)))).EnsureSuccessStatusCode();
        var status = await LookupWait.UntilIdleAsync(client, atLeastDone: 3);

        Assert.Equal(3, status.Done + status.Failed);
        Assert.Equal(0, status.Queued);
        Assert.Equal("budget-spent", status.Waiting.Reason);
        Assert.Equal(1, status.Waiting.CapturesOverBudget);
        Assert.Contains("MaxLookupsPerCapture", status.Waiting.Message);
        Assert.Equal(3, site.Count("/page/"));
    }

    [Fact]
    public async Task WorkDueBehindAnotherReadersRunningJobIsQueuedAndSaysHowManyAreAhead()
    {
        // One worker slot, held for seconds by Alice's slow page: Bob's lookup is due but must wait its turn.
        var slow = await SiteAsync("127.0.0.2", TimeSpan.FromSeconds(30));
        var quick = await SiteAsync("127.0.0.3", TimeSpan.Zero);
        var settings = LookupsApiFactory.Defaults("http://127.0.0.2:9", "http://127.0.0.2:9", "127.0.0.2", "127.0.0.3");
        settings["Hqt:Lookups:Concurrency"] = "1";
        settings["Hqt:Lookups:RequestTimeout"] = "00:00:20";
        using var factory = new LookupsApiFactory(settings);
        using var alice = factory.CreateAuthorizedClient();
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("bob", "bob-queued-token-Qw8Ez3Rt6Yu1Io4P", null, default);
        using var bob = factory.CreateClient("bob-queued-token-Qw8Ez3Rt6Yu1Io4P");

        (await alice.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/slow", Fixtures.Page("Slow", "Alice", 2024, $"{slow.BaseUrl}/page/1")))).EnsureSuccessStatusCode();
        await LookupWait.UntilAsync(() => Task.FromResult(slow.Count("/page/") >= 1));
        (await bob.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/bob", Fixtures.Page("Bob reads", "Bob", 2024, $"{quick.BaseUrl}/page/2")))).EnsureSuccessStatusCode();

        var status = (await bob.GetFromJsonAsync<LookupStatusDto>("/api/lookups"))!;
        Assert.Equal("queued", status.Waiting.Reason);
        Assert.Equal(1, status.Waiting.DueNow);
        Assert.Equal(1, status.Waiting.QueuedBehind);
        Assert.Contains("queued behind 1", status.Waiting.Message);
        Assert.Equal(0, quick.Count("/page/"));
        var aliceStatus = (await alice.GetFromJsonAsync<LookupStatusDto>("/api/lookups"))!;
        Assert.Equal("running", aliceStatus.Waiting.Reason);
        // Let the slow page answer now, so the server stops without waiting out its 30 s.
        await _stop.CancelAsync();
    }
}
