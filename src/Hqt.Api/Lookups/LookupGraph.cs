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
        if (result.ExternalId is { } external)
            await db.ExecuteAsync(new CommandDefinition("""
                INSERT INTO work_identities (user_id, scheme, value, work_id) VALUES (@UserId, @scheme, @external, @workId)
                ON CONFLICT (user_id, scheme, value) DO NOTHING
                """, new { job.UserId, scheme = result.Source, external, workId }, tx, cancellationToken: ct));

        await db.ExecuteAsync(new CommandDefinition("""
            DELETE FROM citations WHERE citing_work_id = @workId AND origin = @Source AND origin_capture_id IS NULL
            """, new { workId, result.Source }, tx, cancellationToken: ct));
        await writer.LinkAuthorsAsync(db, tx, job.UserId, workId, result.Authors, result.SiteHost, ct);

        var cited = new List<long>(result.References.Count);
        foreach (var reference in result.References)
        {
            var citedId = await writer.ResolveWorkAsync(db, tx, job.UserId, reference.Facts, ct);
            // A work can only cite another once per origin; a repeated reference (merged on identity) adds nothing.
            if (citedId == workId || cited.Contains(citedId)) continue;
            cited.Add(citedId);
            await writer.AddCitationAsync(db, tx, job.UserId, workId, citedId, null, result.Source, reference.Signal, reference.AnchorText, reference.Context, ct);
        }

        if (job.OriginCaptureId is { } captureId)
            await queue.EnqueueAsync(db, tx, job.UserId, captureId, job.Depth + 1, cited, ct);
    }
}
