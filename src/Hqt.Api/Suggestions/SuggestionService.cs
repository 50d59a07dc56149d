using Hqt.Api.Graph;
using Hqt.Upstream;

namespace Hqt.Api.Suggestions;

/// <summary>Ranks a reader's graph with the shared ranker and dresses the result for the wire.</summary>
public sealed class SuggestionService(ReaderGraphCache graphs, FeedbackStore feedback, TimeProvider time)
{
    /// <summary>How many citing captures and works a suggestion lists as paths; the reason gives the full counts.</summary>
    const int MaxPaths = 5;

    /// <summary>
    /// The library's suggestions. On a large library just changed, they may come from the previous version of the
    /// graph while the new one loads (<see cref="ReaderGraphCache.GetForRankingAsync"/>), marked stale; feedback
    /// always applies, since exclusions are per query.
    /// </summary>
    public async Task<SuggestionList> ListAsync(long userId, string kind, int limit, double explore, CancellationToken ct)
    {
        var read = await graphs.GetForRankingAsync(userId, ct);
        var result = await RankAsync(userId, read.Graph, null, limit, explore, ct, read.CapturedSince);
        var works = result.Works.Select(w => ToSuggestion(read.Graph, w));
        var people = result.People.Select(p => ToSuggestion(read.Graph, p));
        return new SuggestionList(kind switch
        {
            "work" => works.Take(limit).ToList(),
            "person" => people.Take(limit).ToList(),
            // Both kinds: two thirds works, the rest people, each in its own ranked order.
            _ => works.Take(limit - limit / 3).Concat(people.Take(limit / 3)).ToList(),
        }, read.IsStale);
    }

    /// <summary>
    /// Ranks <paramref name="reader"/> (default: the whole library) against the user's current graph with their
    /// feedback applied: hidden items excluded, read works counted as part of the library.
    /// </summary>
    public async Task<(LoadedGraph Graph, RankResult Result)> RankAsync(long userId, Func<LoadedGraph, ReaderGraph>? reader, int limit, double explore, CancellationToken ct)
    {
        var graph = await graphs.GetAsync(userId, ct);
        return (graph, await RankAsync(userId, graph, reader, limit, explore, ct));
    }

    async Task<RankResult> RankAsync(long userId, LoadedGraph graph, Func<LoadedGraph, ReaderGraph>? reader, int limit, double explore,
        CancellationToken ct, IReadOnlyList<long>? capturedSince = null)
    {
        var now = time.GetUtcNow();
        var (hidden, read) = await feedback.LoadAsync(userId, now, ct);
        // Pages captured after this version of the graph was read are read too: an older version must not suggest them.
        foreach (var work in capturedSince ?? []) hidden.Add(SuggestionIds.Work(work));
        // Exploration is seeded per user and day: stable while the reader looks, fresh tomorrow.
        var seed = HashCode.Combine(userId, DateOnly.FromDateTime(now.UtcDateTime).DayNumber);

        // The library's ranking only changes when the graph, the feedback or the day does: keep the last one.
        var key = reader is null ? new RankKey(graph.Version, FeedbackStamp(hidden, read), limit, explore, seed) : null;
        if (key is not null && _lastRanked.TryGetValue((userId, limit, explore), out var last) && last.Key == key) return last.Result;

        var excluded = hidden.Select(SuggestionIds.ToRankerId).ToHashSet(StringComparer.Ordinal);
        var options = new RankOptions(limit, explore, seed, excluded);
        // The whole library ranks from its kept preparation (read works included); a custom reader makes another graph.
        var result = reader is null
            ? UpstreamRanker.Rank(graph.PreparedWith(read.Select(SuggestionIds.WorkId).OfType<long>()), options)
            : UpstreamRanker.Rank(reader(graph), options);
        if (key is not null) _lastRanked[(userId, limit, explore)] = (key, result);
        return result;
    }

    readonly System.Collections.Concurrent.ConcurrentDictionary<(long UserId, int Limit, double Explore), (RankKey Key, RankResult Result)> _lastRanked = new();

    sealed record RankKey(long GraphVersion, string Feedback, int Limit, double Explore, int Seed);

    static string FeedbackStamp(HashSet<string> hidden, HashSet<string> read) =>
        string.Join('|', hidden.Order(StringComparer.Ordinal)) + "#" + string.Join('|', read.Order(StringComparer.Ordinal));

