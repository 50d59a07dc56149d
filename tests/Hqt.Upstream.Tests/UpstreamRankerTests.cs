namespace Hqt.Upstream.Tests;

public class UpstreamRankerTests
{
    static WorkNode Capture(string id, string author, params string[] references) =>
        new(id, $"Capture {id}", 2020, [author], references);

    static WorkNode Work(string id, int? year = 2000, string[]? references = null, string[]? authors = null, string? title = null) =>
        new(id, title ?? $"Work {id}", year, authors ?? [], references);

    [Fact]
    public void WorkCitedByMoreCapturesRanksFirst()
    {
        var graph = new ReaderGraph([Capture("a", "X", "old", "older"), Capture("b", "Y", "older")], [Work("old"), Work("older")]);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        Assert.Equal(["older", "old"], result.Works.Select(w => w.Id));
    }

    [Fact]
    public void DistinctWritersBeatOneWriterCitingRepeatedly()
    {
        // One writer cites "echo" from three pages; two different writers cite "chorus" once each.
        var graph = new ReaderGraph(
            [Capture("p1", "Solo, Ann", "echo"), Capture("p2", "Solo, Ann", "echo"), Capture("p3", "Solo, Ann", "echo", "chorus"), Capture("q", "Other, Bob", "chorus")],
            [Work("echo"), Work("chorus")]);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        Assert.Equal("chorus", result.Works[0].Id);
        Assert.StartsWith("cited by 1 writer you read (Ann Solo)", result.Works.Single(w => w.Id == "echo").Reason);
        Assert.Equal(3, result.Works.Single(w => w.Id == "echo").CitingCaptures.Count);
    }

    [Fact]
    public void TwoHopSupportSurfacesARootNoCaptureCites()
    {
        // Three works the captures cite all cite "root"; no capture cites it directly.
        var graph = new ReaderGraph(
            [Capture("a", "A", "m1", "m2", "lonely"), Capture("b", "B", "m3")],
            [Work("m1", 2010, ["root"]), Work("m2", 2011, ["root"]), Work("m3", 2012, ["root"]), Work("lonely", 2015, []), Work("root", 1990)]);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        var ids = result.Works.Select(w => w.Id).ToList();
        var root = result.Works.Single(w => w.Id == "root");
        Assert.True(ids.IndexOf("root") < ids.IndexOf("lonely"));
        Assert.Empty(root.CitingCaptures);
        Assert.Equal(["m1", "m2", "m3"], root.CitingWorks);
        Assert.StartsWith("cited by 3 works your writers cite, most strongly \u201CWork m1\u201D (2010), which A cites", root.Reason);
        Assert.DoesNotContain("1990", root.Reason); // its year is a field of its own, shown beside the title
        // The chains: through the works the captures cite, the strongest first, each from a capture to the root.
        Assert.Equal([["a", "m1", "root"], ["a", "m2", "root"], ["b", "m3", "root"]], root.Lineage.Select(chain => chain.Select(s => s.Id)));
        Assert.Equal(["capture", "work", "work"], root.Lineage[0].Select(s => s.Kind));
        Assert.Equal([2020, 2010, 1990], root.Lineage[0].Select(s => s.Year));
    }

    [Fact]
    public void ExcludedWorksAndPeopleNeverComeBack()
    {
        var graph = new ReaderGraph(
            [Capture("a", "A", "keep", "dismissed"), Capture("b", "B", "dismissed")],
            [Work("keep", authors: ["Kept, Kim"]), Work("dismissed", authors: ["Gone, Gus"])]);
        var excluded = new HashSet<string> { "dismissed", "person:Gus Gone" };

        var result = UpstreamRanker.Rank(graph, new RankOptions(Excluded: excluded, ExploreShare: 0.5));

        Assert.Equal(["keep"], result.Works.Select(w => w.Id));
        Assert.Equal(["Kept, Kim"], result.People.Select(p => p.Name));
    }

    [Fact]
    public void CapturesAreNeverSuggested()
    {
        var graph = new ReaderGraph([Capture("a", "A", "b", "x"), Capture("b", "B", "x")], [Work("a"), Work("x")]);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        Assert.Equal(["x"], result.Works.Select(w => w.Id));
    }

