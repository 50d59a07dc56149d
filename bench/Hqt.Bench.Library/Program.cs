// ListSuggestions on a large generated library, against the real server (Release build, Kestrel,
// SQLite file): captures posted over HTTP as real pages, then GET /api/suggestions timed, server RSS read
// from /proc. Loopback only; bounded by the counts given.
//
//   dotnet run -c Release --project bench/Hqt.Bench.Library -- [--captures 10000] [--refs 30] [--requests 100]
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;

var captures = Arg("--captures", 10_000);
var refsPerCapture = Arg("--refs", 30);
var requests = Arg("--requests", 100);
var repo = FindRepoRoot();
var serverDll = Path.Combine(repo, "src/Hqt.Api/bin/Release/net10.0/Hqt.Api.dll");
if (!File.Exists(serverDll))
{
    Console.Error.WriteLine($"Build the server first: dotnet build -c Release src/Hqt.Api ({serverDll} is missing)");
    return 2;
}

var data = Directory.CreateTempSubdirectory("hqt-library-bench").FullName;
var port = FreePort();
const string token = "bench-token";
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

    // A library shaped like a reader's: references follow a Zipf-like law over a pool of works, so a few
    // classics are cited by many captures and most works once; every 10th reference carries a DOI.
    var pool = captures * refsPerCapture / 2;
    var random = new Random(42);
    var load = Stopwatch.StartNew();
    var next = 0;
    await Parallel.ForEachAsync(Enumerable.Range(0, 4), async (_, ct) =>
    {
        while (Interlocked.Increment(ref next) is var i && i <= captures)
        {
            int[] cited;
            lock (random) cited = Enumerable.Range(0, refsPerCapture).Select(_ => Zipf(random, pool)).ToArray();
            var response = await http.PostAsJsonAsync("/api/captures", new { url = $"https://writers.example/{i % 2000}/post-{i}", html = Page(i, cited) }, ct);
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
                throw new InvalidOperationException($"capture {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            if (i % 1000 == 0) Console.WriteLine($"  {i} captures stored ({i / load.Elapsed.TotalSeconds:F0}/s)");
        }
    });
    Console.WriteLine($"library: {captures} captures x {refsPerCapture} references in {load.Elapsed.TotalSeconds:F1} s");

    var cold = await TimeAsync(http, "/api/suggestions?kind=all&limit=20");
    var times = new List<double>();
    for (var r = 0; r < requests; r++) times.Add(await TimeAsync(http, "/api/suggestions?kind=all&limit=20"));
    times.Sort();
    server.Refresh();
    var rss = ReadRssMegabytes(server.Id);
    Console.WriteLine();
    Console.WriteLine($"| ListSuggestions ({captures} captures, {captures * refsPerCapture} references) | value |");
    Console.WriteLine("| --- | --- |");
    Console.WriteLine($"| first request after the library changed (graph load + rank) | {cold:F1} ms |");
    Console.WriteLine($"| p50 over {requests} requests | {Percentile(times, 0.50):F1} ms |");
    Console.WriteLine($"| p95 | {Percentile(times, 0.95):F1} ms |");
    Console.WriteLine($"| server RSS | {rss:F0} MB |");
    return 0;
}
finally
{
    if (!server.HasExited) server.Kill(entireProcessTree: true);
    try { Directory.Delete(data, recursive: true); } catch (IOException) { }
}

static string Page(int i, int[] cited)
{
    var html = new StringBuilder($"<html><head><title>Post {i}</title><meta name=\"author\" content=\"Writer {i % 2000}\"></head><body><article><h1>Post {i}</h1>");
    foreach (var w in cited)
        html.Append(w % 10 == 0
            ? $"<p>See <a href=\"https://doi.org/10.5555/work.{w}\">work {w}</a> on this.</p>"
            : $"<p>As <a href=\"https://works.example/w/{w}\">work {w}</a> argued.</p>");
    return html.Append("</article></body></html>").ToString();
}

static int Zipf(Random random, int n) => (int)Math.Min(n - 1, Math.Floor(Math.Pow(n, random.NextDouble()))) ;

static async Task<double> TimeAsync(HttpClient http, string path)
{
    var watch = Stopwatch.StartNew();
    var response = await http.GetAsync(path);
    await response.Content.ReadAsByteArrayAsync();
    response.EnsureSuccessStatusCode();
    return watch.Elapsed.TotalMilliseconds;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static double ReadRssMegabytes(int pid) =>
    File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:")).Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();

static async Task WaitForHealthAsync(HttpClient http)
{
    for (var attempt = 0; attempt < 100; attempt++)
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

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
}
