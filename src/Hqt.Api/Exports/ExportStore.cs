using Hqt.Api.Graph;
using Hqt.Extraction.Identity;

namespace Hqt.Api.Exports;

/// <summary>Reads what exports need of the suggested works beyond what the ranked graph holds (PubMed ids,
/// where each appeared, when the reader captured it).</summary>
public sealed class ExportStore(GraphStore graph)
{
    /// <summary>The facts of one work row, with where it appeared (container, volume, issue, pages, publisher) when the graph knows it.</summary>
    public sealed record Facts(
        string Kind, string? Title, int? Year, string? Url, string? Doi, string? ArxivId, string? Isbn, string? Pmid,
        string? Container, string? Volume, string? Issue, string? Pages, string? Publisher, DateOnly? Accessed);

    public async Task<IReadOnlyDictionary<long, Facts>> ReadAsync(long userId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<long, Facts>();
        // The newest capture's time is the day the reader accessed the page (biblatex urldate, CSL accessed).
        var rows = await graph.ReadForExportAsync(userId, ids, ct);
        return rows.ToDictionary(r => r.Id, r => new Facts(
            r.Kind, r.Title, (int?)r.Year, r.Url, Doi.Normalize(r.Doi) ?? Doi.FromUrl(r.Url), ArxivId.Normalize(r.ArxivId) ?? r.ArxivId, r.Isbn,
            r.Pmid, r.Container, r.Volume, r.Issue, r.Pages, r.Publisher,
            DateTimeOffset.TryParse(r.CapturedAt, out var at) ? DateOnly.FromDateTime(at.UtcDateTime) : null));
    }
}
