using System.Text.Json;
using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Works;

/// <summary>Reads one work of one user with its identities, edges and lookup job.</summary>
public sealed class WorkStore(Db db)
{
    sealed record WorkRow(long Id, string Kind, string? Title, long? Year, string? Url, string? Doi, string? ArxivId, string? Isbn,
        string? Pmid, string AuthorsJson, long? CitedByCount, long? DocumentId);

    sealed record LinkRow(long Id, string? Title, long? Year, string? Url, string Origin, long? CaptureId);

    sealed record LookupRow(string State, string? Outcome, long Attempts, long Depth, string UpdatedAt, string? NotBefore, string? LastError);

    public async Task<WorkResponse?> FindAsync(long userId, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var work = await connection.QuerySingleOrDefaultAsync<WorkRow>(new CommandDefinition("""
            SELECT id, kind, title, year, url, doi, arxiv_id AS ArxivId, isbn, pmid, authors_json AS AuthorsJson,
                   cited_by_count AS CitedByCount, document_id AS DocumentId
            FROM works WHERE user_id = @userId AND id = @id
            """, new { userId, id }, cancellationToken: ct));
        if (work is null) return null;

        var identities = await connection.QueryAsync<WorkIdentity>(new CommandDefinition(
            "SELECT scheme, value FROM work_identities WHERE work_id = @id ORDER BY scheme, value", new { id }, cancellationToken: ct));
        var references = await connection.QueryAsync<LinkRow>(new CommandDefinition("""
            SELECT w.id, w.title, w.year, w.url, c.origin, c.origin_capture_id AS CaptureId
            FROM citations c JOIN works w ON w.id = c.cited_work_id WHERE c.citing_work_id = @id ORDER BY c.id
            """, new { id }, cancellationToken: ct));
        var citers = await connection.QueryAsync<LinkRow>(new CommandDefinition("""
            SELECT w.id, w.title, w.year, w.url, c.origin, c.origin_capture_id AS CaptureId
            FROM citations c JOIN works w ON w.id = c.citing_work_id WHERE c.cited_work_id = @id ORDER BY c.id
            """, new { id }, cancellationToken: ct));
        var lookup = await connection.QuerySingleOrDefaultAsync<LookupRow>(new CommandDefinition("""
            SELECT state, outcome, attempts, depth, updated_at AS UpdatedAt,
                   CASE WHEN state = 'queued' THEN not_before END AS NotBefore, last_error AS LastError
            FROM lookup_jobs WHERE work_id = @id
            """, new { id }, cancellationToken: ct));

        return new WorkResponse(
            WorkIds.Format(work.Id), work.Kind, work.Title, (int?)work.Year, work.Url, work.Doi, work.ArxivId, work.Isbn, work.Pmid,
            JsonSerializer.Deserialize<List<string>>(work.AuthorsJson) ?? [], (int?)work.CitedByCount, work.DocumentId is not null,
            identities.AsList(), references.Select(ToLink).ToList(), citers.Select(ToLink).ToList(),
            lookup is null ? null : new WorkLookup(lookup.State, lookup.Outcome, (int)lookup.Attempts, (int)lookup.Depth, lookup.UpdatedAt, lookup.NotBefore, lookup.LastError));
    }

    static WorkLink ToLink(LinkRow row) => new(WorkIds.Format(row.Id), row.Title, (int?)row.Year, row.Url, row.Origin, row.CaptureId);
}
