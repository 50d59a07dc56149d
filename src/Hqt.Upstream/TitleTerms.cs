namespace Hqt.Upstream;

/// <summary>
/// The terms of a title as 64-bit hashes: words (no stop words, no single letters) and adjacent word pairs,
/// so "active learning" weighs more than "active" and "learning" apart. A char loop, no regex and no
/// substrings: it runs over every title the ranker looks at.
/// </summary>
static class TitleTerms
{
    static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "from", "by", "using", "via", "based", "its",
        "is", "are", "at", "as", "into", "toward", "towards", "over", "under", "we", "our", "can", "be", "this", "that",
    };
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Appends the distinct terms of <paramref name="title"/> to <paramref name="terms"/>; returns how many words it has.</summary>
    /// <param name="stemLength">Words longer than this are cut to it (truncation stemming, <see cref="TextChoices.StemLength"/>).</param>
    public static int Collect(string? title, List<ulong> terms, int stemLength)
    {
        terms.Clear();
        if (string.IsNullOrEmpty(title)) return 0;
        Span<char> word = stackalloc char[64];
        ulong previous = 0;
        var previousUsable = false;
        var words = 0;
        var i = 0;
        while (i < title.Length)
        {
            while (i < title.Length && !char.IsLetterOrDigit(title[i])) i++;
            var length = 0;
            while (i < title.Length && char.IsLetterOrDigit(title[i]))
            {
                if (length < word.Length) word[length++] = char.ToLowerInvariant(title[i]);
                i++;
            }
            if (length == 0) break;
            var token = word[..length];
            // Stop words are matched whole; terms are stems: the first letters of a word, so "annotated", "annotating"
            // and "annotation" are one term, as are "summarization" and "summarizing".
            var stem = length > stemLength ? word[..stemLength] : token;
            var isStop = StopLookup.Contains(token);
            var hash = Hash(stem);
            if (!isStop && length > 1 && AddDistinct(terms, hash)) words++;
            if (!isStop && previousUsable) AddDistinct(terms, Pair(previous, hash));
            previous = hash;
            previousUsable = !isStop;
        }
        return words;
    }

    static bool AddDistinct(List<ulong> terms, ulong term)
    {
        if (terms.Contains(term)) return false;
        terms.Add(term);
        return true;
    }

    // FNV-1a over the lower-cased characters.
    static ulong Hash(ReadOnlySpan<char> token)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in token) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    static ulong Pair(ulong first, ulong second) => (first * 31 + 0x9E3779B97F4A7C15UL) ^ (second * 1099511628211UL + 1);
}
