using System.Diagnostics;
using System.Text.Json;
using Hqt.Api.Auth;
using Hqt.Api.Captures;
using Hqt.Api.Graph;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Hqt.Bench.Throughput;
using Hqt.Extraction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hqt.Bench.Ingest;

/// <summary>
/// Where a capture's time goes: the capture path's stages run in process, one page at a time, on the same
/// code the endpoint calls (no HTTP, no Kestrel, no auth): body JSON → request, extraction, NewCapture
/// (SHA-256, gzip, extract JSON), the store's transaction (SQLite file, the server's pragmas), the response JSON.
/// </summary>
public static class Profile
{
    public sealed record Stage(string Name, double MeanMs, double MedianMs, double P95Ms, double Share, double CpuMeanMs);

    public static async Task<IReadOnlyList<Stage>> RunAsync(IReadOnlyList<Page> pages, int rounds)
    {
        var data = Path.Combine(Path.GetTempPath(), "hqt-bench-profile", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton<Db>().AddSingleton<Migrator>().AddSingleton<TokenStore>()
            .AddSingleton<GraphStore>().AddSingleton<Hqt.Api.Lookups.LookupQueue>().AddSingleton<CaptureStore>();
        services.AddOptions<HqtOptions>().Configure(o => o.DataDirectory = data);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<Migrator>().MigrateAsync();
        var userId = await provider.GetRequiredService<TokenStore>().EnsureUserWithTokenAsync("bench", "bench", null, default);
        var store = provider.GetRequiredService<CaptureStore>();
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var payloads = new Payloads(pages);

        string[] names = ["json-in (body to request)", "extract (PageExtractor)", "new-capture (sha256, gzip, extract json)", "store (sqlite transaction: capture + graph)", "json-out (response)"];
        var times = names.Select(_ => new List<double>()).ToArray();
        var cpu = new double[names.Length];
        var me = System.Diagnostics.Process.GetCurrentProcess();
        var n = 0L;
        for (var round = -1; round < rounds; round++) // round -1 warms up (JIT, SQLite pages) and is not kept
            foreach (var _ in pages)
            {
                var body = await payloads.Body(n++, "profile").ReadAsByteArrayAsync();
                var t = new double[names.Length];
                var c = new double[names.Length];
                var c0 = Cpu(me);
                var s = Stopwatch.GetTimestamp();
                var request = JsonSerializer.Deserialize<CreateCaptureRequest>(body, web)!;
                t[0] = Lap(ref s);
                c[0] = LapCpu(me, ref c0);
                var extract = PageExtractor.Extract(request.Html, request.Url);
                t[1] = Lap(ref s);
                c[1] = LapCpu(me, ref c0);
                var capture = NewCapture.Create(request, null, DateTimeOffset.UtcNow).WithExtract(extract);
                t[2] = Lap(ref s);
                c[2] = LapCpu(me, ref c0);
                var (_, row) = await store.SaveAsync(userId, capture, default);
                t[3] = Lap(ref s);
                c[3] = LapCpu(me, ref c0);
                JsonSerializer.SerializeToUtf8Bytes(row!.ToResponse(), web);
                t[4] = Lap(ref s);
                c[4] = LapCpu(me, ref c0);
                if (round >= 0)
                    for (var i = 0; i < names.Length; i++)
                    {
                        times[i].Add(t[i]);
                        cpu[i] += c[i];
                    }
            }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }

        var total = times.Sum(x => x.Sum());
        return names.Select((name, i) =>
        {
            var sorted = times[i].OrderBy(x => x).ToArray();
            return new Stage(name, sorted.Average(), sorted[sorted.Length / 2], sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1], sorted.Sum() / total, cpu[i] / sorted.Length);
        }).ToList();
    }

    /// <summary>
    /// What one small committed transaction costs on this disk under each synchronous mode: the price of
    /// the fsync that FULL adds to every commit in WAL mode (NORMAL syncs only at checkpoints).
    /// </summary>
    public static IReadOnlyList<(string Mode, double MeanMs, double MedianMs)> CommitCost(int commits)
    {
        var results = new List<(string, double, double)>();
        foreach (var mode in new[] { "FULL", "NORMAL", "OFF" })
        {
            var file = Path.Combine(Path.GetTempPath(), $"hqt-bench-commit-{Guid.NewGuid():N}.db");
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
            {
                connection.Open();
                using var setup = connection.CreateCommand();
                setup.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={mode}; CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB);";
                setup.ExecuteNonQuery();
                var blob = new byte[30_000];
                Random.Shared.NextBytes(blob);
                var ms = new List<double>();
                for (var i = 0; i < commits; i++)
                {
                    var s = Stopwatch.GetTimestamp();
                    using var tx = connection.BeginTransaction(deferred: false);
                    using var insert = connection.CreateCommand();
                    insert.Transaction = tx;
                    insert.CommandText = "INSERT INTO t (b) VALUES ($b)";
                    insert.Parameters.AddWithValue("$b", blob);
                    insert.ExecuteNonQuery();
                    tx.Commit();
                    ms.Add(Stopwatch.GetElapsedTime(s).TotalMilliseconds);
                }
                ms.Sort();
                results.Add((mode, ms.Average(), ms[ms.Count / 2]));
            }
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
        return results;
    }

    static double Cpu(System.Diagnostics.Process me)
    {
        me.Refresh();
        return me.TotalProcessorTime.TotalMilliseconds;
    }

    static double LapCpu(System.Diagnostics.Process me, ref double start)
    {
        var now = Cpu(me);
        var ms = now - start;
        start = now;
        return ms;
    }

    static double Lap(ref long start)
    {
        var now = Stopwatch.GetTimestamp();
        var ms = Stopwatch.GetElapsedTime(start, now).TotalMilliseconds;
        start = now;
        return ms;
    }
}
