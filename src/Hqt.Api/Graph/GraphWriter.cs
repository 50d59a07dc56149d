using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hqt.Api.Storage;
using Hqt.Upstream;

namespace Hqt.Api.Graph;

/// <summary>
/// Writes works, identities, authors and citation edges inside the caller's transaction, so whatever
/// feeds the graph (a capture, a lookup) stores all of its facts or none.
/// </summary>
public sealed class GraphWriter(TimeProvider time)
{
    /// <summary>The one work these facts describe: found by any identity (merging works that turn out to be one), else created.</summary>
    public async Task<long> ResolveWorkAsync(DbConnection db, DbTransaction tx, long userId, WorkFacts facts, CancellationToken ct) =>
        (await ResolveWorksAsync(db, tx, userId, [facts], ct))[0];

    /// <summary>
    /// <see cref="ResolveWorkAsync"/> for many works at once (a page's references): one identity query for the
    /// whole batch instead of one per work, and works met twice in the batch resolve to one.
    /// </summary>
    public async Task<IReadOnlyList<long>> ResolveWorksAsync(DbConnection db, DbTransaction tx, long userId, IReadOnlyList<WorkFacts> batch, CancellationToken ct)
    {
        var identities = batch.Select(f => f.Identities().ToList()).ToList();
        var known = await FindIdentitiesAsync(db, tx, userId, identities.SelectMany(i => i).Distinct().ToList(), ct);
        var ids = new long[batch.Count];
        var now = time.GetUtcNow().ToString("O");
        using var insertWork = new RepeatedCommand(db, tx, """
            INSERT INTO works (user_id, kind, title, year, url, doi, arxiv_id, isbn, pmid, authors_json, cited_by_count, created_at)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)
            RETURNING id
            """, 12);
        using var fillIn = new RepeatedCommand(db, tx, FillInSql, 11);
        using var insertIdentity = new RepeatedCommand(db, tx, """
            INSERT INTO work_identities (user_id, scheme, value, work_id) VALUES (@p0, @p1, @p2, @p3)
            ON CONFLICT (user_id, scheme, value) DO NOTHING
            """, 4);
        for (var i = 0; i < batch.Count; i++)
        {
            var facts = batch[i];
            var authors = JsonSerializer.Serialize(facts.Authors);
            var found = identities[i].Where(known.ContainsKey).Select(k => known[k]).Distinct().ToList();
            long workId;
            if (found.Count == 0)
            {
                workId = insertWork.Scalar(userId, facts.Kind, facts.Title, facts.Year, facts.Url, facts.Doi, facts.ArxivId, facts.Isbn, facts.Pmid,
                    authors, facts.CitedByCount, now)!.Value;
            }
            else
            {
                workId = found.Min();
                foreach (var other in found.Where(id => id != workId))
                {
                    await MergeWorksAsync(db, tx, workId, other, ct);
                    foreach (var key in known.Where(k => k.Value == other).Select(k => k.Key).ToList()) known[key] = workId;
                    for (var j = 0; j < i; j++) if (ids[j] == other) ids[j] = workId;
                }
                fillIn.Execute(workId, facts.Title, facts.Year, facts.Url, facts.Doi, facts.ArxivId, facts.Isbn, facts.Pmid, authors, facts.CitedByCount, facts.Kind);
            }
            foreach (var identity in identities[i].Where(k => !known.ContainsKey(k)))
            {
                insertIdentity.Execute(userId, identity.Scheme, identity.Value, workId);
                known[identity] = workId;
            }
            ids[i] = workId;
        }
        return ids;
    }

