using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hqt.Bench.Ingest;

/// <summary>
/// The real server (the built Release Hqt.Api.dll) as a child process on a free loopback port, with its own
/// throwaway data directory and the capture rate limit raised far above what a benchmark can send.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string Token = "bench-token-Pz4Kx9Mq2Wv7Ln3Rb8Tc";

    readonly Process _process;
    readonly CpuCap? _cap;
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public int Pid => _process.Id;

    /// <summary>The CPU cap this server runs under (<c>--cpu-share</c>), or null.</summary>
    public CpuCap? Cap => _cap;

    ServerProcess(Process process, string dataDirectory, Uri baseAddress, CpuCap? cap)
    {
        _process = process;
        _cap = cap;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public static async Task<ServerProcess> StartAsync(string apiDll, IReadOnlyDictionary<string, string>? settings = null, int? pinToCore = null,
        double? cpuShare = null)
    {
        if (!File.Exists(apiDll)) throw new FileNotFoundException($"{apiDll} missing: dotnet build -c Release src/Hqt.Api", apiDll);
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "hqt-bench-ingest", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        // Pinned (several instances on one machine): taskset keeps each instance on its own core. Capped (--cpu-share):
        // the server starts inside its own CPU cgroup (CpuCap), so its JIT and start-up count against the cap too.
        var cap = cpuShare is { } share ? CpuCap.Create(share) : null;
        var command = new List<string>();
        if (cap is not null) command.AddRange(["sh", "-c", "echo $$ > \"$0\" && exec \"$@\"", cap.ProcsFile]);
        if (pinToCore is { } core) command.AddRange(["taskset", "-c", core.ToString()]);
        command.AddRange(["dotnet", apiDll, "--urls", $"http://127.0.0.1:{port}"]);
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in command.Skip(1)) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Hqt__DataDirectory"] = data;
        start.Environment["Hqt__ApiToken"] = Token;
        start.Environment["Hqt__CaptureBurst"] = "100000000";
        start.Environment["Hqt__CapturesPerSecond"] = "100000000";
        // Lookups would fetch what the corpus pages cite from the internet and compete for the CPU being measured.
        start.Environment["Hqt__Lookups__Enabled"] = "false";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) start.Environment[k] = v;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  [server] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, data, new Uri($"http://127.0.0.1:{port}"), cap);
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"server exited with {_process.ExitCode} before it was healthy");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"server not healthy on {BaseAddress} after {timeout}");
    }

    /// <summary>Resident and peak resident memory, from /proc (Linux).</summary>
    public (long RssKiB, long PeakKiB) Memory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:")) rss = ParseKiB(line);
            if (line.StartsWith("VmHWM:")) peak = ParseKiB(line);
        }
        return (rss, peak);
    }

    /// <summary>The server's user+system CPU time so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    static long ParseKiB(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Captures acknowledged but not extracted yet, read from the server's SQLite file (read-only, WAL).</summary>
    public int PendingExtractions()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "hqt.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM captures WHERE extractor_version = 0";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _cap?.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
