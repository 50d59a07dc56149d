using System.Text.RegularExpressions;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// A list item or footnote that argues or explains rather than cites: a "Further reading" list whose items are
/// paragraphs ("Suppose we have gradient information available, we should possibly try to use it…"), a note ("If 1% of
/// your requests are 50x the average, …", "Ties between frequently cited specialties were resolved randomly; that is,
/// if a paper cites…"). The tagger learned from references alone, so it reads any text as one, and a sentence became a
/// work's title.
/// </summary>
/// <remarks>
/// Such text is long (twenty words or more), names no year a reference would (years a sentence gives and a closing
/// short cite aside) and no identifier, opens with no byline (unless that "byline" is a sentence's subject), and reads
/// as sentences: two of the words a reference does not use, as written (<c>we</c>, <c>our</c>, <c>you</c>,
/// <c>should</c>, <c>can</c>, <c>I'm</c>, <c>me</c>…), or four of the words that hold sentences together or tell a story
/// (<c>is</c>, <c>were</c>, <c>that</c>, <c>which</c>, <c>if</c>, <c>their</c>, <c>he</c>, <c>her</c>, <c>then</c>…). A
/// byline first is a reference with an annotation after it (annotated bibliographies argue too: ugly-3280). Of the 9,906
/// labelled reference strings one reads as prose, and it is a note to the reader that the data labels as a reference
/// (ugly-3196: "Please note that we receive a lot of training data…"); the explanatory notes' widening changed none.
/// </remarks>
public static partial class ProseText
{
    const int MinWords = 20;

    static readonly HashSet<string> Addressing = new(StringComparer.Ordinal)
    {
        "we", "our", "us", "you", "your", "my", "should", "could", "would", "might", "must", "can", "will", "shall",
        "let's", "don't", "doesn't", "isn't", "it's", "there's", "we're", "you're", "i'm", "we've", "you'll", "I'm", "I've",
        "I'd", "me",
    };

    static readonly HashSet<string> Joining = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "been", "has", "have", "had", "that", "which", "it", "this", "these", "there", "their",
        "its", "they", "if", "when", "because", "so", "not", "also", "he", "him", "his", "she", "her", "them", "then", "but",
        "who", "did",
    };

    /// <summary>Whether the tokens <paramref name="labels"/> were given for are prose; <paramref name="text"/> is what they were cut from.</summary>
    /// <remarks>
    /// An explanatory note (Wikipedia's "Notes": <c>According to Shelton, Dylan named the tour Rolling Thunder and then
    /// "appeared pleased when…". Shelton (2011), p. 456.</c>, <c>Dylan told Gilmore: "As far as Henry Timrod is concerned,
    /// have you even heard of him?…"</c>) argues too, and names its source only in a short cite at its end, which
    /// points at the bibliography where that source is listed whole. Such a cite, and years that sentences give ("in
    /// 1958", "the 1960s"), do not make the text a reference, and its first words are a sentence's subject, not a byline,
    /// when they hold a lower-case word no name has ("According to Shelton", "Dylan told Gilmore").
    /// </remarks>
    public static bool LooksLikeProse(string text, IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (tokens.Count < MinWords) return false;
        if (labels[0] is RefLabel.Author or RefLabel.Editor && !OpensWithASentence(tokens, labels)) return false;
        if (text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || text.Contains("doi", StringComparison.OrdinalIgnoreCase) || text.Contains("arxiv", StringComparison.OrdinalIgnoreCase)
            || text.Contains("10.", StringComparison.Ordinal) && text.Contains('/'))
            return false;
        // The words first (few references have them), the years after.
        if (!ReadsAsSentences(tokens)) return false;
        return RefFeatures.FirstYear(text) is null || !HasAReferencesYear(TrailingShortCite().Replace(text, ""));
    }

    static bool ReadsAsSentences(IReadOnlyList<RefToken> tokens)
    {
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

    /// <summary>
    /// Whether the run labelled byline at the start holds a word of a sentence: lower case, two letters or more, no
    /// particle of a name and no conjunction between names ("According to Dylan biographer Robert Shelton", "Dylan told
    /// Gilmore"). A byline's lower-case words are particles (van, von, der, da), "and", or an editor's mark.
    /// </summary>
    static bool OpensWithASentence(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (SentenceOpeners.Contains(tokens[0].Text.TrimEnd(','))) return true;
        for (var i = 0; i < labels.Length && labels[i] is RefLabel.Author or RefLabel.Editor; i++)
        {
            var word = tokens[i].Text.Trim(',', '.', ':', ';', '(', ')');
            if (word.Length >= 2 && word.All(char.IsLower) && !IsABylineWord(word)) return true;
        }
        return false;
    }

    // Words that open a sentence and no name: "While Hartley was writing…", "After Morrow left…".
    static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "According", "While", "When", "After", "Before", "Although", "Though", "Since", "During", "As", "This", "These",
        "It", "There", "He", "She", "They", "His", "Her", "We", "If", "Unlike", "Despite", "Following", "Asked", "In",
    };

    // A byline's own lower-case words: the lexicons' particles, conjunctions and editor's marks, and the few particles
    // they leave out.
    static bool IsABylineWord(string word) =>
        RefLexicons.Particles.Contains(word) || RefLexicons.Conjunctions.Contains(word) || RefLexicons.EditorMarks.Contains(word)
        || word is "of" or "vom" or "af" or "av" or "ap" or "edd";

    /// <summary>Whether a year stands in the text as a reference's date does, not as a sentence's ("in 1958", "the 1960s", "since 1990").</summary>
    static bool HasAReferencesYear(string text)
    {
        foreach (Match year in Year().Matches(text))
            if (!year.Groups["prose"].Success) return true;
        return false;
    }

    // A year, with the English word before it that makes it a sentence's date ("in 1958", "his 1963 fantasy", "the
    // 1960s"), or with a decade's "s" after it. A reference's year follows punctuation, a month (also "avril", "de"), a
    // name or its container.
    [GeneratedRegex(@"(?<prose>(?<![\p{L}'’])(?:[Ii]n|[Ss]ince|[Uu]ntil|till|[Bb]y|[Ff]rom|of|the|early|late|mid|around|about|his|her|their|its|our|an?|this|that|[Aa]fter|[Bb]efore|[Dd]uring|[Bb]etween|than)\s+)?(?<!\d)(?:1[5-9]|20)\d\d(?!\d)(?<prose>s\b)?")]
    private static partial Regex Year();

    // A short cite closing the note: "Shelton (2011), pp. 44–45.", "Gray (2006), p. 453.", "See Shelton, pp. 35–36.",
    // "Sounes 2001, p. 14." — a name or two, a year or a page, after the note's last sentence.
    [GeneratedRegex(@"(?<=[.!?""”’)]\s+)(?:See\s+(?:also\s+)?)?\p{Lu}[\p{L}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+|\s+et\s+al\.?)?(?:,?\s*\(?(?:1[5-9]|20)\d\d[a-z]?\)?)?(?:,?\s*pp?\.\s*[\dxivlc]+(?:\s*[–-]\s*[\dxivlc]+)?)?\.?\s*$")]
    private static partial Regex TrailingShortCite();
}
