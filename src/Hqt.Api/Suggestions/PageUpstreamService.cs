using Dapper;
using Hqt.Api.Graph;
using Hqt.Api.Storage;
using Hqt.Extraction;
using Hqt.Extraction.Identity;
using Hqt.Upstream;

namespace Hqt.Api.Suggestions;

/// <summary>What one page stands on, ranked by the reader's graph: for a captured page or one posted as is.</summary>
public sealed class PageUpstreamService(Db db, SuggestionService suggestions)
{
    const int PageId = -1;
    const int InspirationLimit = 10;

    /// <summary>The reader's latest capture of this page, or null when they have not captured it.</summary>
    public async Task<PageUpstream?> ForCapturedAsync(long userId, string url, CancellationToken ct)
    {
        var canonical = UrlCanonicalizer.Canonicalize(url) ?? url;
        await using var connection = await db.OpenAsync(ct);
        var capture = await connection.QuerySingleOrDefaultAsync<(long Id, long? WorkId, string ExtractJson)?>(new CommandDefinition("""
            SELECT c.id, c.work_id, c.extract_json FROM captures c JOIN documents d ON d.id = c.document_id
            WHERE c.user_id = @userId AND (d.canonical_url = @canonical OR c.url = @url)
            ORDER BY c.id DESC LIMIT 1
            """, new { userId, canonical, url }, cancellationToken: ct));
        if (capture is not { WorkId: { } workId } found) return null;

        var extract = System.Text.Json.JsonSerializer.Deserialize<PageExtract>(found.ExtractJson, Captures.CaptureJson.Options)!;
        return await RankAsync(userId, url, found.Id, extract, graph =>
            graph.Works.TryGetValue(workId, out var work) ? (graph.ToNode(work), []) : (EmptyPage(extract), []), ct);
    }

    /// <summary>A page not captured yet: its extracted references are matched to known works where they can be.</summary>
    public Task<PageUpstream> ForPageAsync(long userId, string url, PageExtract extract, CancellationToken ct) =>
        RankAsync(userId, url, null, extract, graph =>
        {
            var fresh = new List<WorkInfo>();
            var cited = new List<string>();
            foreach (var reference in extract.References)
            {
                if (graph.FindWork(reference.Url, reference.Doi, reference.ArxivId, reference.Isbn) is { } known)
                {
                    cited.Add(known.ToString());
                    continue;
                }
                var id = -2 - fresh.Count;
                fresh.Add(new WorkInfo(id, reference.Kind, reference.Title, reference.Year, reference.Url, reference.Doi,
                    reference.ArxivId, reference.Isbn, reference.Authors, null, false));
                cited.Add(id.ToString());
            }
            var page = new WorkNode(PageId.ToString(), extract.Title, null, extract.Authors.Select(a => a.Name).ToList(), cited.Distinct().ToList());
            return (page, fresh);
        }, ct);

    async Task<PageUpstream> RankAsync(long userId, string url, long? captureId, PageExtract extract,
        Func<LoadedGraph, (WorkNode Page, List<WorkInfo> Fresh)> buildPage, CancellationToken ct)
    {
        // The library's ranking scores what the page cites; a ranking of the page alone says who inspired its authors.
        var (graph, library) = await suggestions.RankAsync(userId, null, 1000, 0, ct);
        var (page, fresh) = buildPage(graph);
        var freshById = fresh.ToDictionary(w => w.Id.ToString());
        WorkInfo? Extra(string id) => freshById.GetValueOrDefault(id);

        var ranked = library.Works.ToDictionary(w => w.Id);
        var references = (page.References ?? [])
            .Select(id => ranked.TryGetValue(id, out var r)
                ? SuggestionService.ToSuggestion(graph, r)
                : SuggestionService.ToSuggestion(graph, new RankedWork(id, 0, Unranked(graph, id), [], [], false), Extra))
            .OrderByDescending(s => s.Score)
            .ToList();

        var pageOnly = new ReaderGraph([page], graph.Reader.Captures.Concat(graph.Reader.Works).Concat(fresh.Select(graph.ToNode)).ToList());
        var (_, upstream) = await suggestions.RankAsync(userId, _ => pageOnly, InspirationLimit, 0, ct);
        var inspirations = upstream.People.Take(InspirationLimit).Select(p => SuggestionService.ToSuggestion(graph, p, Extra)).ToList();

        return new PageUpstream(url, captureId, extract.Title,
            extract.Authors.Select(a => new PageAuthor(a.Name, a.Url, a.Kind)).ToList(), references, inspirations);
    }

    static string Unranked(LoadedGraph graph, string id) =>
        long.TryParse(id, out var n) && graph.Works.TryGetValue(n, out var work) && work.IsCaptured
            ? "cited by this page; you have read it"
            : "cited by this page";

    static WorkNode EmptyPage(PageExtract extract) => new(PageId.ToString(), extract.Title, null, [], []);
}
