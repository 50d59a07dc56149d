using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Hqt.Api.Graph;

/// <summary>Reads one user's whole graph from SQLite into a <see cref="LoadedGraph"/>.</summary>
static class GraphLoader
{
    public static async Task<LoadedGraph> LoadAsync(DbConnection connection, long userId, long version, CancellationToken ct)
    {
        // Read first: a capture stored while the rows load is then after the mark, never missed (see LoadedGraph.LastCaptureId).
        var lastCaptureId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(id), 0) FROM captures WHERE user_id = @userId", new { userId }, cancellationToken: ct));
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
        return new LoadedGraph(version, works, distinct) { LastCaptureId = lastCaptureId };
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
