using System.Data.Common;
using Dapper;
using Hqt.Api.Storage;
using Hqt.Extraction;
using Hqt.Extraction.Text;

namespace Hqt.Api.Library;

/// <summary>
/// The store of the search index's writes (<see cref="CaptureSearchStore"/> reads it). Keeps <c>capture_search</c> (FTS5, migration 0006; on PostgreSQL a table keyed by capture_id whose tsvectors the database computes) in step with captures, always inside the transaction that
/// writes the capture or its extraction: a search never finds a capture that is not stored, nor misses one that is
/// extracted. A capture acknowledged pending (a busy server) is indexed by the transaction that stores its extraction;
/// searches finish the reader's pending extractions before they run, so only a backlog past the read budget (which the
/// answer reports in Hqt-Pending-Captures) is not searchable yet. Deletes need no call: a trigger removes the row with its capture.
/// </summary>
public static class CaptureSearchIndex
{
    /// <summary>The words of a page kept for search: enough for any query, bounded so a huge page does not bloat the index.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>The page's words, computed before the write transaction opens (it is the costly part).</summary>
    public static string TextOf(byte[] htmlGzip) => SearchText.FromHtml(Captures.NewCapture.Gunzip(htmlGzip), MaxTextLength);

    public static Task InsertAsync(DbConnection db, DbTransaction tx, long captureId, string? title, string url, PageExtract extract, string text, CancellationToken ct) =>
        db.ExecuteAsync(new CommandDefinition(db.Pick(
            sqlite: "INSERT INTO capture_search (rowid, title, authors, site, text) VALUES (@captureId, @title, @authors, @site, @text)",
            postgres: "INSERT INTO capture_search (capture_id, title, authors, site, text) VALUES (@captureId, @title, @authors, @site, @text)"), new { captureId, title = title ?? "", authors = Authors(extract), site = Site(url, extract), text }, tx, cancellationToken: ct));

    /// <summary>
    /// A capture stored pending, now extracted: its row with the page's words, title, authors and site. A capture stored
    /// pending before pending captures waited for extraction to be indexed already has a row: its fields are replaced.
    /// </summary>
    public static Task IndexExtractedAsync(DbConnection db, DbTransaction tx, long captureId, string url, PageExtract extract, string text, CancellationToken ct) =>
        db.ExecuteAsync(new CommandDefinition(db.Pick(
            sqlite: """
                DELETE FROM capture_search WHERE rowid = @captureId;
                INSERT INTO capture_search (rowid, title, authors, site, text)
                VALUES (@captureId, COALESCE((SELECT title FROM captures WHERE id = @captureId), ''), @authors, @site, @text);
                """,
            postgres: """
                INSERT INTO capture_search (capture_id, title, authors, site, text)
                VALUES (@captureId, COALESCE((SELECT title FROM captures WHERE id = @captureId), ''), @authors, @site, @text)
                ON CONFLICT (capture_id) DO UPDATE SET title = excluded.title, authors = excluded.authors, site = excluded.site
                """), new { captureId, authors = Authors(extract), site = Site(url, extract), text }, tx, cancellationToken: ct));

    /// <summary>
    /// A new extraction of the same page (a re-extraction): title, authors and site change, the words (from the same
    /// HTML) do not. A capture with no row yet gets its row here, its words read from the stored page (callers that
    /// hold the page, such as the pending queue, use <see cref="IndexExtractedAsync"/> with words read beforehand).
    /// </summary>
    public static async Task UpdateFieldsAsync(DbConnection db, DbTransaction tx, long captureId, string url, PageExtract extract, CancellationToken ct)
    {
        var updated = await db.ExecuteAsync(new CommandDefinition($"""
            UPDATE capture_search SET title = COALESCE((SELECT title FROM captures WHERE id = @captureId), ''), authors = @authors, site = @site
            WHERE {db.Pick(sqlite: "rowid", postgres: "capture_id")} = @captureId
            """, new { captureId, authors = Authors(extract), site = Site(url, extract) }, tx, cancellationToken: ct));
        if (updated > 0) return;
        var html = await db.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "SELECT html_gzip FROM captures WHERE id = @captureId", new { captureId }, tx, cancellationToken: ct));
        if (html is not null) await IndexExtractedAsync(db, tx, captureId, url, extract, TextOf(html), ct);
    }

    /// <summary>The words of a capture from before search existed, and its leaving the backfill list (<see cref="SearchBackfill"/>).</summary>
    public static Task SetBackfilledTextAsync(DbConnection db, DbTransaction tx, long id, string text, CancellationToken ct) =>
        db.ExecuteAsync(new CommandDefinition($"""
            UPDATE capture_search SET text = @text WHERE {db.Pick(sqlite: "rowid", postgres: "capture_id")} = @id;
            DELETE FROM capture_search_backfill WHERE capture_id = @id;
            """, new { id, text }, tx, cancellationToken: ct));

    static string Authors(PageExtract extract) => string.Join(" ; ", extract.Authors.Select(a => a.Name));

    // The host (and the canonical URL's, when it differs) and the site's own name: "site:example.com" and "The Atlantic" both find it.
    static string Site(string url, PageExtract extract)
    {
        var hosts = new[] { url, extract.CanonicalUrl }
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : null).OfType<string>().Distinct();
        return string.Join(' ', hosts.Append(extract.SiteName ?? "")).Trim();
    }
}
