using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Graph;

/// <summary>
/// Each user's <see cref="LoadedGraph"/>, reloaded only when <c>users.graph_version</c> moved (one cheap
/// query per read). A 10k-capture library loads in a fraction of a second and then ranks from memory.
/// </summary>
public sealed class ReaderGraphCache(Db db)
{
    readonly ConcurrentDictionary<long, LoadedGraph> _graphs = new();
    readonly ConcurrentDictionary<long, SemaphoreSlim> _loading = new();

    public async Task<LoadedGraph> GetAsync(long userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT graph_version FROM users WHERE id = @userId", new { userId }, cancellationToken: ct));
        if (_graphs.TryGetValue(userId, out var cached) && cached.Version == version) return cached;

        // One load per user at a time; the others wait for it rather than loading the same rows again.
        var gate = _loading.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_graphs.TryGetValue(userId, out cached) && cached.Version >= version) return cached;
            // The old version goes before the new one is built: two whole graphs never share the heap.
            _graphs.TryRemove(userId, out _);
            var loaded = await LoadAsync(connection, userId, version, ct);
            _graphs[userId] = loaded;
            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }

    static async Task<LoadedGraph> LoadAsync(DbConnection connection, long userId, long version, CancellationToken ct)
    {
        // Rows are read one at a time (unbuffered) straight into the graph: no list of 100k rows in between.
        var works = new Dictionary<long, WorkInfo>();
        var strings = new StringPool();
        await foreach (var row in connection.QueryUnbufferedAsync<WorkRow>(
            $"SELECT {WorkRow.Columns} FROM works WHERE user_id = @userId", new { userId }).WithCancellation(ct))
            works[row.Id] = new WorkInfo(row.Id, strings.Get(row.Kind), row.Title, (int?)row.Year, row.Url, row.Doi, row.ArxivId, row.Isbn,
                Authors(row.AuthorsJson, strings), (int?)row.CitedByCount, row.DocumentId is not null);

        // Duplicate edges (one per origin) are dropped here by sorting each list, cheaper than SQL's DISTINCT.
        var cites = new Dictionary<long, List<long>>();
        await foreach (var (citing, cited) in connection.QueryUnbufferedAsync<(long, long)>(
            "SELECT citing_work_id, cited_work_id FROM citations WHERE user_id = @userId", new { userId }).WithCancellation(ct))
            (cites.TryGetValue(citing, out var list) ? list : cites[citing] = []).Add(cited);
        var distinct = new Dictionary<long, long[]>(cites.Count);
        foreach (var (citing, list) in cites) distinct[citing] = Distinct(list);

        // The load scanned every row once; its pages would otherwise sit in this pooled connection's cache.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA shrink_memory", cancellationToken: ct));
        return new LoadedGraph(version, works, distinct);
    }

    // Sorted, each id once: the ranker and the people page never depend on the order of a work's references.
    static long[] Distinct(List<long> cited)
    {
        var sorted = cited.ToArray();
        Array.Sort(sorted);
        var kept = 0;
        for (var i = 0; i < sorted.Length; i++)
            if (i == 0 || sorted[i] != sorted[i - 1]) sorted[kept++] = sorted[i];
        return kept == sorted.Length ? sorted : sorted[..kept];
    }

    static readonly string[] NoAuthors = [];

    static IReadOnlyList<string> Authors(string json, StringPool strings)
    {
        if (json is "[]" or "") return NoAuthors;
        var names = JsonSerializer.Deserialize<string[]>(json) ?? NoAuthors;
        for (var i = 0; i < names.Length; i++) names[i] = strings.Get(names[i]);
        return names;
    }

    /// <summary>One instance per distinct string in a load: kinds and writers' names repeat across thousands of rows.</summary>
    sealed class StringPool
    {
        readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

        public string Get(string value) => _pool.TryGetValue(value, out var kept) ? kept : _pool[value] = value;
    }
}
