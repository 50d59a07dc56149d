namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// A list item or footnote that argues or explains rather than cites: a "Further reading" list whose items are
/// paragraphs ("Suppose we have gradient information available, we should possibly try to use it…"), a note ("If 1% of
/// your requests are 50x the average, …", "Ties between frequently cited specialties were resolved randomly; that is,
/// if a paper cites…"). The tagger learned from references alone, so it reads any text as one, and a sentence became a
/// work's title.
/// </summary>
/// <remarks>
/// Such text is long (twenty words or more), names no year and no identifier, opens with no byline, and reads as
/// sentences: two of the words a reference does not use, as written in lower case (<c>we</c>, <c>our</c>, <c>you</c>,
/// <c>should</c>, <c>can</c>…), or four of the words that hold sentences together (<c>is</c>, <c>were</c>, <c>that</c>,
/// <c>which</c>, <c>if</c>, <c>their</c>…). A byline first is a reference with an annotation after it (annotated
/// bibliographies argue too: ugly-3280). Of the 9,906 labelled reference strings one reads as prose, and it is a note
/// to the reader that the data labels as a reference (ugly-3196: "Please note that we receive a lot of training data…").
/// </remarks>
public static class ProseText
{
    const int MinWords = 20;

    static readonly HashSet<string> Addressing = new(StringComparer.Ordinal)
    {
        "we", "our", "us", "you", "your", "my", "should", "could", "would", "might", "must", "can", "will", "shall",
        "let's", "don't", "doesn't", "isn't", "it's", "there's", "we're", "you're", "i'm", "we've", "you'll",
    };

    static readonly HashSet<string> Joining = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "been", "has", "have", "had", "that", "which", "it", "this", "these", "there", "their",
        "its", "they", "if", "when", "because", "so", "not", "also",
    };

    /// <summary>Whether the tokens <paramref name="labels"/> were given for are prose; <paramref name="text"/> is what they were cut from.</summary>
    public static bool LooksLikeProse(string text, IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (tokens.Count < MinWords || labels[0] is RefLabel.Author or RefLabel.Editor) return false;
        if (RefFeatures.FirstYear(text) is not null || text.Contains("http", StringComparison.OrdinalIgnoreCase)
            || text.Contains("www.", StringComparison.OrdinalIgnoreCase) || text.Contains("doi", StringComparison.OrdinalIgnoreCase)
            || text.Contains("arxiv", StringComparison.OrdinalIgnoreCase) || text.Contains("10.", StringComparison.Ordinal) && text.Contains('/'))
            return false;
        string? addressing = null;
        var joining = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            var word = token.Text.Trim('"', '“', '”', '‘', '(', ')', ',', '.', ';', ':', '!', '?').Replace('’', '\'');
            if (Joining.Contains(word) && joining.Add(word) && joining.Count >= 4) return true;
            if (!Addressing.Contains(word)) continue;
            if (addressing is not null && addressing != word) return true;
            addressing = word;
        }
        return false;
    }
}
