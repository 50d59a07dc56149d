using Dapper;
using Hqt.Api.Captures;
using Hqt.Api.Lookups;
using Hqt.Api.Storage;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Imports;

/// <summary>
/// Turns an import's bookmarked pages into captures, one page at a time, through the lookups' guarded
/// <see cref="WebFetcher"/> (SSRF guard, robots.txt, per-host rate, size cap, HTML only). Each page's state is kept
/// in its report row, so a restart carries on with the next page; a page fetched twice across a crash is stored once
/// (the capture's idempotency key is the import's and the entry's).
/// </summary>
public sealed class BookmarkFetcher(Db db, IServiceProvider services, CaptureStore captures, CaptureExtraction extraction,
    IOptions<ImportOptions> options, TimeProvider time, ILogger<BookmarkFetcher> logger)
{
    /// <summary>Fetches the job's next pending page; returns false when none is left (the job is then done).</summary>
    internal async Task<bool> FetchNextAsync(ImportRow job, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var next = await connection.QueryFirstOrDefaultAsync<(int Position, string Url, string? Label, int Attempts)?>(new CommandDefinition("""
            SELECT position, url, label, fetch_attempts FROM import_items WHERE import_id = @Id AND fetch_state = 'pending' ORDER BY fetch_attempts, position LIMIT 1
            """, new { job.Id }, cancellationToken: ct));
        if (next is not { } page)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE imports SET state = 'done', updated_at = @now WHERE id = @Id AND state = 'fetching'",
                new { job.Id, now = Now() }, cancellationToken: ct));
            return false;
        }

        string state, detail;
        long? captureId = null;
        // The web fetcher exists only where lookups are enabled: a server told never to reach out does not fetch bookmarks either.
        if (services.GetService<WebFetcher>() is not { } fetcher)
            (state, detail) = ("failed", "This server does not fetch pages (Hqt:Lookups:Enabled is false); the bookmark is kept as a work.");
        else
        {
            try
            {
                var (finalUri, html) = await fetcher.FetchHtmlAsync(page.Url, ct);
                var capture = NewCapture.Create(new CreateCaptureRequest(finalUri.AbsoluteUri, html, page.Label), $"import-{job.Id}-{page.Position}", time.GetUtcNow());
                capture = capture.WithExtract(extraction.Run(html, finalUri.AbsoluteUri));
                var (outcome, row) = await captures.SaveAsync(job.UserId, capture, ct);
                (state, detail, captureId) = outcome == CaptureStore.Outcome.Created
                    ? ("captured", $"Captured from {finalUri.Host}.", row?.Id)
                    : ("existing", "You had captured this page already.", row?.Id);
            }
            catch (LookupMiss miss)
            {
                (state, detail) = ("failed", miss.Message);
            }
            catch (RetryLaterException retry) when (page.Attempts + 1 < options.Value.MaxFetchAttempts)
            {
                // Passing trouble: the page goes to the back of the queue and is tried again later.
                logger.LogInformation("Bookmark {Position} of import {ImportId} will be retried: {Error}", page.Position, job.Id, retry.Message);
                await connection.ExecuteAsync(new CommandDefinition("""
                    UPDATE import_items SET fetch_attempts = fetch_attempts + 1, fetch_detail = @detail WHERE import_id = @Id AND position = @Position
                    """, new { job.Id, page.Position, detail = retry.Message }, cancellationToken: ct));
                return true;
            }
            catch (RetryLaterException retry)
            {
                (state, detail) = ("failed", retry.Message);
            }
            catch (Exception e) when (e is HttpRequestException or UriFormatException or InvalidOperationException)
            {
                (state, detail) = ("failed", e.Message);
            }
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE import_items SET fetch_state = @state, fetch_detail = @detail, capture_id = @captureId, fetch_attempts = fetch_attempts + 1
            WHERE import_id = @Id AND position = @Position AND fetch_state = 'pending';
            UPDATE imports SET fetched = (SELECT COUNT(*) FROM import_items WHERE import_id = @Id AND fetch_state IN ('captured', 'existing', 'failed')),
                               updated_at = @now
            WHERE id = @Id;
            """, new { state, detail = detail.Length > 500 ? detail[..500] : detail, captureId, job.Id, page.Position, now = Now() }, cancellationToken: ct));
        return true;
    }

    string Now() => time.GetUtcNow().ToString("O");
}
