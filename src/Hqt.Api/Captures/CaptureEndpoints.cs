using System.Security.Claims;
using Hqt.Api.Auth;
using Hqt.Api.Captures.Pending;
using Hqt.Api.Hosting;
using Hqt.Extraction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hqt.Api.Captures;

public static class CaptureEndpoints
{
    public static RouteGroupBuilder MapCaptures(this IEndpointRouteBuilder app)
    {
        var captures = app.MapGroup("/api/captures").WithTags("Captures");

        captures.MapPost("/", CreateCapture)
            .WithName("CreateCapture")
            .WithSummary("Capture a page: store its HTML and extract its authors and references")
            .WithDescription("Idempotent: the same content at the same URL or canonical URL (or the same Idempotency-Key) returns 200 with the existing capture. Accepts Content-Encoding: gzip. An idle server extracts before answering; a busy one answers once the page is stored, with extraction \"pending\", and extracts it moments later.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimits.Captures)
            .WithBodyLimit((HqtOptions o) => o.MaxCaptureBytes)
            .AnswersBeforePendingExtractions();
        captures.MapGet("/", ListCaptures)
            .WithName("ListCaptures")
            .WithSummary("List or search captures, a page at a time")
            .WithDescription("Without q, site, author, from or to: newest first. With them: full-text search over title, authors, site and the page's text (all words must match, the last as a prefix), best match first, each item with a snippet whose matched words sit between U+E000 and U+E001; site and author filter by those fields, from/to by capture time (to is exclusive).")
            .ProducesValidationProblem();
        captures.MapGet("/{id:long}", GetCapture)
            .WithName("GetCapture")
            .WithSummary("Get one capture with everything extracted from it");
        captures.MapDelete("/{id:long}", DeleteCapture)
            .AnswersBeforePendingExtractions()
            .WithName("DeleteCapture")
            .WithSummary("Delete a capture and whatever only it produced");
        captures.MapPost("/reextract", Reextract)
            .RequireRateLimiting(RateLimits.Cpu)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("ReextractCaptures")
            .WithSummary("Re-run extraction over all of your captures' stored HTML")
            .WithDescription("Reports how many captures were processed and how many changed.");
        return captures;
    }

    static async Task<Results<Created<CaptureResponse>, Ok<CaptureResponse>, ValidationProblem, ProblemHttpResult>> CreateCapture(
        CreateCaptureRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user,
        CaptureStore store,
        CaptureExtraction extraction,
        PendingExtractions pending,
        TimeProvider time,
        CancellationToken ct)
    {
        if (!Problems.IsHttpUrl(request.Url)) return Problems.Invalid("url", Problems.HttpUrlMessage);
        // A browser never hands out NUL in a URL, a title or a selection (the HTML parser turns it into U+FFFD):
        // one here is a broken or hostile client, and storing it would truncate in C-string consumers of the data.
        if (FieldWithNul(request) is { } nulField) return Problems.Invalid(nulField, $"The {nulField} contains a NUL character.");
        if (idempotencyKey is { Length: > 200 }) return Problems.Invalid("Idempotency-Key", "The Idempotency-Key header is at most 200 characters.");
        if (HtmlContent.WhyNotHtml(request.Html) is { } why) return Problems.NotHtml(why);

        var userId = user.UserId();
        var capture = NewCapture.Create(request, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(), time.GetUtcNow());
        // A repeat is answered before any extraction is paid for.
        var (outcome, row) = await store.FindRepeatAsync(userId, capture, ct) ?? await ExtractIfIdleAndSaveAsync(userId, capture, request.Html, store, extraction, pending, ct);
        return outcome switch
        {
            CaptureStore.Outcome.Created => TypedResults.Created($"/api/captures/{row!.Id}", row.ToResponse()),
            CaptureStore.Outcome.Existing => TypedResults.Ok(row!.ToResponse()),
            _ => TypedResults.Problem("This Idempotency-Key was already used for a different page or content.",
                statusCode: StatusCodes.Status409Conflict, title: "Idempotency-Key reused"),
        };
    }

    /// <summary>
    /// An idle server extracts before storing, so the answer carries the authors; a busy one stores the page
    /// pending and the backlog extracts it (the reader's capture is safe either way once we answer).
    /// </summary>
    static async Task<(CaptureStore.Outcome, CaptureRow?)> ExtractIfIdleAndSaveAsync(long userId, NewCapture capture, string html,
        CaptureStore store, CaptureExtraction extraction, PendingExtractions pending, CancellationToken ct)
    {
        using (var lane = pending.TryTakeInlineLane())
        {
            if (lane is not null) capture = capture.WithExtract(extraction.Run(html, capture.Url));
        }
        var saved = await store.SaveAsync(userId, capture, ct, repeatChecked: true);
        if (saved.Outcome == CaptureStore.Outcome.Created && !capture.IsExtracted) pending.Deferred();
        return saved;
    }

    static string? FieldWithNul(CreateCaptureRequest request) =>
        request.Url.Contains('\0') ? "url"
        : request.Title?.Contains('\0') == true ? "title"
        : request.Selection?.Contains('\0') == true ? "selection"
        : null;

    static async Task<Results<Ok<CapturePage>, ValidationProblem>> ListCaptures(
        ClaimsPrincipal user, CaptureStore store, Library.CaptureSearchStore search, CancellationToken ct, string? cursor = null, int limit = 50,
        string? q = null, string? site = null, string? author = null, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (limit is < 1 or > 200)
            return Problems.Invalid("limit", "The limit must be between 1 and 200.");
        if (q is { Length: > 500 }) return Problems.Invalid("q", "The query is at most 500 characters.");
        var query = new Library.CaptureQuery(q, site, author, from, to);
        if (!query.IsEmpty)
        {
            // Search pages by offset: relevance order has no id to continue from.
            var offset = 0;
            if (!string.IsNullOrEmpty(cursor) && (!cursor.StartsWith('s') || !int.TryParse(cursor.AsSpan(1), out offset) || offset < 0))
                return Problems.Invalid("cursor", "The cursor is not one this server handed out.");
            var hits = await search.SearchAsync(user.UserId(), query, offset, limit, ct);
            return TypedResults.Ok(new CapturePage(hits.Select(h => h.Row.ToResponse() with { Snippet = h.Snippet }).ToList(),
                hits.Count == limit ? "s" + (offset + limit) : null));
        }
        long? before = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!long.TryParse(cursor, out var parsed) || parsed < 1)
                return Problems.Invalid("cursor", "The cursor is not one this server handed out.");
            before = parsed;
        }
        var rows = await store.ListAsync(user.UserId(), before, limit, ct);
        var next = rows.Count == limit ? rows[^1].Id.ToString() : null;
        return TypedResults.Ok(new CapturePage(rows.Select(r => r.ToResponse()).ToList(), next));
    }

    static async Task<Results<Ok<CaptureDetail>, NotFound>> GetCapture(long id, ClaimsPrincipal user, CaptureStore store, CancellationToken ct) =>
        await store.FindAsync(user.UserId(), id, ct) is { } row ? TypedResults.Ok(row.ToDetail()) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> DeleteCapture(long id, ClaimsPrincipal user, CaptureStore store, CancellationToken ct) =>
        await store.DeleteAsync(user.UserId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Ok<ReextractResponse>> Reextract(ClaimsPrincipal user, CaptureStore store, CaptureExtraction extraction, CancellationToken ct)
    {
        var userId = user.UserId();
        int processed = 0, changed = 0;
        long after = 0;
        while (await store.ReadHtmlBatchAsync(userId, after, 100, ct) is { Count: > 0 } batch)
        {
            foreach (var (id, htmlGzip, url, oldJson) in batch)
            {
                var extract = extraction.Run(NewCapture.Gunzip(htmlGzip), url);
                var json = System.Text.Json.JsonSerializer.Serialize(extract, CaptureJson.Options);
                processed++;
                if (json != oldJson)
                {
                    await store.UpdateExtractAsync(userId, id, extract, json, ct);
                    changed++;
                }
            }
            after = batch[^1].Id;
        }
        return TypedResults.Ok(new ReextractResponse(processed, changed, PageExtractor.Version));
    }
}
