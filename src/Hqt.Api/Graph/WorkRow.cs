namespace Hqt.Api.Graph;

/// <summary>
/// A <c>works</c> row as Dapper reads it. A row class, not a positional record: Dapper matches a record's
/// constructor on column types, and SQLite reports a NULL value's type as whatever it likes. Not sealed: a read that
/// needs a column more (<see cref="GraphStore.ExportRow"/>) extends it and selects <see cref="Columns"/> plus its own.
/// </summary>
public class WorkRow
{
    /// <summary>The columns to select into this class: <c>SELECT {Columns} FROM works …</c>.</summary>
    public const string Columns = """
        id, kind, title, year, url, doi, arxiv_id AS ArxivId, isbn, pmid, authors_json AS AuthorsJson,
        cited_by_count AS CitedByCount, document_id AS DocumentId, container, volume, issue, pages, publisher
        """;

    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string? Title { get; init; }
    public long? Year { get; init; }
    public string? Url { get; init; }
    public string? Doi { get; init; }
    public string? ArxivId { get; init; }
    public string? Isbn { get; init; }
    public string? Pmid { get; init; }
    public string AuthorsJson { get; init; } = "[]";
    public long? CitedByCount { get; init; }
    public long? DocumentId { get; init; }
    public string? Container { get; init; }
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Pages { get; init; }
    public string? Publisher { get; init; }

    /// <summary>The row as the views name works (<see cref="Suggestions.SuggestionService.Display"/> takes this form).</summary>
    public WorkInfo ToInfo() => new(Id, Kind, Title, (int?)Year, Url, Doi, ArxivId, Isbn,
        System.Text.Json.JsonSerializer.Deserialize<List<string>>(AuthorsJson) ?? [], (int?)CitedByCount, DocumentId is not null, Container, Volume, Pages);
}
