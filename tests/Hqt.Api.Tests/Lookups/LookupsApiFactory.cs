using Hqt.Api.Lookups;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Hqt.Api.Tests.Lookups;

/// <summary>
/// The real API with lookups on, pointed at fake servers: fast polling and backoff so tests take seconds,
/// only the given loopback addresses allow-listed, and host names resolved by <see cref="FakeResolver"/>.
/// </summary>
public sealed class LookupsApiFactory(IReadOnlyDictionary<string, string> settings) : HqtApiFactory
{
    public FakeResolver Resolver { get; } = new();

    public static Dictionary<string, string> Defaults(string openAlex, string crossref, params string[] allowed)
    {
        var values = new Dictionary<string, string>
        {
            ["Hqt:Lookups:Enabled"] = "true",
            ["Hqt:Lookups:OpenAlexBaseUrl"] = openAlex,
            ["Hqt:Lookups:CrossrefBaseUrl"] = crossref,
            ["Hqt:Lookups:ContactEmail"] = "reader@example.org",
            ["Hqt:Lookups:PollInterval"] = "00:00:00.100",
            ["Hqt:Lookups:RetryBackoff"] = "00:00:00.200",
            ["Hqt:Lookups:HttpRetryDelay"] = "00:00:00.050",
            ["Hqt:Lookups:RequestTimeout"] = "00:00:05",
            ["Hqt:Lookups:RequestsPerSecond"] = "0",
        };
        for (var i = 0; i < allowed.Length; i++) values[$"Hqt:Lookups:AllowedNetworks:{i}"] = allowed[i];
        return values;
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings => settings;

    // A test that stops a host and starts another on the same data directory means the same database.
    protected override PostgresDatabase? CreateDatabase() =>
        settings.TryGetValue("Hqt:DataDirectory", out var directory) ? TestDatabase.ForDataDirectory(directory) : base.CreateDatabase();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IHostResolver>(Resolver));
    }
}

/// <summary>Resolves the names a test gives it (a name "resolving" to 10.0.0.7 needs no DNS), and real DNS for the rest.</summary>
public sealed class FakeResolver : IHostResolver
{
    public Dictionary<string, IPAddress[]> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        Names.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : Dns.GetHostAddressesAsync(host, ct);
}
