using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace Hqt.Bench.Ingest;

/// <summary>
/// The servers one load runs against: one SQLite server (the default), or N servers on one PostgreSQL database
/// (<c>--postgres CONNSTRING --instances N</c>), each pinned to its own cores with taskset when <c>--pin</c> is given.
/// Requests go round-robin over them, as a load balancer would send them.
/// </summary>
public sealed class Instances : IAsyncDisposable
{
    public IReadOnlyList<ServerProcess> Servers { get; }
    readonly string? _postgres;
    Npgsql.NpgsqlDataSource? _probe;

    Instances(IReadOnlyList<ServerProcess> servers, string? postgres) => (Servers, _postgres) = (servers, postgres);

    /// <summary>One SQLite server started by the caller (which disposes it).</summary>
    public Instances(ServerProcess single) : this([single], null) { }

    public const string TokenKey = "5c1d2e3f405162738495a6b7c8d9e0f1021324354657687980a1b2c3d4e5f607";

    public static async Task<Instances> StartAsync(string apiDll, string? postgres, int count, bool pin, IReadOnlyDictionary<string, string> extra,
        double? cpuShare = null)
    {
        var servers = new List<ServerProcess>();
        var cores = Environment.ProcessorCount;
        for (var i = 0; i < count; i++)
        {
            var settings = new Dictionary<string, string>(extra);
            if (postgres is not null)
            {
                settings["Hqt__Database__Provider"] = "postgres";
                settings["ConnectionStrings__Hqt"] = postgres;
                settings["Hqt__TokenKey"] = TokenKey;
            }
            // Pinned: instance i on core i (mod cores); the bench client and PostgreSQL float.
            var pinTo = pin ? i % cores : (int?)null;
            servers.Add(await ServerProcess.StartAsync(apiDll, settings, pinTo, cpuShare));
        }
        return new Instances(servers, postgres);
    }

    /// <summary>
    /// Readers 2..N with a token each (reader 1 is the bootstrap token's), made through the server's own command line
    /// (<c>users add</c>, <c>tokens issue</c>) as an operator would, on the first server's data directory or the
    /// PostgreSQL database.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddReadersAsync(string apiDll, int readers)
    {
        var tokens = new List<string> { ServerProcess.Token };
        for (var i = 2; i <= readers; i++)
        {
            await CliAsync(apiDll, "users", "add", $"reader-{i}");
            var output = await CliAsync(apiDll, "tokens", "issue", $"reader-{i}", "--name", "bench");
            tokens.Add(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
        }
        return tokens;
    }

    async Task<string> CliAsync(string apiDll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(apiDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Hqt__DataDirectory"] = Servers[0].DataDirectory;
        if (_postgres is not null)
        {
            start.Environment["Hqt__Database__Provider"] = "postgres";
            start.Environment["ConnectionStrings__Hqt"] = _postgres;
            start.Environment["Hqt__TokenKey"] = TokenKey;
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"hqt {string.Join(' ', args)}: {error}");
        return output;
    }

    public TimeSpan CpuTime() => Servers.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.CpuTime());

    public (long RssKiB, long PeakKiB) Memory() => Servers.Select(s => s.Memory()).Aggregate((0L, 0L), (a, m) => (a.Item1 + m.RssKiB, a.Item2 + m.PeakKiB));

    public int PendingExtractions()
    {
        if (_postgres is null) return Servers[0].PendingExtractions();
        // Polled through the drain: a pooled connection with no reset, so the poll is one cheap statement on the
        // database's CPU being measured, not a DISCARD ALL and a fresh plan each time.
        _probe ??= Npgsql.NpgsqlDataSource.Create(_postgres + ";No Reset On Close=true;Max Auto Prepare=4;Application Name=hqt-bench-poll");
        using var connection = _probe.OpenConnection();
        using var command = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM captures WHERE extractor_version = 0", connection);
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers) await server.DisposeAsync();
        if (_probe is not null) await _probe.DisposeAsync();
    }
}

/// <summary>
/// OpenAlex and Crossref as one local HTTP server that knows no work (404 to everything), counting each path asked:
/// with lookups on, every DOI a captured page cites becomes one lookup job, which asks each source for that DOI once.
/// A path asked twice is a lookup run twice (two instances claiming one job).
/// </summary>
public sealed class FakeScholarly : IDisposable
{
    readonly HttpListener _listener = new();
    readonly ConcurrentDictionary<string, int> _asked = new();
    public string BaseUrl { get; }

    public FakeScholarly()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Paths => _asked.Count;
    public int Duplicates => _asked.Values.Sum(c => c - 1);

    async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); } catch { return; }
            _asked.AddOrUpdate(context.Request.RawUrl ?? "", 1, (_, c) => c + 1);
            var body = Encoding.UTF8.GetBytes("{\"error\":\"Not found\"}");
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
