using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Hqt.Api.Tests;

/// <summary>
/// Issue 8's durability bar: a capture the server answered 2xx for survives a SIGKILL, exactly once, in a
/// database that passes integrity_check; and 32 concurrent writers never see a 500 or "database is locked".
/// Why it holds: each capture is one BEGIN IMMEDIATE transaction in WAL mode with synchronous=FULL
/// (Storage/Db.cs), so the 2xx is sent only after the commit is in the WAL on disk, and a retry of an
/// interrupted request finds its twin by Idempotency-Key (or URL + content hash) instead of storing it again.
/// </summary>
public sealed class DurabilityTests
{
    const int Kills = 20;
    const int Clients = 4;

    [Fact]
    public async Task AcknowledgedCapturesSurviveTwentySigkillsExactlyOnce()
    {
        using var server = new ChildServer();
        var random = new Random(8); // fixed seed: the same kill moments every run
        var acknowledged = new ConcurrentDictionary<string, (long Id, string Url, string Hash)>();
        var unexpected = new ConcurrentQueue<string>();
        var interrupted = 0;
        using var stop = new CancellationTokenSource();

        await server.StartAsync(TimeSpan.FromSeconds(30));
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var http = server.CreateClient();
            for (var seq = 0; !stop.IsCancellationRequested; seq++)
            {
                // One logical capture, sent until it is acknowledged: the extension's queue does the same
                // after a network error, with the same Idempotency-Key.
                var key = $"c{c}-{seq}";
                var url = $"https://durable.example/{c}/{seq}";
                var html = TestPages.Article(title: $"Durable {key}", body: $"Capture {key}. " + new string('x', 4000 + 97 * seq % 8000));
                while (true)
                {
                    try
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, "/api/captures") { Content = JsonContent.Create(new { url, html }) };
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await http.SendAsync(request);
                        var body = await response.Content.ReadAsStringAsync();
                        if (response.IsSuccessStatusCode)
                        {
                            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
                            acknowledged[key] = (id, url, Sha256(html));
                            break;
                        }
                        unexpected.Enqueue($"{key}: {(int)response.StatusCode} {body}");
                        break;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The server died under the request (or is not back yet): outcome unknown, so retry.
                        Interlocked.Increment(ref interrupted);
                        if (stop.IsCancellationRequested) return;
                        await Task.Delay(20);
                    }
                }
            }
        })).ToArray();

        for (var kill = 0; kill < Kills; kill++)
        {
            await Task.Delay(random.Next(40, 400));
            server.Kill();
            await server.StartAsync(TimeSpan.FromSeconds(30));
        }
        // Let every client finish its in-flight capture against a live server, then stop them.
        await Task.Delay(300);
        stop.Cancel();
        await Task.WhenAll(clients);

        // Every acknowledged capture is there, with the content it was acknowledged for.
        using (var http = server.CreateClient())
            foreach (var (key, (id, url, hash)) in acknowledged)
            {
                using var detail = JsonDocument.Parse(await http.GetStringAsync($"/api/captures/{id}"));
                Assert.Equal(url, detail.RootElement.GetProperty("url").GetString());
                Assert.Equal(hash, detail.RootElement.GetProperty("contentHash").GetString());
            }
        server.Kill(); // the last stop is a SIGKILL too: integrity_check sees what a crash leaves

        await using var db = await server.OpenDatabaseAsync();
        // PostgreSQL checks its own pages (WAL replay after the kill); SQLite's file is checked here.
        if (db is SqliteConnection) Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
        Assert.Equal(0L, Scalar(db, "SELECT COUNT(*) FROM (SELECT url FROM captures GROUP BY user_id, url HAVING COUNT(*) > 1) AS twins"));
        Assert.Equal((long)acknowledged.Count, Scalar(db, $"SELECT COUNT(*) FROM captures WHERE id IN ({string.Join(",", acknowledged.Values.Select(a => a.Id))})"));
        Assert.Empty(unexpected);
        Assert.True(acknowledged.Count >= Kills, $"only {acknowledged.Count} captures were acknowledged: the load did not run between kills");
        Assert.True(interrupted > 0, "no request was ever interrupted: the kills did not land under load");
    }

    [Fact]
    public async Task ThirtyTwoConcurrentWritersGetNoServerErrorAndNoLockedDatabase()
    {
        using var factory = new UnlimitedFactory();
        const int writers = 32, each = 5;
        var statuses = new ConcurrentBag<(HttpStatusCode Status, string Body)>();
        var twinIds = new ConcurrentBag<long>();
        using var start = new ManualResetEventSlim();
        factory.CreateAuthorizedClient().Dispose(); // start the host once, before 32 threads ask for it at once

        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            using var client = factory.CreateAuthorizedClient();
            start.Wait();
            // All 32 race on the same page first (one insert wins, the rest must find it), then write their own.
            var twin = await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://race.example/twin", TestPages.Article(title: "The twin")));
            var twinBody = await twin.Content.ReadAsStringAsync();
            statuses.Add((twin.StatusCode, twinBody));
            if (twin.IsSuccessStatusCode) twinIds.Add(JsonDocument.Parse(twinBody).RootElement.GetProperty("id").GetInt64());
            for (var i = 0; i < each; i++)
            {
                var response = await client.PostAsJsonAsync("/api/captures",
                    TestPages.Capture($"https://race.example/{w}/{i}", TestPages.Article(title: $"Writer {w} page {i}")));
                statuses.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
                var list = await client.GetAsync("/api/captures?limit=5");
                statuses.Add((list.StatusCode, await list.Content.ReadAsStringAsync()));
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(tasks);

        Assert.All(statuses, s => Assert.True((int)s.Status is >= 200 and < 300, $"{(int)s.Status}: {s.Body}"));
        Assert.DoesNotContain(statuses, s => s.Body.Contains("locked", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(factory.Logs, l => l.Contains("database is locked", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(writers * (1 + 2 * each), statuses.Count);
        Assert.Single(twinIds.Distinct());
    }

    sealed class UnlimitedFactory : HqtApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Hqt:CaptureBurst", "100000"), new("Hqt:CapturesPerSecond", "100000")];
    }

    static object? Scalar(System.Data.Common.DbConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    static string Sha256(string html) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)));
}
