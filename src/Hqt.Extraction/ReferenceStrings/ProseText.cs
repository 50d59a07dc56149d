namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// A list item or footnote that argues rather than cites: a "Further reading" list whose items are paragraphs ("Suppose
/// we have gradient information available, we should possibly try to use it…"), a note that explains ("If 1% of your
/// requests are 50x the average, …"). The tagger learned from references alone, so it reads any text as one, and a
/// sentence became a work's title. Such text is long, names no year and no identifier, and speaks to someone: at least
/// two of the words references do not use, as written in lower case (<c>we</c>, <c>our</c>, <c>you</c>, <c>should</c>,
/// <c>can</c>…). Of the 9,906 labelled reference strings one reads so, and it is a note to the reader that the data
/// labels as a reference (ugly-3196: "Please note that we receive a lot of training data…").
/// </summary>
public static class ProseText
{
    const int MinWords = 20;

    static readonly HashSet<string> Addressing = new(StringComparer.Ordinal)
    {
        "we", "our", "us", "you", "your", "my", "should", "could", "would", "might", "must", "can", "will", "shall",
        "let's", "don't", "doesn't", "isn't", "it's", "there's", "we're", "you're", "i'm", "we've", "you'll",
    };

    public static bool LooksLikeProse(string text, IReadOnlyList<RefToken> tokens)
    {
        if (tokens.Count < MinWords) return false;
        if (RefFeatures.FirstYear(text) is not null || text.Contains("http", StringComparison.OrdinalIgnoreCase)
            || text.Contains("www.", StringComparison.OrdinalIgnoreCase) || text.Contains("doi", StringComparison.OrdinalIgnoreCase)
            || text.Contains("arxiv", StringComparison.OrdinalIgnoreCase) || text.Contains("10.", StringComparison.Ordinal) && text.Contains('/'))
            return false;
        string? seen = null;
        foreach (var token in tokens)
        {
            var word = token.Text.Trim('"', '“', '”', '‘', '(', ')', ',', '.', ';', ':', '!', '?').Replace('’', '\'');
            if (!Addressing.Contains(word)) continue;
            if (seen is not null && seen != word) return true;
            seen = word;
        }
        return false;
    }
}
