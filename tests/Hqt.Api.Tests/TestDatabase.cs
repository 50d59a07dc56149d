using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hqt.Api.Tests;

/// <summary>
/// Which database the API suite runs on: SQLite (a file in each host's data directory, the default) or, with
/// <c>HQT_TEST_DATABASE=postgres</c>, the PostgreSQL server named by <c>HQT_TEST_POSTGRES</c> (tests/run-all.sh starts
/// a throwaway cluster, tests/scripts/postgres-cluster.sh). On PostgreSQL every test host gets a fresh database of
/// its own, copied from a template this process migrates once (CREATE DATABASE … TEMPLATE: milliseconds, where
/// running the migrations per host would take a second each).
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres { get; } =
        string.Equals(System.Environment.GetEnvironmentVariable("HQT_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    static string ServerConnectionString => System.Environment.GetEnvironmentVariable("HQT_TEST_POSTGRES")
        ?? throw new InvalidOperationException("HQT_TEST_DATABASE=postgres needs HQT_TEST_POSTGRES (a connection string to a server the tests may create databases on).");

    static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The settings that point a host at <paramref name="database"/> (none on SQLite).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(PostgresDatabase? database) => database is null ? [] :
    [
        new("Hqt:Database:Provider", "postgres"),
        new("ConnectionStrings:Hqt", database.ConnectionString),
    ];

    /// <summary>The same, as environment variables for a child process.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment(PostgresDatabase? database) =>
        Settings(database).Select(s => new KeyValuePair<string, string>(s.Key.Replace(":", "__"), s.Value));

    /// <summary>A fresh, migrated database when the suite runs on PostgreSQL; null on SQLite.</summary>
    public static PostgresDatabase? CreateForHost() => IsPostgres ? PostgresDatabase.Create(Template.Value) : null;

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PostgresDatabase> ByDirectory = new();

    /// <summary>
    /// The database of a data directory several hosts use one after another (a restart): made by the first, kept by
    /// the others, dropped when the test process ends. Null on SQLite (the file is in the directory).
    /// </summary>
    public static PostgresDatabase? ForDataDirectory(string directory) =>
        IsPostgres ? ByDirectory.GetOrAdd(Path.GetFullPath(directory), _ => PostgresDatabase.Create(Template.Value, shared: true)) : null;

    /// <summary>A fresh empty database (no migrations) on PostgreSQL, for the migration tests.</summary>
    public static PostgresDatabase CreateEmpty() => PostgresDatabase.Create(null);

    internal static string ConnectionStringFor(string database) =>
        // A pool per host, bounded: many hosts run at once, and the cluster allows max_connections in all.
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true, MaxPoolSize = 30, Timeout = 30 }.ToString();

    internal static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    static string CreateTemplate()
    {
        var name = $"hqt_template_{System.Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        Execute($"CREATE DATABASE {name}");
        var settings = new NpgsqlConnectionStringBuilder(ConnectionStringFor(name)) { Pooling = false }.ToString();
        var db = new Db(Options.Create(new HqtOptions()), Options.Create(new DatabaseOptions { Provider = "postgres", ConnectionString = settings }));
        new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync().GetAwaiter().GetResult();
        db.DisposeAsync().AsTask().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)"); } catch (Exception) { }
        };
        return name;
    }
}

/// <summary>One test's PostgreSQL database, dropped (connections and all) when disposed.</summary>
public sealed class PostgresDatabase : IDisposable
{
    readonly bool _shared;

    PostgresDatabase(string name, bool shared) => (Name, _shared) = (name, shared);

    public string Name { get; }
    public string ConnectionString => TestDatabase.ConnectionStringFor(Name);

    internal static PostgresDatabase Create(string? template, bool shared = false)
    {
        var name = "hqt_test_" + Guid.NewGuid().ToString("N");
        // Two hosts copying the template at the same moment is fine; a session left open on the template is not,
        // and the template's own connections were closed when it was migrated.
        TestDatabase.Execute(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        if (shared)
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { TestDatabase.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)"); } catch (Exception) { }
            };
        return new PostgresDatabase(name, shared);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_shared) return;
        try { TestDatabase.Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)"); } catch (NpgsqlException) { }
    }
}
