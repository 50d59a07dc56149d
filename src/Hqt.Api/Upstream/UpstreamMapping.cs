using Hqt.Upstream;

namespace Hqt.Api.Upstream;

/// <summary>Between the <c>upstream-suggest/v1</c> wire shape and the ranker's graph.</summary>
public static class UpstreamMapping
{
    public static ReaderGraph ToGraph(this UpstreamRequest request)
    {
        var captures = request.Captures.Select(c => new WorkNode(
            c.Id, c.Title, c.Year, c.Authors ?? [], (c.References ?? []).Select(r => r.Id).ToList(), Kind: "paper")).ToList();
        // What the captures say about a reference first; a lookup of the same work knows more and replaces it.
        var works = new Dictionary<string, WorkNode>(StringComparer.Ordinal);
        foreach (var reference in request.Captures.SelectMany(c => c.References ?? []))
            works.TryAdd(reference.Id, new WorkNode(reference.Id, reference.Title, reference.Year, reference.Authors ?? [], null));
        foreach (var work in request.Lookup?.Works ?? [])
            works[work.Id] = new WorkNode(work.Id, work.Title, work.Year, work.Authors ?? [], work.References, work.CitedByCount);
        return new ReaderGraph(captures, works.Values.ToList());
    }

    public static RankOptions ToOptions(this UpstreamRequest request) => new(request.Limit, request.Explore, request.Seed);

    public static UpstreamResponse ToResponse(this RankResult result) => new(
        UpstreamRequest.SchemaName,
        result.Works.Select(w => new UpstreamSuggestion(w.Id, w.Score, w.Reason, w.IsExploration, w.CitingCaptures, w.CitingWorks) { Lineage = w.Lineage }).ToList(),
        result.People.Select(p => new UpstreamAuthor(p.Name, p.Score, p.Reason, p.WorkIds) { Lineage = p.Lineage }).ToList());
}
