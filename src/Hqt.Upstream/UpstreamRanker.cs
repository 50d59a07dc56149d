using System.Buffers;

namespace Hqt.Upstream;

/// <summary>
/// Ranks the works and people upstream of what a reader has read. Pure: the same graph and options give
/// the same answer, with no I/O, so the REST endpoints, the benchmarks and the eval share it.
/// </summary>
public static class UpstreamRanker
{

    public static RankResult Rank(ReaderGraph graph, RankOptions options) => Rank(Prepare(graph), options);

    /// <summary>Everything that depends on the graph alone, computed once: rank it with <see cref="Rank(PreparedGraph, RankOptions)"/> as often as needed.</summary>
    public static PreparedGraph Prepare(ReaderGraph graph) => new(graph);

    /// <summary>Prepared with other weights than <see cref="RankWeights.Default"/>: for the tuning command and tests.</summary>
    internal static PreparedGraph Prepare(ReaderGraph graph, RankWeights weights) => new(graph, weights);

    /// <summary>The same answer as ranking the graph <paramref name="prepared"/> was built from; safe to call concurrently.</summary>
    public static RankResult Rank(PreparedGraph prepared, RankOptions options) => Rank(prepared, options, explain: true);

    /// <summary>With <paramref name="explain"/> false, ids and scores only (no reasons, no lineage): what tuning needs, many times over.</summary>
    internal static RankResult Rank(PreparedGraph prepared, RankOptions options, bool explain)
    {
        var limit = Math.Max(0, options.Limit);
        var excluded = options.Excluded ?? new HashSet<string>();
        var evidence = prepared.Evidence;
        if (limit == 0 || evidence.Captures.Count == 0) return new RankResult([], []);

        // Per-query scratch from the pool: on a large library both arrays are large-object-heap sized.
        var flags = ArrayPool<byte>.Shared.Rent(prepared.NodeCount);
        var seenWriters = ArrayPool<int>.Shared.Rent(evidence.WriterCount);
        try
        {
            Array.Clear(flags, 0, prepared.NodeCount);
            Array.Clear(seenWriters, 0, evidence.WriterCount);
            MarkExcluded(prepared, excluded, flags);
            var pool = ScoreTopCandidates(prepared, flags, Math.Max(3 * limit, prepared.Weights.PeoplePool));
            var exploring = (int)Math.Round(limit * Math.Clamp(options.ExploreShare, 0, 0.5));
            // A reference to a person (a link to their page, "as Hamming said") is evidence for the person, not a work to read.
            var works = new List<Scored>(pool.Count);
            foreach (var p in pool) if (!prepared.IsPerson[p.Node]) works.Add(p);
            var chosen = Diversify(evidence, prepared.Weights.RepeatAuthorDecay, works, Math.Min(limit - exploring, works.Count));
            var explored = Explore(prepared, flags, chosen, exploring, options.Seed);

            var stamps = new WriterStamps(seenWriters);
            var picks = Interleave(chosen, explored);
            var ranked = new List<RankedWork>(picks.Count);
            foreach (var pick in picks)
                ranked.Add(explain
                    ? Reasons.ForWork(evidence, stamps, pick.Node, pick.Score, pick.IsExploration)
                    : new RankedWork(evidence.Ids[pick.Node], pick.Score, "", [], [], pick.IsExploration));
            var people = PeopleRanker.Rank(evidence, prepared.People, stamps, pool, excluded, limit, prepared.Weights, explain);
            return new RankResult(ranked, people);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(flags);
            ArrayPool<int>.Shared.Return(seenWriters);
        }
    }

    internal readonly record struct Scored(int Node, double Score, bool IsExploration = false);

    const byte Excluded = 1, Taken = 2;

    /// <summary>Flags the excluded nodes: one lookup per exclusion when the set compares ids ordinally, as the graph's index does.</summary>
    static void MarkExcluded(PreparedGraph prepared, IReadOnlySet<string> excluded, byte[] flags)
    {
        if (excluded.Count == 0) return;
        if (excluded is HashSet<string> set && (ReferenceEquals(set.Comparer, EqualityComparer<string>.Default) || ReferenceEquals(set.Comparer, StringComparer.Ordinal)))
        {
            foreach (var id in set)
                if (prepared.Evidence.TryGetNode(id, out var node)) flags[node] = Excluded;
            return;
        }
        // Any other comparer decides equality its own way: ask it about every candidate, as an unprepared rank would.
        foreach (var node in prepared.ByScore)
            if (excluded.Contains(prepared.Evidence.Ids[node])) flags[node] = Excluded;
    }

