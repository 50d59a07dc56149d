using System.Buffers;

namespace Hqt.Upstream;

/// <summary>
/// Ranks the works and people upstream of what a reader has read. Pure: the same graph and options give
/// the same answer, with no I/O, so the REST endpoints, the benchmarks and the eval share it.
/// </summary>
public static class UpstreamRanker
{
    /// <summary>How many works beyond the list are scored exactly: the pool for diversity and for people.</summary>
    const int MinPool = 150;

    public static RankResult Rank(ReaderGraph graph, RankOptions options) => Rank(Prepare(graph), options);

    /// <summary>Everything that depends on the graph alone, computed once: rank it with <see cref="Rank(PreparedGraph, RankOptions)"/> as often as needed.</summary>
    public static PreparedGraph Prepare(ReaderGraph graph) => new(graph);

    /// <summary>The same answer as ranking the graph <paramref name="prepared"/> was built from; safe to call concurrently.</summary>
    public static RankResult Rank(PreparedGraph prepared, RankOptions options)
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
            var pool = ScoreTopCandidates(prepared, flags, Math.Max(3 * limit, MinPool));
            var exploring = (int)Math.Round(limit * Math.Clamp(options.ExploreShare, 0, 0.5));
            // A reference to a person (a link to their page, "as Hamming said") is evidence for the person, not a work to read.
            var works = new List<Scored>(pool.Count);
            foreach (var p in pool) if (!prepared.IsPerson[p.Node]) works.Add(p);
            var chosen = Diversify(evidence, works, Math.Min(limit - exploring, works.Count));
            var explored = Explore(prepared, flags, chosen, exploring, options.Seed);

            var stamps = new WriterStamps(seenWriters);
            var picks = Interleave(chosen, explored);
            var ranked = new List<RankedWork>(picks.Count);
            foreach (var pick in picks) ranked.Add(Reasons.ForWork(evidence, stamps, pick.Node, pick.Score, pick.IsExploration));
            var people = PeopleRanker.Rank(evidence, stamps, pool, excluded, limit);
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
        foreach (var node in prepared.ByBaseScore)
            if (excluded.Contains(prepared.Evidence.Ids[node])) flags[node] = Excluded;
    }

    /// <summary>
    /// Every candidate's citation evidence first; then title closeness (at most <see cref="RankWeights.Topic"/>) counts
    /// only for candidates whose evidence alone comes within that of the pool's threshold: the pool's threshold is at
    /// least the size-th best evidence score, so the others cannot enter. The candidates come sorted by evidence,
    /// so the threshold and the candidates within reach of it are a prefix of that order.
    /// </summary>
    static List<Scored> ScoreTopCandidates(PreparedGraph prepared, byte[] flags, int size)
    {
        var byBase = prepared.ByBaseScore;
        var baseScores = prepared.BaseScores;
        var threshold = double.NegativeInfinity;
        for (int k = 0, kept = 0; k < byBase.Length; k++)
            if (flags[byBase[k]] != Excluded && ++kept == size) { threshold = baseScores[byBase[k]]; break; }

        var reach = new List<int>(Math.Min(byBase.Length, 4 * size));
        foreach (var node in byBase)
        {
            if (baseScores[node] + RankWeights.Topic < threshold) break;
            if (flags[node] != Excluded) reach.Add(node);
        }
        // In node order, as a pass over every node meets them, so ties at the pool's edge fall the same way.
        reach.Sort();
        var closeness = prepared.Closeness;
        var heap = new PriorityQueue<int, double>(size + 1);
        foreach (var i in reach)
        {
            var score = baseScores[i] + RankWeights.Topic * closeness[i];
            if (heap.Count < size) heap.Enqueue(i, score);
            else if (heap.TryPeek(out _, out var lowest) && score > lowest) heap.DequeueEnqueue(i, score);
        }
        var ids = prepared.Evidence.Ids;
        var pool = new List<Scored>(heap.Count);
        while (heap.TryDequeue(out var node, out var score)) pool.Add(new Scored(node, score));
        pool.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(ids[a.Node], ids[b.Node]));
        return pool;
    }

    internal static double BaseScore(CitationEvidence evidence, int node)
    {
        var cited = RankWeights.Writers * evidence.Writers[node] / evidence.WriterScale + RankWeights.TwoHop * evidence.TwoHop[node];
        // A work known only by its address (no title: a bare link, a DOI nothing has looked up yet) never outranks a titled
        // work on equal citation evidence: the priors (age, popularity) lift only what a reader can recognise, and it gives
        // way on a tie.
        if (!IsTitled(evidence.Nodes[node])) return cited * (1 - 1e-9);
        return cited
            + RankWeights.Popularity * Math.Log(1 + Math.Max(0, evidence.Nodes[node]?.CitedByCount ?? 0))
            + RankWeights.Age * Math.Log(1 + Math.Max(0, evidence.MeanGap[node]));
    }

    /// <summary>Whether a work has a title of its own (not empty, not its address written out).</summary>
    internal static bool IsTitled(WorkNode? work) =>
        work?.Title is { Length: > 0 } title && !title.Contains("://", StringComparison.Ordinal) && !title.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>Greedy picks that discount a person's third and later works, so the list is not one author's bibliography.</summary>
    static List<Scored> Diversify(CitationEvidence evidence, List<Scored> pool, int count)
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
                var adjusted = remaining[i].Score * Discount(evidence, perAuthor, remaining[i].Node);
                if (adjusted > bestScore) (best, bestScore) = (i, adjusted);
            }
            picks.Add(remaining[best] with { Score = bestScore });
            foreach (var author in evidence.Nodes[remaining[best].Node]?.Authors ?? [])
                perAuthor[author] = perAuthor.GetValueOrDefault(author) + 1;
            remaining.RemoveAt(best);
        }
        return picks;
    }

    static double Discount(CitationEvidence evidence, Dictionary<string, int> perAuthor, int node)
    {
        var repeats = 0;
        foreach (var author in evidence.Nodes[node]?.Authors ?? [])
            repeats = Math.Max(repeats, perAuthor.GetValueOrDefault(author));
        return repeats <= 1 ? 1 : Math.Pow(RankWeights.RepeatAuthorDecay, repeats - 1);
    }

    /// <summary>"Sampling from the void": seeded uniform picks among the other candidates, so a seed always gives the same ones.</summary>
    static List<Scored> Explore(PreparedGraph prepared, byte[] flags, List<Scored> chosen, int count, int seed)
    {
        var picks = new List<Scored>(count);
        if (count == 0) return picks;
        foreach (var pick in chosen) flags[pick.Node] |= Taken;
        var explorable = prepared.Explorable;
        var others = ArrayPool<int>.Shared.Rent(explorable.Length);
        try
        {
            var length = 0;
            foreach (var node in explorable)
                if (flags[node] == 0) others[length++] = node;
            var random = new SeededRandom(seed);
            // A partial Fisher–Yates shuffle: the first `count` places are the picks.
            for (var k = 0; k < Math.Min(count, length); k++)
            {
                var j = k + random.Next(length - k);
                (others[k], others[j]) = (others[j], others[k]);
                var node = others[k];
                picks.Add(new Scored(node, prepared.BaseScores[node] + RankWeights.Topic * prepared.Closeness[node], true));
            }
            return picks;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(others);
        }
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
