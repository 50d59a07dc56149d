// Written by tools/Hqt.Ranking.Tune (cv --write): fitted on dev + dev-b; the report is docs/ranking-report.md.
namespace Hqt.Upstream;

partial record RankWeights
{
    internal static TextChoices FittedText { get; } = new(6, 4, 0.3);

    static RankWeights Fitted { get; } = FromPairs(0.85, 1, 4, 150, 1, 1,
        (Feature.Writers, 1),
        (Feature.TwoHopWriters, 0.245),
        (Feature.TwoHopTopic, 3),
        (Feature.Popularity, 0.3),
        (Feature.Age, 0.42),
        (Feature.Topic, 2.1),
        (Feature.LocalCitations, 0.021),
        (Feature.PageRank, 0.042),
        (Feature.YearPeak, 0.01),
        (Feature.CoCitation, 0.007),
        (Feature.Coupling, 0.07),
        (Feature.TwoHopTopicSquared, 0.1),
        (Feature.FieldCiters, 0.3),
        (Feature.FieldShareCitations, 0.1),
        (Feature.InField, 1.4),
        (Feature.AuthorField, 0.3)) with { PeopleCiteSum = 0.3, PeopleCredited = 0, PeopleWriters = 1.4, PeopleFieldWorks = 1, PeopleWorks = -1, PeopleCitations = 0, PeopleRecency = -0.3, PeopleWorkDecay = 0.5, PeopleAuthorShare = 0, PeopleReach = 0 };

    static RankWeights FittedCapturesOnly { get; } = FromPairs(0.85, 2, 0, 150, 0, 0,
        (Feature.Writers, 1),
        (Feature.TwoHopWriters, 0.25),
        (Feature.TwoHopTopic, 1),
        (Feature.Popularity, 0.02),
        (Feature.Age, 0.168),
        (Feature.Topic, 0.03),
        (Feature.PageRank, 0.03),
        (Feature.YearPeak, 0.014),
        (Feature.AuthorSupport, 0.007),
        (Feature.InField, 0.14),
        (Feature.AuthorField, 0.042)) with { PeopleCiteSum = 0, PeopleCredited = 0, PeopleWriters = 0, PeopleFieldWorks = 0, PeopleWorks = 0, PeopleCitations = 0, PeopleRecency = 0, PeopleWorkDecay = 1, PeopleAuthorShare = 0, PeopleReach = 0 };
}
