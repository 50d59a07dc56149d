using System.Diagnostics;
using System.Text.Json;
using Hqt.Api.Upstream;
using Hqt.Bench.Ranking;
using Hqt.Upstream;

// RankUpstream in-process: the handler's work (wire records -> graph -> rank -> wire answer) per dev scenario,
// then ranking a generated 10k-capture library as GET /api/suggestions would: Prepare once per graph, Rank per query.
var libraryOnly = args.Contains("--library-only");
var shared = args.FirstOrDefault(a => !a.StartsWith("--")) ?? Environment.GetEnvironmentVariable("HQT_SHARED") ?? Path.Combine(Directory.GetCurrentDirectory(), "..", "shared");
var scenariosPath = Path.Combine(shared, "eval", "suggest", "scenarios-dev.jsonl");
if (!libraryOnly && !File.Exists(scenariosPath)) { Console.Error.WriteLine($"missing {scenariosPath}: pass the shared folder as the first argument"); return 1; }

const int Warmup = 3, Runs = 25;
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
var scenarios = libraryOnly ? [] : File.ReadLines(scenariosPath).Where(l => l.Length > 0).Select(line =>
{
    using var doc = JsonDocument.Parse(line);
    return (Id: doc.RootElement.GetProperty("scenario_id").GetString()!, Request: doc.RootElement.GetProperty("request").Deserialize<UpstreamRequest>(json)!);
}).ToList();

// Untimed passes over every scenario first, so tiered JIT has settled before the first scenario is timed.
for (var pass = 0; pass < 3; pass++)
    foreach (var (_, request) in scenarios)
    {
        GC.KeepAlive(UpstreamRanker.Rank(request.ToGraph(), request.ToOptions()).ToResponse());
        GC.KeepAlive(UpstreamRanker.Rank((request with { Lookup = null }).ToGraph(), request.ToOptions()).ToResponse());
    }
Thread.Sleep(500);

foreach (var track in libraryOnly ? [] : new[] { "lookup", "capture" })
{
    List<double> p50s = [], p95s = [], cpu50s = [], cpu95s = [];
    Console.WriteLine($"== RankUpstream, track {track}: ms per scenario over {Runs} runs (wall p50 / p95, thread CPU p50 / p95)");
    var (gen0, gen1, gen2, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetAllocatedBytesForCurrentThread());
    foreach (var (id, full) in scenarios)
    {
        var request = track == "capture" ? full with { Lookup = null } : full;
        var (wall, cpu) = Timing.Measure(Warmup, Runs, () => UpstreamRanker.Rank(request.ToGraph(), request.ToOptions()).ToResponse());
        p50s.Add(Timing.Percentile(wall, 0.50));
        p95s.Add(Timing.Percentile(wall, 0.95));
        cpu50s.Add(Timing.Percentile(cpu, 0.50));
        cpu95s.Add(Timing.Percentile(cpu, 0.95));
        Console.WriteLine($"{id,-42} {p50s[^1],7:F3} {p95s[^1],7:F3} {cpu50s[^1],7:F3} {cpu95s[^1],7:F3}");
    }
    Console.WriteLine($"-- track {track} wall: median p50 {Timing.Percentile(p50s, 0.5):F3} ms, median p95 {Timing.Percentile(p95s, 0.5):F3} ms, worst p95 {p95s.Max():F3} ms ({scenarios.Count} scenarios)");
    Console.WriteLine($"-- track {track} CPU:  median p50 {Timing.Percentile(cpu50s, 0.5):F3} ms, median p95 {Timing.Percentile(cpu95s, 0.5):F3} ms, worst p95 {cpu95s.Max():F3} ms");
    // Collections land inside timed runs and make the p95: how many there were, and what the runs allocated.
    var timedRuns = scenarios.Count * (Warmup + Runs);
    Console.WriteLine($"-- track {track} GC: {GC.CollectionCount(0) - gen0} gen0 / {GC.CollectionCount(1) - gen1} gen1 / {GC.CollectionCount(2) - gen2} gen2 collections over {timedRuns} runs; {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6 / timedRuns:F2} MB allocated a run");
}

