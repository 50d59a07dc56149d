namespace Hqt.Upstream;

/// <summary>
/// The weights of the evidence, chosen on the dev scenarios of ../shared/eval/suggest (never on the held-out
/// topics) where the score surface was flat around them: none is tuned to a third decimal.
/// </summary>
static class RankWeights
{
    /// <summary>Direct support: distinct writers you read who cite it, as a share of your writers.</summary>
    public const double Writers = 1.0;

    /// <summary>Writer counts are a share of at most this many writers: in a large library, ten distinct writers citing a work is as strong as it gets, and more still adds.</summary>
    public const int WriterScaleCap = 10;

    /// <summary>Two-hop support: the sum of the weights of the known works that cite it.</summary>
    public const double TwoHop = 0.5;

    /// <summary>A citing work weighs by how many of your writers cite it ...</summary>
    public const double CiterWriters = 0.5;

    /// <summary>... and, more, by how close its title is to what you read: citations from inside your field count.</summary>
    public const double CiterTopic = 2.0;

    /// <summary>Popularity, log(1 + cited_by_count): a small prior, since raw popularity alone ranks poorly.</summary>
    public const double Popularity = 0.02;

    /// <summary>The candidate's own closeness to what you read.</summary>
    public const double Topic = 0.15;

    /// <summary>log(1 + years between the citing works and it): upstream means earlier, and older roots have shaped more.</summary>
    public const double Age = 0.12;

    /// <summary>A person's third and later works in the list are multiplied by this per extra work, so one prolific author does not fill it.</summary>
    public const double RepeatAuthorDecay = 0.85;
}
