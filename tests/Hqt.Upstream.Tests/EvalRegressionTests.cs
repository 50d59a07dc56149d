using Hqt.Tests;
using Xunit.Abstractions;

namespace Hqt.Upstream.Tests;

/// <summary>
/// The ranker in-process over the dev and dev-b scenarios (issues 5 and 19). Floors sit a little under the figures of the
/// committed weights (in-sample: they were fitted on dev + dev-b), so a regression fails here before it reaches score.py;
/// the figures printed agree with score.py's through the API. The honest, leave-topics-out CV figures come from
/// tools/Hqt.Ranking.Tune (minutes, so not a test): lookup nDCG 0.654, hidden 0.327, author 0.583, capture nDCG 0.430.
/// </summary>
public class EvalRegressionTests(ITestOutputHelper output)
{
    [SkippableTheory]
    // Measured: dev lookup 0.671 / recall 0.545 / hidden 0.386 / author 0.617; capture 0.441 / 0.347 / author 0.433.
    [InlineData("scenarios-dev.jsonl", "lookup", 0.66, 0.54, 0.38, 0.61)]
    [InlineData("scenarios-dev.jsonl", "capture", 0.43, 0.34, null, 0.42)]
    // Measured: dev-b lookup 0.654 / 0.521 / 0.311 / 0.599; capture 0.440 / 0.345 / 0.401.
    [InlineData("scenarios-dev-b.jsonl", "lookup", 0.64, 0.51, 0.30, 0.59)]
    [InlineData("scenarios-dev-b.jsonl", "capture", 0.43, 0.34, null, 0.39)]
    public void DevScenariosStayAboveTheirFloors(string file, string track, double ndcg, double recall, double? hiddenRecall, double authorRecall)
    {
        var path = Path.Combine(SharedData.Require(), "eval", "suggest", file);

        var figures = Run(path, track);

        output.WriteLine($"[{track}] " + string.Join("  ", figures.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value:F3}")));
        Assert.True(figures["ndcg@10"] >= ndcg, $"ndcg@10 {figures["ndcg@10"]:F3} < {ndcg}");
        Assert.True(figures["recall@10"] >= recall, $"recall@10 {figures["recall@10"]:F3} < {recall}");
        if (hiddenRecall is { } hidden) Assert.True(figures["hidden_recall@10"] >= hidden, $"hidden_recall@10 {figures["hidden_recall@10"]:F3} < {hidden}");
        Assert.True(figures["author_recall@10"] >= authorRecall, $"author_recall@10 {figures["author_recall@10"]:F3} < {authorRecall}");
    }

    internal static Dictionary<string, double> Run(string path, string track) =>
        EvalMetrics.Aggregate(EvalScenarios.Load(path, track).Select(scenario =>
        {
            var result = UpstreamRanker.Rank(scenario.Graph, new RankOptions(scenario.Limit));
            return EvalMetrics.Score(scenario.Truth, result.Works.Select(w => w.Id).ToList(), result.People.Select(p => p.Name).ToList());
        }));
}
