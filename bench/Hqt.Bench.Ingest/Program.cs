using System.Text.Json;
using Hqt.Bench.Ingest;
using Hqt.Bench.Throughput;

// Load on the real server: POST /api/captures with corpus pages at several concurrencies.
//   dotnet run -c Release --project bench/Hqt.Bench.Ingest -- [--api-dll PATH] [--corpus DIR] [--levels 1,8,32]
//       [--count N] [--seconds S] [--json FILE] [--profile]
// --profile instead times the capture path's stages in process, to say where a capture's time goes.
// --big-page [--references N] [--max-references N]: one user's 50,000-reference page against another's small captures (BigPage.cs).
// --postgres CONNSTRING [--instances N] [--pin]: N servers on one (empty) PostgreSQL database, requests round-robin,
//   each server pinned to its own core with --pin. --fake-lookups: lookups on, against a local OpenAlex/Crossref that
//   counts what it is asked, to report lookups run twice (a job claimed by two instances).
// --cpu-share P: every server in its own CPU cgroup capped at P cores (CpuCap.cs), so one and two instances compare
//   instance capacity while PostgreSQL and the client keep headroom. --users N: the load spread over N readers (tokens
//   made through the server's command line), request n as reader (n div instances) mod N.
// With --postgres the report adds the database's side: its CPU a capture (every process of the cluster, from /proc),
// statements and transactions a capture (pg_stat_statements if preloaded, pg_stat_database) and what its backends
// were doing (pg_stat_activity sampled every 50 ms).
var repo = FindRepo();
string apiDll = Path.Combine(repo, "src", "Hqt.Api", "bin", "Release", "net10.0", "Hqt.Api.dll");
string corpus = Path.GetFullPath(Path.Combine(Environment.GetEnvironmentVariable("HQT_SHARED") ?? Path.Combine(repo, "..", "shared"), "corpus", "dev"));
int[] levels = [1, 8, 32];
int count = 600, seconds = 20;
string? jsonOut = null;
var profile = false;
int? bigPage = null, maxReferences = null;
string? postgres = null;
int instances = 1;
bool pin = false, fakeLookups = false;
double? cpuShare = null;
int users = 1;
for (var i = 0; i < args.Length; i++)
{
    string Next() => args[++i];
    switch (args[i])
    {
        case "--api-dll": apiDll = Path.GetFullPath(Next()); break;
        case "--corpus": corpus = Path.GetFullPath(Next()); break;
        case "--levels": levels = Next().Split(',').Select(int.Parse).ToArray(); break;
        case "--count": count = int.Parse(Next()); break;
        case "--seconds": seconds = int.Parse(Next()); break;
        case "--json": jsonOut = Next(); break;
        case "--profile": profile = true; break;
        case "--big-page": bigPage = 50_000; break;
        case "--references": bigPage = int.Parse(Next()); break;
        case "--max-references": maxReferences = int.Parse(Next()); break;
        case "--postgres": postgres = Next(); break;
        case "--instances": instances = int.Parse(Next()); break;
        case "--pin": pin = true; break;
        case "--fake-lookups": fakeLookups = true; break;
        case "--cpu-share": cpuShare = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
        case "--users": users = int.Parse(Next()); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

if (bigPage is { } references) return await BigPage.RunAsync(apiDll, references, maxReferences);

var pages = Corpus.Load(corpus);
Console.Error.WriteLine($"{pages.Count} corpus pages (mean {pages.Average(p => p.Html.Length) / 1024:F0} KiB of HTML) from {corpus}; load average {File.ReadAllText("/proc/loadavg").Trim()}");

if (profile)
{
    var stages = await Profile.RunAsync(pages, rounds: 1);
    Console.WriteLine($"{"stage (wall time, one page at a time)",-44} {"mean ms",8} {"median",8} {"p95",8} {"share",7} {"cpu ms",8}");
    foreach (var s in stages) Console.WriteLine($"{s.Name,-44} {s.MeanMs,8:F2} {s.MedianMs,8:F2} {s.P95Ms,8:F2} {s.Share,7:P0} {s.CpuMeanMs,8:F2}");
    var cpuSum = stages.Sum(s => s.CpuMeanMs);
    Console.WriteLine($"{"sum",-44} {stages.Sum(s => s.MeanMs),8:F2} {"",8} {"",8} {"",7} {cpuSum,8:F2}");
    Console.WriteLine($"CPU bound: {Environment.ProcessorCount} cores at {cpuSum:F1} CPU ms a capture -> at most {Environment.ProcessorCount * 1000 / cpuSum:F0} captures/s if the server had every core (before HTTP, auth and the client's own share)");
    Console.WriteLine("one committed transaction (30 KB blob, WAL) by synchronous mode:");
    foreach (var (mode, mean, median) in Profile.CommitCost(200)) Console.WriteLine($"  {mode,-7} mean {mean,7:F2} ms  median {median,7:F2} ms");
    if (jsonOut is not null) await File.WriteAllTextAsync(jsonOut, JsonSerializer.Serialize(stages, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
    return 0;
}

using var scholarly = fakeLookups ? new FakeScholarly() : null;
var extra = new Dictionary<string, string>();
if (scholarly is not null)
{
    extra["Hqt__Lookups__Enabled"] = "true";
    extra["Hqt__Lookups__OpenAlexBaseUrl"] = scholarly.BaseUrl;
    extra["Hqt__Lookups__CrossrefBaseUrl"] = scholarly.BaseUrl;
    extra["Hqt__Lookups__AllowedNetworks__0"] = "127.0.0.1";
    extra["Hqt__Lookups__FetchWebPages"] = "false";
    extra["Hqt__Lookups__RequestsPerSecond"] = "0";
    extra["Hqt__Lookups__PollInterval"] = "00:00:00.200";
}
await using var probe = postgres is null ? null : await PostgresProbe.CreateAsync(postgres);
await using var server = await Instances.StartAsync(apiDll, postgres, instances, pin, extra, cpuShare);
foreach (var s in server.Servers) Console.Error.WriteLine($"server pid {s.Pid} on {s.BaseAddress}, data {s.DataDirectory}");
var tokens = await server.AddReadersAsync(apiDll, users);
Console.Error.WriteLine($"{(postgres is null ? "SQLite" : $"PostgreSQL, {instances} instance(s)")}{(pin ? ", pinned one core each" : "")}"
    + $"{(cpuShare is { } share ? $", each capped at {share:0.##} core(s) (cgroup)" : "")}, {users} reader(s){(fakeLookups ? ", lookups on (local fake)" : "")}");
var payloads = new Payloads(pages);
// Warm-up (JIT, tiered compilation, SQLite cache, connection pool): a pass at the highest concurrency, not reported.
await Load.RunAsync(server, payloads, levels.Max(), Math.Min(count, 2 * pages.Count), TimeSpan.FromSeconds(seconds), "warmup", tokens);

var results = new List<LevelResult>();
foreach (var c in levels)
{
    var r = await Load.RunAsync(server, payloads, c, count, TimeSpan.FromSeconds(seconds), $"c{c}", tokens, probe);
    results.Add(r);
    Console.Error.WriteLine($"  c={c} done: {r.Ok}/{r.Requests} ok in {r.Seconds:F1}s");
}

Console.WriteLine($"{"conc",5} {"requests",9} {"errors",7} {"captures/s",11} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"srv cpu ms/cap",15} {"cli cpu ms/cap",15} {"srv RSS MiB",12} {"peak",6} {"pending",8} {"drain s",8} {"extracted/s",12} {"srv cpu incl. drain",20}");
foreach (var r in results)
    Console.WriteLine($"{r.Concurrency,5} {r.Requests,9} {r.Errors,7} {r.CapturesPerSecond,11:F1} {r.P50Ms,8:F1} {r.P99Ms,8:F1} {r.MaxMs,8:F1} {r.ServerCpuMsPerCapture,15:F1} {r.ClientCpuMsPerCapture,15:F1} {r.ServerRssMiB,12} {r.ServerPeakRssMiB,6} {r.PendingAtEnd,8} {r.DrainSeconds,8:F1} {r.ExtractedPerSecond,12:F1} {r.ServerCpuMsPerCaptureWithDrain,20:F1}");
Console.WriteLine("captures/s and latency: acknowledged captures (stored durably; extracted inline when idle, else pending). pending/drain s: the");
Console.WriteLine("extraction backlog left when the level's load stopped and how long the server took to clear it; extracted/s = captures / (load + drain).");
foreach (var r in results)
{
    var line = $"c={r.Concurrency} CPU ms a capture (load and drain): instances {string.Join(" + ", r.InstanceCpuMsPerCapture.Select(x => x.ToString("F1")))}, client {r.ClientCpuMsPerCapture:F1}";
    if (r.DatabaseCpuMsPerCapture is { } db)
        line += $", PostgreSQL {db:F1} ({r.DatabaseCpuMsPerCaptureLessIdle:F1} less its idle {r.DatabaseIdleCpuMsPerSecond:F0} ms/s)";
    if (r.ThrottledShare.Any(t => !double.IsNaN(t))) line += $"; periods throttled by the cap {string.Join(" / ", r.ThrottledShare.Select(t => t.ToString("P0")))}";
    Console.WriteLine(line);
    if (r.TransactionsPerCapture is { } tx)
        Console.WriteLine($"  database: {r.StatementsPerCapture:F1} statements and {tx:F2} transactions a capture; backends (mean over the load): "
            + string.Join(", ", r.BackendStates.Select(b => $"{b.State} {b.Mean:F2}")));
    foreach (var (query, calls, ms) in r.TopStatements)
        Console.WriteLine($"    {calls / (double)Math.Max(1, r.Ok),6:F2}/cap {ms / Math.Max(1, calls),7:F3} ms  {query}");
}
foreach (var r in results.Where(r => r.Errors > 0))
    Console.WriteLine($"  c={r.Concurrency} errors: {string.Join(", ", r.ErrorKinds.Select(e => $"{e.Key} x{e.Value}"))}");
if (scholarly is not null)
{
    // Let the lookup workers finish what the captures queued, then count paths asked more than once.
    var quiet = System.Diagnostics.Stopwatch.StartNew();
    var last = -1;
    while (quiet.Elapsed < TimeSpan.FromMinutes(3))
    {
        await Task.Delay(2000);
        if (scholarly.Paths == last) break;
        last = scholarly.Paths;
    }
    Console.WriteLine($"lookups: {scholarly.Paths} distinct source requests, {scholarly.Duplicates} duplicate (a job run twice)");
}
if (results.FirstOrDefault(r => r.Concurrency == 8) is { } eight)
{
    var holds = eight.CapturesPerSecond >= 150 && eight.P99Ms <= 150 && eight.Errors == 0;
    Console.WriteLine($"bar (c=8: >= 150 captures/s, p99 <= 150 ms, no errors): {eight.CapturesPerSecond:F1}/s, p99 {eight.P99Ms:F1} ms -> {(holds ? "HOLDS" : "FAILS")}");
}
if (jsonOut is not null) await File.WriteAllTextAsync(jsonOut, JsonSerializer.Serialize(results, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
return 0;

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "hqt-api.sln"))) return dir.FullName;
    throw new InvalidOperationException("hqt-api.sln not found above " + AppContext.BaseDirectory);
}
