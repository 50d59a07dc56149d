namespace Hqt.Upstream;

/// <summary>
/// How much each <see cref="Feature"/> counts, and the knobs that shape the lists: how much a repeated author is
/// discounted, and how a person's score gathers their works' (a power of each work's score, plus the distinct works and
/// captures citing any of their works, logged: a root author is one the field cites across many works; and how many of the
/// best works people are drawn from). <see cref="Default"/> is the set fitted on
/// the dev and dev-b scenarios of ../shared/eval/suggest by <c>tools/Hqt.Ranking.Tune</c> (RankWeights.Fitted.cs, with its
/// leave-topics-out report in docs/ranking.md); <see cref="Hand"/> is the hand-chosen set it replaced, kept as the baseline.
/// </summary>
sealed partial record RankWeights(double[] Of, double RepeatAuthorDecay, double PeoplePower, double PeopleCiters = 0, int PeoplePool = 150, double PeopleAllCiters = 0, double PeopleFieldCitations = 0)
{
    /// <summary>Weight of <see cref="PeopleIndex.FieldCiteSum"/>: the field's citations summed over all of a person's works, saturating.</summary>
    public double PeopleCiteSum { get; init; }

    /// <summary>Weight of <see cref="PeopleIndex.CreditedCites"/>: the same sum, each work's share split among its authors.</summary>
    public double PeopleCredited { get; init; }

    /// <summary>Weight of <see cref="PeopleIndex.WriterReach"/>: how many of your writers reach the person in one or two hops.</summary>
    public double PeopleWriters { get; init; }

    /// <summary>Weight of <see cref="PeopleIndex.FieldWorks"/>: how many of a person's cited works are of the field themselves.</summary>
    public double PeopleFieldWorks { get; init; }

    /// <summary>Weight of <see cref="PeopleIndex.WorkCount"/>: how many of a person's works are cited here.</summary>
    public double PeopleWorks { get; init; }

    /// <summary>Weight of <see cref="PeopleIndex.WorldCitations"/>: the wider world's citations of a person's works.</summary>
    public double PeopleCitations { get; init; }

    /// <summary>Weight of <see cref="PeopleIndex.Recency"/>: how recent a person's newest cited work is.</summary>
    public double PeopleRecency { get; init; }

    /// <summary>
    /// Each further pooled work of a person counts this share of the one before (1: a plain sum): a saturating sum over
    /// their works, so a prolific author's many middling works do not outweigh a root author's few strong ones.
    /// </summary>
    public double PeopleWorkDecay { get; init; } = 1;

    /// <summary>A work's lift to each author is divided by (its author count)^this: 0 is full credit to each, 1 fractional.</summary>
    public double PeopleAuthorShare { get; init; }

    /// <summary>
    /// How many of the people the field cites most (<see cref="PeopleIndex.ByFieldCiters"/>) are considered beside the
    /// authors of the pooled works: a root author whose works each score low is still one the field cites across many.
    /// </summary>
    public int PeopleReach { get; init; }

    /// <summary>Writer counts are a share of at most this many writers: in a large library, ten distinct writers citing a work is as strong as it gets, and more still adds.</summary>
    public const int WriterScaleCap = 10;

    /// <summary>For a graph where lookups expanded some works (their references are known): the two-hop evidence exists.</summary>
    public static RankWeights Default => Fitted;

    /// <summary>For a graph of captures and what they cite only: no second hop, so the same evidence weighs otherwise.</summary>
    public static RankWeights CapturesOnly => FittedCapturesOnly;

    /// <summary>The fitted set for a graph: <see cref="Default"/> when any known work lists its references, else <see cref="CapturesOnly"/>.</summary>
    internal static RankWeights For(CitationEvidence evidence) => evidence.WorkCiters.Length > 0 ? Default : CapturesOnly;

    /// <summary>The weights of issue 5, chosen by hand on the dev scenarios: writers 1, two hops 0.5 × (0.5 writers + 2 topic), popularity 0.02, age 0.12, topic 0.15.</summary>
    public static RankWeights Hand { get; } = FromPairs(0.85, 2,
        (Feature.Writers, 1.0), (Feature.TwoHopWriters, 0.25), (Feature.TwoHopTopic, 1.0),
        (Feature.Popularity, 0.02), (Feature.Age, 0.12), (Feature.Topic, 0.15));

    public double this[Feature feature] => Of[(int)feature];

    public RankWeights With(Feature feature, double weight)
    {
        var of = (double[])Of.Clone();
        of[(int)feature] = weight;
        return this with { Of = of };
    }

    public static RankWeights FromPairs(double repeatAuthorDecay, double peoplePower, params (Feature Feature, double Weight)[] weights) =>
        FromPairs(repeatAuthorDecay, peoplePower, 0, weights);

    public static RankWeights FromPairs(double repeatAuthorDecay, double peoplePower, double peopleCiters, params (Feature Feature, double Weight)[] weights) =>
        FromPairs(repeatAuthorDecay, peoplePower, peopleCiters, 150, weights);

    public static RankWeights FromPairs(double repeatAuthorDecay, double peoplePower, double peopleCiters, int peoplePool, params (Feature Feature, double Weight)[] weights) =>
        FromPairs(repeatAuthorDecay, peoplePower, peopleCiters, peoplePool, 0, weights);

    public static RankWeights FromPairs(double repeatAuthorDecay, double peoplePower, double peopleCiters, int peoplePool, double peopleAllCiters, params (Feature Feature, double Weight)[] weights) =>
        FromPairs(repeatAuthorDecay, peoplePower, peopleCiters, peoplePool, peopleAllCiters, 0, weights);

    public static RankWeights FromPairs(double repeatAuthorDecay, double peoplePower, double peopleCiters, int peoplePool, double peopleAllCiters, double peopleFieldCitations, params (Feature Feature, double Weight)[] weights)
    {
        var of = new double[RankFeatures.Count];
        foreach (var (feature, weight) in weights) of[(int)feature] = weight;
        return new RankWeights(of, repeatAuthorDecay, peoplePower, peopleCiters, peoplePool, peopleAllCiters, peopleFieldCitations);
    }

    public override string ToString() =>
        string.Join(", ", Enum.GetValues<Feature>().Where(f => this[f] != 0).Select(f => $"{f} {this[f]:0.###}"))
        + $"; repeat-author decay {RepeatAuthorDecay:0.##}; people power {PeoplePower:0.##}; people citers {PeopleCiters:0.###}; people pool {PeoplePool}; people all citers {PeopleAllCiters:0.###}; people field citations {PeopleFieldCitations:0.###}"
        + $"; people cite sum {PeopleCiteSum:0.###}; people credited {PeopleCredited:0.###}; people writers {PeopleWriters:0.###}; people field works {PeopleFieldWorks:0.###}; people works {PeopleWorks:0.###}; people citations {PeopleCitations:0.###}; people recency {PeopleRecency:0.###}; people work decay {PeopleWorkDecay:0.###}; people author share {PeopleAuthorShare:0.###}; people reach {PeopleReach}";
}
