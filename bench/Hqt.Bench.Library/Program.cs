// ListSuggestions on a large generated library, against the real server (Release build, Kestrel, SQLite
// file): captures posted over HTTP as real pages, then GET /api/suggestions timed, server RSS read from
// /proc, and the first GET after each of a few single-capture changes timed. Loopback only; bounded by the
// counts given.
//
//   dotnet run -c Release --project bench/Hqt.Bench.Library -- [--captures 10000] [--refs 30] [--requests 100]
//       [--changes 5] [--data DIR] [--server path/to/Hqt.Api.dll]
//
// --data DIR keeps the library: the first run generates it there, later runs start a fresh server on it and
// skip the minutes of posting (the server then has loaded the graph from SQLite, not ingested it: its RSS is
// the restarted server's). Without --data a temporary library is generated and deleted.
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hqt.Bench.Library;

var captures = Arg("--captures", 10_000);
var refsPerCapture = Arg("--refs", 30);
var requests = Arg("--requests", 100);
var changes = Arg("--changes", 5);
var keptData = ArgText("--data");
// The library page's bars (issue 18): search p95 and the graph picture on this library, and a BibTeX import.
var searches = Arg("--searches", 0);
var importEntries = Arg("--import-bibtex", 0);
var repo = FindRepoRoot();
var serverDll = ArgText("--server") ?? Path.Combine(repo, "src/Hqt.Api/bin/Release/net10.0/Hqt.Api.dll");
if (!File.Exists(serverDll))
{
    Console.Error.WriteLine($"Build the server first: dotnet build -c Release src/Hqt.Api ({serverDll} is missing)");
    return 2;
}

var data = keptData is null ? Directory.CreateTempSubdirectory("hqt-library-bench").FullName : Directory.CreateDirectory(keptData).FullName;
var reuse = keptData is not null && File.Exists(Path.Combine(data, "hqt.db"));
var port = Arg("--port", 0) is > 0 and var fixedPort ? fixedPort : FreePort();
const string token = "bench-token-Pz4Kx9Mq2Wv7Ln3Rb8Tc";
using var server = Process.Start(new ProcessStartInfo("dotnet", [serverDll, "--urls", $"http://127.0.0.1:{port}"])
{
    Environment =
    {
        ["Hqt__ApiToken"] = token, ["Hqt__DataDirectory"] = data,
        ["Hqt__CaptureBurst"] = "1000000", ["Hqt__CapturesPerSecond"] = "1000000",
        ["Hqt__Lookups__Enabled"] = "false", ["Logging__LogLevel__Default"] = "Warning",
    },
    RedirectStandardOutput = true, RedirectStandardError = true,
})!;
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
try
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
    http.DefaultRequestHeaders.Authorization = new("Bearer", token);
    await WaitForHealthAsync(http);

    var pages = new LibraryPages(captures, refsPerCapture);
    if (reuse) Console.WriteLine($"library: reusing {data} (fresh server, graph loaded from SQLite)");
    else
    {
        var load = Stopwatch.StartNew();
        var next = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 4), async (_, ct) =>
        {
            while (Interlocked.Increment(ref next) is var i && i <= captures)
            {
                await PostAsync(http, LibraryPages.Url(i), LibraryPages.Page(i, pages.NextCitations()), ct);
                if (i % 1000 == 0) Console.WriteLine($"  {i} captures stored ({i / load.Elapsed.TotalSeconds:F0}/s)");
            }
        });
        Console.WriteLine($"library: {captures} captures x {refsPerCapture} references in {load.Elapsed.TotalSeconds:F1} s");
    }

    // The graph is read through a GET: a busy server acknowledges captures before extracting them, and a read
    // finishes the backlog for a few seconds at a time, saying in Hqt-Pending-Captures how many are left.
    const string list = "/api/suggestions?kind=all&limit=20";
    var drain = Stopwatch.StartNew();
    var pending = await PendingAsync(http, list);
    var cold = drain.Elapsed.TotalMilliseconds;
    var drainReads = 0;
    for (; pending > 0; drainReads++) pending = await PendingAsync(http, list);
    if (drainReads > 0) Console.WriteLine($"extraction backlog drained by {drainReads + 1} reads in {drain.Elapsed.TotalSeconds:F1} s");
    var times = new List<double>();
    for (var r = 0; r < requests; r++) times.Add(await TimeAsync(http, list));
    times.Sort();
    var rssWarm = ReadStatus(server.Id, "VmRSS:");

    // One new capture, then the first ListSuggestions after it: what a reader pays after reading a page. On a
    // large library that answer may come from the previous version (isStale); then poll until the fresh one.
    var afterChange = new List<double>();
    var untilFresh = new List<double>();
    var staleAnswers = 0;
    for (var c = 0; c < changes; c++)
    {
        var i = Random.Shared.Next(1_000_000, int.MaxValue);
        await PostAsync(http, $"https://writers.example/change/{Guid.NewGuid():N}", LibraryPages.Page(i, pages.NextCitations()), default);
        var since = Stopwatch.StartNew();
        var (first, stale) = await TimeListAsync(http, list);
        afterChange.Add(first);
        if (stale) staleAnswers++;
        while (stale)
        {
            await Task.Delay(20);
            (_, stale) = await TimeListAsync(http, list);
        }
        untilFresh.Add(since.Elapsed.TotalMilliseconds);
        for (var r = 0; r < 5; r++) await TimeAsync(http, list);
    }
    afterChange.Sort();
    untilFresh.Sort();
    var rssAfter = ReadStatus(server.Id, "VmRSS:");
    var peak = ReadStatus(server.Id, "VmHWM:");

    Console.WriteLine();
    Console.WriteLine($"| ListSuggestions ({captures} captures, {captures * refsPerCapture} references{(reuse ? ", restarted server" : "")}) | value |");
    Console.WriteLine("| --- | --- |");
    Console.WriteLine($"| first request {(reuse ? "after the server started" : "after the library was posted")} (graph load + rank{(drainReads > 0 ? ", extraction backlog included" : "")}) | {cold:F1} ms |");
    Console.WriteLine($"| p50 over {requests} requests | {Percentile(times, 0.50):F1} ms |");
    Console.WriteLine($"| p95 | {Percentile(times, 0.95):F1} ms |");
    Console.WriteLine($"| server RSS after the warm requests | {rssWarm:F0} MB |");
    if (changes > 0)
    {
        Console.WriteLine($"| first request after one capture was added, median of {changes} | {Percentile(afterChange, 0.50):F1} ms |");
        Console.WriteLine($"| same, worst | {afterChange[^1]:F1} ms |");
        Console.WriteLine($"| of which answered from the previous version (isStale) | {staleAnswers} of {changes} |");
        Console.WriteLine($"| from the change to the first fresh answer, median | {Percentile(untilFresh, 0.50):F1} ms |");
        Console.WriteLine($"| server RSS after the changes | {rssAfter:F0} MB |");
    }
    Console.WriteLine($"| server peak RSS (VmHWM) | {peak:F0} MB |");
    if (searches > 0) await LibraryPageBench.SearchAndGraphAsync(http, captures, searches);
    if (importEntries > 0) await LibraryPageBench.ImportAsync(http, importEntries);
    return 0;
}
finally
{
    if (!server.HasExited) server.Kill(entireProcessTree: true);
    if (keptData is null) try { Directory.Delete(data, recursive: true); } catch (IOException) { }
}

