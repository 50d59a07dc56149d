namespace Hqt.Upstream;

/// <summary>
/// Ranks the works and people upstream of what a reader has read. Pure: the same graph and options give
/// the same answer, with no I/O, so the REST endpoints, the benchmarks and the eval share it.
/// </summary>
public static class UpstreamRanker
{
    public static RankResult Rank(ReaderGraph graph, RankOptions options)
    {
        var captured = graph.Captures.Select(c => c.Id).ToHashSet();
        var excluded = options.Excluded ?? new HashSet<string>();
        var citingCaptures = new Dictionary<string, List<string>>();
        foreach (var capture in graph.Captures)
            foreach (var reference in (capture.References ?? []).Distinct())
                if (!captured.Contains(reference) && !excluded.Contains(reference))
                    (citingCaptures.TryGetValue(reference, out var list) ? list : citingCaptures[reference] = []).Add(capture.Id);

        var works = citingCaptures
            .OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.Limit)
            .Select(p => new RankedWork(p.Key, p.Value.Count, $"cited by {p.Value.Count} of your captures", p.Value, [], false))
            .ToList();
        return new RankResult(works, []);
    }
}
