using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Hqt.Bench.Ingest;

public sealed record LevelResult(
    int Concurrency, int Requests, int Ok, int Errors, IReadOnlyDictionary<string, int> ErrorKinds,
    double Seconds, double CapturesPerSecond, double P50Ms, double P99Ms, double MaxMs,
    double ServerCpuMsPerCapture, double ClientCpuMsPerCapture, long ServerRssMiB, long ServerPeakRssMiB,
    int PendingAtEnd, double DrainSeconds, double ExtractedPerSecond, double ServerCpuMsPerCaptureWithDrain)
{
    /// <summary>Each instance's CPU ms a capture (load and drain), in instance order.</summary>
    public IReadOnlyList<double> InstanceCpuMsPerCapture { get; init; } = [];
    /// <summary>CPU time a capture of the PostgreSQL cluster (all its processes; load and drain); null on SQLite.</summary>
    public double? DatabaseCpuMsPerCapture { get; init; }
    /// <summary>The same less what the database spends idle (its rate before the level, times the level's load and drain).</summary>
    public double? DatabaseCpuMsPerCaptureLessIdle { get; init; }
    public double DatabaseIdleCpuMsPerSecond { get; init; }
    /// <summary>Statements (pg_stat_statements) and transactions (pg_stat_database) a capture, load and drain.</summary>
    public double? StatementsPerCapture { get; init; }
    public double? TransactionsPerCapture { get; init; }
    public IReadOnlyList<(string Query, long Calls, double TotalMs)> TopStatements { get; init; } = [];
    /// <summary>Mean number of the database's backends in each state during the load (sampled every 50 ms).</summary>
    public IReadOnlyList<(string State, double Mean)> BackendStates { get; init; } = [];
    /// <summary>With --cpu-share: the fraction of scheduling periods in which the cap stopped each instance.</summary>
    public IReadOnlyList<double> ThrottledShare { get; init; } = [];
}

public static class Load
{
    /// <summary>
    /// <paramref name="concurrency"/> workers each POST one capture at a time until <paramref name="count"/>
    /// requests have started or <paramref name="limit"/> has passed. Captures/s counts 2xx answers over the
    /// wall time; latency is the client's, from send to the end of the response body.
    /// </summary>
    public static Task<LevelResult> RunAsync(ServerProcess server, Payloads payloads, int concurrency, int count, TimeSpan limit, string run) =>
        RunAsync(new Instances(server), payloads, concurrency, count, limit, run);

