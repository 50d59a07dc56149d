// Written by tools/Hqt.Ranking.Tune (--write); see docs/ranking.md for the report it was fitted with.
namespace Hqt.Upstream;

partial record RankWeights
{
    static RankWeights Fitted => Hand;
}
