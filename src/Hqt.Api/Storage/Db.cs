using System.Data.Common;
using Hqt.Api.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hqt.Api.Storage;

/// <summary>
/// Opens short-lived connections to the database: the one SQLite file (Microsoft.Data.Sqlite pools them), or a
/// PostgreSQL server through one <see cref="NpgsqlDataSource"/> (its pool). Stores take a <see cref="DbConnection"/>;
/// where a statement must differ between the engines, the store keeps both texts side by side
/// (<see cref="SqlDialect.Pick"/>).
/// </summary>
public sealed class Db : IAsyncDisposable
{
    readonly string? _sqliteConnectionString;
    readonly NpgsqlDataSource? _postgres;
    readonly SemaphoreSlim _writeTurn = new(1, 1);

    public Db(IOptions<HqtOptions> options, IOptions<DatabaseOptions> database)
    {
        Provider = database.Value.ParsedProvider;
        if (Provider == DbProvider.Postgres)
        {
            var builder = new NpgsqlDataSourceBuilder(WithServerDefaults(database.Value.ConnectionString!));
            _postgres = builder.Build();
        }
        else
        {
            _sqliteConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = options.Value.DatabasePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                // Writers queue behind each other instead of failing with "database is locked".
                DefaultTimeout = 30,
            }.ToString();
        }
    }

    /// <summary>
    /// Npgsql settings hqt's workload wants, unless the connection string sets them (the operator's value wins), measured
    /// with the ingest bench (docs/deploying.md, "Connection settings"):
    /// <list type="bullet">
    /// <item><c>No Reset On Close=true</c>: stores open a pooled connection per unit of work (a dozen a capture), and
    /// by default each return to the pool costs a <c>DISCARD ALL</c> round trip and transaction. hqt leaves no session
    /// state behind (transaction-scoped advisory locks; the migrator's session lock is unlocked explicitly; no SET, no
    /// LISTEN, no temporary tables), so there is nothing to reset.</item>
    /// <item><c>Max Auto Prepare=64</c>: statements a connection has run a few times become server-side prepared
    /// statements (parsed and planned once per connection instead of on every call); the graph write of a capture runs the
    /// same handful of statements hundreds of times. 64 covers every fixed statement text of the hot paths.</item>
    /// </list>
    /// </summary>
    public static string WithServerDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "").ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("noresetonclose")) builder.NoResetOnClose = true;
        if (!given.Contains("maxautoprepare")) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    public DbProvider Provider { get; }
    public bool IsPostgres => Provider == DbProvider.Postgres;

    /// <summary>The SQLite text or the PostgreSQL text of a statement that must differ.</summary>
    public string Pick(string sqlite, string postgres) => IsPostgres ? postgres : sqlite;

    /// <summary>
    /// A write transaction. On SQLite (BEGIN IMMEDIATE) once it is this caller's turn: this process is the database's
    /// only writer, so its writers queue here, first come first served, rather than in SQLite's busy handler, which
    /// sleeps between retries (up to 100 ms a time) and lets a late writer overtake: under concurrent captures
    /// that sleeping, not the work, made most of the tail latency. Single-statement writes elsewhere still
    /// rely on busy_timeout. On PostgreSQL an ordinary READ COMMITTED transaction with no turn: many instances
    /// write at once, and what two writers could both do (the same document, the same identity) is settled by
    /// unique constraints and ON CONFLICT, as it already is between this process and the admin command line.
    /// </summary>
    public async Task<WriteScope> BeginWriteAsync(CancellationToken ct = default)
    {
        if (IsPostgres)
        {
            var pg = await OpenAsync(ct);
            try { return new WriteScope(pg, await pg.BeginTransactionAsync(ct), null); }
            catch { await pg.DisposeAsync(); throw; }
        }
        await _writeTurn.WaitAsync(ct);
        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(ct);
            return new WriteScope(connection, ((SqliteConnection)connection).BeginTransaction(deferred: false), _writeTurn);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            _writeTurn.Release();
            throw;
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(ct);
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(ct);
        // Per-connection settings; journal_mode=WAL is persistent and set once by the migrator.
        // synchronous=FULL: in WAL mode NORMAL can lose the last commits on power loss, and a capture we
        // answered 2xx for must survive a crash (issue 8's SIGKILL test holds with either; power loss needs FULL).
        await using var pragma = connection.CreateCommand();
        // cache_size: 4 MiB of pages per (pooled) connection instead of SQLite's 2 MiB. It was 16 MiB to keep a large
        // library's identity index in memory while a capture wrote its graph, but that cost came from a query that
        // walked the whole index (GraphStore now probes it); each pooled connection keeps its own cache, so 16 MiB
        // times the pool was most of the server's memory after a burst of captures.
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL; PRAGMA cache_size = -4096;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
