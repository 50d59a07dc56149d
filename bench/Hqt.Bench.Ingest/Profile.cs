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
    public sealed record Stage(string Name, double MeanMs, double MedianMs, double P95Ms, double Share);

    public static async Task<IReadOnlyList<Stage>> RunAsync(IReadOnlyList<Page> pages, int rounds)
    {
        var data = Path.Combine(Path.GetTempPath(), "hqt-bench-profile", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton<Db>().AddSingleton<Migrator>().AddSingleton<TokenStore>()
            .AddSingleton<GraphWriter>().AddSingleton<CaptureGraph>().AddSingleton<CaptureStore>();
        services.AddOptions<HqtOptions>().Configure(o => o.DataDirectory = data);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<Migrator>().MigrateAsync();
        var userId = await provider.GetRequiredService<TokenStore>().EnsureUserWithTokenAsync("bench", "bench", null, default);
        var store = provider.GetRequiredService<CaptureStore>();
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var payloads = new Payloads(pages);

        string[] names = ["json-in (body to request)", "extract (PageExtractor)", "new-capture (sha256, gzip, extract json)", "store (sqlite transaction + re-read)", "json-out (response)"];
        var times = names.Select(_ => new List<double>()).ToArray();
        var n = 0L;
        for (var round = -1; round < rounds; round++) // round -1 warms up (JIT, SQLite pages) and is not kept
            foreach (var _ in pages)
            {
                var body = await payloads.Body(n++, "profile").ReadAsByteArrayAsync();
                var t = new double[names.Length];
                var s = Stopwatch.GetTimestamp();
                var request = JsonSerializer.Deserialize<CreateCaptureRequest>(body, web)!;
                t[0] = Lap(ref s);
                var extract = PageExtractor.Extract(request.Html, request.Url);
                t[1] = Lap(ref s);
                var capture = NewCapture.Create(request, extract, null, DateTimeOffset.UtcNow);
                t[2] = Lap(ref s);
                var (_, row) = await store.SaveAsync(userId, capture, default);
                t[3] = Lap(ref s);
                JsonSerializer.SerializeToUtf8Bytes(row!.ToResponse(), web);
                t[4] = Lap(ref s);
                if (round >= 0) for (var i = 0; i < names.Length; i++) times[i].Add(t[i]);
            }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }

        var total = times.Sum(x => x.Sum());
        return names.Select((name, i) =>
        {
            var sorted = times[i].OrderBy(x => x).ToArray();
            return new Stage(name, sorted.Average(), sorted[sorted.Length / 2], sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1], sorted.Sum() / total);
        }).ToList();
    }

    static double Lap(ref long start)
    {
        var now = Stopwatch.GetTimestamp();
        var ms = Stopwatch.GetElapsedTime(start, now).TotalMilliseconds;
        start = now;
        return ms;
    }
}
