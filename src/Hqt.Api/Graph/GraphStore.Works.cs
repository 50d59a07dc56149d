using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Graph;

// Facts → works: found by any identity (merging works that turn out to be one), filled in, or created.
public sealed partial class GraphStore
{
    /// <summary>The one work these facts describe: found by any identity (merging works that turn out to be one), else created.</summary>
    public async Task<long> ResolveWorkAsync(DbConnection connection, DbTransaction tx, long userId, WorkFacts facts, CancellationToken ct) =>
        (await ResolveWorksAsync(connection, tx, userId, [facts], ct))[0];

    /// <summary>
    /// <see cref="ResolveWorkAsync"/> for many works at once (a page's references): one identity query for the
    /// whole batch instead of one per work, and works met twice in the batch resolve to one.
    /// </summary>
    public async Task<IReadOnlyList<long>> ResolveWorksAsync(DbConnection connection, DbTransaction tx, long userId, IReadOnlyList<WorkFacts> batch, CancellationToken ct) =>
        (await ResolveWorksNotingNewAsync(connection, tx, userId, batch, ct)).Ids;

    /// <summary>
    /// <see cref="ResolveWorksAsync"/>, also saying which of the works this call created (an insert, not a match; a work
    /// created here and then merged into an older one is not among them): an import's "added" against "merged".
    /// </summary>
    public async Task<(IReadOnlyList<long> Ids, IReadOnlySet<long> Created)> ResolveWorksNotingNewAsync(
        DbConnection connection, DbTransaction tx, long userId, IReadOnlyList<WorkFacts> batch, CancellationToken ct)
    {
        var created = new HashSet<long>();
        await LockUserGraphAsync(connection, tx, userId, ct);
        var identities = batch.Select(f => f.Identities().ToList()).ToList();
        var known = await FindIdentitiesAsync(connection, tx, userId, identities.SelectMany(i => i).Distinct().ToList(), ct);
        var ids = new long[batch.Count];
        var now = Now();
        // Rows nobody reads back (fill-ins, identities, and on PostgreSQL the new works) go in one batch: one round trip
        // for the page's references instead of one or two a reference, all inside the reader's graph lock.
        using var writes = new StatementBatch(connection, tx);
        // PostgreSQL: the new works' ids are taken from the sequence up front, as many as works could be new (a fact none
        // of whose identities is known yet; unused ids are gaps, as after any rollback), so their inserts need no
        // RETURNING round trip each. SQLite inserts in process and reads each id back.
        // A known identity finds its work, except a locator for facts with a title (WorkFacts.MatchesByLocator).
        bool Finds(int i, (string Scheme, string Value) key) => known.ContainsKey(key) && (key.Scheme != WorkFacts.LocatorScheme || batch[i].MatchesByLocator);
        var reserved = writes.Defers ? new Queue<long>(await ReserveWorkIdsAsync(connection, tx, identities.Where((keys, i) => !keys.Any(k => Finds(i, k))).Count(), ct)) : null;
        using var insertWork = new RepeatedCommand(connection, tx, """
            INSERT INTO works (user_id, kind, title, year, url, doi, arxiv_id, isbn, pmid, authors_json, cited_by_count, created_at,
                               container, volume, issue, pages, publisher)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16)
            RETURNING id
            """, 17);
        using var insertWorkWithId = new RepeatedCommand(connection, tx, """
            INSERT INTO works (user_id, kind, title, year, url, doi, arxiv_id, isbn, pmid, authors_json, cited_by_count, created_at,
                               container, volume, issue, pages, publisher, id)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17)
            """, 18, writes);
        using var fillIn = new RepeatedCommand(connection, tx, FillInSql, 16, writes);
        using var insertIdentity = new RepeatedCommand(connection, tx, """
            INSERT INTO work_identities (user_id, scheme, value, work_id) VALUES (@p0, @p1, @p2, @p3)
            ON CONFLICT (user_id, scheme, value) DO NOTHING
            """, 4, writes);
        for (var i = 0; i < batch.Count; i++)
        {
            var facts = batch[i];
            var authors = JsonSerializer.Serialize(facts.Authors);
            var found = identities[i].Where(k => Finds(i, k)).Select(k => known[k]).Distinct().ToList();
            long workId;
            if (found.Count == 0)
            {
                if (reserved is not null)
                {
                    workId = reserved.Dequeue();
                    insertWorkWithId.Add(userId, facts.Kind, facts.Title, facts.Year, facts.Url, facts.Doi, facts.ArxivId, facts.Isbn, facts.Pmid,
                        authors, facts.CitedByCount, now, facts.Container, facts.Volume, facts.Issue, facts.Pages, facts.Publisher, workId);
                }
                else
                {
                    workId = insertWork.Scalar(userId, facts.Kind, facts.Title, facts.Year, facts.Url, facts.Doi, facts.ArxivId, facts.Isbn, facts.Pmid,
                        authors, facts.CitedByCount, now, facts.Container, facts.Volume, facts.Issue, facts.Pages, facts.Publisher)!.Value;
                }
                created.Add(workId);
            }
            else
            {
                workId = found.Min();
                foreach (var other in found.Where(id => id != workId))
                {
                    await writes.FlushAsync(ct);   // a merge moves rows: the works and identities queued so far must be there
                    await MergeWorksAsync(connection, tx, workId, other, ct);
                    created.Remove(other);
                    foreach (var key in known.Where(k => k.Value == other).Select(k => k.Key).ToList()) known[key] = workId;
                    for (var j = 0; j < i; j++) if (ids[j] == other) ids[j] = workId;
                }
                fillIn.Add(workId, facts.Title, facts.Year, facts.Url, facts.Doi, facts.ArxivId, facts.Isbn, facts.Pmid, authors, facts.CitedByCount, facts.Kind,
                    facts.Container, facts.Volume, facts.Issue, facts.Pages, facts.Publisher);
            }
            foreach (var identity in identities[i].Where(k => !known.ContainsKey(k)))
            {
                insertIdentity.Add(userId, identity.Scheme, identity.Value, workId);
                known[identity] = workId;
            }
            ids[i] = workId;
        }
        await writes.FlushAsync(ct);
        return (ids, created);
    }

