using System.Data.Common;
using Dapper;
using Hqt.Api.Graph;
using Hqt.Api.Library;
using Hqt.Api.Lookups;
using Hqt.Api.Storage;

namespace Hqt.Api.Captures;

/// <summary>Captures and the documents they are versions of, always scoped to one user.</summary>
public sealed class CaptureStore(Db db, GraphStore graph, LookupQueue lookups)
{
    internal const string SelectColumns = """
        SELECT c.id, c.document_id AS DocumentId, c.url, d.canonical_url AS CanonicalUrl, c.title, c.selection,
               c.captured_at AS CapturedAt, c.content_hash AS ContentHash, c.idempotency_key AS IdempotencyKey,
               c.extractor_version AS ExtractorVersion, c.extract_json AS ExtractJson
        FROM captures c JOIN documents d ON d.id = c.document_id
        """;

    public enum Outcome { Created, Existing, KeyConflict }

    /// <summary>
    /// Stores a capture in one transaction (with its graph and lookups when it is extracted), or finds the one it
    /// repeats (same idempotency key, or the same content at the same URL or canonical URL).
    /// </summary>
    /// <param name="repeatChecked">The caller asked <see cref="FindRepeatAsync(long, NewCapture, CancellationToken)"/> just
    /// before (the endpoint does, before paying for extraction): not asked again. A twin stored in between is still
    /// found: the unique constraints refuse the second insert and the loser answers with the winner.</param>
    public async Task<(Outcome Outcome, CaptureRow? Capture)> SaveAsync(long userId, NewCapture capture, CancellationToken ct, bool repeatChecked = false)
    {
        if (!repeatChecked && await FindRepeatAsync(userId, capture, ct) is { } repeat) return repeat;
        // The page's words for search, read before the write turn is taken (CPU that need not hold up other writers).
        // A capture stored pending enters the search index when its extraction is stored (Pending/PendingQueue), with its
        // authors and site: indexing is CPU the acknowledgement need not wait for (on PostgreSQL the tsvectors and the
        // GIN insert were most of the database's time a capture), and the index row is then written once, not written
        // and rewritten. Searches finish the reader's pending extractions first (FinishesPendingExtractions).
        var searchText = capture.IsExtracted ? CaptureSearchIndex.TextOf(capture.HtmlGzip) : null;
        try
        {
            // BEGIN IMMEDIATE takes the write lock up front (no failed upgrade of a read lock: "database is locked").
            await using var write = await db.BeginWriteAsync(ct);
            var (connection, transaction) = (write.Connection, write.Transaction);
            var now = DateTimeOffset.UtcNow.ToString("O");
            var capturedAt = capture.CapturedAt.ToUniversalTime().ToString("O");
            var extractorVersion = capture.IsExtracted ? Hqt.Extraction.PageExtractor.Version : CaptureRow.PendingVersion;
            var documentId = await UpsertDocumentAsync(connection, transaction, userId, capture.CanonicalUrl, ct);
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO captures (user_id, document_id, url, title, selection, captured_at, received_at, content_hash,
                                      html_gzip, html_length, idempotency_key, extractor_version, extract_json)
                VALUES (@userId, @documentId, @Url, @Title, @Selection, @capturedAt, @now, @ContentHash,
                        @HtmlGzip, @HtmlLength, @IdempotencyKey, @extractorVersion, @ExtractJson)
                RETURNING id
                """, new
            {
                userId, documentId, capture.Url, capture.Title, capture.Selection, capturedAt, now, capture.ContentHash,
                capture.HtmlGzip, capture.HtmlLength, capture.IdempotencyKey, extractorVersion, capture.ExtractJson,
            }, transaction, cancellationToken: ct));
            if (searchText is not null)
            {
                await CaptureSearchIndex.InsertAsync(connection, transaction, id, capture.Title, capture.Url, capture.Extract, searchText, ct);
                await WriteGraphAndLookupsAsync(connection, transaction, userId, id, capture.Extract, ct);
            }
            await write.CommitAsync(ct);
            if (capture.IsExtracted) lookups.Wake();
            // The row as written: no second read, and the extraction is not deserialised back from its JSON.
            return (Outcome.Created, new CaptureRow
            {
                Id = id, DocumentId = documentId, Url = capture.Url, CanonicalUrl = capture.CanonicalUrl, Title = capture.Title,
                Selection = capture.Selection, CapturedAt = capturedAt, ContentHash = capture.ContentHash,
                IdempotencyKey = capture.IdempotencyKey, ExtractorVersion = extractorVersion, ExtractJson = capture.ExtractJson,
                Extract = capture.Extract,
            });
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e) /* a concurrent twin won */)
        {
            return await FindRepeatAsync(userId, capture, ct) ?? throw new InvalidOperationException("Constraint failed with no twin.", e);
        }
    }

    /// <summary>The capture this one repeats, if any: asked before extracting, so a repeat costs no extraction.</summary>
    public async Task<(Outcome Outcome, CaptureRow? Capture)?> FindRepeatAsync(long userId, NewCapture capture, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await FindRepeatAsync(connection, userId, capture, ct);
    }

    // The same content at the same URL is the same page whatever its extraction says (extraction is a function of
    // the two), and the same content under the same canonical URL is too (tracking parameters, a re-capture).
    static async Task<(Outcome, CaptureRow?)?> FindRepeatAsync(DbConnection connection, long userId, NewCapture capture, CancellationToken ct)
    {
        if (capture.IdempotencyKey is { } key)
        {
            var byKey = await connection.QuerySingleOrDefaultAsync<CaptureRow>(new CommandDefinition(
                SelectColumns + " WHERE c.user_id = @userId AND c.idempotency_key = @key", new { userId, key }, cancellationToken: ct));
            if (byKey is not null)
                return byKey.ContentHash == capture.ContentHash && (byKey.Url == capture.Url || byKey.CanonicalUrl == capture.CanonicalUrl)
                    ? (Outcome.Existing, byKey)
                    : (Outcome.KeyConflict, byKey);
        }
        var same = await connection.QueryFirstOrDefaultAsync<CaptureRow>(new CommandDefinition(
            SelectColumns + """
             WHERE c.user_id = @userId AND c.content_hash = @ContentHash AND (c.url = @Url OR d.canonical_url = @CanonicalUrl)
            ORDER BY c.id LIMIT 1
            """,
            new { userId, capture.ContentHash, capture.Url, capture.CanonicalUrl }, cancellationToken: ct));
        return same is null ? null : (Outcome.Existing, same);
    }

    internal static Task<long> UpsertDocumentAsync(DbConnection connection, DbTransaction transaction, long userId, string canonicalUrl, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO documents (user_id, canonical_url, created_at) VALUES (@userId, @canonicalUrl, @now)
            ON CONFLICT (user_id, canonical_url) DO UPDATE SET canonical_url = excluded.canonical_url
            RETURNING id
            """, new { userId, canonicalUrl, now = DateTimeOffset.UtcNow.ToString("O") }, transaction, cancellationToken: ct));

