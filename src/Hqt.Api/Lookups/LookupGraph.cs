using System.Data.Common;
using Dapper;
using Hqt.Api.Graph;

namespace Hqt.Api.Lookups;

/// <summary>
/// Writes what a lookup found into the reader's graph in one transaction with the job's completion: the work's
/// facts, its authors, and its references as citation edges of the lookup's origin (replacing that origin's
/// earlier edges from the work), then queues the next round within the capture's budget.
/// </summary>
public sealed class LookupGraph(GraphWriter writer, LookupQueue queue)
{
    public async Task WriteAsync(DbConnection db, DbTransaction tx, LookupJob job, LookupResult result, CancellationToken ct)
    {
        var workId = await writer.ResolveWorkAsync(db, tx, job.UserId, result.Work, ct);
        // The page may name a canonical URL other than the one it was cited by: the same work, found by either.
        if (result.CanonicalUrl is { } canonical && canonical != result.Work.Url)
            workId = await writer.ResolveWorkAsync(db, tx, job.UserId, result.Work with { Url = canonical, Title = null }, ct);
        // The work's own page or record describes it better than a citer's anchor text or reference entry did.
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE works SET title = COALESCE(@Title, title), year = COALESCE(@Year, year),
                             authors_json = CASE WHEN @authorCount > 0 THEN @authors ELSE authors_json END
            WHERE id = @workId
            """, new
        {
            result.Work.Title, result.Work.Year, authorCount = result.Work.Authors.Count,
            authors = System.Text.Json.JsonSerializer.Serialize(result.Work.Authors), workId,
        }, tx, cancellationToken: ct));
        if (result.ExternalId is { } external)
            await db.ExecuteAsync(new CommandDefinition("""
                INSERT INTO work_identities (user_id, scheme, value, work_id) VALUES (@UserId, @scheme, @external, @workId)
                ON CONFLICT (user_id, scheme, value) DO NOTHING
                """, new { job.UserId, scheme = result.Source, external, workId }, tx, cancellationToken: ct));

        await db.ExecuteAsync(new CommandDefinition("""
            DELETE FROM citations WHERE citing_work_id = @workId AND origin = @Source AND origin_capture_id IS NULL
            """, new { workId, result.Source }, tx, cancellationToken: ct));
        await writer.LinkAuthorsAsync(db, tx, job.UserId, workId, result.Authors, result.SiteHost, ct);

        // One identity query for all the references (GraphWriter's batch form).
        var resolved = await writer.ResolveWorksAsync(db, tx, job.UserId, result.References.Select(r => r.Facts).ToList(), ct);
        // A reference that joined two known works may have merged this one into an older twin: follow it there.
        if (!await db.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM works WHERE id = @workId)", new { workId }, tx, cancellationToken: ct)))
            workId = await writer.ResolveWorkAsync(db, tx, job.UserId, result.Work, ct);
        // A work cites another once per origin; a repeated reference (merged on identity) adds nothing.
        var cited = new List<long>(resolved.Count);
        var edges = new List<(long, string?, string?, string?)>(resolved.Count);
        for (var i = 0; i < resolved.Count; i++)
        {
            if (resolved[i] == workId || cited.Contains(resolved[i])) continue;
            cited.Add(resolved[i]);
            var reference = result.References[i];
            edges.Add((resolved[i], reference.Signal, reference.AnchorText, reference.Context));
        }
        GraphWriter.AddCitations(db, tx, job.UserId, workId, null, result.Source, edges);
        // Cached reader graphs reload: suggestions see what the lookup found.
        await GraphWriter.BumpVersionAsync(db, tx, job.UserId, ct);

        if (job.OriginCaptureId is { } captureId)
            await queue.EnqueueAsync(db, tx, job.UserId, captureId, job.Depth + 1, cited, ct);
    }
}
