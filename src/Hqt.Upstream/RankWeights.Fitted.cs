// Written by tools/Hqt.Ranking.Tune (cv --write): fitted on dev + dev-b; the report is docs/ranking-report.md.
namespace Hqt.Upstream;

partial record RankWeights
{
    internal static TextChoices FittedText { get; } = new(6, 3, 0.3);

    static RankWeights Fitted { get; } = FromPairs(0.85, 2, 4.2, 600, 0,
        (Feature.Writers, 1),
        (Feature.TwoHopWriters, 0.35),
        (Feature.TwoHopTopic, 4.2),
        (Feature.Popularity, 0.14),
        (Feature.Age, 0.3),
        (Feature.Topic, 3),
        (Feature.LocalCitations, 0.1),
        (Feature.YearPeak, 0.03),
        (Feature.Coupling, 0.01),
        (Feature.FieldCitations, 0.03),
        (Feature.TwoHopTopicSquared, 0.007),
        (Feature.FieldCiters, 0.3),
        (Feature.FieldShareCitations, 0.1),
        (Feature.InField, 1));

    static RankWeights FittedCapturesOnly { get; } = FromPairs(0.85, 2, 0, 150, 0,
        (Feature.Writers, 1),
        (Feature.TwoHopWriters, 0.25),
        (Feature.TwoHopTopic, 1),
        (Feature.Popularity, 0.02),
        (Feature.Age, 0.2352),
        (Feature.Topic, 0.14),
        (Feature.LocalCitations, 0.1),
        (Feature.AuthorSupport, 0.042),
        (Feature.InField, 0.14));
}
