using System.Collections.Concurrent;
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
            var loaded = await LoadAsync(connection, userId, version, ct);
            _graphs[userId] = loaded;
            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }

    static async Task<LoadedGraph> LoadAsync(System.Data.Common.DbConnection connection, long userId, long version, CancellationToken ct)
    {
        var works = new Dictionary<long, WorkInfo>();
        var rows = await connection.QueryAsync<WorkRow>(new CommandDefinition(
            $"SELECT {WorkRow.Columns} FROM works WHERE user_id = @userId", new { userId }, cancellationToken: ct));
        foreach (var row in rows)
            works[row.Id] = new WorkInfo(row.Id, row.Kind, row.Title, (int?)row.Year, row.Url, row.Doi, row.ArxivId, row.Isbn,
                JsonSerializer.Deserialize<List<string>>(row.AuthorsJson) ?? [], (int?)row.CitedByCount, row.DocumentId is not null);

        var cites = new Dictionary<long, List<long>>();
        var edges = await connection.QueryAsync<(long Citing, long Cited)>(new CommandDefinition(
            "SELECT DISTINCT citing_work_id, cited_work_id FROM citations WHERE user_id = @userId", new { userId }, cancellationToken: ct));
        foreach (var (citing, cited) in edges)
            (cites.TryGetValue(citing, out var list) ? list : cites[citing] = []).Add(cited);
        return new LoadedGraph(version, works, cites);
    }
}
