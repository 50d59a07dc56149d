using System.Data;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Hqt.Api.Graph;

/// <summary>Reads one user's whole graph from SQLite into a <see cref="LoadedGraph"/>.</summary>
/// <remarks>
/// The one bulk read in the API (70k works and 300k edges on a 10k-capture library), so it reads columns by
/// ordinal from a plain data reader instead of mapping rows through Dapper: Dapper's per-row mapping and an
/// await per row cost several times the SQL itself there. Everything is read in one read transaction, so the
/// version, the capture mark, the works and the edges are one snapshot (WAL readers never block writers).
/// <para>
/// After a change, only the edges added since the previous version are read when that is provably enough:
/// edges are only ever inserted (ids grow, AUTOINCREMENT), deleted (a capture deleted or re-extracted, a lookup
/// redone) or rewired when two works merge, which deletes one of them. So if every work of the previous version
/// still exists and the user's edge count is the previous count plus the new rows, nothing else changed and the
/// previous edges plus the new ones are exactly the current edges; otherwise all edges are read again. Works are
/// always read whole: they are updated in place (titles filled in, a page captured), which no id reveals.
/// </para>
/// </remarks>
static class GraphLoader
{
    /// <param name="previous">The version this one replaces, whose edges are reused when nothing but additions happened.</param>
    public static LoadedGraph Load(DbConnection connection, long userId, LoadedGraph? previous = null)
    {
        // One snapshot: SQLite's deferred read transaction; PostgreSQL's REPEATABLE READ (a snapshot, never blocking writers).
        using var tx = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true)
            : connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var version = Scalar(connection, tx, userId, "SELECT graph_version FROM users WHERE id = @userId");
        // Every capture up to the mark was extracted when this version was read (extractor_version 0 is one
        // acknowledged but not extracted yet): a capture after it may be missing from this version's works.
        var lastCaptureId = Scalar(connection, tx, userId, """
            SELECT COALESCE(
              (SELECT MIN(id) - 1 FROM captures WHERE user_id = @userId AND extractor_version = 0),
              (SELECT MAX(id) FROM captures WHERE user_id = @userId), 0)
            """);
        var rows = Scalar(connection, tx, userId, "SELECT COUNT(*) FROM citations WHERE user_id = @userId");
        var lastCitationId = Scalar(connection, tx, userId, "SELECT COALESCE(MAX(id), 0) FROM citations WHERE user_id = @userId");
        var works = ReadWorks(connection, tx, userId);
        var captureOfWork = ReadCaptureIds(connection, tx, userId);
        Dictionary<long, long[]>? cites = null;
        if (previous is not null && previous.Works.Keys.All(works.ContainsKey))
        {
            var added = ReadCites(connection, tx, userId, previous.LastCitationId, out var addedRows);
            if (previous.CitationRows + addedRows == rows) cites = Merge(previous.Cites, added);
        }
        var incremental = cites is not null;
        cites ??= ReadCites(connection, tx, userId, null, out _);
        tx.Commit();
        return new LoadedGraph(version, works, cites)
        {
            LastCaptureId = lastCaptureId, CaptureOfWork = captureOfWork, CitationRows = rows, LastCitationId = lastCitationId, IsIncremental = incremental,
        };
    }

    /// <summary>The previous edges with the added ones: unchanged citing works keep their arrays.</summary>
    static Dictionary<long, long[]> Merge(IReadOnlyDictionary<long, long[]> previous, Dictionary<long, long[]> added)
    {
        var merged = new Dictionary<long, long[]>(previous.Count + added.Count);
        foreach (var (citing, cited) in previous) merged[citing] = cited;
        foreach (var (citing, cited) in added)
            merged[citing] = merged.TryGetValue(citing, out var before) ? Distinct([.. before, .. cited]) : cited;
        return merged;
    }

    static Dictionary<long, WorkInfo> ReadWorks(DbConnection connection, DbTransaction tx, long userId)
    {
        using var command = Command(connection, tx, userId, """
            SELECT id, kind, title, year, url, doi, arxiv_id, isbn, authors_json, cited_by_count, document_id, container, volume, pages
            FROM works WHERE user_id = @userId
            """);
        using var reader = command.ExecuteReader();
        var works = new Dictionary<long, WorkInfo>();
        var strings = new StringPool();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            works[id] = new WorkInfo(id, strings.Get(reader.GetString(1)), Text(reader, 2), Int(reader, 3), Text(reader, 4),
                Text(reader, 5), Text(reader, 6), Text(reader, 7), Authors(reader.GetString(8), strings), Int(reader, 9), !reader.IsDBNull(10),
                Pooled(reader, 11, strings), Text(reader, 12), Text(reader, 13));
        }
        return works;
    }

    /// <summary>Each captured work's newest capture (the id a lineage's capture step carries).</summary>
    static Dictionary<long, long> ReadCaptureIds(DbConnection connection, DbTransaction tx, long userId)
    {
        using var command = Command(connection, tx, userId,
            "SELECT work_id, MAX(id) FROM captures WHERE user_id = @userId AND work_id IS NOT NULL GROUP BY work_id");
        using var reader = command.ExecuteReader();
        var captures = new Dictionary<long, long>();
        while (reader.Read()) captures[reader.GetInt64(0)] = reader.GetInt64(1);
        return captures;
    }

    /// <summary>The user's edges, or those after <paramref name="afterId"/>, as distinct sorted arrays per citing work.</summary>
    /// <remarks>Duplicate edges (one per origin) are dropped by sorting each list, cheaper than SQL's DISTINCT.</remarks>
    static Dictionary<long, long[]> ReadCites(DbConnection connection, DbTransaction tx, long userId, long? afterId, out long rows)
    {
        // After a mark, the rowid range is the narrow side: "+user_id" keeps SQLite off the per-user index.
        using var command = Command(connection, tx, userId, afterId is null
            ? "SELECT citing_work_id, cited_work_id FROM citations WHERE user_id = @userId"
            : "SELECT citing_work_id, cited_work_id FROM citations WHERE id > @afterId AND +user_id = @userId");
        if (afterId is not null) AddParameter(command, "afterId", afterId.Value);
        using var reader = command.ExecuteReader();
        rows = 0;
        var cites = new Dictionary<long, List<long>>();
        List<long>? list = null;
        var last = long.MinValue;
        while (reader.Read())
        {
            var citing = reader.GetInt64(0);
            if (citing != last || list is null)
            {
                if (!cites.TryGetValue(citing, out list)) cites[citing] = list = [];
                last = citing;
            }
            list.Add(reader.GetInt64(1));
            rows++;
        }
        var distinct = new Dictionary<long, long[]>(cites.Count);
        foreach (var (citing, cited) in cites) distinct[citing] = Distinct(cited);
        return distinct;
    }

    static DbCommand Command(DbConnection connection, DbTransaction tx, long userId, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        AddParameter(command, "userId", userId);
        return command;
    }

    static void AddParameter(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    static long Scalar(DbConnection connection, DbTransaction tx, long userId, string sql)
    {
        using var command = Command(connection, tx, userId, sql);
        return command.ExecuteScalar() is long value ? value : 0;
    }

    static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    // A journal's name repeats across the library's works: one string a name.
    static string? Pooled(DbDataReader reader, int ordinal, StringPool strings) => reader.IsDBNull(ordinal) ? null : strings.Get(reader.GetString(ordinal));

    static int? Int(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : (int)reader.GetInt64(ordinal);

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
