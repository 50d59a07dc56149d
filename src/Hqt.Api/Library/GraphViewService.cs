using Hqt.Api.Graph;
using Hqt.Api.Suggestions;
using Hqt.Upstream;

namespace Hqt.Api.Library;

/// <summary>
/// The influence picture: the ranker's own output (the same ranking as the next reads), the captures and works that
/// carry its evidence, and the people who wrote the top of it, bounded to a number of nodes. No ranking of its own.
/// </summary>
public sealed class GraphViewService(SuggestionService suggestions)
{
    /// <summary>At most this many citing captures and citing works are drawn per suggested work: the strongest evidence.</summary>
    const int CitersPerWork = 3;

    public async Task<GraphPicture> BuildAsync(long userId, int limit, CancellationToken ct)
    {
        var (graph, ranked) = await suggestions.RankAsync(userId, null, limit, 0, ct);
        var peopleBudget = limit / 10;
        var picked = new Dictionary<long, (string Kind, double Weight, string? Reason, bool IsSuggested)>();
        var scoreOf = new Dictionary<long, RankedWork>();
        foreach (var work in ranked.Works)
        {
            if (picked.Count >= limit - peopleBudget) break;
            if (!long.TryParse(work.Id, out var id) || !graph.Works.ContainsKey(id)) continue;
            picked[id] = ("work", work.Score, work.Reason, true);
            scoreOf[id] = work;
            foreach (var citer in work.CitingCaptures.Take(CitersPerWork).Concat(work.CitingWorks.Take(CitersPerWork)))
            {
                if (picked.Count >= limit - peopleBudget) break;
                if (long.TryParse(citer, out var citerId) && graph.Works.TryGetValue(citerId, out var info) && !picked.ContainsKey(citerId))
                    picked[citerId] = (info.IsCaptured ? "capture" : "work", 0, null, false);
            }
        }

        var depth = Depths(graph);
        var nodes = new List<GraphNode>(limit);
        var edges = new List<GraphEdge>();
        foreach (var (id, pick) in picked)
        {
            var work = graph.Works[id];
            var cited = (graph.Cites.GetValueOrDefault(id) ?? []).Where(picked.ContainsKey).ToList();
            foreach (var target in cited) edges.Add(new GraphEdge(SuggestionIds.Work(id), SuggestionIds.Work(target), "cites"));
            var weight = pick.IsSuggested ? Math.Round(pick.Weight, 4) : cited.Count;
            var reason = pick.Reason ?? (pick.Kind == "capture"
                ? $"You captured this; it cites {Count(cited.Count, "work")} pictured here."
                : $"Cites {Count(cited.Count, "work")} pictured here, on the way to your captures.");
            nodes.Add(new GraphNode(SuggestionIds.Work(id), pick.Kind, SuggestionService.Display(work) ?? SuggestionIds.Work(id), work.Year, weight, reason,
                work.Link, depth.TryGetValue(id, out var d) ? d : null, work.Authors, pick.IsSuggested));
        }

        foreach (var person in ranked.People)
        {
            if (nodes.Count >= limit) break;
            var wrote = person.WorkIds.Select(w => long.TryParse(w, out var id) ? id : -1).Where(picked.ContainsKey).ToList();
            if (wrote.Count == 0) continue;
            var personId = SuggestionIds.Person(person.Name);
            if (nodes.Any(n => n.Id == personId)) continue;
            nodes.Add(new GraphNode(personId, "person", person.Name, null, Math.Round(person.Score, 4), person.Reason, null, null, [], true));
            edges.AddRange(wrote.Select(w => new GraphEdge(personId, SuggestionIds.Work(w), "wrote")));
        }
        return new GraphPicture(nodes, edges, graph.Reader.Captures.Count, graph.Version);
    }

    /// <summary>Citation steps from the nearest capture, breadth first over the whole graph.</summary>
    static Dictionary<long, int> Depths(LoadedGraph graph)
    {
        var depth = new Dictionary<long, int>();
        var frontier = new Queue<long>();
        foreach (var work in graph.Works.Values.Where(w => w.IsCaptured))
        {
            depth[work.Id] = 0;
            frontier.Enqueue(work.Id);
        }
        while (frontier.TryDequeue(out var id))
            foreach (var cited in graph.Cites.GetValueOrDefault(id) ?? [])
                if (depth.TryAdd(cited, depth[id] + 1)) frontier.Enqueue(cited);
        return depth;
    }

    static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
