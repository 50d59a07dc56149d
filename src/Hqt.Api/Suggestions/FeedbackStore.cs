using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Suggestions;

/// <summary>The reader's pruning of suggestions: dismissed for good, snoozed until a time, or read.</summary>
public sealed class FeedbackStore(Db db, Graph.GraphStore graph)
{
    public static readonly string[] States = ["dismissed", "snoozed", "read"];

    public async Task SetAsync(long userId, string itemId, string state, DateTimeOffset? until, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO feedback (user_id, item_id, state, until, created_at) VALUES (@userId, @itemId, @state, @until, @now)
            ON CONFLICT (user_id, item_id, state) DO UPDATE SET until = excluded.until, created_at = excluded.created_at
            """, new { userId, itemId, state, until = until?.UtcDateTime.ToString("O"), now = now.UtcDateTime.ToString("O") }, cancellationToken: ct));
    }

    /// <summary>A work id names one of the user's works; person ids are names, known from many sources, and always accepted.</summary>
    public async Task<bool> IsKnownAsync(long userId, string itemId, CancellationToken ct)
    {
        if (SuggestionIds.WorkId(itemId) is not { } workId) return true;
        return await graph.IsUsersWorkAsync(userId, workId, ct);
    }

    public async Task<bool> ClearAsync(long userId, string itemId, string state, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM feedback WHERE user_id = @userId AND item_id = @itemId AND state = @state",
            new { userId, itemId, state }, cancellationToken: ct)) > 0;
    }

    /// <summary>Item ids out of the list now (dismissed, read, or snoozed past <paramref name="now"/>), and the read ones.</summary>
    public async Task<(HashSet<string> Hidden, HashSet<string> Read)> LoadAsync(long userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string ItemId, string State)>(new CommandDefinition("""
            SELECT item_id, state FROM feedback
            WHERE user_id = @userId AND (state <> 'snoozed' OR until > @now)
            """, new { userId, now = now.UtcDateTime.ToString("O") }, cancellationToken: ct));
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (itemId, state) in rows)
        {
            hidden.Add(itemId);
            if (state == "read") read.Add(itemId);
        }
        return (hidden, read);
    }
}