    /// <summary>PostgreSQL: <paramref name="count"/> fresh ids of <c>works</c>, in one round trip.</summary>
    static async Task<IReadOnlyList<long>> ReserveWorkIdsAsync(DbConnection connection, DbTransaction tx, int count, CancellationToken ct) =>
        count == 0 ? [] : (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT nextval(pg_get_serial_sequence('works', 'id')) FROM generate_series(1, @count)", new { count }, tx, cancellationToken: ct))).AsList();

    /// <summary>Keeps an extra identity of a work (a lookup source's own id for it).</summary>
    static Task AddIdentityAsync(DbConnection connection, DbTransaction tx, long userId, string scheme, string value, long workId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO work_identities (user_id, scheme, value, work_id) VALUES (@userId, @scheme, @value, @workId)
            ON CONFLICT (user_id, scheme, value) DO NOTHING
            """, new { userId, scheme, value, workId }, tx, cancellationToken: ct));

    static Task<bool> WorkExistsAsync(DbConnection connection, DbTransaction tx, long workId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM works WHERE id = @workId)", new { workId }, tx, cancellationToken: ct));

    static async Task<Dictionary<(string Scheme, string Value), long>> FindIdentitiesAsync(
        DbConnection connection, DbTransaction tx, long userId, List<(string Scheme, string Value)> identities, CancellationToken ct)
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
            // SQLite's CROSS JOIN fixes the join order (the wanted keys drive); PostgreSQL plans the same probes from a
            // plain join and has no CROSS JOIN … ON.
            var sql = $"""
                SELECT w.scheme, w.value, w.work_id
                FROM (VALUES {string.Join(", ", rows)}) AS wanted
                {connection.Pick(sqlite: "CROSS JOIN", postgres: "JOIN")} work_identities w ON w.user_id = @userId AND w.scheme = wanted.column1 AND w.value = wanted.column2
                """;
            foreach (var (scheme, value, workId) in await connection.QueryAsync<(string, string, long)>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct)))
                found[(scheme, value)] = workId;
        }
        return found;
    }

    /// <summary>
    /// Fills what the work lacks; a captured page's own facts and a stronger kind win. Parameters: work id, then the facts.
    /// Where it appeared (container, volume, issue, pages, publisher) is only filled, never overwritten: the first
    /// citer's reading stays until a lookup's record (<see cref="WriteLookupAsync"/>) says better.
    /// </summary>
    const string FillInSql = """
        UPDATE works SET
          title = COALESCE(title, @p1), year = COALESCE(year, @p2), url = COALESCE(url, @p3),
          doi = COALESCE(doi, @p4), arxiv_id = COALESCE(arxiv_id, @p5), isbn = COALESCE(isbn, @p6), pmid = COALESCE(pmid, @p7),
          authors_json = CASE WHEN authors_json = '[]' THEN @p8 ELSE authors_json END,
          cited_by_count = COALESCE(@p9, cited_by_count),
          kind = CASE WHEN kind = 'webpage' AND @p10 <> 'webpage' THEN @p10 ELSE kind END,
          container = COALESCE(container, @p11), volume = COALESCE(volume, @p12), issue = COALESCE(issue, @p13),
          pages = COALESCE(pages, @p14), publisher = COALESCE(publisher, @p15)
        WHERE id = @p0
        """;
}
