using Hqt.Api.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Storage;

/// <summary>Opens short-lived connections to the one SQLite file; Microsoft.Data.Sqlite pools them.</summary>
public sealed class Db(IOptions<HqtOptions> options)
{
    readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = options.Value.DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Writers queue behind each other instead of failing with "database is locked".
        DefaultTimeout = 30,
    }.ToString();

    readonly SemaphoreSlim _writeTurn = new(1, 1);

    /// <summary>
    /// A write transaction (BEGIN IMMEDIATE) once it is this caller's turn. This process is the database's only
    /// writer, so its writers queue here, first come first served, rather than in SQLite's busy handler, which
    /// sleeps between retries (up to 100 ms a time) and lets a late writer overtake: under concurrent captures
    /// that sleeping, not the work, made most of the tail latency. Single-statement writes elsewhere still
    /// rely on busy_timeout.
    /// </summary>
    public async Task<WriteScope> BeginWriteAsync(CancellationToken ct = default)
    {
        await _writeTurn.WaitAsync(ct);
        SqliteConnection? connection = null;
        try
        {
            connection = await OpenAsync(ct);
            return new WriteScope(connection, connection.BeginTransaction(deferred: false), _writeTurn);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            _writeTurn.Release();
            throw;
        }
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(_connectionString);
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
}
