namespace Hqt.Upstream;

/// <summary>
/// How titles are read into terms and how the field's words are found: the stem length of a title word
/// (<see cref="TitleTerms"/>), and the greedy cover of the captures' titles (<see cref="TopicProfile"/>): the power of the
/// captures a term newly covers (higher: coverage dominates rarity) and the share of the captures left below which the
/// cover stops. Generic text rules, the same for every field; <see cref="Default"/> is the set tools/Hqt.Ranking.Tune
/// chose on the training topics (RankWeights.Fitted.cs), so cross-validation makes this choice inside each fold too.
/// </summary>
/// <param name="StemLength">Words longer than this are cut to it (truncation stemming).</param>
/// <param name="CoverPower">The cover's pick maximises (captures newly covered)^power × rarity.</param>
/// <param name="CoverStop">The cover stops when its best pick covers under this share of the captures not covered yet.</param>
sealed record TextChoices(int StemLength, double CoverPower, double CoverStop)
{
    /// <summary>The choices of issue 19's first round, made on dev + dev-b by looking: the tuner's starting point.</summary>
    public static TextChoices Initial { get; } = new(6, 3, 0.3);

    /// <summary>The fitted choices (see RankWeights.Fitted.cs).</summary>
    public static TextChoices Default => RankWeights.FittedText;

    /// <summary>The neighbours the tuner tries around <see cref="Initial"/>, one knob at a time.</summary>
    public static IReadOnlyList<TextChoices> Candidates { get; } =
    [
        Initial,
        Initial with { StemLength = 5 }, Initial with { StemLength = 7 }, Initial with { StemLength = 64 },
        Initial with { CoverPower = 2 }, Initial with { CoverPower = 4 },
        Initial with { CoverStop = 0.2 }, Initial with { CoverStop = 0.4 },
    ];

    public override string ToString() => $"stem {StemLength}, cover power {CoverPower:0.##}, cover stop {CoverStop:0.##}";
}
