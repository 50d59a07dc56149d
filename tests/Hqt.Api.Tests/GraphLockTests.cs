using Dapper;
using Hqt.Api.Graph;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hqt.Api.Tests;

/// <summary>
/// The reader's graph lock on PostgreSQL is held by every write transaction that asks for it. Npgsql hands the same
/// transaction object to each transaction of a pooled connection: a lock remembered per transaction object once
/// outlived its commit, so from the second transaction on a connection graph writes ran unlocked (and two instances
/// extracting one reader's captures deadlocked, storing captures unextracted).
/// </summary>
public sealed class GraphLockTests
{
    [SkippableFact]
    public async Task EveryWriteScopeOfAPooledConnectionHoldsTheGraphLockItAsksFor()
    {
        Skip.IfNot(TestDatabase.IsPostgres, "PostgreSQL only: SQLite has one writer and no graph lock");
        using var database = TestDatabase.CreateForHost()!;
        // One pooled connection, so every scope gets the same physical connection (and Npgsql's one transaction object).
        var oneConnection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ToString();
        await using var db = new Db(Options.Create(new HqtOptions()), Options.Create(new DatabaseOptions { Provider = "postgres", ConnectionString = oneConnection }));
        await using var observer = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());
        await observer.OpenAsync();

        var transactions = new List<object>();
        for (var round = 0; round < 3; round++)
        {
            await using var write = await db.BeginWriteAsync();
            transactions.Add(write.Transaction);
            await GraphStore.LockUserGraphAsync(write.Connection, write.Transaction, 42, default);
            await GraphStore.LockUserGraphAsync(write.Connection, write.Transaction, 42, default);

            var held = await observer.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 4807 AND objid = 42 AND granted");
            Assert.True(held == 1, $"round {round}: the graph lock is not held");
            await write.CommitAsync(default);
        }
        // The case this guards: the rounds did share one transaction object.
        Assert.Single(transactions.Distinct(ReferenceEqualityComparer.Instance));
    }
}