    /// <summary>
    /// The same over several instances and readers: request n goes to instance n mod N (a round-robin balancer), as
    /// reader (n div N) mod U of the <paramref name="tokens"/> (every reader reaches every instance).
    /// </summary>
    public static async Task<LevelResult> RunAsync(Instances server, Payloads payloads, int concurrency, int count, TimeSpan limit, string run,
        IReadOnlyList<string>? tokens = null, PostgresProbe? probe = null)
    {
        tokens ??= [ServerProcess.Token];
        var clients = server.Servers.Select(s =>
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = s.BaseAddress,
                Timeout = TimeSpan.FromSeconds(60),
            };
            return client;
        }).ToArray();
        var authorizations = tokens.Select(t => new AuthenticationHeaderValue("Bearer", t)).ToArray();

        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        long next = -1;
        // The database's CPU with the servers idle (their pollers, PostgreSQL's own background work), per second: the
        // level's figure is also given without it, since a long drain would otherwise charge idle time to each capture.
        var idleRate = probe is null ? 0 : await probe.IdleCpuRateAsync(TimeSpan.FromSeconds(3));
        if (probe is not null) await probe.ResetStatementsAsync();
        var dbBefore = probe is null ? null : await probe.CountAsync();
        var dbCpuBefore = probe?.CpuTime() ?? TimeSpan.Zero;
        probe?.StartSampling();
        var instanceBefore = server.Servers.Select(s => s.CpuTime()).ToArray();
        var throttleBefore = server.Servers.Select(s => s.Cap?.Throttling()).ToArray();
        var cpuBefore = server.CpuTime();
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            long n;
            while ((n = Interlocked.Increment(ref next)) < count && wall.Elapsed < limit)
            {
                using var content = payloads.Body(n, run);
                var http = clients[n % clients.Length];
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/captures") { Content = content };
                request.Headers.Authorization = authorizations[n / clients.Length % authorizations.Length];
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (response.IsSuccessStatusCode) latencies.Add(ms);
                    else errors.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, c) => c + 1);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    errors.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        wall.Stop();
        foreach (var client in clients) client.Dispose();

        var ok = latencies.Count;
        var sorted = latencies.OrderBy(x => x).ToArray();
        double Pct(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        var serverCpu = (server.CpuTime() - cpuBefore).TotalMilliseconds;
        var states = probe is null ? [] : await probe.StopSamplingAsync();
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalMilliseconds;
        var (rss, peak) = server.Memory();

        // A busy server acknowledges captures once stored and extracts them behind the answers: wait for that
        // backlog to drain, so the level also says how fast captures were fully processed, and the next level
        // starts from an idle server.
        var pendingAtEnd = server.PendingExtractions();
        var drain = Stopwatch.StartNew();
        while (server.PendingExtractions() > 0 && drain.Elapsed < TimeSpan.FromMinutes(10)) await Task.Delay(probe is null ? 50 : 200);
        drain.Stop();
        var serverCpuWithDrain = (server.CpuTime() - cpuBefore).TotalMilliseconds;
        var perCapture = 1.0 / Math.Max(1, ok);
        var instanceCpu = server.Servers.Select((s, i) => (s.CpuTime() - instanceBefore[i]).TotalMilliseconds * perCapture).ToList();
        var throttled = server.Servers.Select((s, i) => s.Cap?.Throttling() is { } after && throttleBefore[i] is { } before
            ? (after.ThrottledPeriods - before.ThrottledPeriods) / (double)Math.Max(1, after.Periods - before.Periods) : double.NaN).ToList();
        double? dbCpu = null, dbCpuBusy = null, statements = null, transactions = null;
        IReadOnlyList<(string, long, double)> top = [];
        if (probe is not null)
        {
            dbCpu = (probe.CpuTime() - dbCpuBefore).TotalMilliseconds * perCapture;
            dbCpuBusy = dbCpu - idleRate * (wall.Elapsed + drain.Elapsed).TotalSeconds * perCapture;
            var after = await probe.CountAsync();
            statements = after.Statements * perCapture;   // reset at the start of the level
            transactions = (after.Transactions - dbBefore!.Transactions) * perCapture;
            top = after.Top;
        }

        var errorCount = errors.Values.Sum();
        return new LevelResult(concurrency, ok + errorCount, ok, errorCount, new Dictionary<string, int>(errors),
            wall.Elapsed.TotalSeconds, ok / wall.Elapsed.TotalSeconds, Pct(0.50), Pct(0.99), sorted.LastOrDefault(),
            serverCpu / Math.Max(1, ok), clientCpu / Math.Max(1, ok), rss / 1024, peak / 1024,
            pendingAtEnd, drain.Elapsed.TotalSeconds, ok / (wall.Elapsed.TotalSeconds + drain.Elapsed.TotalSeconds),
            serverCpuWithDrain / Math.Max(1, ok))
        {
            InstanceCpuMsPerCapture = instanceCpu, DatabaseCpuMsPerCapture = dbCpu, DatabaseCpuMsPerCaptureLessIdle = dbCpuBusy, DatabaseIdleCpuMsPerSecond = idleRate, StatementsPerCapture = statements,
            TransactionsPerCapture = transactions, TopStatements = top, BackendStates = states, ThrottledShare = throttled,
        };
    }
}