    /// <summary>Citation edges from one work, with the signal, anchor text and sentence each was seen with.</summary>
    public static void AddCitations(DbConnection db, DbTransaction tx, long userId, long citingWorkId, long? originCaptureId, string origin,
        IEnumerable<(long CitedWorkId, string? Signal, string? AnchorText, string? Context)> cited)
    {
        using var insert = new RepeatedCommand(db, tx, """
            INSERT INTO citations (user_id, citing_work_id, cited_work_id, origin_capture_id, origin, signal, anchor_text, context)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
            """, 8);
        foreach (var (citedWorkId, signal, anchorText, context) in cited)
            if (citedWorkId != citingWorkId)
                insert.Execute(userId, citingWorkId, citedWorkId, originCaptureId, origin, signal, Clip(anchorText, 500), Clip(context, 2000));
    }

    /// <summary>
    /// Marks the user's graph as changed, so cached graphs reload. Every transaction that writes through this
    /// class calls it once before committing.
    /// </summary>
    public static Task BumpVersionAsync(DbConnection db, DbTransaction tx, long userId, CancellationToken ct) =>
        db.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET graph_version = graph_version + 1 WHERE id = @userId", new { userId }, tx, cancellationToken: ct));

    /// <summary>
    /// Links a work to its authors. A name joins an existing person only on strong evidence: the same profile
    /// URL, or the same normalised name together with a shared site or a shared co-author. A common name
    /// alone makes a new person.
    /// </summary>
    public async Task LinkAuthorsAsync(DbConnection db, DbTransaction tx, long userId, long workId,
        IReadOnlyList<AuthorFacts> authors, string? siteHost, CancellationToken ct)
    {
        var keys = authors.Select(a => PersonNames.Normalize(a.Name)).ToList();
        for (var position = 0; position < authors.Count; position++)
        {
            var author = authors[position];
            if (keys[position].Length == 0) continue;
            var coAuthorKeys = keys.Where((k, i) => i != position && k.Length > 0).ToList();
            var personId = await FindPersonAsync(db, tx, userId, author, keys[position], siteHost, coAuthorKeys, ct)
                ?? await db.ExecuteScalarAsync<long>(new CommandDefinition("""
                    INSERT INTO people (user_id, name, name_key, profile_url, kind, created_at)
                    VALUES (@userId, @Name, @key, @ProfileUrl, @Kind, @now) RETURNING id
                    """, new { userId, author.Name, key = keys[position], author.ProfileUrl, author.Kind, now = time.GetUtcNow().ToString("O") }, tx, cancellationToken: ct));
            await db.ExecuteAsync(new CommandDefinition("""
                INSERT INTO authorships (work_id, person_id, position) VALUES (@workId, @personId, @position)
                ON CONFLICT (work_id, person_id) DO NOTHING
                """, new { workId, personId, position }, tx, cancellationToken: ct));
        }
    }

    async Task<long?> FindPersonAsync(DbConnection db, DbTransaction tx, long userId, AuthorFacts author, string key,
        string? siteHost, IReadOnlyList<string> coAuthorKeys, CancellationToken ct)
    {
        if (author.ProfileUrl is { } profile)
        {
            var byProfile = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MIN(id) FROM people WHERE user_id = @userId AND profile_url = @profile", new { userId, profile }, tx, cancellationToken: ct));
            if (byProfile is not null) return byProfile;
        }
        // Same name: is there evidence it is the same person? A shared site (host of a work they wrote) or a shared co-author.
        return await db.ExecuteScalarAsync<long?>(new CommandDefinition("""
            SELECT MIN(p.id) FROM people p
            WHERE p.user_id = @userId AND p.name_key = @key
              AND (@profile IS NULL OR p.profile_url IS NULL OR p.profile_url = @profile)
              AND EXISTS (
                SELECT 1 FROM authorships a JOIN works w ON w.id = a.work_id
                WHERE a.person_id = p.id AND (
                  (@site IS NOT NULL AND w.url LIKE @sitePattern)
                  OR EXISTS (SELECT 1 FROM authorships a2 JOIN people p2 ON p2.id = a2.person_id
                             WHERE a2.work_id = w.id AND a2.person_id <> p.id AND p2.name_key IN @coAuthorKeys)))
            """, new
        {
            userId, key, profile = author.ProfileUrl, site = siteHost, sitePattern = siteHost is null ? null : $"%://{siteHost}/%",
            coAuthorKeys = coAuthorKeys.Count == 0 ? [""] : coAuthorKeys,
        }, tx, cancellationToken: ct));
    }

