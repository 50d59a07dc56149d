namespace Hqt.Upstream;

/// <summary>
/// Ranks the works and people upstream of what a reader has read. Pure: the same graph and options give
/// the same answer, with no I/O, so the REST endpoints, the benchmarks and the eval share it.
/// </summary>
public static class UpstreamRanker
{
    /// <summary>How many works beyond the list are scored exactly: the pool for diversity and for people.</summary>
    const int MinPool = 150;

    public static RankResult Rank(ReaderGraph graph, RankOptions options)
    {
        var limit = Math.Max(0, options.Limit);
        var excluded = options.Excluded ?? new HashSet<string>();
        var evidence = new CitationEvidence(graph);
        if (limit == 0 || evidence.Captures.Count == 0) return new RankResult([], []);

        var pool = ScoreTopCandidates(evidence, excluded, Math.Max(3 * limit, MinPool));
        var exploring = (int)Math.Round(limit * Math.Clamp(options.ExploreShare, 0, 0.5));
        // A reference to a person (a link to their page, "as Hamming said") is evidence for the person, not a work to read.
        var works = pool.Where(p => !evidence.IsPerson(p.Node)).ToList();
        var chosen = Diversify(evidence, works, Math.Min(limit - exploring, works.Count));
        var explored = Explore(evidence, excluded, chosen, exploring, options.Seed);

        var ranked = Interleave(chosen, explored)
            .Select(pick => Reasons.ForWork(evidence, pick.Node, pick.Score, pick.IsExploration))
            .ToList();
        var people = PeopleRanker.Rank(evidence, pool, excluded, limit);
        return new RankResult(ranked, people);
    }

    internal readonly record struct Scored(int Node, double Score, bool IsExploration = false);

    /// <summary>
    /// Every candidate's citation evidence first; then title closeness (the one costly term, at most
    /// <see cref="RankWeights.Topic"/>) only for candidates whose evidence alone comes within that of the
    /// pool's threshold: the pool's threshold is at least the size-th best evidence score, so the others cannot enter.
    /// </summary>
    static List<Scored> ScoreTopCandidates(CitationEvidence evidence, IReadOnlySet<string> excluded, int size)
    {
        var baseScores = new double[evidence.Ids.Count];
        var heap = new PriorityQueue<int, double>(size + 1);
        for (var i = 0; i < baseScores.Length; i++)
        {
            if (!IsCandidate(evidence, excluded, i)) { baseScores[i] = double.NaN; continue; }
            baseScores[i] = BaseScore(evidence, i);
            if (heap.Count < size) heap.Enqueue(i, baseScores[i]);
            else if (heap.TryPeek(out _, out var lowest) && baseScores[i] > lowest) heap.DequeueEnqueue(i, baseScores[i]);
        }
        var threshold = heap.Count == size && heap.TryPeek(out _, out var sizeth) ? sizeth : double.NegativeInfinity;
        heap.Clear();
        for (var i = 0; i < baseScores.Length; i++)
        {
            if (double.IsNaN(baseScores[i]) || baseScores[i] + RankWeights.Topic < threshold) continue;
            var score = baseScores[i] + RankWeights.Topic * evidence.Topic.Similarity(evidence.Nodes[i]?.Title);
            if (heap.Count < size) heap.Enqueue(i, score);
            else if (heap.TryPeek(out _, out var lowest) && score > lowest) heap.DequeueEnqueue(i, score);
        }
        var pool = new List<Scored>(heap.Count);
        while (heap.TryDequeue(out var node, out var score)) pool.Add(new Scored(node, score));
        pool.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(evidence.Ids[a.Node], evidence.Ids[b.Node]));
        return pool;
    }

    internal static bool IsCandidate(CitationEvidence evidence, IReadOnlySet<string> excluded, int node) =>
        (evidence.CapturesCiting(node).Length > 0 || evidence.WorksCiting(node).Length > 0) && !excluded.Contains(evidence.Ids[node]);

    static double BaseScore(CitationEvidence evidence, int node) =>
        RankWeights.Writers * evidence.Writers[node] / evidence.WriterScale
        + RankWeights.TwoHop * evidence.TwoHop[node]
        + RankWeights.Popularity * Math.Log(1 + Math.Max(0, evidence.Nodes[node]?.CitedByCount ?? 0))
        + RankWeights.Age * Math.Log(1 + Math.Max(0, evidence.MeanGap[node]));

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
    static List<Scored> Explore(CitationEvidence evidence, IReadOnlySet<string> excluded, List<Scored> chosen, int count, int seed)
    {
        var picks = new List<Scored>(count);
        if (count == 0) return picks;
        var taken = chosen.Select(p => p.Node).ToHashSet();
        var others = new List<int>();
        for (var i = 0; i < evidence.Ids.Count; i++)
            if (!taken.Contains(i) && !evidence.IsPerson(i) && IsCandidate(evidence, excluded, i)) others.Add(i);
        var random = new SeededRandom(seed);
        // A partial Fisher–Yates shuffle: the first `count` places are the picks.
        for (var k = 0; k < Math.Min(count, others.Count); k++)
        {
            var j = k + random.Next(others.Count - k);
            (others[k], others[j]) = (others[j], others[k]);
            var node = others[k];
            picks.Add(new Scored(node, BaseScore(evidence, node) + RankWeights.Topic * evidence.Topic.Similarity(evidence.Nodes[node]?.Title), true));
        }
        return picks;
    }

    /// <summary>Exploration picks spread evenly through the list rather than piled at the end.</summary>
    static IEnumerable<Scored> Interleave(List<Scored> chosen, List<Scored> explored)
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
