using System.Data.Common;
using Dapper;
using Hqt.Api.Storage;
using Hqt.Upstream;

namespace Hqt.Api.Graph;

// Authors: people and their authorships.
public sealed partial class GraphStore
{
    /// <summary>
    /// Links a work to its authors. A name joins an existing person only on strong evidence: the same profile
    /// URL, or the same normalised name together with a shared site or a shared co-author. A common name
    /// alone makes a new person.
    /// </summary>
    public async Task LinkAuthorsAsync(DbConnection connection, DbTransaction tx, long userId, long workId,
        IReadOnlyList<AuthorFacts> authors, string? siteHost, CancellationToken ct)
    {
        var keys = authors.Select(a => PersonNames.Normalize(a.Name)).ToList();
        for (var position = 0; position < authors.Count; position++)
        {
            var author = authors[position];
            if (keys[position].Length == 0) continue;
            var coAuthorKeys = keys.Where((k, i) => i != position && k.Length > 0).ToList();
            var personId = await FindPersonAsync(connection, tx, userId, author, keys[position], siteHost, coAuthorKeys, ct)
                ?? await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                    INSERT INTO people (user_id, name, name_key, profile_url, kind, created_at)
                    VALUES (@userId, @Name, @key, @ProfileUrl, @Kind, @now) RETURNING id
                    """, new { userId, author.Name, key = keys[position], author.ProfileUrl, author.Kind, now = Now() }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO authorships (work_id, person_id, position) VALUES (@workId, @personId, @position)
                ON CONFLICT (work_id, person_id) DO NOTHING
                """, new { workId, personId, position }, tx, cancellationToken: ct));
        }
    }

    static async Task<long?> FindPersonAsync(DbConnection connection, DbTransaction tx, long userId, AuthorFacts author, string key,
        string? siteHost, IReadOnlyList<string> coAuthorKeys, CancellationToken ct)
    {
        if (author.ProfileUrl is { } profile)
        {
            var byProfile = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MIN(id) FROM people WHERE user_id = @userId AND profile_url = @profile", new { userId, profile }, tx, cancellationToken: ct));
            if (byProfile is not null) return byProfile;
        }
        // Same name: is there evidence it is the same person? A shared site (host of a work they wrote) or a shared co-author.
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition($"""
            SELECT MIN(p.id) FROM people p
            WHERE p.user_id = @userId AND p.name_key = @key
              AND (@profile IS NULL OR p.profile_url IS NULL OR p.profile_url = @profile)
              AND EXISTS (
                SELECT 1 FROM authorships a JOIN works w ON w.id = a.work_id
                WHERE a.person_id = p.id AND (
                  (@site IS NOT NULL AND w.url LIKE @sitePattern)
                  OR EXISTS (SELECT 1 FROM authorships a2 JOIN people p2 ON p2.id = a2.person_id
                             WHERE a2.work_id = w.id AND a2.person_id <> p.id AND p2.name_key {connection.In("coAuthorKeys")})))
            """, new
        {
            userId, key, profile = author.ProfileUrl, site = siteHost, sitePattern = siteHost is null ? null : $"%://{siteHost}/%",
            coAuthorKeys = coAuthorKeys.Count == 0 ? [""] : coAuthorKeys,
        }, tx, cancellationToken: ct));
    }

    /// <summary>A writer the reader read (a <c>people</c> row of theirs) and the ids of the works they wrote; null when not theirs.</summary>
    public async Task<(string Name, string? ProfileUrl, List<long> WorkIds)?> FindPersonAsync(long userId, long personId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var person = await connection.QuerySingleOrDefaultAsync<(string Name, string? ProfileUrl)?>(new CommandDefinition(
            "SELECT name, profile_url FROM people WHERE user_id = @userId AND id = @personId", new { userId, personId }, cancellationToken: ct));
        if (person is null) return null;
        var workIds = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT work_id FROM authorships WHERE person_id = @personId", new { personId }, cancellationToken: ct))).AsList();
        return (person.Value.Name, person.Value.ProfileUrl, workIds);
    }
}
