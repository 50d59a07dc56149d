using Microsoft.Data.Sqlite;

namespace Hqt.Api.Storage;

/// <summary>
/// A connection with an IMMEDIATE transaction open, holding the server's write turn (see
/// <see cref="Db.BeginWriteAsync"/>). Commit, then dispose; disposing without a commit rolls back.
/// </summary>
public sealed class WriteScope(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim turn) : IAsyncDisposable
{
    public SqliteConnection Connection => connection;
    public SqliteTransaction Transaction => transaction;

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
        finally
        {
            turn.Release();
        }
    }
}
