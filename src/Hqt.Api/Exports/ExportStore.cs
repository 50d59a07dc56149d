using Dapper;
using Hqt.Api.Storage;
using Hqt.Extraction.Identity;

namespace Hqt.Api.Exports;

/// <summary>Reads what exports need of the suggested works beyond what the ranked graph holds (PubMed ids,
/// where each appeared, when the reader captured it).</summary>
public sealed class ExportStore(Db db)
{
    /// <summary>The facts of one work row, with the container columns that are present in this database.</summary>
    public sealed record Facts(
        string Kind, string? Title, int? Year, string? Url, string? Doi, string? ArxivId, string? Isbn, string? Pmid,
        string? Container, string? Volume, string? Issue, string? Pages, DateOnly? Accessed);

    sealed class Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string? Title { get; init; }
        public long? Year { get; init; }
        public string? Url { get; init; }
        public string? Doi { get; init; }
        public string? ArxivId { get; init; }
        public string? Isbn { get; init; }
        public string? Pmid { get; init; }
        public string? Container { get; init; }
        public string? Volume { get; init; }
        public string? Issue { get; init; }
        public string? Pages { get; init; }
        public string? CapturedAt { get; init; }
    }

    // Where a work appeared (journal, volume, issue, pages) is added to works by reference parsing in a later
    // migration; these are the column names it may use. Until then the exports read what exists and nothing else.
    static readonly (string Field, string[] Columns)[] Optional =
    [
        ("Container", ["container_title", "container", "journal"]),
        ("Volume", ["volume"]),
        ("Issue", ["issue", "number"]),
        ("Pages", ["pages", "page"]),
    ];

    string? _optionalColumns;

    public async Task<IReadOnlyDictionary<long, Facts>> ReadAsync(long userId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<long, Facts>();
        await using var connection = await db.OpenAsync(ct);
        _optionalColumns ??= await OptionalColumnsAsync(connection, ct);
        // The newest capture's time is the day the reader accessed the page (biblatex urldate, CSL accessed).
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT w.id, w.kind, w.title, w.year, w.url, w.doi, w.arxiv_id AS ArxivId, w.isbn, w.pmid{_optionalColumns},
                   (SELECT MAX(c.captured_at) FROM captures c WHERE c.work_id = w.id) AS CapturedAt
            FROM works w WHERE w.user_id = @userId AND w.id IN @ids
            """, new { userId, ids }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => new Facts(
            r.Kind, r.Title, (int?)r.Year, r.Url, Doi.Normalize(r.Doi) ?? Doi.FromUrl(r.Url), ArxivId.Normalize(r.ArxivId) ?? r.ArxivId, r.Isbn,
            r.Pmid, Blank(r.Container), Blank(r.Volume), Blank(r.Issue), Blank(r.Pages),
            DateTimeOffset.TryParse(r.CapturedAt, out var at) ? DateOnly.FromDateTime(at.UtcDateTime) : null));
    }

    static async Task<string> OptionalColumnsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, CancellationToken ct)
    {
        var present = (await connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM pragma_table_info('works')", cancellationToken: ct)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var select = "";
        foreach (var (field, columns) in Optional)
            if (columns.FirstOrDefault(present.Contains) is { } column) select += $", CAST(w.{column} AS TEXT) AS {field}";
        return select;
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
