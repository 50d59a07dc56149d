using System.Data.Common;

namespace Hqt.Api.Storage;

/// <summary>
/// A connection with a write transaction open (on SQLite holding the server's write turn, see
/// <see cref="Db.BeginWriteAsync"/>). Commit, then dispose; disposing without a commit rolls back.
/// </summary>
public sealed class WriteScope(DbConnection connection, DbTransaction transaction, SemaphoreSlim? turn) : IAsyncDisposable
{
    public DbConnection Connection => connection;
    public DbTransaction Transaction => transaction;

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
            turn?.Release();
        }
    }
}
