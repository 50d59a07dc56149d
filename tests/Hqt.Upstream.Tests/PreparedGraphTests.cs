using System.Text.Json;
using Hqt.Names;
using Hqt.Tests;

namespace Hqt.Upstream.Tests;

/// <summary>
/// One <see cref="PreparedGraph"/> serves every query on its graph: ranking it must give exactly what ranking the
/// graph afresh gives, whatever the options, in any order, from any number of threads at once.
/// </summary>
public class PreparedGraphTests
{
    // Every list, score and reason, compared as text: records holding lists compare lists by reference.
    static string Text(RankResult result) => JsonSerializer.Serialize(result);

    static IEnumerable<RankOptions> OptionsFor(ReaderGraph graph) =>
    [
        new RankOptions(),
        new RankOptions(Limit: 5, ExploreShare: 0.4, Seed: 11),
        new RankOptions(Limit: 20, ExploreShare: 0.2, Seed: 3,
            Excluded: graph.Works.Where((_, i) => i % 3 == 0).Select(w => w.Id)
                .Concat(graph.Works.Take(4).SelectMany(w => w.Authors).Select(PersonNames.Key)).ToHashSet()),
        // A set that compares its own way (case-insensitively) must be honoured as it would be without preparation.
        new RankOptions(Limit: 8, Excluded: graph.Works.Where((_, i) => i % 2 == 1).Select(w => w.Id.ToUpperInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase)),
        new RankOptions(Limit: 0),
    ];

    [Fact]
    public void PreparedRanksEqualFreshRanksOnGeneratedGraphs()
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var graph = Generate(seed);
            var prepared = UpstreamRanker.Prepare(graph);
            foreach (var options in OptionsFor(graph))
            {
                var fresh = UpstreamRanker.Rank(graph, options);
                Assert.Equal(Text(fresh), Text(UpstreamRanker.Rank(prepared, options)));
                if (options.Limit > 0) Assert.NotEmpty(fresh.Works);
            }
        }
    }

    [Fact]
    public void OnePreparedGraphRankedWithChangingOptionsMatchesFreshRanks()
    {
        var graph = Generate(4);
        var options = OptionsFor(graph).ToList();
        var fresh = options.Select(o => Text(UpstreamRanker.Rank(graph, o))).ToList();
        var prepared = UpstreamRanker.Prepare(graph);

        // Forwards, backwards and again: nothing one query leaves behind may change the next.
        foreach (var i in Enumerable.Range(0, options.Count).Concat(Enumerable.Range(0, options.Count).Reverse()).Concat(Enumerable.Range(0, options.Count)))
            Assert.Equal(fresh[i], Text(UpstreamRanker.Rank(prepared, options[i])));
    }

    [Fact]
    public void ConcurrentRanksOfOnePreparedGraphMatchFreshRanks()
    {
        var graph = Generate(5);
        var options = OptionsFor(graph).ToList();
        var fresh = options.Select(o => Text(UpstreamRanker.Rank(graph, o))).ToList();
        var prepared = UpstreamRanker.Prepare(graph);

        var results = new string[options.Count * 8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = Text(UpstreamRanker.Rank(prepared, options[i % options.Count])));

        for (var i = 0; i < results.Length; i++) Assert.Equal(fresh[i % options.Count], results[i]);
    }

    [SkippableFact]
    public void PreparedRanksEqualFreshRanksOnDevScenarios()
    {
        var path = Path.Combine(SharedData.Require(), "eval", "suggest", "scenarios-dev.jsonl");
        foreach (var track in new[] { "lookup", "capture" })
            foreach (var scenario in EvalScenarios.Load(path, track).Take(12))
            {
                var prepared = UpstreamRanker.Prepare(scenario.Graph);
                foreach (var options in OptionsFor(scenario.Graph))
                    Assert.Equal(Text(UpstreamRanker.Rank(scenario.Graph, options)), Text(UpstreamRanker.Rank(prepared, options)));
            }
    }

    /// <summary>
    /// A small library with what real graphs have: shared writers, works cited from captures and from expanded
    /// works, a work seen twice, references to captures and to people, ties in popularity, missing years and titles.
    /// </summary>
    static ReaderGraph Generate(int seed)
    {
        var random = new Random(seed);
        string[] words = ["parsing", "alignment", "neural", "translation", "corpus", "semantic", "active", "learning", "models", "of", "the"];
        string? Title() => random.Next(10) == 0 ? null : string.Join(' ', Enumerable.Range(0, 2 + random.Next(5)).Select(_ => words[random.Next(words.Length)]));
        string[] Authors() => Enumerable.Range(0, random.Next(3)).Select(_ => random.Next(2) == 0 ? $"Writer{random.Next(15)}, Ann" : $"Ann Writer{random.Next(15)}").ToArray();
        string Cited() => random.Next(20) == 0 ? $"c{random.Next(40)}" : $"w{(int)(Math.Pow(random.NextDouble(), 2) * 400)}";

        var works = new List<WorkNode>();
        for (var i = 0; i < 400; i++)
        {
            var kind = i % 37 == 0 ? "person" : "paper";
            var references = i % 9 == 0 ? Enumerable.Range(0, random.Next(12)).Select(_ => Cited()).ToList() : null;
            works.Add(new WorkNode($"w{i}", Title(), random.Next(8) == 0 ? null : 1970 + random.Next(50), Authors(), references, random.Next(4) == 0 ? null : random.Next(50), kind));
        }
        works.Add(works[10] with { References = ["w1", "w2", "w3"] });
        var captures = Enumerable.Range(0, 40).Select(i => new WorkNode($"c{i}", Title(), 2000 + random.Next(25), Authors(),
            Enumerable.Range(0, random.Next(25)).Select(_ => Cited()).ToList())).ToList();
        return new ReaderGraph(captures, works);
    }
}
