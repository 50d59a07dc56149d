using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Hqt.Bench.Ingest;

public sealed record LevelResult(
    int Concurrency, int Requests, int Ok, int Errors, IReadOnlyDictionary<string, int> ErrorKinds,
    double Seconds, double CapturesPerSecond, double P50Ms, double P99Ms, double MaxMs,
    double ServerCpuMsPerCapture, double ClientCpuMsPerCapture, long ServerRssMiB, long ServerPeakRssMiB,
    int PendingAtEnd, double DrainSeconds, double ExtractedPerSecond, double ServerCpuMsPerCaptureWithDrain);

public static class Load
{
    /// <summary>
    /// <paramref name="concurrency"/> workers each POST one capture at a time until <paramref name="count"/>
    /// requests have started or <paramref name="limit"/> has passed. Captures/s counts 2xx answers over the
    /// wall time; latency is the client's, from send to the end of the response body.
    /// </summary>
    public static Task<LevelResult> RunAsync(ServerProcess server, Payloads payloads, int concurrency, int count, TimeSpan limit, string run) =>
        RunAsync(new Instances(server), payloads, concurrency, count, limit, run);

    /// <summary>The same over several instances: request n goes to instance n mod N (a round-robin balancer).</summary>
    public static async Task<LevelResult> RunAsync(Instances server, Payloads payloads, int concurrency, int count, TimeSpan limit, string run)
    {
        var clients = server.Servers.Select(s =>
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = s.BaseAddress,
                Timeout = TimeSpan.FromSeconds(60),
            };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.Token);
            return client;
        }).ToArray();

        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        long next = -1;
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
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("/api/captures", content);
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
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalMilliseconds;
        var (rss, peak) = server.Memory();

        // A busy server acknowledges captures once stored and extracts them behind the answers: wait for that
        // backlog to drain, so the level also says how fast captures were fully processed, and the next level
        // starts from an idle server.
        var pendingAtEnd = server.PendingExtractions();
        var drain = Stopwatch.StartNew();
        while (server.PendingExtractions() > 0 && drain.Elapsed < TimeSpan.FromMinutes(10)) await Task.Delay(50);
        drain.Stop();
        var serverCpuWithDrain = (server.CpuTime() - cpuBefore).TotalMilliseconds;

        var errorCount = errors.Values.Sum();
        return new LevelResult(concurrency, ok + errorCount, ok, errorCount, new Dictionary<string, int>(errors),
            wall.Elapsed.TotalSeconds, ok / wall.Elapsed.TotalSeconds, Pct(0.50), Pct(0.99), sorted.LastOrDefault(),
            serverCpu / Math.Max(1, ok), clientCpu / Math.Max(1, ok), rss / 1024, peak / 1024,
            pendingAtEnd, drain.Elapsed.TotalSeconds, ok / (wall.Elapsed.TotalSeconds + drain.Elapsed.TotalSeconds),
            serverCpuWithDrain / Math.Max(1, ok));
    }
}
