using System.Data.Common;
using Npgsql;

namespace Hqt.Api.Storage;

/// <summary>
/// One statement run for many rows inside a transaction (a page's references, their identities, its citations):
/// SQLite parses and plans it once and each row only binds values, where a Dapper call per row re-creates the
/// command and re-prepares the statement every time. Values bind positionally to <c>@p0, @p1, …</c> in the SQL.
/// </summary>
/// <remarks>
/// <see cref="Execute"/> and <see cref="Scalar"/> run at once (the caller needs the answer). <see cref="Add"/> is for
/// rows whose answer nobody reads: on PostgreSQL it queues the row in a <see cref="StatementBatch"/> that goes to the
/// server in one round trip at <see cref="StatementBatch.FlushAsync"/> (a capture's graph was a round trip a row,
/// hundreds per capture, each one inside the reader's graph lock); on SQLite, in process, it runs at once.
/// </remarks>
public sealed class RepeatedCommand : IDisposable
{
    readonly DbCommand _command;
    readonly StatementBatch? _batch;

    public RepeatedCommand(DbConnection connection, DbTransaction transaction, string sql, int parameterCount, StatementBatch? batch = null)
    {
        _batch = batch;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            _command.Parameters.Add(parameter);
        }
    }

    /// <summary>Runs the statement with these values; the number of rows it changed.</summary>
    public int Execute(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return _command.ExecuteNonQuery();
    }

    /// <summary>Runs the statement with these values; the first column of its first row (a RETURNING id), or null.</summary>
    public long? Scalar(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return _command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value) : null;
    }

    /// <summary>
    /// The statement with these values, for the batch this command was made with: queued until the batch is flushed
    /// (PostgreSQL), or run now (SQLite). Statements of one batch run in the order they were added.
    /// </summary>
    public void Add(params ReadOnlySpan<object?> values)
    {
        var batch = _batch ?? throw new InvalidOperationException("Add needs a RepeatedCommand made with a StatementBatch.");
        if (batch.Defers)
        {
            if (values.Length != _command.Parameters.Count) throw new ArgumentException($"Expected {_command.Parameters.Count} values, got {values.Length}.");
            batch.Queue(_command.CommandText, values);
            return;
        }
        Execute(values);
    }

    void Bind(ReadOnlySpan<object?> values)
    {
        if (values.Length != _command.Parameters.Count) throw new ArgumentException($"Expected {_command.Parameters.Count} values, got {values.Length}.");
        for (var i = 0; i < values.Length; i++) _command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public void Dispose() => _command.Dispose();
}

/// <summary>
/// Statements whose results nobody reads, sent to PostgreSQL together in one round trip (an <see cref="NpgsqlBatch"/>,
/// in the order added) when <see cref="FlushAsync"/> is called; the caller flushes before anything that must see their
/// effects and before committing. On SQLite there is no round trip to save: each statement has already run when it
/// was added. Rows are added through <see cref="RepeatedCommand.Add"/>.
/// </summary>
public sealed class StatementBatch(DbConnection connection, DbTransaction transaction) : IDisposable
{
    readonly NpgsqlBatch? _batch = connection is NpgsqlConnection pg ? new NpgsqlBatch(pg, (NpgsqlTransaction)transaction) : null;

    /// <summary>True on PostgreSQL: added statements wait for <see cref="FlushAsync"/>.</summary>
    public bool Defers => _batch is not null;

    internal void Queue(string sql, ReadOnlySpan<object?> values)
    {
        var queued = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < values.Length; i++) queued.Parameters.AddWithValue("p" + i, values[i] ?? DBNull.Value);
        _batch!.BatchCommands.Add(queued);
    }

    /// <summary>Sends what is queued (PostgreSQL); on SQLite everything added has run already.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_batch is null || _batch.BatchCommands.Count == 0) return;
        await _batch.ExecuteNonQueryAsync(ct);
        _batch.BatchCommands.Clear();
    }

    public void Dispose() => _batch?.Dispose();
}
