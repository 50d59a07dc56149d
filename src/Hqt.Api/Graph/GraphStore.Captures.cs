using System.Data.Common;
using Dapper;
using Hqt.Api.Storage;
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
        var kept = extract.References.Select(r => (Reference: r, Facts: WorkFacts.FromReference(r, host))).Where(p => p.Facts is not null).ToList();
        var cited = await ResolveWorksAsync(connection, tx, userId, kept.Select(p => p.Facts!).ToList(), ct);
        cited = await WithoutThePageItselfAsync(connection, tx, workId, extract.Title, cited, ct);
        await DropCopiesCitingThePageAsync(connection, tx, workId, extract.Title, ct);
        await AddCitationsAsync(connection, tx, userId, workId, captureId, CaptureOrigin,
            kept.Select((p, i) => (cited[i], (string?)p.Reference.Signal, p.Reference.AnchorText, p.Reference.Context)), ct);
        await BumpVersionAsync(connection, tx, userId, ct);
        // The edges just written, as their first appearance orders them (a work cites itself through no edge).
        return new CaptureWrite(workId, cited.Where(id => id != workId).Distinct().ToList());
    }

    /// <summary>
    /// The cited works with the page itself under another address put back as the page: a captured work with the page's
    /// own title (its landing page captured apart from its full text, which links its DOI without declaring it) is the
    /// same article, and citing it would list the article's own authors as the people who inspired it. Such an edge is
    /// dropped as every self-citation is (<see cref="AddCitationsAsync"/>).
    /// </summary>
    static async Task<IReadOnlyList<long>> WithoutThePageItselfAsync(DbConnection connection, DbTransaction tx, long workId, string? title,
        IReadOnlyList<long> cited, CancellationToken ct)
    {
        if (SameArticleKey(title) is not { } own || cited.Count == 0) return cited;
        var captured = (await connection.QueryAsync<(long Id, string? Title)>(new CommandDefinition($"""
            SELECT w.id, w.title FROM works w
            WHERE w.id {connection.In("ids")} AND w.id <> @workId AND EXISTS (SELECT 1 FROM captures c WHERE c.work_id = w.id)
            """, new { ids = cited.Distinct().ToArray(), workId }, tx, cancellationToken: ct))).AsList();
        var same = captured.Where(w => SameArticleKey(w.Title) == own).Select(w => w.Id).ToHashSet();
        return same.Count == 0 ? cited : cited.Select(id => same.Contains(id) ? workId : id).ToList();
    }

    /// <summary>
    /// The same, the other way round: a copy of this article captured before it, which cited it by the DOI this capture
    /// has just brought (its full text linking the DOI of the landing page captured now), no longer cites it.
    /// </summary>
    static async Task DropCopiesCitingThePageAsync(DbConnection connection, DbTransaction tx, long workId, string? title, CancellationToken ct)
    {
        if (SameArticleKey(title) is not { } own) return;
        var citing = (await connection.QueryAsync<(long Id, string? Title)>(new CommandDefinition("""
            SELECT DISTINCT w.id, w.title FROM citations c JOIN works w ON w.id = c.citing_work_id
            WHERE c.cited_work_id = @workId AND EXISTS (SELECT 1 FROM captures p WHERE p.work_id = w.id)
            """, new { workId }, tx, cancellationToken: ct))).AsList();
        var copies = citing.Where(w => SameArticleKey(w.Title) == own).Select(w => w.Id).ToArray();
        if (copies.Length > 0)
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM citations WHERE cited_work_id = @workId AND citing_work_id {connection.In("copies")}", new { workId, copies }, tx, cancellationToken: ct));
    }

    // A title as two copies of one article may spell it: "&" and "and" alike.
    static string? SameArticleKey(string? title) => WorkFacts.TitleKey(title?.Replace("&", " and ", StringComparison.Ordinal));

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
