using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hqt.Api.Storage;
using Hqt.Api.Lookups;

namespace Hqt.Api.Graph;

// Lookups: which works deserve one, the work a job looks up, and what a lookup found.
public sealed partial class GraphStore
{
    /// <summary>What a lookup needs to know of the work it looks up.</summary>
    public sealed class WorkToLookUp
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string? Url { get; init; }
        public string? Doi { get; init; }
        public string? ArxivId { get; init; }
        public long? DocumentId { get; init; }
        // A work cited without a title is looked up by what names it: who, when, and where it appeared.
        public string? Title { get; init; }
        public long? Year { get; init; }
        public string AuthorsJson { get; init; } = "[]";
        public string? Container { get; init; }
        public string? Volume { get; init; }
        public string? Pages { get; init; }

        /// <summary>No title and no identifier, but a journal, volume and first page: a bibliographic search can find it.</summary>
        public bool IsLocatedOnly => Title is null && Doi is null && ArxivId is null && Hqt.Extraction.Identity.WorkLocator.Key(Container, Volume, Pages) is not null;
    }

    public async Task<WorkToLookUp?> FindWorkToLookUpAsync(long workId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<WorkToLookUp>(new CommandDefinition(
            """
            SELECT id, kind, url, doi, arxiv_id AS ArxivId, document_id AS DocumentId, title, year, authors_json AS AuthorsJson, container, volume, pages
            FROM works WHERE id = @workId
            """, new { workId }, cancellationToken: ct));
    }

    /// <summary>
    /// Those of <paramref name="workIds"/> (the user's) worth a lookup, in the order given: not captured, not a person,
    /// and with a DOI or an arXiv id, or no title but a journal and pages (Crossref's bibliographic search finds
    /// it; the volume may end the journal, "Int. J. Mod. Phys. A16"), or (unless <paramref name="scholarlyOnly"/>, an imported entry's case) a web URL to fetch.
    /// </summary>
    public static async Task<IReadOnlyList<long>> WorthLookingUpAsync(DbConnection connection, DbTransaction tx, long userId,
        IReadOnlyList<long> workIds, bool scholarlyOnly, CancellationToken ct)
    {
        var worth = new HashSet<long>();
        // Chunks keep each statement well under every database's parameter limit.
        foreach (var chunk in workIds.Distinct().Chunk(500))
            worth.UnionWith(await connection.QueryAsync<long>(new CommandDefinition($"""
                SELECT id FROM works
                WHERE id {connection.In("chunk")} AND user_id = @userId AND document_id IS NULL AND (@scholarlyOnly = 1 OR kind <> 'person')
                  AND (doi IS NOT NULL OR arxiv_id IS NOT NULL OR (title IS NULL AND container IS NOT NULL AND pages IS NOT NULL)
                       OR (@scholarlyOnly = 0 AND (url LIKE 'http://%' OR url LIKE 'https://%')))
                """, new { chunk, userId, scholarlyOnly = scholarlyOnly ? 1 : 0 }, tx, cancellationToken: ct)));
        return workIds.Where(worth.Remove).ToList();
    }

    /// <summary>
    /// Writes what a lookup found in the job's transaction: the work's facts, its authors, and its references as
    /// citation edges of the lookup's origin (replacing that origin's earlier edges from the work).
    /// </summary>
    /// <param name="lookedUp">The work the job looked up. An answer found by a search (a title-less journal reference
    /// looked up by where it appeared) shares no identity with it yet: it is that work, so the two merge.</param>
    /// <returns>The works it cites, each once, in the record's order.</returns>
    public async Task<IReadOnlyList<long>> WriteLookupAsync(DbConnection connection, DbTransaction tx, long userId, LookupResult result, CancellationToken ct,
        long? lookedUp = null)
    {
        var workId = await ResolveWorkAsync(connection, tx, userId, result.Work, ct);
        if (lookedUp is { } asked && asked != workId && await WorkExistsAsync(connection, tx, asked, ct))
        {
            var (keep, drop) = (Math.Min(asked, workId), Math.Max(asked, workId));
            await MergeWorksAsync(connection, tx, keep, drop, ct);
            workId = keep;
        }
        // The page may name a canonical URL other than the one it was cited by: the same work, found by either.
        if (result.CanonicalUrl is { } canonical && canonical != result.Work.Url)
            workId = await ResolveWorkAsync(connection, tx, userId, result.Work with { Url = canonical, Title = null }, ct);
        // The work's own page or record describes it better than a citer's anchor text or reference entry did, where
        // it appeared included (a registry's journal and page range over a parse of someone's bibliography), and a
        // registry's "book" over the "paper" a citer guessed from a DOI (the export's type and its publisher field follow).
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE works SET title = COALESCE(@Title, title), year = COALESCE(@Year, year),
                             kind = CASE WHEN @Kind = 'book' AND kind IN ('paper', 'webpage') THEN @Kind ELSE kind END,
                             authors_json = CASE WHEN @authorCount > 0 THEN @authors ELSE authors_json END,
                             container = COALESCE(@Container, container), volume = COALESCE(@Volume, volume),
                             issue = COALESCE(@Issue, issue), pages = COALESCE(@Pages, pages), publisher = COALESCE(@Publisher, publisher)
            WHERE id = @workId
            """, new
        {
            result.Work.Title, result.Work.Year, result.Work.Kind, authorCount = result.Work.Authors.Count,
            result.Work.Container, result.Work.Volume, result.Work.Issue, result.Work.Pages, result.Work.Publisher,
            authors = JsonSerializer.Serialize(result.Work.Authors), workId,
        }, tx, cancellationToken: ct));
        if (result.ExternalId is { } external) await AddIdentityAsync(connection, tx, userId, result.Source, external, workId, ct);

        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM citations WHERE citing_work_id = @workId AND origin = @Source AND origin_capture_id IS NULL
            """, new { workId, result.Source }, tx, cancellationToken: ct));
        await LinkAuthorsAsync(connection, tx, userId, workId, result.Authors, result.SiteHost, ct);

        // One identity query for all the references (the batch form).
        var resolved = await ResolveWorksAsync(connection, tx, userId, result.References.Select(r => r.Facts).ToList(), ct);
        // A reference that joined two known works may have merged this one into an older twin: follow it there.
        if (!await WorkExistsAsync(connection, tx, workId, ct))
            workId = await ResolveWorkAsync(connection, tx, userId, result.Work, ct);
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
        await AddCitationsAsync(connection, tx, userId, workId, null, result.Source, edges, ct);
        // Cached reader graphs reload: suggestions see what the lookup found.
        await BumpVersionAsync(connection, tx, userId, ct);
        return cited;
    }
}
