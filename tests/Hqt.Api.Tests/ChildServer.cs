using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Hqt.Api.Tests;

/// <summary>
/// The built server (Hqt.Api.dll beside the tests) as a real child process on its own loopback port and data
/// directory, so a test can SIGKILL it mid-write and start it again on the same SQLite file.
/// </summary>
public sealed class ChildServer(string? dataDirectory = null, PostgresDatabase? database = null) : IDisposable
{
    public const string Token = "durable-token-Hs4Kq8Zm2Xw7Lp3Vn9Rc";

    static readonly HashSet<int> Taken = [];
    readonly int _port = FreePort();
    Process? _process;
    readonly System.Text.StringBuilder _errors = new();

    /// <summary>What the last started server wrote to stderr (start-up refusals say why there).</summary>
    public string Errors
    {
        get { lock (_errors) return _errors.ToString(); }
    }

    /// <summary>The exit code of a server that stopped by itself (refused to start), or null while it runs.</summary>
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    public string DataDirectory { get; } = dataDirectory ?? Path.Combine(Path.GetTempPath(), "hqt-tests", "child-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// This server's PostgreSQL database when the suite runs on PostgreSQL (kept across restarts; given, when several
    /// servers share one, and then not dropped by this one); null on SQLite.
    /// </summary>
    public PostgresDatabase? Postgres { get; } = database ?? TestDatabase.CreateForHost();
    readonly bool _ownsDatabase = database is null;

    /// <summary>Extra environment for the next start (<c>Hqt__…</c> settings).</summary>
    public Dictionary<string, string> Environment { get; } = [];
    public Uri BaseAddress => new($"http://127.0.0.1:{_port}");
    public string DatabasePath => Path.Combine(DataDirectory, "hqt.db");

    /// <summary>Starts the server and waits until /health answers.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Hqt.Api.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--urls", BaseAddress.ToString().TrimEnd('/') }) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Hqt__DataDirectory"] = DataDirectory;
        start.Environment["Hqt__ApiToken"] = Token;
        // The test measures durability, not the rate limiter.
        start.Environment["Hqt__CaptureBurst"] = "1000000";
        start.Environment["Hqt__CapturesPerSecond"] = "1000000";
        // Tests never reach the internet: no reference lookups.
        start.Environment["Hqt__Lookups__Enabled"] = "false";
        foreach (var (key, value) in TestDatabase.Environment(Postgres)) start.Environment[key] = value;
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_errors) _errors.AppendLine(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} while starting: {Errors}");
            }
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The server did not answer /health within {timeout}.");
    }

    /// <summary>Runs the admin command line (<c>users …</c>, <c>tokens …</c>) on this server's data directory.</summary>
    public async Task<(int ExitCode, string Output, string Errors)> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Hqt.Api.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Hqt__DataDirectory"] = DataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in TestDatabase.Environment(Postgres)) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>A connection to this server's database (the SQLite file, or its PostgreSQL database) for checking what it stored.</summary>
    public async Task<System.Data.Common.DbConnection> OpenDatabaseAsync()
    {
        System.Data.Common.DbConnection connection = Postgres is null
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False")
            : new Npgsql.NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no checkpoint; what is on disk is all that survives.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false }) _process.Kill();
        _process?.WaitForExit();
        _process?.Dispose();
        _process = null;
    }

    public HttpClient CreateClient(string token = Token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // HQT_TEST_PORTS=5400-5409: servers take the first free port of that range (a machine where ports are handed out).
    static int FreePort()
    {
        if (System.Environment.GetEnvironmentVariable("HQT_TEST_PORTS")?.Split('-') is [var low, var high]
            && int.TryParse(low, out var from) && int.TryParse(high, out var to))
        {
            lock (Taken)
                for (var port = from; port <= to; port++)
                {
                    if (Taken.Contains(port)) continue;
                    try
                    {
                        using var probe = new TcpListener(System.Net.IPAddress.Loopback, port);
                        probe.Start();
                        Taken.Add(port);
                        return port;
                    }
                    catch (SocketException) { }
                }
            throw new InvalidOperationException($"No free port left in HQT_TEST_PORTS={from}-{to}.");
        }
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        lock (Taken) Taken.Remove(_port);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDatabase) Postgres?.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
