// Written by tools/Hqt.Ranking.Tune (cv --write): fitted on dev + dev-b; the report is docs/ranking-report.md.
namespace Hqt.Upstream;

partial record RankWeights
{
    static RankWeights Fitted { get; } = FromPairs(0.85, 2, 0,
        (Feature.Writers, 1),
        (Feature.TwoHopWriters, 0.48999999999999994),
        (Feature.TwoHopTopic, 4.199999999999999),
        (Feature.Popularity, 0.19599999999999998),
        (Feature.Age, 0.42),
        (Feature.Topic, 2.0999999999999996),
        (Feature.PageRank, 0.1),
        (Feature.YearPeak, 0.01),
        (Feature.FieldPopularity, 0.006999999999999999),
        (Feature.Coupling, 0.01),
        (Feature.FieldCitations, 0.01),
        (Feature.TwoHopTopicSquared, 0.1),
        (Feature.FieldCiters, 0.42),
        (Feature.FieldShareCitations, 0.1),
        (Feature.InField, 1.9599999999999997));

    static RankWeights FittedCapturesOnly { get; } = FromPairs(1, 2, 0,
        (Feature.Writers, 1),
        (Feature.TwoHopWriters, 0.25),
        (Feature.TwoHopTopic, 1),
        (Feature.Popularity, 0.02),
        (Feature.Age, 0.16799999999999998),
        (Feature.Topic, 0.1),
        (Feature.AuthorSupport, 0.03),
        (Feature.InField, 0.13999999999999999));
}
