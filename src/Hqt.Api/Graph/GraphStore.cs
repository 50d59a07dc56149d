using System.Data.Common;
using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Graph;

/// <summary>
/// The one owner of the graph's tables: <c>works</c>, <c>work_identities</c>, <c>people</c>, <c>authorships</c> and
/// <c>citations</c>. Every statement on them is in this class (split by purpose across the <c>GraphStore.*.cs</c>
/// files, each statement beside its call) or in <see cref="GraphLoader"/>, so a schema change or a second database
/// provider is one folder's work. Writes run inside the caller's transaction, so whatever feeds the graph (a capture,
/// a lookup, an import batch) stores all of its facts with its own rows or none; reads open their own connection.
/// </summary>
/// <remarks>
/// Files: <c>.Works</c> resolves facts to works (identities, fill-in), <c>.Merges</c> joins two works that turn out to
/// be one, <c>.People</c> links authors, <c>.Citations</c> writes edges, <c>.Captures</c> a capture's graph and its
/// removal, <c>.Orphans</c> the one clean-up of works and people nothing holds, <c>.Lookups</c> what a lookup found and
/// which works deserve one, <c>.Imports</c> an import batch's questions, <c>.Reads</c> work detail, person, export and
/// feedback reads.
/// </remarks>
public sealed partial class GraphStore(Db db, TimeProvider time)
{
    /// <summary>
    /// Marks the user's graph as changed, so cached graphs reload. Every transaction that writes the graph calls it
    /// once before committing.
    /// </summary>
    public static Task BumpVersionAsync(DbConnection connection, DbTransaction tx, long userId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET graph_version = graph_version + 1 WHERE id = @userId", new { userId }, tx, cancellationToken: ct));

    /// <summary>
    /// On PostgreSQL, one transaction at a time writes a user's graph, across every instance (a transaction-scoped
    /// advisory lock keyed by the user; re-entrant, released at commit or rollback). Two captures of one reader
    /// resolving the same identities at once would otherwise each create the work (the identity's unique key then
    /// keeps one) or deadlock on each other's identity rows; different readers still write in parallel. SQLite
    /// has one writer, so this is a no-op there.
    /// </summary>
    /// <remarks>
    /// A capture's graph write asks for the lock several times (the batch, its own work, its references); the lock is
    /// re-entrant, but each ask was a round trip, so a write scope's transaction asks the server once per reader
    /// (<see cref="WriteScope.FirstAskForLock"/>).
    /// </remarks>
    public static async Task LockUserGraphAsync(DbConnection connection, DbTransaction tx, long userId, CancellationToken ct)
    {
        if (!connection.IsPostgres() || !WriteScope.FirstAskForLock(tx, userId)) return;
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(4807, CAST(@userId % 2147483647 AS integer))", new { userId }, tx, cancellationToken: ct));
    }

    string Now() => time.GetUtcNow().ToString("O");

    static string? Clip(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}

public sealed record AuthorFacts(string Name, string? ProfileUrl, string Kind);
