using Hqt.Api.Graph;
using Hqt.Upstream;

namespace Hqt.Api.Suggestions;

/// <summary>Ranks a reader's graph with the shared ranker and dresses the result for the wire.</summary>
public sealed class SuggestionService(ReaderGraphCache graphs, FeedbackStore feedback, TimeProvider time)
{
    /// <summary>How many citing captures and works a suggestion lists as paths; the reason gives the full counts.</summary>
    const int MaxPaths = 5;

    public async Task<IReadOnlyList<Suggestion>> ListAsync(long userId, string kind, int limit, double explore, CancellationToken ct)
    {
        var (graph, result) = await RankAsync(userId, null, limit, explore, ct);
        var works = result.Works.Select(w => ToSuggestion(graph, w));
        var people = result.People.Select(p => ToSuggestion(graph, p));
        return kind switch
        {
            "work" => works.Take(limit).ToList(),
            "person" => people.Take(limit).ToList(),
            // Both kinds: two thirds works, the rest people, each in its own ranked order.
            _ => works.Take(limit - limit / 3).Concat(people.Take(limit / 3)).ToList(),
        };
    }

    /// <summary>
    /// Ranks <paramref name="reader"/> (default: the whole library) against the user's graph with their feedback
    /// applied: hidden items excluded, read works counted as part of the library.
    /// </summary>
    public async Task<(LoadedGraph Graph, RankResult Result)> RankAsync(long userId, Func<LoadedGraph, ReaderGraph>? reader, int limit, double explore, CancellationToken ct)
    {
        var graph = await graphs.GetAsync(userId, ct);
        var now = time.GetUtcNow();
        var (hidden, read) = await feedback.LoadAsync(userId, now, ct);
        // Exploration is seeded per user and day: stable while the reader looks, fresh tomorrow.
        var seed = HashCode.Combine(userId, DateOnly.FromDateTime(now.UtcDateTime).DayNumber);

        // The library's ranking only changes when the graph, the feedback or the day does: keep the last one.
        var key = reader is null ? new RankKey(graph.Version, FeedbackStamp(hidden, read), limit, explore, seed) : null;
        if (key is not null && _lastRanked.TryGetValue((userId, limit, explore), out var last) && last.Key == key) return (graph, last.Result);

        var library = reader?.Invoke(graph) ?? WithReadWorks(graph, read);
        var excluded = hidden.Select(SuggestionIds.ToRankerId).ToHashSet(StringComparer.Ordinal);
        var options = new RankOptions(limit, explore, seed, excluded);
        // The whole library as loaded ranks from its prepared form; a custom reader or read works make another graph.
        var result = reader is null && ReferenceEquals(library, graph.Reader) ? UpstreamRanker.Rank(graph.Prepared, options) : UpstreamRanker.Rank(library, options);
        if (key is not null) _lastRanked[(userId, limit, explore)] = (key, result);
        return (graph, result);
    }

    readonly System.Collections.Concurrent.ConcurrentDictionary<(long UserId, int Limit, double Explore), (RankKey Key, RankResult Result)> _lastRanked = new();

    sealed record RankKey(long GraphVersion, string Feedback, int Limit, double Explore, int Seed);

    static string FeedbackStamp(HashSet<string> hidden, HashSet<string> read) =>
        string.Join('|', hidden.Order(StringComparer.Ordinal)) + "#" + string.Join('|', read.Order(StringComparer.Ordinal));

    static ReaderGraph WithReadWorks(LoadedGraph graph, HashSet<string> read)
    {
        var readWorks = read.Select(SuggestionIds.WorkId).OfType<long>()
            .Where(id => graph.Works.TryGetValue(id, out var w) && !w.IsCaptured).ToHashSet();
        if (readWorks.Count == 0) return graph.Reader;
        return new ReaderGraph(
            graph.Reader.Captures.Concat(readWorks.Select(id => graph.ToNode(graph.Works[id]))).ToList(),
            graph.Reader.Works.Where(w => !readWorks.Contains(long.Parse(w.Id))).ToList());
    }

    public static Suggestion ToSuggestion(LoadedGraph graph, RankedWork ranked, Func<string, WorkInfo?>? extra = null)
    {
        var work = Find(graph, ranked.Id, extra);
        var paths = ranked.CitingCaptures.Take(MaxPaths).Select(id => Path(graph, "cited-by-capture", id, extra))
            .Concat(ranked.CitingWorks.Take(MaxPaths).Select(id => Path(graph, "cited-by-work", id, extra)))
            .ToList();
        return new Suggestion(
            long.TryParse(ranked.Id, out var id) ? SuggestionIds.Work(id) : ranked.Id, "work",
            work?.Title ?? work?.Link ?? ranked.Id, work?.Link, work?.Year, work?.Authors ?? [],
            Math.Round(ranked.Score, 4), ranked.Reason, ranked.IsExploration, paths);
    }

    public static Suggestion ToSuggestion(LoadedGraph graph, RankedPerson person, Func<string, WorkInfo?>? extra = null) => new(
        SuggestionIds.Person(person.Name), "person", person.Name, null, null, [], Math.Round(person.Score, 4), person.Reason, false,
        person.WorkIds.Take(MaxPaths).Select(id => Path(graph, "author-of", id, extra)).ToList());

    static SuggestionPath Path(LoadedGraph graph, string relation, string id, Func<string, WorkInfo?>? extra)
    {
        var work = Find(graph, id, extra);
        return new SuggestionPath(relation, long.TryParse(id, out var n) ? SuggestionIds.Work(n) : id, work?.Title ?? work?.Link, work?.Link);
    }

    static WorkInfo? Find(LoadedGraph graph, string id, Func<string, WorkInfo?>? extra) =>
        long.TryParse(id, out var n) && graph.Works.TryGetValue(n, out var work) ? work : extra?.Invoke(id);
}
