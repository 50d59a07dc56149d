using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Graph;

// Reads outside the loaded graph: one work's detail, export facts, whether a work is the reader's.
public sealed partial class GraphStore
{
    /// <summary>One edge seen from a work: the work at the other end and who said so.</summary>
    /// <remarks>Row classes, not positional records: Dapper matches a record's constructor on column types, and SQLite
    /// reports a NULL value's type as whatever it likes.</remarks>
    public sealed class LinkRow
    {
        public long Id { get; init; }
        public string? Title { get; init; }
        public long? Year { get; init; }
        public string? Url { get; init; }
        public string Origin { get; init; } = "";
        public long? CaptureId { get; init; }
        // What names the work when it has no title (WorkLabels).
        public string AuthorsJson { get; init; } = "[]";
        public string? Container { get; init; }
        public string? Volume { get; init; }
        public string? Pages { get; init; }
        public string? Doi { get; init; }
        public string? ArxivId { get; init; }
        public string? Isbn { get; init; }
        public string Kind { get; init; } = "";

        public WorkInfo ToInfo() => new(Id, Kind, Title, (int?)Year, Url, Doi, ArxivId, Isbn,
            System.Text.Json.JsonSerializer.Deserialize<List<string>>(AuthorsJson) ?? [], null, false, Container, Volume, Pages);
    }

    public sealed class IdentityRow
    {
        public string Scheme { get; init; } = "";
        public string Value { get; init; } = "";
    }

    /// <summary>A work with how it is known, what it cites and what cites it, in the order the edges were written.</summary>
    public sealed record WorkDetail(WorkRow Work, IReadOnlyList<IdentityRow> Identities, IReadOnlyList<LinkRow> References, IReadOnlyList<LinkRow> CitedBy);

    /// <summary>One of the user's works with its identities and edges; null when it is not theirs.</summary>
    public async Task<WorkDetail?> FindWorkAsync(long userId, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var work = await connection.QuerySingleOrDefaultAsync<WorkRow>(new CommandDefinition(
            $"SELECT {WorkRow.Columns} FROM works WHERE user_id = @userId AND id = @id", new { userId, id }, cancellationToken: ct));
        if (work is null) return null;

        var identities = await connection.QueryAsync<IdentityRow>(new CommandDefinition(
            "SELECT scheme, value FROM work_identities WHERE work_id = @id ORDER BY scheme, value", new { id }, cancellationToken: ct));
        var references = await connection.QueryAsync<LinkRow>(new CommandDefinition("""
            SELECT w.id, w.title, w.year, w.url, c.origin, c.origin_capture_id AS CaptureId, w.authors_json AS AuthorsJson,
                   w.container, w.volume, w.pages, w.doi, w.arxiv_id AS ArxivId, w.isbn, w.kind
            FROM citations c JOIN works w ON w.id = c.cited_work_id WHERE c.citing_work_id = @id ORDER BY c.id
            """, new { id }, cancellationToken: ct));
        var citers = await connection.QueryAsync<LinkRow>(new CommandDefinition("""
            SELECT w.id, w.title, w.year, w.url, c.origin, c.origin_capture_id AS CaptureId, w.authors_json AS AuthorsJson,
                   w.container, w.volume, w.pages, w.doi, w.arxiv_id AS ArxivId, w.isbn, w.kind
            FROM citations c JOIN works w ON w.id = c.citing_work_id WHERE c.cited_work_id = @id ORDER BY c.id
            """, new { id }, cancellationToken: ct));
        return new WorkDetail(work, identities.AsList(), references.AsList(), citers.AsList());
    }

    /// <summary>Whether this work id names one of the user's works.</summary>
    public async Task<bool> IsUsersWorkAsync(long userId, long workId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM works WHERE user_id = @userId AND id = @workId", new { userId, workId }, cancellationToken: ct)) > 0;
    }

    /// <summary>A work row as exports read it: the row, with the time of its newest capture (the day the reader accessed the page).</summary>
    public sealed class ExportRow : WorkRow
    {
        public string? CapturedAt { get; init; }
    }

    /// <summary>The user's works among <paramref name="ids"/>, as exports read them.</summary>
    public async Task<IReadOnlyList<ExportRow>> ReadForExportAsync(long userId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ExportRow>(new CommandDefinition($"""
            SELECT {WorkRow.Columns},
                   (SELECT MAX(c.captured_at) FROM captures c WHERE c.work_id = w.id) AS CapturedAt
            FROM works w WHERE w.user_id = @userId AND w.id {connection.In("ids")}
            """, new { userId, ids }, cancellationToken: ct));
        return rows.AsList();
    }
}