    [Fact]
    public void ExplorationIsSeededAndMarked()
    {
        var references = Enumerable.Range(0, 40).Select(i => $"w{i}").ToArray();
        var graph = new ReaderGraph([Capture("a", "A", references), Capture("b", "B", references[..5])], references.Select(r => Work(r)).ToList());
        var options = new RankOptions(Limit: 10, ExploreShare: 0.2, Seed: 42);

        var first = UpstreamRanker.Rank(graph, options);
        var again = UpstreamRanker.Rank(graph, options);
        var otherSeed = UpstreamRanker.Rank(graph, options with { Seed = 43 });

        var explored = first.Works.Where(w => w.IsExploration).ToList();
        Assert.Equal(2, explored.Count);
        Assert.All(explored, w => Assert.StartsWith("exploring beyond the strongest evidence", w.Reason));
        Assert.Equal(first.Works.Select(w => (w.Id, w.IsExploration)), again.Works.Select(w => (w.Id, w.IsExploration)));
        Assert.NotEqual(explored.Select(w => w.Id), otherSeed.Works.Where(w => w.IsExploration).Select(w => w.Id));
        Assert.Equal(10, first.Works.Select(w => w.Id).Distinct().Count());
    }

    [Fact]
    public void ReasonsNameTheWritersAndTheWorksTheyCite()
    {
        var graph = new ReaderGraph(
            [Capture("a", "Ambati, Vamshi", "root", "m"), Capture("b", "Vogel, Stephan", "root"), Capture("c", "Hwa, Rebecca", "root")],
            [Work("m", 2010, ["root"]), Work("root", 1993, authors: ["Brown, Peter F."], title: "The Mathematics of Statistical Machine Translation")]);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        var root = result.Works.Single(w => w.Id == "root");
        Assert.StartsWith("cited by 3 writers you read (Vamshi Ambati, Stephan Vogel, Rebecca Hwa) and by 1 work they cite", root.Reason);
        Assert.Contains("; 24 years before the works citing it", root.Reason);
        Assert.DoesNotContain("from 1993", root.Reason); // mean of 27, 27, 27 and 17
        // Direct citations are the strongest chains, one per writer, the newest capture first among equals.
        Assert.Equal(3, root.Lineage.Count);
        Assert.All(root.Lineage, chain => Assert.Equal(["capture", "work"], chain.Select(s => s.Kind)));
        var brown = result.People.Single(p => p.Name == "Brown, Peter F.");
        Assert.Equal(["root"], brown.WorkIds);
        Assert.Contains("\u201CThe Mathematics of Statistical Machine Translation\u201D (1993)", brown.Reason);
        // A person's chain runs through their work to them.
        Assert.Equal(["capture", "work", "person"], brown.Lineage[0].Select(s => s.Kind));
        Assert.Equal(["root", "person:peterfbrown"], brown.Lineage[0].Skip(1).Select(s => s.Id));
        Assert.Equal("Peter F. Brown", brown.Lineage[0][^1].Title);
    }

    [Fact]
    public void ReasonsTellTwoHopRowsApartByTheWorkAndWriterThatCarryThem()
    {
        // Two roots no capture cites, each reached through a different cited work and writer.
        var graph = new ReaderGraph(
            [Capture("a", "Pang, Bo", "m1"), Capture("b", "Turney, Peter", "m2")],
            [Work("m1", 2005, ["r1"], title: "Sentiment of reviews"), Work("m2", 2004, ["r2"], title: "Polarity of words"),
             Work("r1", 1990), Work("r2", 1980)]);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        var r1 = result.Works.Single(w => w.Id == "r1");
        var r2 = result.Works.Single(w => w.Id == "r2");
        Assert.Contains("\u201CSentiment of reviews\u201D (2005), which Bo Pang cites", r1.Reason);
        Assert.Contains("\u201CPolarity of words\u201D (2004), which Peter Turney cites", r2.Reason);
        Assert.NotEqual(r1.Reason, r2.Reason);
        Assert.Equal([["a", "m1", "r1"]], r1.Lineage.Select(chain => chain.Select(s => s.Id)));
    }

    [Fact]
    public void LineageReachesThreeStepsAndStopsAtThreeChains()
    {
        // a cites m; m cites n (expanded); n cites deep. Five captures cite "wide".
        var graph = new ReaderGraph(
            [Capture("a", "A", "m", "wide"), Capture("b", "B", "wide"), Capture("c", "C", "wide"), Capture("d", "D", "wide")],
            [Work("m", 2010, ["n"]), Work("n", 2000, ["deep"]), Work("deep", 1985), Work("wide", 2001)]);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        Assert.Equal([["a", "m", "n", "deep"]], result.Works.Single(w => w.Id == "deep").Lineage.Select(chain => chain.Select(s => s.Id)));
        Assert.Equal(Lineage.MaxChains, result.Works.Single(w => w.Id == "wide").Lineage.Count);
    }

    [Fact]
    public void EarlierWorksRankAboveLaterOnesWithEqualSupport()
    {
        var graph = new ReaderGraph([Capture("a", "A", "recent", "classic")], [Work("recent", 2019), Work("classic", 1995)]);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        Assert.Equal(["classic", "recent"], result.Works.Select(w => w.Id));
    }

