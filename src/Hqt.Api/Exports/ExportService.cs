using Hqt.Api.Graph;
using Hqt.Api.Suggestions;

namespace Hqt.Api.Exports;

/// <summary>The reader's suggestions, dressed with every fact the export formats can use and a stable key each.</summary>
public sealed class ExportService(SuggestionService suggestions, ReaderGraphCache graphs, ExportStore store)
{
    /// <param name="limit">Works (and, for formats that list people, works and people together, as suggestions split them).</param>
    public async Task<ExportContent> ReadAsync(long userId, ExportFormat format, int limit, CancellationToken ct)
    {
        var list = await suggestions.ListAsync(userId, format.IncludesPeople ? "all" : "work", limit, 0, ct);
        var ranked = list.Items.Where(i => i.Kind == "work").ToList();
        var ids = ranked.Select(w => SuggestionIds.WorkId(w.Id)).OfType<long>().ToList();
        var facts = await store.ReadAsync(userId, ids, ct);
        var graph = await graphs.GetAsync(userId, ct);
        var works = new List<ExportedWork>(ranked.Count);
        foreach (var item in ranked)
        {
            if (SuggestionIds.WorkId(item.Id) is not { } id) continue;
            var known = facts.GetValueOrDefault(id);
            // A work cited without a title that says where it appeared has none to export: its label (the suggestion's
            // name) is no title, and a bibliography printing "Polchinski 2001 · Int. J. Mod. Phys. A16, 707" as one is wrong.
            var untitled = graph.Works.GetValueOrDefault(id)?.Label is not null;
            var title = !string.IsNullOrWhiteSpace(known?.Title) ? known.Title : untitled ? null : item.Title;
            var year = known?.Year ?? item.Year;
            // A resolver link is the DOI, not a place to read: it becomes the doi field, and the url field is left out.
            var doi = known?.Doi ?? Hqt.Extraction.Identity.Doi.FromUrl(item.Url);
            var url = item.Url is { } link && Hqt.Extraction.Identity.Doi.FromUrl(link) is { } linked && linked == doi && IsResolver(link) ? null : item.Url;
            works.Add(new ExportedWork(
                id, CitationKeys.Key(graph, id, item.Authors, year, title), known?.Kind ?? "paper", title, year, item.Authors, url, doi,
                known?.ArxivId, known?.Isbn, known?.Pmid, known?.Container, known?.Volume, known?.Issue, known?.Pages, known?.Publisher,
                known?.Accessed, item.Reason) { Label = item.Title });
        }
        var people = format.IncludesPeople
            ? list.Items.Where(i => i.Kind == "person").Select(p => new ExportedPerson(p.Title, p.Reason)).ToList()
            : [];
        return new ExportContent(works, people);
    }

    static bool IsResolver(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.EndsWith("doi.org", StringComparison.OrdinalIgnoreCase);
}
