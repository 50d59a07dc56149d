using System.Text.Json;
using Dapper;
using Hqt.Api.Graph;
using Hqt.Api.Storage;

namespace Hqt.Api.Works;

/// <summary>Reads one work of one user with its identities, edges and lookup job.</summary>
public sealed class WorkStore(Db db)
{
    // Row classes, not positional records: Dapper matches a record's constructor on column types, and SQLite
    // reports a NULL value's type as whatever it likes.
    sealed class LinkRow
    {
        public long Id { get; init; }
        public string? Title { get; init; }
        public long? Year { get; init; }
        public string? Url { get; init; }
        public string Origin { get; init; } = "";
        public long? CaptureId { get; init; }
    }

    sealed class LookupRow
    {
        public string State { get; init; } = "";
        public string? Outcome { get; init; }
        public long Attempts { get; init; }
        public long Depth { get; init; }
        public string UpdatedAt { get; init; } = "";
        public string? NotBefore { get; init; }
        public string? LastError { get; init; }
    }

    sealed class IdentityRow
    {
        public string Scheme { get; init; } = "";
        public string Value { get; init; } = "";
    }

    public async Task<WorkResponse?> FindAsync(long userId, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var work = await connection.QuerySingleOrDefaultAsync<WorkRow>(new CommandDefinition(
            $"SELECT {WorkRow.Columns} FROM works WHERE user_id = @userId AND id = @id", new { userId, id }, cancellationToken: ct));
        if (work is null) return null;

        var identities = await connection.QueryAsync<IdentityRow>(new CommandDefinition(
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
            identities.Select(i => new WorkIdentity(i.Scheme, i.Value)).ToList(), references.Select(ToLink).ToList(), citers.Select(ToLink).ToList(),
            lookup is null ? null : new WorkLookup(lookup.State, lookup.Outcome, (int)lookup.Attempts, (int)lookup.Depth, lookup.UpdatedAt, lookup.NotBefore, lookup.LastError));
    }

    static WorkLink ToLink(LinkRow row) => new(WorkIds.Format(row.Id), row.Title, (int?)row.Year, row.Url, row.Origin, row.CaptureId);
}