    /// <summary>The best <paramref name="size"/> candidates not excluded: a prefix of the prepared order.</summary>
    static List<Scored> ScoreTopCandidates(PreparedGraph prepared, byte[] flags, int size)
    {
        var pool = new List<Scored>(size);
        foreach (var node in prepared.ByScore)
        {
            if (flags[node] == Excluded) continue;
            pool.Add(new Scored(node, prepared.Scores[node]));
            if (pool.Count == size) break;
        }
        return pool;
    }

    /// <summary>Whether a work has a title of its own (not empty, not its address written out).</summary>
    internal static bool IsTitled(WorkNode? work) =>
        work?.Title is { Length: > 0 } title && !title.Contains("://", StringComparison.Ordinal) && !title.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A work known only by its address: no title of its own and nothing a lookup told (no cited-by count, no
    /// reference list). A looked-up work without a title (an id a tool sent alone) is known, and keeps its priors; so is
    /// a work cited without a title that says where it appeared (its <see cref="WorkNode.Label"/>: a journal paper).
    /// </summary>
    internal static bool IsKnownOnlyByAddress(WorkNode? work) =>
        work is not null && !IsTitled(work) && work.Label is null && work.CitedByCount is null && work.References is null;

    /// <summary>Greedy picks that discount a person's third and later works, so the list is not one author's bibliography.</summary>
    static List<Scored> Diversify(CitationEvidence evidence, double decay, List<Scored> pool, int count)
    {
        var picks = new List<Scored>(count);
        var remaining = new List<Scored>(pool);
        var perAuthor = new Dictionary<string, int>(StringComparer.Ordinal);
        while (picks.Count < count && remaining.Count > 0)
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            // The pool is sorted and discounts only lower scores: once a raw score cannot beat the best discounted one, stop looking.
            for (var i = 0; i < remaining.Count && remaining[i].Score > bestScore; i++)
            {
                var adjusted = remaining[i].Score * Discount(evidence, decay, perAuthor, remaining[i].Node);
                if (adjusted > bestScore) (best, bestScore) = (i, adjusted);
            }
            picks.Add(remaining[best] with { Score = bestScore });
            foreach (var author in evidence.Nodes[remaining[best].Node]?.Authors ?? [])
                perAuthor[author] = perAuthor.GetValueOrDefault(author) + 1;
            remaining.RemoveAt(best);
        }
        return picks;
    }

    static double Discount(CitationEvidence evidence, double decay, Dictionary<string, int> perAuthor, int node)
    {
        var repeats = 0;
        foreach (var author in evidence.Nodes[node]?.Authors ?? [])
            repeats = Math.Max(repeats, perAuthor.GetValueOrDefault(author));
        return repeats <= 1 ? 1 : Math.Pow(decay, repeats - 1);
    }

    /// <summary>
    /// "Sampling from the void": seeded picks among the explorable works not chosen (<see cref="PreparedGraph.Explorable"/>),
    /// each drawn with odds proportional to its score (Efraimidis–Spirakis keys u^(1/w), the largest keys win), so a
    /// seed always gives the same picks, better-linked works come up more often, and any linked work can.
    /// </summary>
    static List<Scored> Explore(PreparedGraph prepared, byte[] flags, List<Scored> chosen, int count, int seed)
    {
        var picks = new List<Scored>(count);
        if (count == 0) return picks;
        foreach (var pick in chosen) flags[pick.Node] |= Taken;
        var random = new SeededRandom(seed);
        var heap = new PriorityQueue<int, double>(count + 1);
        foreach (var node in prepared.Explorable)
        {
            if (flags[node] != 0) continue;
            // log(u) / w orders as u^(1/w); a floor keeps zero-scored works drawable, rarely.
            var weight = Math.Max(prepared.Scores[node], 1e-3);
            var key = Math.Log((random.Next(1 << 30) + 1.0) / (1 << 30)) / weight;
            if (heap.Count < count) heap.Enqueue(node, key);
            else if (heap.TryPeek(out _, out var lowest) && key > lowest) heap.DequeueEnqueue(node, key);
        }
        while (heap.TryDequeue(out var node, out _)) picks.Add(new Scored(node, prepared.Scores[node], true));
        picks.Reverse();
        return picks;
    }

    /// <summary>Exploration picks spread evenly through the list rather than piled at the end.</summary>
    static List<Scored> Interleave(List<Scored> chosen, List<Scored> explored)
    {
        if (explored.Count == 0) return chosen;
        var total = chosen.Count + explored.Count;
        var list = new List<Scored>(total);
        int c = 0, e = 0;
        for (var position = 0; position < total; position++)
        {
            var exploreDue = e < explored.Count && (c >= chosen.Count || (position + 1) * explored.Count >= (e + 1) * total);
            list.Add(exploreDue ? explored[e++] : chosen[c++]);
        }
        return list;
    }
}
