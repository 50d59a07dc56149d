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
            // Read as a capture would write them: the same screen for lookup links, junk titles and junk people.
            var host = Uri.TryCreate(url, UriKind.Absolute, out var citing) ? citing.Host : null;
            foreach (var facts in extract.References.Select(r => WorkFacts.FromReference(r, host)).OfType<WorkFacts>())
            {
                if (graph.FindWork(facts.Url, facts.Doi, facts.ArxivId, facts.Isbn, facts.MatchesByLocator ? facts.LocatorKey : null) is { } known)
                {
                    cited.Add(known.ToString());
                    continue;
                }
                var id = -2 - fresh.Count;
                fresh.Add(new WorkInfo(id, facts.Kind, facts.Title, facts.Year, facts.Url, facts.Doi,
                    facts.ArxivId, facts.Isbn, facts.Authors, null, false, facts.Container, facts.Volume, facts.Pages));
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

        // Who inspired this page's authors is read off this page alone: what it cites, and what those works cite. The rest
        // of the library is no evidence about this page (a physiology paper's sources are not a maths article's).
        var scoped = Scoped(graph, page, fresh);
        var (_, upstream) = await suggestions.RankAsync(userId, _ => scoped, InspirationLimit + extract.Authors.Count, 0, ct);
        var direct = (page.References ?? []).ToHashSet(StringComparer.Ordinal);
        var inspirations = upstream.People
            // A page's own authors citing themselves are not what inspired them.
            .Where(p => !extract.Authors.Any(a => NameForms.SameFamilyAndInitial(a.Name, p.Name)))
            .Take(InspirationLimit)
            .Select(p => SuggestionService.ToSuggestion(graph, p with { Reason = PageReason(graph, p, direct, Extra) }, Extra))
            .ToList();
        var note = inspirations.Count > 0 ? null
            : direct.Count == 0 ? "This page cites nothing hqt could read, so nothing here says who inspired its authors."
            : "None of the works this page cites names its authors, so nothing here says who inspired them.";

        return new PageUpstream(url, captureId, extract.Title,
            extract.Authors.Select(a => new PageAuthor(a.Name, a.Url, a.Kind)).ToList(), references, inspirations, note);
    }

    /// <summary>The page, the works it cites and the works those cite: nothing else of the library.</summary>
    static ReaderGraph Scoped(LoadedGraph graph, WorkNode page, List<WorkInfo> fresh)
    {
        var freshIds = fresh.ToDictionary(w => w.Id.ToString());
        var works = new List<WorkNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { page.Id };
        var secondHop = new List<long>();
        foreach (var id in page.References ?? [])
        {
            if (!seen.Add(id)) continue;
            if (freshIds.TryGetValue(id, out var unknown)) works.Add(graph.ToNode(unknown) with { References = null });
            else if (long.TryParse(id, out var n) && graph.Works.TryGetValue(n, out var work))
            {
                works.Add(graph.ToNode(work));
                secondHop.AddRange(graph.Cites.GetValueOrDefault(n) ?? []);
            }
        }
        // Works two hops away are evidence through the works that cite them, but their own references are not read.
        foreach (var n in secondHop)
            if (seen.Add(n.ToString()) && graph.Works.TryGetValue(n, out var work))
                works.Add(graph.ToNode(work) with { References = null });
        return new ReaderGraph([page], works);
    }

    /// <summary>The reason in this page's terms: the person's works this page cites, and those reached through its references.</summary>
    static string PageReason(LoadedGraph graph, RankedPerson person, HashSet<string> direct, Func<string, WorkInfo?> extra)
    {
        string Title(string id) =>
            (long.TryParse(id, out var n) && graph.Works.TryGetValue(n, out var w) ? w : extra(id)) is { } work
                ? work.Title is { Length: > 0 } t ? $"\u201C{t}\u201D" : work.Label is { } label ? $"\u201C{label}\u201D" : SuggestionService.Display(work) ?? id
                : id;
        var cited = person.WorkIds.Where(direct.Contains).ToList();
        var through = person.WorkIds.Where(id => !direct.Contains(id)).ToList();
        var parts = new List<string>();
        if (cited.Count > 0) parts.Add($"wrote {Named(cited.Select(Title).ToList())}, cited by this page");
        if (through.Count > 0) parts.Add($"{(cited.Count > 0 ? "and" : "wrote")} {Named(through.Select(Title).ToList())}, cited by {(through.Count == 1 ? "a work" : "works")} this page cites");
        return string.Join("; ", parts);
    }

    static string Named(List<string> titles) =>
        titles.Count <= 2 ? string.Join(" and ", titles) : $"{titles[0]}, {titles[1]} and {titles.Count - 2} more";

    static string Unranked(LoadedGraph graph, string id) =>
        long.TryParse(id, out var n) && graph.Works.TryGetValue(n, out var work) && work.IsCaptured
            ? "cited by this page; you have read it"
            : "cited by this page";

    static WorkNode EmptyPage(PageExtract extract) => new(PageId.ToString(), extract.Title, null, [], []);
}
