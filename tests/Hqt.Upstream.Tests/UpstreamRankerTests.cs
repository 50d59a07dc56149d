namespace Hqt.Upstream.Tests;

public class UpstreamRankerTests
{
    [Fact]
    public void WorkCitedByMoreCapturesRanksFirst()
    {
        var graph = new ReaderGraph(
            [new WorkNode("a", "A", 2020, ["X"], ["old", "older"]), new WorkNode("b", "B", 2021, ["Y"], ["older"])],
            []);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        Assert.Equal(["older", "old"], result.Works.Select(w => w.Id));
    }
}
