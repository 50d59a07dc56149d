using System.Data.Common;
using Dapper;
using Hqt.Extraction;

namespace Hqt.Api.Graph;

// What a capture says (its work, authors and citations), written and removed in the capture's own transaction.
public sealed partial class GraphStore
{
    /// <summary>The origin of a capture's citation edges.</summary>
    public const string CaptureOrigin = "capture";

    /// <summary>What a capture's graph write produced: the capture's work and the works it cites, each once, in the page's order.</summary>
    public sealed record CaptureWrite(long WorkId, IReadOnlyList<long> Cited);

    /// <summary>
    /// Writes what a capture says into the user's graph, inside the capture's transaction, so a capture and its
    /// edges are stored together or not at all.
    /// </summary>
    public async Task<CaptureWrite> WriteCaptureAsync(DbConnection connection, DbTransaction tx, long userId, long captureId, PageExtract extract, CancellationToken ct)
    {
        var workId = await ResolveWorkAsync(connection, tx, userId, WorkFacts.FromCapture(extract), ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE captures SET work_id = @workId WHERE id = @captureId;
            UPDATE works SET document_id = (SELECT document_id FROM captures WHERE id = @captureId),
                             title = COALESCE(@title, title)
            WHERE id = @workId;
            """, new { workId, captureId, title = extract.Title }, tx, cancellationToken: ct));

        var host = Uri.TryCreate(extract.CanonicalUrl, UriKind.Absolute, out var uri) ? uri.Host : null;
        await LinkAuthorsAsync(connection, tx, userId, workId,
            extract.Authors.Select(a => new AuthorFacts(a.Name, a.Url, a.Kind)).ToList(), host, ct);

        // References that are no work (a search link carrying no identifier) are not written at all.
        var kept = extract.References.Select(r => (Reference: r, Facts: WorkFacts.FromReference(r))).Where(p => p.Facts is not null).ToList();
        var cited = await ResolveWorksAsync(connection, tx, userId, kept.Select(p => p.Facts!).ToList(), ct);
        await AddCitationsAsync(connection, tx, userId, workId, captureId, CaptureOrigin,
            kept.Select((p, i) => (cited[i], (string?)p.Reference.Signal, p.Reference.AnchorText, p.Reference.Context)), ct);
        await BumpVersionAsync(connection, tx, userId, ct);
        // The edges just written, as their first appearance orders them (a work cites itself through no edge).
        return new CaptureWrite(workId, cited.Where(id => id != workId).Distinct().ToList());
    }

    /// <summary>
    /// Removes the edges this capture produced. With <paramref name="collectOrphans"/> (a delete), also the works and
    /// people nothing else holds on to; without (a re-extraction), they stay so the new extraction keeps their ids.
    /// </summary>
    public async Task RemoveCaptureAsync(DbConnection connection, DbTransaction tx, long userId, long captureId, bool collectOrphans, CancellationToken ct)
    {
        await LockUserGraphAsync(connection, tx, userId, ct);
        var touched = (await connection.QueryAsync<long>(new CommandDefinition("""
            SELECT cited_work_id FROM citations WHERE origin_capture_id = @captureId
            UNION SELECT work_id FROM captures WHERE id = @captureId AND work_id IS NOT NULL
            """, new { captureId }, tx, cancellationToken: ct))).AsList();
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM citations WHERE origin_capture_id = @captureId", new { captureId }, tx, cancellationToken: ct));
        await BumpVersionAsync(connection, tx, userId, ct);
        if (collectOrphans) await CollectOrphansAsync(connection, tx, userId, touched, captureId, ct);
    }
}
