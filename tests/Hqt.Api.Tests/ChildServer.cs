using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Hqt.Api.Tests;

/// <summary>
/// The built server (Hqt.Api.dll beside the tests) as a real child process on its own loopback port and data
/// directory, so a test can SIGKILL it mid-write and start it again on the same SQLite file.
/// </summary>
public sealed class ChildServer : IDisposable
{
    public const string Token = "durable-token";

    readonly int _port = FreePort();
    Process? _process;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hqt-tests", "child-" + Guid.NewGuid().ToString("N"));

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
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with {_process.ExitCode} while starting.");
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

    /// <summary>SIGKILL: no shutdown hooks, no flush, no checkpoint; what is on disk is all that survives.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false }) _process.Kill();
        _process?.WaitForExit();
        _process?.Dispose();
        _process = null;
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
