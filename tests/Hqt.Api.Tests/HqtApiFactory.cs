using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Hqt.Api.Tests;

/// <summary>
/// The real API on a throwaway data directory (its own SQLite file), with a known token; with
/// <c>HQT_TEST_DATABASE=postgres</c>, on a fresh PostgreSQL database of its own (<see cref="TestDatabase"/>).
/// </summary>
public class HqtApiFactory : WebApplicationFactory<Program>
{
    public const string Token = "test-token-alice-Xq7Lm2Vr9Kp4Tz8Wn3Bc";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hqt-tests", Guid.NewGuid().ToString("N"));

    /// <summary>This host's PostgreSQL database when the suite runs on PostgreSQL; null on SQLite.</summary>
    public PostgresDatabase? Postgres => _postgres ??= CreateDatabase();
    PostgresDatabase? _postgres;

    /// <summary>A fresh database; a host restarted on an earlier host's data directory gets that host's (see LookupsApiFactory).</summary>
    protected virtual PostgresDatabase? CreateDatabase() => TestDatabase.CreateForHost();

    /// <summary>Every log message the server wrote, formatted, for tests that check what is (not) logged.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>The token configured as Hqt:ApiToken; null starts the server with none (first-start token file).</summary>
    protected virtual string? ConfiguredToken => Token;

    /// <summary>Settings a test class adds on top of the defaults (Hqt:… keys).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Hqt:DataDirectory", DataDirectory);
        if (ConfiguredToken is { } token) builder.UseSetting("Hqt:ApiToken", token);
        // Tests never reach the internet: lookups stay off unless a test points them at its fakes.
        builder.UseSetting("Hqt:Lookups:Enabled", "false");
        foreach (var (key, value) in TestDatabase.Settings(Postgres)) builder.UseSetting(key, value);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(Logs)));
    }

    /// <summary>A client that signs in as the token's user.</summary>
    public HttpClient CreateClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient CreateAuthorizedClient() => CreateClient(Token);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Postgres?.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