    static async Task<Dictionary<(string Scheme, string Value), long>> FindIdentitiesAsync(
        DbConnection db, DbTransaction tx, long userId, List<(string Scheme, string Value)> identities, CancellationToken ct)
    {
        var found = new Dictionary<(string, string), long>();
        // Chunks keep each statement well under every database's parameter limit.
        foreach (var chunk in identities.Chunk(200))
        {
            var parameters = new DynamicParameters(new { userId });
            var rows = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                rows.Add($"(@s{i}, @v{i})");
                parameters.Add($"s{i}", chunk[i].Scheme);
                parameters.Add($"v{i}", chunk[i].Value);
            }
            // Driven from the wanted keys, one primary-key probe each. The same lookup written as
            // "user_id = @u AND ((scheme = … AND value = …) OR …)" made SQLite walk all of the user's identities,
            // so every capture cost time in proportion to the library (ingest fell from 50 to 12 captures/s by 10k).
            var sql = $"""
                SELECT w.scheme, w.value, w.work_id
                FROM (VALUES {string.Join(", ", rows)}) AS wanted
                CROSS JOIN work_identities w ON w.user_id = @userId AND w.scheme = wanted.column1 AND w.value = wanted.column2
                """;
            foreach (var (scheme, value, workId) in await db.QueryAsync<(string, string, long)>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct)))
                found[(scheme, value)] = workId;
        }
        return found;
    }

    /// <summary>Fills what the work lacks; a captured page's own facts and a stronger kind win. Parameters: work id, then the facts.</summary>
    const string FillInSql = """
        UPDATE works SET
          title = COALESCE(title, @p1), year = COALESCE(year, @p2), url = COALESCE(url, @p3),
          doi = COALESCE(doi, @p4), arxiv_id = COALESCE(arxiv_id, @p5), isbn = COALESCE(isbn, @p6), pmid = COALESCE(pmid, @p7),
          authors_json = CASE WHEN authors_json = '[]' THEN @p8 ELSE authors_json END,
          cited_by_count = COALESCE(@p9, cited_by_count),
          kind = CASE WHEN kind = 'webpage' AND @p10 <> 'webpage' THEN @p10 ELSE kind END
        WHERE id = @p0
        """;

    /// <summary>Two works turned out to be one (a URL and a DOI met): move everything onto <paramref name="keep"/>.</summary>
    static async Task MergeWorksAsync(DbConnection db, DbTransaction tx, long keep, long drop, CancellationToken ct)
    {
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE citations SET citing_work_id = @keep WHERE citing_work_id = @drop;
            UPDATE citations SET cited_work_id = @keep WHERE cited_work_id = @drop;
            DELETE FROM citations WHERE citing_work_id = @keep AND cited_work_id = @keep;
            INSERT INTO authorships (work_id, person_id, position)
              SELECT @keep, person_id, position FROM authorships WHERE work_id = @drop
              ON CONFLICT (work_id, person_id) DO NOTHING;
            UPDATE work_identities SET work_id = @keep WHERE work_id = @drop;
            UPDATE captures SET work_id = @keep WHERE work_id = @drop;
            UPDATE works SET
              document_id = COALESCE(document_id, (SELECT document_id FROM works WHERE id = @drop)),
              title = COALESCE(title, (SELECT title FROM works WHERE id = @drop)),
              year = COALESCE(year, (SELECT year FROM works WHERE id = @drop)),
              cited_by_count = COALESCE(cited_by_count, (SELECT cited_by_count FROM works WHERE id = @drop))
            WHERE id = @keep;
            DELETE FROM works WHERE id = @drop;
            """, new { keep, drop }, tx, cancellationToken: ct));
    }

    static string? Clip(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}

public sealed record AuthorFacts(string Name, string? ProfileUrl, string Kind);