    public static Suggestion ToSuggestion(LoadedGraph graph, RankedWork ranked, Func<string, WorkInfo?>? extra = null)
    {
        var work = Find(graph, ranked.Id, extra);
        var paths = ranked.CitingCaptures.Take(MaxPaths).Select(id => Path(graph, "cited-by-capture", id, extra))
            .Concat(ranked.CitingWorks.Take(MaxPaths).Select(id => Path(graph, "cited-by-work", id, extra)))
            .ToList();
        return new Suggestion(
            long.TryParse(ranked.Id, out var id) ? SuggestionIds.Work(id) : ranked.Id, "work",
            Display(work) ?? ranked.Id, work?.Link, work?.Year, work?.Authors ?? [],
            Math.Round(ranked.Score, 4), ranked.Reason, ranked.IsExploration, paths) { Lineage = ToWire(graph, ranked.Lineage, extra) };
    }

    public static Suggestion ToSuggestion(LoadedGraph graph, RankedPerson person, Func<string, WorkInfo?>? extra = null) => new(
        SuggestionIds.Person(person.Name), "person", person.Name, null, null, [], Math.Round(person.Score, 4), person.Reason, false,
        person.WorkIds.Take(MaxPaths).Select(id => Path(graph, "author-of", id, extra)).ToList()) { Lineage = ToWire(graph, person.Lineage, extra) };

    /// <summary>
    /// The ranker's chains with wire ids: works as <c>work-N</c>, people as <c>person-key</c>, a page's own unstored works by
    /// position; a capture's step also names the capture (<see cref="LineageStep.CaptureId"/>).
    /// </summary>
    static IReadOnlyList<IReadOnlyList<LineageStep>> ToWire(LoadedGraph graph, IReadOnlyList<IReadOnlyList<LineageStep>> chains, Func<string, WorkInfo?>? extra) =>
        chains.Select(chain => (IReadOnlyList<LineageStep>)chain.Select(step =>
        {
            if (step.Kind == "person" && step.Id.StartsWith(PersonNames.KeyPrefix, StringComparison.Ordinal))
                return new LineageStep("person-" + step.Id[PersonNames.KeyPrefix.Length..], "person", step.Title, null);
            var work = Find(graph, step.Id, extra);
            var id = long.TryParse(step.Id, out var n) ? n switch { >= 0 => SuggestionIds.Work(n), -1 => "page", _ => $"reference-{-n - 2}" } : step.Id;
            return new LineageStep(id, step.Kind, step.Title ?? Display(work), step.Year)
            {
                CaptureId = step.Kind == "capture" && n >= 0 && graph.CaptureOfWork.TryGetValue(n, out var capture) ? capture : null,
            };
        }).ToList()).ToList();

    static SuggestionPath Path(LoadedGraph graph, string relation, string id, Func<string, WorkInfo?>? extra)
    {
        var work = Find(graph, id, extra);
        return new SuggestionPath(relation, long.TryParse(id, out var n) ? SuggestionIds.Work(n) : id, Display(work), work?.Link);
    }

    /// <summary>
    /// What a work is shown as: its title, else who, when and where it appeared (<see cref="WorkLabels"/>, for a work cited
    /// without a title: "Polchinski 2001 · Int. J. Mod. Phys. A16, 707"), else a readable name made from its own address
    /// (<see cref="AddressTitles"/>), else its link (a DOI or arXiv page), else the identifier it is known by (a book by its
    /// ISBN). Labels and address names are made here, at display time, never stored as titles, so the ranker and the
    /// title matching never take them for one. A "title" that is itself an address is none. Every view names works through
    /// this (suggestions, reasons' lineage, page upstream, people, the influence graph, work detail's <c>label</c>).
    /// </summary>
    public static string? Display(WorkInfo? work) =>
        (work?.Title is { Length: > 0 } title && !IsAddress(title) ? title : null)
        ?? work?.Label
        ?? AddressTitles.For(work?.Url)
        ?? work?.Link ?? (work?.Isbn is { } isbn ? $"ISBN {isbn}" : null) ?? work?.Title;

    static bool IsAddress(string title) =>
        title.Contains("://", StringComparison.Ordinal) || title.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    static WorkInfo? Find(LoadedGraph graph, string id, Func<string, WorkInfo?>? extra) =>
        long.TryParse(id, out var n) && graph.Works.TryGetValue(n, out var work) ? work : extra?.Invoke(id);
}
