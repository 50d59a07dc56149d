namespace Hqt.Upstream.Tests;

/// <summary>
/// score.py's metrics, line for line: seeds are dropped from the ranking first, gains are the roots' gains,
/// hidden roots are those with hops other than 1, author names compare as lower-case ASCII letters only.
/// Aggregates average each metric over the scenarios where it is defined.
/// </summary>
public static class EvalMetrics
{
    public const int K = 10;

    public static Dictionary<string, double?> Score(EvalTruth truth, IReadOnlyList<string> ranking, IReadOnlyList<string>? authors)
    {
        var gain = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var root in truth.Roots) gain[root.Id] = root.Gain;
        var ranked = ranking.Where(r => !truth.SeedIds.Contains(r)).ToList();
        var top = ranked.Take(K).ToList();
        var dcg = top.Select((r, i) => gain.GetValueOrDefault(r) / Math.Log2(i + 2)).Sum();
        var idcg = gain.Values.OrderByDescending(g => g).Take(K).Select((g, i) => g / Math.Log2(i + 2)).Sum();
        var firstHit = ranked.FindIndex(gain.ContainsKey);
        var hidden = truth.Roots.Where(r => r.Hops != 1).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var metrics = new Dictionary<string, double?>
        {
            ["recall@10"] = (double)top.Count(gain.ContainsKey) / gain.Count,
            ["ndcg@10"] = idcg > 0 ? dcg / idcg : 0,
            ["mrr"] = firstHit >= 0 ? 1.0 / (firstHit + 1) : 0,
            ["hidden_recall@10"] = hidden.Count > 0 ? (double)top.Count(hidden.Contains) / hidden.Count : null,
        };
        if (authors is not null && truth.RootAuthors.Count > 0)
        {
            var want = truth.RootAuthors.Select(NormName).ToHashSet(StringComparer.Ordinal);
            var got = authors.Take(K).Select(NormName).ToHashSet(StringComparer.Ordinal);
            metrics["author_recall@10"] = (double)want.Count(got.Contains) / want.Count;
        }
        return metrics;
    }

    public static Dictionary<string, double> Aggregate(IEnumerable<Dictionary<string, double?>> rows)
    {
        var all = rows.ToList();
        return all.SelectMany(r => r.Keys).Distinct().ToDictionary(k => k, k =>
        {
            var values = all.Select(r => r.GetValueOrDefault(k)).OfType<double>().ToList();
            return values.Count > 0 ? values.Average() : double.NaN;
        });
    }

    // re.sub(r"[^a-z]", "", a.lower())
    static string NormName(string name) => new(name.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z').ToArray());
}
