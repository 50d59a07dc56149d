using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Hqt.Api.Storage;

/// <summary>
/// A connection with a write transaction open (on SQLite holding the server's write turn, see
/// <see cref="Db.BeginWriteAsync"/>). Commit, then dispose; disposing without a commit rolls back.
/// </summary>
public sealed class WriteScope : IAsyncDisposable
{
    // The transaction-scoped locks each open scope has taken, so a lock asked for several times costs one round trip.
    // Kept only while the scope is open: Npgsql reuses one transaction object for every transaction of a pooled
    // connection, so a set that outlived its commit would tell the next transaction it holds locks it never took.
    static readonly ConditionalWeakTable<DbTransaction, HashSet<long>> LocksTaken = new();

    readonly DbConnection _connection;
    readonly DbTransaction _transaction;
    readonly SemaphoreSlim? _turn;

    public WriteScope(DbConnection connection, DbTransaction transaction, SemaphoreSlim? turn)
    {
        (_connection, _transaction, _turn) = (connection, transaction, turn);
        LocksTaken.AddOrUpdate(transaction, []);
    }

    public DbConnection Connection => _connection;
    public DbTransaction Transaction => _transaction;

    /// <summary>
    /// True the first time a scope's transaction asks for the lock <paramref name="key"/>, and for a transaction that is
    /// no open scope's (nothing is remembered for it): the caller takes the lock then; false when it holds it already.
    /// </summary>
    public static bool FirstAskForLock(DbTransaction transaction, long key)
    {
        if (!LocksTaken.TryGetValue(transaction, out var taken)) return true;
        lock (taken) return taken.Add(key);
    }

    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        LocksTaken.Remove(_transaction);
        try
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
        finally
        {
            _turn?.Release();
        }
    }
}