    [Fact]
    public void OnTopicCitersCountMoreThanOffTopicOnes()
    {
        // Both candidates have one citing work; the one cited from inside the reader's field wins.
        var graph = new ReaderGraph(
            [new WorkNode("a", "Active learning for parsing", 2020, ["A"], ["m1", "m2"]), new WorkNode("b", "Active learning for tagging", 2020, ["B"], ["m1", "m2"])],
            [Work("m1", 2010, ["offtopic-root"], title: "Translation memory maintenance"),
             Work("m2", 2010, ["ontopic-root"], title: "Active learning with committees"),
             Work("offtopic-root", 2000), Work("ontopic-root", 2000)]);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        var ids = result.Works.Select(w => w.Id).ToList();
        Assert.True(ids.IndexOf("ontopic-root") < ids.IndexOf("offtopic-root"));
    }

    [Fact]
    public void OneAuthorDoesNotFillTheList()
    {
        var prolific = Enumerable.Range(0, 5).Select(i => Work($"p{i}", authors: ["Prolific, Pat"]) with { CitedByCount = 100 }).ToList();
        var others = Enumerable.Range(0, 2).Select(i => Work($"o{i}", authors: [$"Other{i}, Ola"])).ToList();
        var all = prolific.Concat(others).Select(w => w.Id).ToArray();
        // The prolific author's works are a little more popular than the others'.
        var graph = new ReaderGraph([Capture("a", "A", all), Capture("b", "B", all)], [.. prolific, .. others]);

        var result = UpstreamRanker.Rank(graph, new RankOptions(Limit: 4));

        Assert.Equal(["p0", "p1"], result.Works.Take(2).Select(w => w.Id));
        Assert.Contains(result.Works.Take(4), w => w.Id.StartsWith('o'));
    }

    [Fact]
    public void APersonReferenceSuggestsThePersonNotAWork()
    {
        var graph = new ReaderGraph(
            [Capture("a", "A", "hamming", "paper"), Capture("b", "B", "hamming"), Capture("c", "C", "hamming")],
            [new WorkNode("hamming", "Richard Hamming", null, [], null, Kind: "person"), Work("paper", authors: ["Shannon, Claude"])]);

        var result = UpstreamRanker.Rank(graph, new RankOptions());

        Assert.Equal(["paper"], result.Works.Select(w => w.Id));
        var hamming = result.People.Single(p => p.Name == "Richard Hamming");
        Assert.Equal("named by 3 writers you read", hamming.Reason);
        Assert.Equal("Richard Hamming", result.People[0].Name);
    }

    [Fact]
    public void APersonsWorksAddUpSaturatingSoManyFaintWorksDoNotOutweighOneTheWholeFieldCites()
    {
        // Six works of a prolific author, each cited by one writer; one work of a root author cited by all three.
        string[] prolific = ["p1", "p2", "p3", "p4", "p5", "p6"];
        var graph = new ReaderGraph(
            [Capture("a", "X", ["root", .. prolific[..2]]), Capture("b", "Y", ["root", .. prolific[2..4]]), Capture("c", "Z", ["root", .. prolific[4..]])],
            [Work("root", authors: ["Root, Rita"]), .. prolific.Select(id => Work(id, authors: ["Many, Max"]))]);
        string[] People(RankWeights weights) =>
            [.. UpstreamRanker.Rank(UpstreamRanker.Prepare(graph, weights), new RankOptions()).People.Select(p => p.Name)];

        // A plain sum: six faint works outweigh the field's root.
        Assert.Equal(["Many, Max", "Root, Rita"], People(RankWeights.Hand with { PeopleWorkDecay = 1 }));
        // Each further work counting less than the one before, the root comes first and the prolific author stays listed.
        Assert.Equal(["Root, Rita", "Many, Max"], People(RankWeights.Hand with { PeopleWorkDecay = 0.3 }));
    }

    [Fact]
    public void AWriterCitingTheirOwnWorkIsNotCountedAsAnotherWritersCitation()
    {
        var graph = new ReaderGraph(
            [Capture("a", "Self, Sam", "own", "other"), Capture("b", "Else, Eve", "other")],
            [Work("own", authors: ["Self, Sam"]), Work("other", authors: ["Third, Tom"])]);
        var evidence = new CitationEvidence(graph);
        int Node(string id) => evidence.Ids.IndexOf(id);

        Assert.Equal(1, evidence.Writers[Node("own")]);
        Assert.Equal(0, evidence.OtherWriters[Node("own")]);
        Assert.Equal(2, evidence.OtherWriters[Node("other")]);
    }
}
