using System.Runtime.CompilerServices;

namespace Hqt.Extraction.Parsing;

/// <summary>
/// What a class or id says in the words the rules look for: Readability's lists (furniture, article, positive,
/// negative, sharing) and the stems of reference-list containers. One pass finds every list with a word in the value;
/// <see cref="DomIndex"/> reads each distinct class and id of a page once.
/// </summary>
/// <remarks>
/// Words match as case-insensitive substrings ("sidebar-left" is unlikely, "brand" holds "and"), except "hid", which
/// Readability's negative pattern holds as a whole word. Vectorised searches (SearchValues) answered one list per scan;
/// a class that held any word paid eight of them, and most classes hold one ("content", "page", "header"), so one
/// scalar pass that reports every list at once costs less: 102 ns a value over the corpus's 152k class and id values,
/// against 324 ns for one vectorised search for every word that then reads the lists where one starts. ASCII-only folding
/// equals OrdinalIgnoreCase here: every word is ASCII and no non-ASCII character folds to an ASCII letter under it.
/// </remarks>
static class ClassWords
{
    [Flags]
    public enum Lists : byte
    {
        None = 0,
        /// <summary>Furniture: comments, footers, menus, sidebars, sharing.</summary>
        Unlikely = 1,
        /// <summary>Saves an unlikely element when it also says it may be the article ("article", "body", "main"…).</summary>
        Maybe = 2,
        Positive = 4,
        Negative = 8,
        Share = 16,
        /// <summary>A stem every reference-list container's name holds ("references", "bibliography", "footnotes", "csl-…").</summary>
        ReferenceContainer = 32,
    }

    const string UnlikelyWords = "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote";
    const string MaybeWords = "and|article|body|column|content|main|mathjax|shadow";
    const string PositiveWords = "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story";
    const string NegativeWords = "-ad-|hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget";
    const string ShareWords = "share|sharedaddy";
    const string ReferenceContainerWords = "ref|bib|note|cit|lit|csl|fn-";

    /// <summary>Every word with the lists that hold it, grouped by its first character (ASCII).</summary>
    static readonly (string Word, Lists Lists)[]?[] ByFirst = new (string, Lists)[]?[128];

    /// <summary>Which pairs of ASCII characters start a word (or "hid"): bit <c>second % 64</c> of <c>Pairs[first * 2 + second / 64]</c>.</summary>
    static readonly ulong[] Pairs = new ulong[256];

    static ClassWords()
    {
        var lists = new Dictionary<string, Lists>(StringComparer.Ordinal);
        foreach (var (words, list) in new[] { (UnlikelyWords, Lists.Unlikely), (MaybeWords, Lists.Maybe), (PositiveWords, Lists.Positive), (NegativeWords, Lists.Negative), (ShareWords, Lists.Share), (ReferenceContainerWords, Lists.ReferenceContainer) })
            foreach (var word in words.Split('|'))
                lists[word] = lists.GetValueOrDefault(word) | list;
        foreach (var group in lists.GroupBy(pair => pair.Key[0]))
            ByFirst[group.Key] = group.Select(pair => (pair.Key, pair.Value)).ToArray();
        foreach (var word in lists.Keys.Append("hid"))
            Pairs[word[0] * 2 + (word[1] >> 6)] |= 1UL << (word[1] & 63);
    }

    /// <summary>The lists with a word in <paramref name="value"/>; <see cref="Lists.Negative"/> also for the word "hid".</summary>
    public static Lists Of(string? value)
    {
        if (string.IsNullOrEmpty(value)) return Lists.None;
        var text = value.AsSpan();
        var found = Lists.None;
        // Every word is at least three characters long. Most positions are ruled out by their first two characters.
        for (var i = 0; i + 2 < text.Length; i++)
        {
            var c = Lower(text[i]);
            var next = Lower(text[i + 1]);
            if ((c | next) >= 128 || (Pairs[c * 2 + (next >> 6)] & 1UL << (next & 63)) == 0) continue;
            foreach (var (word, lists) in ByFirst[c] ?? [])
                if ((found & lists) != lists && StartsWith(text, i, word)) found |= lists;
            if (c == 'h' && (found & Lists.Negative) == 0 && IsWord(text, i, "hid")) found |= Lists.Negative;
        }
        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static char Lower(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

    // The first character is already known to match.
    static bool StartsWith(ReadOnlySpan<char> text, int at, string word)
    {
        if (text.Length - at < word.Length) return false;
        for (var k = 1; k < word.Length; k++)
            if (Lower(text[at + k]) != word[k]) return false;
        return true;
    }

    // A whole space-separated token, as PageScan.HasToken reads one.
    static bool IsWord(ReadOnlySpan<char> text, int at, string word) =>
        StartsWith(text, at, word)
        && (at == 0 || char.IsWhiteSpace(text[at - 1]))
        && (at + word.Length == text.Length || char.IsWhiteSpace(text[at + word.Length]));
}
