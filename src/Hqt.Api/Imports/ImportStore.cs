using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Dapper;
using Hqt.Api.Storage;
using Hqt.Extraction.Imports;

namespace Hqt.Api.Imports;

/// <summary>Import jobs and their report; the file itself is kept (gzip) so a job resumes after a restart.</summary>
public sealed class ImportStore(Db db, TimeProvider time)
{
    // Parsed files of the jobs in progress: parsed once at upload, re-read from the stored file only after a restart.
    readonly ConcurrentDictionary<long, ImportFile> _files = new();

    public async Task<ImportJobResponse> CreateAsync(long userId, ImportFile file, string text, string? fileName, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToString("O");
        var payload = Gzip(text);
        await using var connection = await db.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO imports (user_id, format, file_name, payload_gzip, state, total, created_at, updated_at)
            VALUES (@userId, @Format, @fileName, @payload, 'queued', @total, @now, @now)
            RETURNING id
            """, new { userId, file.Format, fileName, payload, total = file.Entries.Count, now }, cancellationToken: ct));
        var row = await connection.QuerySingleAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports i WHERE i.id = @id", new { id }, cancellationToken: ct));
        _files[row.Id] = file;
        return row.ToResponse();
    }

    public async Task<ImportJobResponse?> FindAsync(long userId, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports i WHERE i.user_id = @userId AND i.id = @id", new { userId, id }, cancellationToken: ct));
        if (row is null) return null;
        var items = await connection.QueryAsync<ImportItemRow>(new CommandDefinition("""
            SELECT position, label, outcome, reason, work_id AS WorkId, url, fetch_state AS FetchState, fetch_detail AS FetchDetail
            FROM import_items WHERE import_id = @id AND (outcome <> 'added' OR fetch_state = 'failed')
            ORDER BY position LIMIT 1000
            """, new { id }, cancellationToken: ct));
        return row.ToResponse(items.Select(i => i.ToResponse()).ToList());
    }

    public async Task<IReadOnlyList<ImportJobResponse>> ListAsync(long userId, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ImportRow>(new CommandDefinition(
            $"SELECT {ImportRow.Columns} FROM imports i WHERE i.user_id = @userId ORDER BY i.id DESC LIMIT @limit", new { userId, limit }, cancellationToken: ct));
        return rows.Select(r => r.ToResponse()).ToList();
    }

    /// <summary>The oldest unfinished job, storing before fetching: a slow bookmarks fetch never holds up a later upload's entries.</summary>
    internal async Task<ImportRow?> NextOpenAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<ImportRow>(new CommandDefinition($"""
            SELECT {ImportRow.Columns} FROM imports i WHERE i.state IN ('queued', 'storing', 'fetching')
            ORDER BY CASE WHEN i.state = 'fetching' THEN 1 ELSE 0 END, i.id LIMIT 1
            """, cancellationToken: ct));
    }

    /// <summary>The job's file, parsed (again, after a restart: parsing is a pure function of the stored text, so positions agree).</summary>
    internal async Task<ImportFile> FileAsync(ImportRow job, CancellationToken ct)
    {
        if (_files.TryGetValue(job.Id, out var file)) return file;
        await using var connection = await db.OpenAsync(ct);
        var payload = await connection.ExecuteScalarAsync<byte[]>(new CommandDefinition(
            "SELECT payload_gzip FROM imports WHERE id = @Id", new { job.Id }, cancellationToken: ct));
        return _files[job.Id] = ImportFormats.Read(Gunzip(payload!), job.Format);
    }

    /// <summary>
    /// Whether the job is still at the cursor this batch was read at, its row locked for the batch's transaction:
    /// instances share the job list, and one may have stored this batch meanwhile (then there is nothing to do but read
    /// the job again). SQLite's one writer needs no row lock.
    /// </summary>
    internal static async Task<bool> HoldsCursorAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, ImportRow job, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT cursor FROM imports WHERE id = @Id {connection.Pick(sqlite: "", postgres: "FOR UPDATE")}", new { job.Id }, tx, cancellationToken: ct)) == job.Cursor;

    internal void Forget(long id) => _files.TryRemove(id, out _);

    internal async Task FailAsync(long id, string error, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE imports SET state = 'failed', error = @error, updated_at = @now WHERE id = @id",
            new { id, error, now = time.GetUtcNow().ToString("O") }, cancellationToken: ct));
        Forget(id);
    }

    static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