    /// <summary>A capture's graph and, in the same transaction, its lookups: an extracted capture always has its lookups queued.</summary>
    internal async Task WriteGraphAndLookupsAsync(DbConnection connection, DbTransaction transaction, long userId, long captureId, Hqt.Extraction.PageExtract extract, CancellationToken ct)
    {
        var written = await graph.WriteCaptureAsync(connection, transaction, userId, captureId, extract, ct);
        await lookups.EnqueueForCaptureAsync(connection, transaction, userId, captureId, written.Cited, ct);
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
        await using var write = await db.BeginWriteAsync(ct);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var documentId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT document_id FROM captures WHERE user_id = @userId AND id = @id", new { userId, id }, transaction, cancellationToken: ct));
        if (documentId is null) return false;

        await graph.RemoveCaptureAsync(connection, transaction, userId, id, collectOrphans: true, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM captures WHERE user_id = @userId AND id = @id", new { userId, id }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM documents WHERE id = @documentId AND NOT EXISTS (SELECT 1 FROM captures WHERE document_id = @documentId)
            """, new { documentId }, transaction, cancellationToken: ct));
        await write.CommitAsync(ct);
        return true;
    }

    /// <summary>The stored HTML of the user's extracted captures, a batch at a time, for re-extraction (pending ones are the worker's).</summary>
    public async Task<IReadOnlyList<(long Id, byte[] HtmlGzip, string Url, string ExtractJson)>> ReadHtmlBatchAsync(
        long userId, long afterId, int batch, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long, byte[], string, string)>(new CommandDefinition("""
            SELECT id, html_gzip, url, extract_json FROM captures
            WHERE user_id = @userId AND id > @afterId AND extractor_version <> 0 ORDER BY id LIMIT @batch
            """, new { userId, afterId, batch }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Replaces a capture's extraction (and its graph) with a newer one.</summary>
    public async Task UpdateExtractAsync(long userId, long id, Hqt.Extraction.PageExtract extract, string extractJson, CancellationToken ct)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var (connection, transaction) = (write.Connection, write.Transaction);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE captures SET extract_json = @extractJson, extractor_version = @version, title = COALESCE(@title, title)
            WHERE user_id = @userId AND id = @id
            """, new { extractJson, version = Hqt.Extraction.PageExtractor.Version, title = extract.Title, userId, id }, transaction, cancellationToken: ct));
        var url = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT url FROM captures WHERE id = @id", new { id }, transaction, cancellationToken: ct));
        if (url is not null) await CaptureSearchIndex.UpdateFieldsAsync(connection, transaction, id, url, extract, ct);
        await graph.RemoveCaptureAsync(connection, transaction, userId, id, collectOrphans: false, ct);
        await graph.WriteCaptureAsync(connection, transaction, userId, id, extract, ct);
        await write.CommitAsync(ct);
    }
}
