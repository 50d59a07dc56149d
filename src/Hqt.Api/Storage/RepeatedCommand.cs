using System.Data.Common;

namespace Hqt.Api.Storage;

/// <summary>
/// One statement run for many rows inside a transaction (a page's references, their identities, its citations):
/// SQLite parses and plans it once and each row only binds values, where a Dapper call per row re-creates the
/// command and re-prepares the statement every time. Values bind positionally to <c>@p0, @p1, …</c> in the SQL.
/// </summary>
public sealed class RepeatedCommand : IDisposable
{
    readonly DbCommand _command;

    public RepeatedCommand(DbConnection connection, DbTransaction transaction, string sql, int parameterCount)
    {
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

    void Bind(ReadOnlySpan<object?> values)
    {
        if (values.Length != _command.Parameters.Count) throw new ArgumentException($"Expected {_command.Parameters.Count} values, got {values.Length}.");
        for (var i = 0; i < values.Length; i++) _command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public void Dispose() => _command.Dispose();
}
