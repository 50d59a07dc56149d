using System.Data.Common;
using Dapper;
using Hqt.Api.Lookups;
using Hqt.Api.Storage;
using Microsoft.Data.Sqlite;

namespace Hqt.Api.Captures;

/// <summary>Captures and the documents they are versions of, always scoped to one user.</summary>
public sealed class CaptureStore(Db db, CaptureGraph graph, LookupQueue lookups)
{
    const string SelectColumns = """
        SELECT c.id, c.document_id AS DocumentId, c.url, d.canonical_url AS CanonicalUrl, c.title, c.selection,
               c.captured_at AS CapturedAt, c.content_hash AS ContentHash, c.idempotency_key AS IdempotencyKey,
               c.extractor_version AS ExtractorVersion, c.extract_json AS ExtractJson
        FROM captures c JOIN documents d ON d.id = c.document_id
        """;

    public enum Outcome { Created, Existing, KeyConflict }

    /// <summary>
    /// Stores a capture and its graph in one transaction, or finds the one it repeats (same idempotency key,
    /// or same document and content hash).
    /// </summary>
    public async Task<(Outcome Outcome, CaptureRow? Capture)> SaveAsync(long userId, NewCapture capture, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await FindRepeatAsync(connection, null, userId, capture, ct) is { } repeat) return repeat;
        try
        {
            // BEGIN IMMEDIATE takes the write lock up front, so concurrent writers queue on busy_timeout
            // instead of failing to upgrade a read lock ("database is locked").
            await using var transaction = connection.BeginTransaction(deferred: false);
            var now = DateTimeOffset.UtcNow.ToString("O");
            var documentId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO documents (user_id, canonical_url, created_at) VALUES (@userId, @CanonicalUrl, @now)
                ON CONFLICT (user_id, canonical_url) DO UPDATE SET canonical_url = excluded.canonical_url
                RETURNING id
                """, new { userId, capture.CanonicalUrl, now }, transaction, cancellationToken: ct));
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO captures (user_id, document_id, url, title, selection, captured_at, received_at, content_hash,
                                      html_gzip, html_length, idempotency_key, extractor_version, extract_json)
                VALUES (@userId, @documentId, @Url, @Title, @Selection, @capturedAt, @now, @ContentHash,
                        @HtmlGzip, @HtmlLength, @IdempotencyKey, @extractorVersion, @ExtractJson)
                RETURNING id
                """, new
            {
                userId, documentId, capture.Url, capture.Title, capture.Selection,
                capturedAt = capture.CapturedAt.ToUniversalTime().ToString("O"), now, capture.ContentHash,
                capture.HtmlGzip, capture.HtmlLength, capture.IdempotencyKey,
                extractorVersion = Hqt.Extraction.PageExtractor.Version, capture.ExtractJson,
            }, transaction, cancellationToken: ct));
            await graph.WriteAsync(connection, transaction, userId, id, capture.Extract, ct);
            // In the same transaction: an acknowledged capture always has its lookups queued.
            await lookups.EnqueueForCaptureAsync(connection, transaction, userId, id, ct);
            await transaction.CommitAsync(ct);
            lookups.Wake();
            return (Outcome.Created, await FindAsync(userId, id, ct));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19 /* SQLITE_CONSTRAINT: a concurrent twin won */)
        {
            return await FindRepeatAsync(connection, null, userId, capture, ct) ?? throw new InvalidOperationException("Constraint failed with no twin.", e);
        }
    }

    async Task<(Outcome, CaptureRow?)?> FindRepeatAsync(DbConnection connection, DbTransaction? transaction, long userId, NewCapture capture, CancellationToken ct)
    {
        if (capture.IdempotencyKey is { } key)
        {
            var byKey = await connection.QuerySingleOrDefaultAsync<CaptureRow>(new CommandDefinition(
                SelectColumns + " WHERE c.user_id = @userId AND c.idempotency_key = @key", new { userId, key }, transaction, cancellationToken: ct));
            if (byKey is not null)
                return byKey.ContentHash == capture.ContentHash && byKey.CanonicalUrl == capture.CanonicalUrl
                    ? (Outcome.Existing, byKey)
                    : (Outcome.KeyConflict, byKey);
        }
        var same = await connection.QuerySingleOrDefaultAsync<CaptureRow>(new CommandDefinition(
            // Driven from the document (unique on user and URL), then (document, hash): filtering captures by
            // user first made SQLite walk every capture the user has, on every capture.
            SelectColumns + " WHERE d.user_id = @userId AND d.canonical_url = @CanonicalUrl AND c.document_id = d.id AND c.content_hash = @ContentHash",
            new { userId, capture.CanonicalUrl, capture.ContentHash }, transaction, cancellationToken: ct));
        return same is null ? null : (Outcome.Existing, same);
    }

    public async Task<CaptureRow?> FindAsync(long userId, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CaptureRow>(new CommandDefinition(
            SelectColumns + " WHERE c.user_id = @userId AND c.id = @id", new { userId, id }, cancellationToken: ct));
    }

    /// <summary>Newest first; <paramref name="beforeId"/> is the cursor (the last id of the previous page).</summary>
    public async Task<IReadOnlyList<CaptureRow>> ListAsync(long userId, long? beforeId, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<CaptureRow>(new CommandDefinition(
            SelectColumns + " WHERE c.user_id = @userId AND (@beforeId IS NULL OR c.id < @beforeId) ORDER BY c.id DESC LIMIT @limit",
            new { userId, beforeId, limit }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Deletes the capture, its document when no other version is left, and the graph only it produced.</summary>
    public async Task<bool> DeleteAsync(long userId, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var documentId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT document_id FROM captures WHERE user_id = @userId AND id = @id", new { userId, id }, transaction, cancellationToken: ct));
        if (documentId is null) return false;

        await graph.RemoveAsync(connection, transaction, userId, id, collectOrphans: true, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM captures WHERE user_id = @userId AND id = @id", new { userId, id }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM documents WHERE id = @documentId AND NOT EXISTS (SELECT 1 FROM captures WHERE document_id = @documentId)
            """, new { documentId }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The stored HTML of the user's captures, a batch at a time, for re-extraction.</summary>
    public async Task<IReadOnlyList<(long Id, byte[] HtmlGzip, string Url, string ExtractJson)>> ReadHtmlBatchAsync(
        long userId, long afterId, int batch, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long, byte[], string, string)>(new CommandDefinition("""
            SELECT id, html_gzip, url, extract_json FROM captures
            WHERE user_id = @userId AND id > @afterId ORDER BY id LIMIT @batch
            """, new { userId, afterId, batch }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Replaces a capture's extraction (and its graph) with a newer one.</summary>
    public async Task UpdateExtractAsync(long userId, long id, Hqt.Extraction.PageExtract extract, string extractJson, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE captures SET extract_json = @extractJson, extractor_version = @version, title = COALESCE(@title, title)
            WHERE user_id = @userId AND id = @id
            """, new { extractJson, version = Hqt.Extraction.PageExtractor.Version, title = extract.Title, userId, id }, transaction, cancellationToken: ct));
        await graph.RemoveAsync(connection, transaction, userId, id, collectOrphans: false, ct);
        await graph.WriteAsync(connection, transaction, userId, id, extract, ct);
        await transaction.CommitAsync(ct);
    }
}