var library = SyntheticLibrary.Generate(captures: 10_000, referencesPerCapture: 30, works: 120_000, expandedWorks: 6_000, referencesPerExpanded: 20, seed: 7);
Console.WriteLine($"== Library ranking: {library.Captures.Count:N0} captures, {library.Captures.Sum(c => c.References!.Count):N0} capture references, {library.Works.Count:N0} works, {library.Works.Sum(w => w.References?.Count ?? 0):N0} lookup references");
var excluded = library.Works.Take(500).Select(w => w.Id).ToHashSet();
var options = new RankOptions(Limit: 50, ExploreShare: 0.1, Seed: 1, Excluded: excluded);
var (libraryWall, libraryCpu) = Timing.Measure(2, 15, () => UpstreamRanker.Rank(library, options));
// What the API pays: Prepare once per graph version, then Rank(PreparedGraph) per query.
var (prepareWall, prepareCpu) = Timing.Measure(1, 9, () => UpstreamRanker.Prepare(library));
var prepared = UpstreamRanker.Prepare(library);
var (queryWall, queryCpu) = Timing.Measure(5, 50, () => UpstreamRanker.Rank(prepared, options));
// The per-query step with another user's feedback (3,000 exclusions, no exploration), and a smaller list.
var manyExcluded = new RankOptions(Limit: 50, Seed: 2, Excluded: library.Works.Take(3_000).Select(w => w.Id).ToHashSet());
var (_, queryManyCpu) = Timing.Measure(3, 30, () => UpstreamRanker.Rank(prepared, manyExcluded));
var (_, querySmallCpu) = Timing.Measure(3, 30, () => UpstreamRanker.Rank(prepared, new RankOptions(Limit: 10, ExploreShare: 0.1, Seed: 3, Excluded: excluded)));
var (_, indexingCpu) = Timing.Measure(1, 9, () => new CitationEvidence(library));
// The floor any string-keyed graph pays: one dictionary lookup or insert per id mention.
var (_, floorCpu) = Timing.Measure(1, 9, () =>
{
    var ids = new Dictionary<string, int>(StringComparer.Ordinal);
    foreach (var work in library.Works) { ids.TryAdd(work.Id, ids.Count); foreach (var r in work.References ?? []) ids.TryAdd(r, ids.Count); }
    foreach (var capture in library.Captures) { ids.TryAdd(capture.Id, ids.Count); foreach (var r in capture.References!) ids.TryAdd(r, ids.Count); }
    return ids;
});
string Figures(List<double> ms) => $"p50 {Timing.Percentile(ms, 0.5):F1} ms, p95 {Timing.Percentile(ms, 0.95):F1} ms";
Console.WriteLine($"-- library Rank(graph) = Prepare + Rank(prepared): wall {Figures(libraryWall)}; CPU {Figures(libraryCpu)}");
Console.WriteLine($"-- library Prepare (once per graph version): wall {Figures(prepareWall)}; CPU {Figures(prepareCpu)} (of which indexing the graph CPU p50 {Timing.Percentile(indexingCpu, 0.5):F1} ms; one dictionary pass over every id CPU p50 {Timing.Percentile(floorCpu, 0.5):F1} ms)");
Console.WriteLine($"-- library Rank(prepared), limit 50, 10 % exploration, 500 exclusions: wall {Figures(queryWall)}; CPU {Figures(queryCpu)}");
Console.WriteLine($"-- library Rank(prepared), limit 50, 3,000 exclusions: CPU {Figures(queryManyCpu)}; limit 10: CPU {Figures(querySmallCpu)}");
Console.WriteLine($"-- managed heap after: {GC.GetTotalMemory(true) / 1e6:F0} MB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
return 0;

namespace Hqt.Bench.Ranking
{
    /// <summary>Wall time, and the thread's own CPU time: on a shared, loaded machine the second is the honest cost of the work.</summary>
    static class Timing
    {
        public static (List<double> Wall, List<double> Cpu) Measure(int warmup, int runs, Func<object> work)
        {
            for (var i = 0; i < warmup; i++) GC.KeepAlive(work());
            var wall = new List<double>(runs);
            var cpu = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var cpuStart = ThreadCpuMs();
                var start = Stopwatch.GetTimestamp();
                GC.KeepAlive(work());
                wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                cpu.Add(ThreadCpuMs() - cpuStart);
            }
            return (wall, cpu);
        }

        public static double Percentile(List<double> values, double p)
        {
            var sorted = values.Order().ToList();
            return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        static extern int ClockGetTime(int clock, out TimeSpec time);

        struct TimeSpec { public long Seconds; public long Nanoseconds; }

        // CLOCK_THREAD_CPUTIME_ID (Linux); NaN elsewhere.
        static double ThreadCpuMs() =>
            OperatingSystem.IsLinux() && ClockGetTime(3, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : double.NaN;
    }
}
