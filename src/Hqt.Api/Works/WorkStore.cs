using System.Text.Json;
using Dapper;
using Hqt.Api.Graph;
using Hqt.Api.Storage;
using Hqt.Api.Suggestions;

namespace Hqt.Api.Works;

/// <summary>Reads one work of one user with its identities and edges (from the graph store) and its lookup job.</summary>
public sealed class WorkStore(Db db, GraphStore graph)
{
    // A row class, not a positional record: Dapper matches a record's constructor on column types, and SQLite
    // reports a NULL value's type as whatever it likes.
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

    public async Task<WorkResponse?> FindAsync(long userId, long id, CancellationToken ct)
    {
        if (await graph.FindWorkAsync(userId, id, ct) is not { } detail) return null;
        var work = detail.Work;

        await using var connection = await db.OpenAsync(ct);
        var lookup = await connection.QuerySingleOrDefaultAsync<LookupRow>(new CommandDefinition("""
            SELECT state, outcome, attempts, depth, updated_at AS UpdatedAt,
                   CASE WHEN state = 'queued' THEN not_before END AS NotBefore, last_error AS LastError
            FROM lookup_jobs WHERE work_id = @id
            """, new { id }, cancellationToken: ct));

        return new WorkResponse(
            WorkIds.Format(work.Id), work.Kind, work.Title, (int?)work.Year, work.Url, work.Doi, work.ArxivId, work.Isbn, work.Pmid,
            JsonSerializer.Deserialize<List<string>>(work.AuthorsJson) ?? [], (int?)work.CitedByCount, work.DocumentId is not null,
            detail.Identities.Select(i => new WorkIdentity(i.Scheme, i.Value)).ToList(), detail.References.Select(ToLink).ToList(),
            detail.CitedBy.Select(ToLink).ToList(),
            lookup is null ? null : new WorkLookup(lookup.State, lookup.Outcome, (int)lookup.Attempts, (int)lookup.Depth, lookup.UpdatedAt, lookup.NotBefore, lookup.LastError),
            work.Container, work.Volume, work.Issue, work.Pages, work.Publisher, SuggestionService.Display(work.ToInfo()));
    }

    static WorkLink ToLink(GraphStore.LinkRow row) =>
        new(WorkIds.Format(row.Id), row.Title, (int?)row.Year, row.Url, row.Origin, row.CaptureId, SuggestionService.Display(row.ToInfo()));
}
