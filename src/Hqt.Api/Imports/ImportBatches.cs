using Dapper;
using Hqt.Api.Graph;
using Hqt.Api.Lookups;
using Hqt.Api.Storage;
using Hqt.Extraction.Imports;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Imports;

/// <summary>
/// Stores an import's entries into the reader's graph a batch at a time. Each batch is one transaction holding its
/// works, authors, report rows, "read" marks, lookups and the job's cursor: a crash rolls back the batch under way
/// and the job resumes at the cursor, so no entry is half-stored or stored twice.
/// </summary>
/// <remarks>
/// Imported works join the library as works the reader has read (the suggestion feedback's <c>read</c>): the ranker
/// counts what they cite as the reader's evidence and never suggests them back. Works with a DOI or arXiv id are
/// queued for lookups (OpenAlex, Crossref) like a capture's references, which is how their own references arrive.
/// </remarks>
public sealed class ImportBatches(Db db, GraphStore graph, LookupQueue lookups, IOptions<ImportOptions> options, TimeProvider time)
{
    /// <summary>Stores the next batch; returns false when the job has no entries left to store.</summary>
    internal async Task<bool> StoreNextAsync(ImportRow job, ImportFile file, CancellationToken ct)
    {
        if (job.Cursor >= file.Entries.Count) return false;
        var batch = file.Entries.Skip(job.Cursor).Take(Math.Max(1, options.Value.BatchSize)).ToList();
        var storable = batch.Where(e => e.Skip is null).ToList();
        var facts = storable.Select(ToFacts).ToList();
        var now = time.GetUtcNow().ToString("O");

        await using var write = await db.BeginWriteAsync(ct);
        var (connection, tx) = (write.Connection, write.Transaction);
        if (!await ImportStore.HoldsCursorAsync(connection, tx, job, ct)) return true;
        await GraphStore.LockUserGraphAsync(connection, tx, job.UserId, ct);
        // Each work says whether this batch created it: counted from the insert itself, so another writer of the
        // reader's graph (a capture, another import, another instance) can never make an entry miscount.
        var (ids, created) = await graph.ResolveWorksNotingNewAsync(connection, tx, job.UserId, facts, ct);
        var captured = await GraphStore.CapturedAmongAsync(connection, tx, ids, ct);

        var workOf = new Dictionary<int, long>();
        for (var i = 0; i < storable.Count; i++) workOf[storable[i].Position] = ids[i];
        var seen = new HashSet<long>();
        int added = 0, merged = 0, skipped = 0, toFetch = 0;
        using var insertItem = new RepeatedCommand(connection, tx, """
            INSERT INTO import_items (import_id, position, label, outcome, reason, work_id, url, fetch_state)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
            ON CONFLICT (import_id, position) DO NOTHING
            """, 8);
        using var markRead = new RepeatedCommand(connection, tx, """
            INSERT INTO feedback (user_id, item_id, state, until, created_at) VALUES (@p0, @p1, 'read', NULL, @p2)
            ON CONFLICT (user_id, item_id, state) DO NOTHING
            """, 3);
        var toLookUp = new List<long>();
        foreach (var entry in batch)
        {
            if (entry.Skip is { } why)
            {
                skipped++;
                insertItem.Execute(job.Id, entry.Position, entry.Label, "skipped", why, null, entry.Url, null);
                continue;
            }
            var workId = workOf[entry.Position];
            var isNew = created.Contains(workId) && seen.Add(workId);
            if (isNew) added++; else merged++;
            var reason = isNew ? null : created.Contains(workId) ? "The same work as an earlier entry in this file." : "Matched a work already in your graph.";
            string? fetch = null;
            if (entry.IsBookmark)
            {
                if (captured.Contains(workId)) reason = "You have captured this page already.";
                else { fetch = "pending"; toFetch++; }
            }
            insertItem.Execute(job.Id, entry.Position, entry.Label, isNew ? "added" : "merged", reason, workId, entry.Url, fetch);
            markRead.Execute(job.UserId, Suggestions.SuggestionIds.Work(workId), now);
            if (!entry.IsBookmark) toLookUp.Add(workId);
            if (isNew && entry.Authors.Count > 0)
                await graph.LinkAuthorsAsync(connection, tx, job.UserId, workId,
                    entry.Authors.Select(a => new AuthorFacts(a, null, Extraction.AuthorKinds.Person)).ToList(), null, ct);
        }
        await lookups.EnqueueImportedAsync(connection, tx, job.UserId, toLookUp, ct);
        var cursor = job.Cursor + batch.Count;
        var finished = cursor >= file.Entries.Count;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE imports SET cursor = @cursor, added = added + @added, merged = merged + @merged, skipped = skipped + @skipped,
                               fetch_total = fetch_total + @toFetch, updated_at = @now,
                               state = CASE WHEN @finished = 0 THEN 'storing' WHEN fetch_total + @toFetch > 0 THEN 'fetching' ELSE 'done' END
            WHERE id = @Id AND cursor = @expectedCursor
            """, new { cursor, added, merged, skipped, toFetch, now, finished = finished ? 1 : 0, job.Id, expectedCursor = job.Cursor }, tx, cancellationToken: ct));
        // (Names differ by more than case: Npgsql matches parameter names case-insensitively, so @cursor and @Cursor
        // would be one parameter there.)
        await GraphStore.BumpVersionAsync(connection, tx, job.UserId, ct);
        await write.CommitAsync(ct);
        if (lookups.IsEnabled) lookups.Wake();
        return true;
    }

    static WorkFacts ToFacts(ImportEntry entry) => new(
        entry.Kind, entry.Title, entry.Year, entry.Url, entry.Doi, entry.ArxivId, entry.Isbn, entry.Pmid, entry.Authors,
        // A bookmark's title is the reader's label for a page, not the work's title: it never identifies a work on its own.
        MatchByTitle: !entry.IsBookmark);
}
