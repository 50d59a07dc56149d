using System.Data.Common;
using Dapper;
using Hqt.Api.Graph;
using Hqt.Extraction;

namespace Hqt.Api.Captures;

/// <summary>
/// Writes what a capture says (its work, authors and citations) into the user's graph, inside the
/// capture's own transaction, so a capture and its edges are stored together or not at all.
/// </summary>
public sealed class CaptureGraph(GraphWriter writer)
{
    public const string Origin = "capture";

    public async Task WriteAsync(DbConnection db, DbTransaction tx, long userId, long captureId, PageExtract extract, CancellationToken ct)
    {
        var workId = await writer.ResolveWorkAsync(db, tx, userId, WorkFacts.FromCapture(extract), ct);
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE captures SET work_id = @workId WHERE id = @captureId;
            UPDATE works SET document_id = (SELECT document_id FROM captures WHERE id = @captureId),
                             title = COALESCE(@title, title)
            WHERE id = @workId;
            """, new { workId, captureId, title = extract.Title }, tx, cancellationToken: ct));

        var host = Uri.TryCreate(extract.CanonicalUrl, UriKind.Absolute, out var uri) ? uri.Host : null;
        await writer.LinkAuthorsAsync(db, tx, userId, workId,
            extract.Authors.Select(a => new AuthorFacts(a.Name, a.Url, a.Kind)).ToList(), host, ct);

        // References that are no work (a search link carrying no identifier) are not written at all.
        var kept = extract.References.Select(r => (Reference: r, Facts: WorkFacts.FromReference(r))).Where(p => p.Facts is not null).ToList();
        var cited = await writer.ResolveWorksAsync(db, tx, userId, kept.Select(p => p.Facts!).ToList(), ct);
        GraphWriter.AddCitations(db, tx, userId, workId, captureId, Origin,
            kept.Select((p, i) => (cited[i], (string?)p.Reference.Signal, p.Reference.AnchorText, p.Reference.Context)));
        await GraphWriter.BumpVersionAsync(db, tx, userId, ct);
    }

    /// <summary>
    /// Removes the edges this capture produced. With <paramref name="collectOrphans"/>, also the works and
    /// people nothing else holds on to (a delete); without, they stay so a re-extraction keeps their ids.
    /// </summary>
    public async Task RemoveAsync(DbConnection db, DbTransaction tx, long userId, long captureId, bool collectOrphans, CancellationToken ct)
    {
        var touched = (await db.QueryAsync<long>(new CommandDefinition("""
            SELECT cited_work_id FROM citations WHERE origin_capture_id = @captureId
            UNION SELECT work_id FROM captures WHERE id = @captureId AND work_id IS NOT NULL
            """, new { captureId }, tx, cancellationToken: ct))).AsList();
        await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM citations WHERE origin_capture_id = @captureId", new { captureId }, tx, cancellationToken: ct));
        await GraphWriter.BumpVersionAsync(db, tx, userId, ct);
        if (!collectOrphans || touched.Count == 0) return;

        // A work stays while another capture is of it or anything still cites it or is cited by it; a person
        // while they author any work. Only the people of the touched works are checked, not the whole library.
        var authors = (await db.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT person_id FROM authorships WHERE work_id IN @touched", new { touched }, tx, cancellationToken: ct))).AsList();
        await db.ExecuteAsync(new CommandDefinition("""
            DELETE FROM works
            WHERE user_id = @userId AND id IN @touched
              AND NOT EXISTS (SELECT 1 FROM captures c WHERE c.work_id = works.id AND c.id <> @captureId)
              AND NOT EXISTS (SELECT 1 FROM citations x WHERE x.cited_work_id = works.id OR x.citing_work_id = works.id);
            """, new { userId, touched, captureId }, tx, cancellationToken: ct));
        if (authors.Count > 0)
            await db.ExecuteAsync(new CommandDefinition("""
                DELETE FROM people
                WHERE user_id = @userId AND id IN @authors AND NOT EXISTS (SELECT 1 FROM authorships a WHERE a.person_id = people.id);
                """, new { userId, authors }, tx, cancellationToken: ct));
    }
}
