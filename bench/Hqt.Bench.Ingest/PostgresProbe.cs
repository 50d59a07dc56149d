using Npgsql;

namespace Hqt.Bench.Ingest;

/// <summary>
/// What a load cost the PostgreSQL server, measured from outside the API: CPU time of the whole cluster (the
/// postmaster's own and its reaped children's, plus every live backend's, from /proc; the bench must run on the
/// database's machine as a user that can read them), statements and transactions in the bench's database
/// (<c>pg_stat_statements</c> when the server preloads it; <c>pg_stat_database</c> always), and what the
/// database's backends were doing, sampled every 50 ms from <c>pg_stat_activity</c> (running, waiting for the
/// client inside a transaction, waiting for a lock).
/// </summary>
public sealed class PostgresProbe : IAsyncDisposable
{
    readonly string _connectionString;
    readonly int? _postmaster;
    readonly bool _statements;
    readonly Dictionary<string, int> _samples = new();
    int _sampleCount;
    CancellationTokenSource? _sampling;
    Task? _sampler;

    PostgresProbe(string connectionString, int? postmaster, bool statements) =>
        (_connectionString, _postmaster, _statements) = (connectionString, postmaster, statements);

    public static async Task<PostgresProbe> CreateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        int? postmaster = null;
        try
        {
            var dataDirectory = (string)(await new NpgsqlCommand("SHOW data_directory", connection).ExecuteScalarAsync())!;
            postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First().Trim());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PostgresException)
        {
            Console.Error.WriteLine($"PostgreSQL CPU not measured (the cluster's postmaster.pid is not readable here: {e.Message})");
        }
        var statements = false;
        try
        {
            await new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection).ExecuteNonQueryAsync();
            await new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection).ExecuteNonQueryAsync();
            statements = true;
        }
        catch (PostgresException e)
        {
            Console.Error.WriteLine($"statements not counted (pg_stat_statements: {e.MessageText}; add shared_preload_libraries = 'pg_stat_statements')");
        }
        return new PostgresProbe(connectionString, postmaster, statements);
    }

    /// <summary>CPU time of the cluster so far: the postmaster, its exited children (cutime/cstime) and its live ones.</summary>
    public TimeSpan CpuTime()
    {
        if (_postmaster is not { } pm) return TimeSpan.Zero;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');   // after "pid (comm) ": state is field 3
                var ppid = int.Parse(fields[1]);
                if (pid == pm) ticks += long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
                else if (ppid == pm) ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        }
        return TimeSpan.FromMilliseconds(ticks * 10.0);   // USER_HZ is 100 on Linux
    }

    /// <summary>The cluster's CPU ms per second over <paramref name="window"/> (call it with the servers idle).</summary>
    public async Task<double> IdleCpuRateAsync(TimeSpan window)
    {
        var before = CpuTime();
        await Task.Delay(window);
        return (CpuTime() - before).TotalMilliseconds / window.TotalSeconds;
    }

    public sealed record Counts(long Statements, long Transactions, IReadOnlyList<(string Query, long Calls, double TotalMs)> Top);

    /// <summary>Statements (pg_stat_statements) and committed transactions (pg_stat_database) in this database so far.</summary>
    public async Task<Counts> CountAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        // pg_stat_database lags by up to the stats flush interval; ask for a fresh snapshot.
        await new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection).ExecuteNonQueryAsync();
        var transactions = (long)(await new NpgsqlCommand(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection).ExecuteScalarAsync())!;
        if (!_statements) return new Counts(0, transactions, []);
        var total = Convert.ToInt64(await new NpgsqlCommand(
            "SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection).ExecuteScalarAsync());
        var top = new List<(string, long, double)>();
        await using var reader = await new NpgsqlCommand("""
            SELECT regexp_replace(left(query, 110), '\s+', ' ', 'g'), calls, total_exec_time FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY calls DESC LIMIT 14
            """, connection).ExecuteReaderAsync();
        while (await reader.ReadAsync()) top.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
        return new Counts(total, transactions, top);
    }

    /// <summary>Forgets the statements counted so far (the next <see cref="CountAsync"/> lists this level's alone).</summary>
    public async Task ResetStatementsAsync()
    {
        if (!_statements) return;
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection).ExecuteNonQueryAsync();
    }

    /// <summary>Starts sampling what the database's client backends are doing (until <see cref="StopSampling"/>).</summary>
    public void StartSampling()
    {
        lock (_samples) { _samples.Clear(); _sampleCount = 0; }
        _sampling = new CancellationTokenSource();
        var ct = _sampling.Token;
        _sampler = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("""
                SELECT CASE WHEN state = 'active' AND wait_event_type = 'Lock' THEN 'waiting: lock ' || wait_event
                            WHEN state = 'active' AND wait_event_type IS NOT NULL THEN 'active: ' || wait_event_type || ' ' || wait_event
                            WHEN state = 'active' THEN 'active: on CPU'
                            WHEN state = 'idle in transaction' THEN 'idle in transaction (waiting for the API)'
                            ELSE COALESCE(state, 'starting') END, COUNT(*)
                FROM pg_stat_activity
                WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
                GROUP BY 1
                """, connection);
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await using (var reader = await command.ExecuteReaderAsync(ct))
                        while (await reader.ReadAsync(ct))
                            lock (_samples) _samples[reader.GetString(0)] = _samples.GetValueOrDefault(reader.GetString(0)) + (int)reader.GetInt64(1);
                    lock (_samples) _sampleCount++;
                    await Task.Delay(50, ct);
                }
                catch (OperationCanceledException) { return; }
                catch (Exception e) when (e is NpgsqlException or InvalidCastException)
                {
                    // A sample lost (a backend caught mid-change, the server busy): the next one counts.
                    try { await Task.Delay(50, ct); } catch (OperationCanceledException) { return; }
                }
            }
        });
    }

    /// <summary>Mean number of the database's backends in each state over the samples taken.</summary>
    public async Task<IReadOnlyList<(string State, double Mean)>> StopSamplingAsync()
    {
        _sampling?.Cancel();
        if (_sampler is not null) await _sampler;
        lock (_samples)
            return _samples.OrderByDescending(s => s.Value).Select(s => (s.Key, s.Value / (double)Math.Max(1, _sampleCount))).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        _sampling?.Cancel();
        if (_sampler is not null) await _sampler;
    }
}