static async Task PostAsync(HttpClient http, string url, string html, CancellationToken ct)
{
    var response = await http.PostAsJsonAsync("/api/captures", new { url, html }, ct);
    if (!response.IsSuccessStatusCode)
        throw new InvalidOperationException($"capture {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
}

static async Task<double> TimeAsync(HttpClient http, string path)
{
    var watch = Stopwatch.StartNew();
    var response = await http.GetAsync(path);
    await response.Content.ReadAsByteArrayAsync();
    response.EnsureSuccessStatusCode();
    return watch.Elapsed.TotalMilliseconds;
}

static async Task<int> PendingAsync(HttpClient http, string path)
{
    using var response = await http.GetAsync(path);
    response.EnsureSuccessStatusCode();
    return response.Headers.TryGetValues("Hqt-Pending-Captures", out var left) ? int.Parse(left.First()) : 0;
}

static async Task<(double Ms, bool IsStale)> TimeListAsync(HttpClient http, string path)
{
    var watch = Stopwatch.StartNew();
    var response = await http.GetAsync(path);
    var body = await response.Content.ReadAsByteArrayAsync();
    response.EnsureSuccessStatusCode();
    var elapsed = watch.Elapsed.TotalMilliseconds;
    using var json = System.Text.Json.JsonDocument.Parse(body);
    return (elapsed, json.RootElement.TryGetProperty("isStale", out var stale) && stale.GetBoolean());
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static double ReadStatus(int pid, string field) =>
    File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(field)).Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();

static async Task WaitForHealthAsync(HttpClient http)
{
    for (var attempt = 0; attempt < 150; attempt++)
    {
        try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
        await Task.Delay(200);
    }
    throw new TimeoutException("the server did not become healthy");
}

static int FreePort()
{
    var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "hqt-api.sln"))) return dir.FullName;
    throw new InvalidOperationException("hqt-api.sln not found");
}

int Arg(string name, int fallback) => ArgText(name) is { } text ? int.Parse(text) : fallback;

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
