using Hqt.Api.Graph;
using Hqt.Extraction.Identity;

namespace Hqt.Api.Exports;

/// <summary>Reads what exports need of the suggested works beyond what the ranked graph holds (PubMed ids,
/// where each appeared, when the reader captured it).</summary>
public sealed class ExportStore(GraphStore graph)
{
    /// <summary>The facts of one work row; where it appeared (container, volume, issue, pages) once the graph stores it.</summary>
    public sealed record Facts(
        string Kind, string? Title, int? Year, string? Url, string? Doi, string? ArxivId, string? Isbn, string? Pmid,
        string? Container, string? Volume, string? Issue, string? Pages, DateOnly? Accessed);

    public async Task<IReadOnlyDictionary<long, Facts>> ReadAsync(long userId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<long, Facts>();
        // The newest capture's time is the day the reader accessed the page (biblatex urldate, CSL accessed).
        var rows = await graph.ReadForExportAsync(userId, ids, ct);
        return rows.ToDictionary(r => r.Id, r => new Facts(
            r.Kind, r.Title, (int?)r.Year, r.Url, Doi.Normalize(r.Doi) ?? Doi.FromUrl(r.Url), ArxivId.Normalize(r.ArxivId) ?? r.ArxivId, r.Isbn,
            // The works table keeps no journal, volume, issue or pages yet (the reference parser finds them, the graph
            // does not store them): until a migration adds them, entries carry none.
            r.Pmid, Container: null, Volume: null, Issue: null, Pages: null,
            DateTimeOffset.TryParse(r.CapturedAt, out var at) ? DateOnly.FromDateTime(at.UtcDateTime) : null));
    }
}
