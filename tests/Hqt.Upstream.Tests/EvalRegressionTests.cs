using Hqt.Tests;
using Xunit.Abstractions;

namespace Hqt.Upstream.Tests;

/// <summary>
/// The ranker in-process over the dev scenarios (issue 5). Floors sit a little under the measured figures, so a
/// regression fails here before it reaches score.py; the figures printed agree with score.py's through the API.
/// </summary>
public class EvalRegressionTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("lookup", 0.60, 0.49, 0.28, 0.52)]
    [InlineData("capture", 0.40, 0.31, null, 0.40)]
    public void DevScenariosStayAboveTheirFloors(string track, double ndcg, double recall, double? hiddenRecall, double authorRecall)
    {
        var path = Path.Combine(SharedData.Require(), "eval", "suggest", "scenarios-dev.jsonl");

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
