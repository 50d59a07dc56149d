namespace Hqt.Api.Imports;

sealed class ImportRow
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public string Format { get; init; } = "";
    public string? FileName { get; init; }
    public string State { get; init; } = "";
    public int Total { get; init; }
    public int Cursor { get; init; }
    public int Added { get; init; }
    public int Merged { get; init; }
    public int Skipped { get; init; }
    public int FetchTotal { get; init; }
    public int Fetched { get; init; }
    public int Captured { get; init; }
    public int FetchFailed { get; init; }
    public string? Error { get; init; }
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";

    public const string Columns = """
        i.id, i.user_id AS UserId, i.format, i.file_name AS FileName, i.state, i.total, i.cursor, i.added, i.merged, i.skipped,
        i.fetch_total AS FetchTotal, i.fetched, i.error, i.created_at AS CreatedAt, i.updated_at AS UpdatedAt,
        (SELECT COUNT(*) FROM import_items x WHERE x.import_id = i.id AND x.fetch_state = 'captured') AS Captured,
        (SELECT COUNT(*) FROM import_items x WHERE x.import_id = i.id AND x.fetch_state = 'failed') AS FetchFailed
        """;

    public ImportJobResponse ToResponse(IReadOnlyList<ImportItemResponse>? items = null) => new(
        Id, Format, FileName, State, Total, Cursor, Added, Merged, Skipped, FetchTotal, Fetched, Captured, FetchFailed, Error,
        DateTimeOffset.Parse(CreatedAt), DateTimeOffset.Parse(UpdatedAt), items);
}

sealed class ImportItemRow
{
    public int Position { get; init; }
    public string? Label { get; init; }
    public string Outcome { get; init; } = "";
    public string? Reason { get; init; }
    public long? WorkId { get; init; }
    public string? Url { get; init; }
    public string? FetchState { get; init; }
    public string? FetchDetail { get; init; }

    public ImportItemResponse ToResponse() =>
        new(Position, Label, Outcome, Reason, WorkId is { } id ? Suggestions.SuggestionIds.Work(id) : null, Url, FetchState, FetchDetail);
}
