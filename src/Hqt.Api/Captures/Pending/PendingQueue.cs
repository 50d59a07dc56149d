using System.Data.Common;
using Dapper;
using Hqt.Api.Hosting;
using Hqt.Api.Library;
using Hqt.Api.Lookups;
using Hqt.Api.Storage;
using Hqt.Extraction;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Captures.Pending;

/// <summary>A stored capture waiting for extraction (extractor version 0), with its page.</summary>
public sealed record PendingCapture(long Id, long UserId, string Url, byte[] HtmlGzip);

/// <summary>
/// The store of captures whose extraction was deferred: claimed (with a lease naming the owner, one server process),
/// completed (the extraction stored with its graph and lookups, in one transaction, only by the claim's owner) or
/// released. Instances sharing one database never compute the same capture: on PostgreSQL a claim skips rows
/// another instance is claiming (<c>FOR UPDATE SKIP LOCKED</c>) and rows under a live lease; SQLite has one
/// writer (one server a data directory), so the same UPDATE under its write turn is the whole story there.
/// </summary>
public sealed class PendingQueue(Db db, CaptureStore captures, LookupQueue lookups, TimeProvider time, IOptions<HqtOptions> options)
{
    TimeSpan Lease => options.Value.PendingExtractionLease;

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending captures, oldest first, that nobody holds (no claim, or a lapsed
    /// lease): everyone's, or one user's. Each claim counts in <c>extraction_claims</c>.
    /// </summary>
    public async Task<IReadOnlyList<PendingCapture>> ClaimAsync(string owner, long? userId, int limit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var write = await db.BeginWriteAsync(ct);
        var connection = write.Connection;
        const string Claimable = """
            SELECT id FROM captures
            WHERE extractor_version = 0 AND (@userId IS NULL OR user_id = @userId)
              AND (extraction_lease_until IS NULL OR extraction_lease_until < @now)
            ORDER BY id LIMIT @limit
            """;
        // PostgreSQL: SKIP LOCKED makes instances claiming at once take different captures instead of queueing on the
        // same rows; ARRAY(...) runs the locking SELECT once (as "id IN (…)" the planner may re-run it for every
        // outer row of a semi-join, and each run skips, locks and returns other rows: a claim of 1 took 2).
        var chosen = connection.Pick(sqlite: $"id IN ({Claimable})", postgres: $"id = ANY(ARRAY({Claimable} FOR UPDATE SKIP LOCKED))");
        // The outer WHERE repeats the test: on PostgreSQL a row another instance claimed between the inner SELECT and
        // the UPDATE is re-read at the UPDATE, and then no longer qualifies.
        var rows = await connection.QueryAsync<PendingCapture>(new CommandDefinition($"""
            UPDATE captures
            SET extraction_owner = @owner, extraction_lease_until = @leaseUntil, extraction_claims = extraction_claims + 1
            WHERE {chosen}
              AND extractor_version = 0 AND (extraction_lease_until IS NULL OR extraction_lease_until < @now)
            RETURNING id, user_id AS UserId, url, html_gzip AS HtmlGzip
            """, new { owner, userId, limit, now = now.ToString("O"), leaseUntil = (now + Lease).ToString("O") }, write.Transaction, cancellationToken: ct));
        await write.CommitAsync(ct);
        return rows.OrderBy(r => r.Id).ToList();
    }

    /// <summary>Extends the owner's claims on captures still pending (an extraction that takes longer than a third of the lease).</summary>
    public async Task RenewAsync(string owner, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE captures SET extraction_lease_until = @leaseUntil
            WHERE id {connection.In("ids")} AND extraction_owner = @owner AND extractor_version = 0
            """, new { owner, ids = ids.ToList(), leaseUntil = (time.GetUtcNow() + Lease).ToString("O") }, cancellationToken: ct));
    }

    /// <summary>Gives the owner's claims back to the queue at once (a read cancelled mid-batch, a server stopping).</summary>
    public async Task ReleaseAsync(string owner, IReadOnlyCollection<long>? ids, CancellationToken ct)
    {
        if (ids is { Count: 0 }) return;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE captures SET extraction_owner = NULL, extraction_lease_until = NULL
            WHERE extraction_owner = @owner AND extractor_version = 0 {(ids is null ? "" : $"AND id {connection.In("ids")}")}
            """, new { owner, ids = ids?.ToList() }, cancellationToken: ct));
    }

    /// <summary>Captures waiting for extraction, claimed or not: everyone's, or one user's.</summary>
    public async Task<int> CountAsync(long? userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM captures WHERE extractor_version = 0 AND (@userId IS NULL OR user_id = @userId)", new { userId }, cancellationToken: ct));
    }

    /// <summary>The user's pending captures that someone holds under a live lease (this process or another instance).</summary>
    public async Task<IReadOnlyList<long>> HeldAsync(long userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition("""
            SELECT id FROM captures
            WHERE extractor_version = 0 AND user_id = @userId AND extraction_lease_until >= @now
            ORDER BY id LIMIT 1000
            """, new { userId, now = time.GetUtcNow().ToString("O") }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Stores the extractions of claimed captures in one transaction (one commit for the batch): each capture moves
    /// to the document of the canonical URL its page names, gets its graph and its lookups, and leaves the queue. A
    /// capture deleted meanwhile, or whose claim is no longer <paramref name="owner"/>'s (its lease ran out and another
    /// instance took it: that one stores it), is skipped. The owner stays on the row: which instance extracted it.
    /// Returns how many were stored.
    /// </summary>
    public async Task<int> CompleteAsync(string owner, IReadOnlyList<(PendingCapture Capture, PageExtract Extract)> done, CancellationToken ct)
    {
        if (done.Count == 0) return 0;
        // Serialised, and the page's words for search read, before the write turn is taken: a big page's JSON and text
        // are CPU that need not hold up other writers (nor, on PostgreSQL, the reader's graph lock).
        var jsons = done.Select(d => System.Text.Json.JsonSerializer.Serialize(d.Extract, CaptureJson.Options)).ToList();
        var texts = done.Select(d => CaptureSearchIndex.TextOf(d.Capture.HtmlGzip)).ToList();
        await using var write = await db.BeginWriteAsync(ct);
        var (connection, transaction) = (write.Connection, write.Transaction);
        // PostgreSQL: the users' graph locks first, in one order, before any capture row: another instance extracting
        // an overlapping batch then waits here instead of deadlocking on a capture row while holding a graph lock.
        foreach (var userId in done.Select(d => d.Capture.UserId).Distinct().Order())
            await Graph.GraphStore.LockUserGraphAsync(connection, transaction, userId, ct);
        var stored = 0;
        for (var i = 0; i < done.Count; i++)
        {
            var (capture, extract) = done[i];
            var row = await connection.QuerySingleOrDefaultAsync<(long DocumentId, string ContentHash)?>(new CommandDefinition("""
                UPDATE captures SET extract_json = @json, extractor_version = @version, title = COALESCE(@title, title),
                                    extraction_lease_until = NULL
                WHERE id = @Id AND extractor_version = 0 AND extraction_owner = @owner
                RETURNING document_id, content_hash
                """, new { json = jsons[i], version = PageExtractor.Version, title = extract.Title, capture.Id, owner }, transaction, cancellationToken: ct));
            if (row is not { } r) continue;
            await CaptureSearchIndex.IndexExtractedAsync(connection, transaction, capture.Id, capture.Url, extract, texts[i], ct);
            await FileUnderCanonicalUrlAsync(connection, transaction, capture, r.DocumentId, r.ContentHash, extract.CanonicalUrl, ct);
            await captures.WriteGraphAndLookupsAsync(connection, transaction, capture.UserId, capture.Id, extract, ct);
            stored++;
        }
        await write.CommitAsync(ct);
        lookups.Wake();
        return stored;
    }

    /// <summary>
    /// A pending capture was filed under its URL; its page may name another canonical URL. It moves there, unless
    /// that document already holds the same content (the same page captured under two URLs before either was
    /// extracted): both captures were acknowledged, so both are kept, and this one stays where it is.
    /// </summary>
    static async Task FileUnderCanonicalUrlAsync(DbConnection connection, DbTransaction transaction, PendingCapture capture,
        long documentId, string contentHash, string canonicalUrl, CancellationToken ct)
    {
        var current = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT canonical_url FROM documents WHERE id = @documentId", new { documentId }, transaction, cancellationToken: ct));
        if (current == canonicalUrl) return;
        var target = await CaptureStore.UpsertDocumentAsync(connection, transaction, capture.UserId, canonicalUrl, ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE captures SET document_id = @target
            WHERE id = @Id AND NOT EXISTS (SELECT 1 FROM captures WHERE document_id = @target AND content_hash = @contentHash);
            DELETE FROM documents WHERE id IN (@documentId, @target) AND NOT EXISTS (SELECT 1 FROM captures WHERE document_id = documents.id);
            """, new { target, capture.Id, contentHash, documentId }, transaction, cancellationToken: ct));
    }
}
