using System.Text.RegularExpressions;

namespace Hqt.Extraction.References;

/// <summary>
/// Title, authors and year read from the text of one bibliography entry, for the common shapes:
/// <c>Authors (2006) Title. Journal…</c> (Vancouver/PLOS, APA), <c>Authors. Title. Journal 9, 1 (2020).</c> (Nature),
/// and <c>Author. "Title". Site. 2020.</c> (Chicago, Wikipedia's cite templates).
/// </summary>
static partial class CitationText
{
    [GeneratedRegex(@"[""\u201c\u201e\u00ab](?<t>[^""\u201c\u201d\u201e\u00ab\u00bb]{8,300})[""\u201d\u00bb]", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\((?<y>(?:1[5-9]|20)\d{2})[a-z]?(?:[,;][^)]{0,30})?\)\.?", RegexOptions.CultureInvariant)]
    private static partial Regex ParenYear();

    [GeneratedRegex(@"(?<![\d\-/])(?<y>(?:1[5-9]|20)\d{2})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyYear();

    [GeneratedRegex(@"\b(?:retrieved|accessed|archived|access date|abgerufen|consulté|consultado)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccessLabel();

    [GeneratedRegex(@"^(?:\[?\d{1,4}[\].)]?\s+|\^\s*(?:[a-z]{1,3}\s+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Numbering();

    // "Smith J", "Smith, J.", "J. Smith", "Smith JA, Doe B", "et al."
    [GeneratedRegex(@"^(?:[\p{Lu}][\p{L}'\-]+(?:\s+[\p{Lu}][\p{L}'\-]+)?,?\s+(?:[\p{Lu}]{1,3}|(?:[\p{Lu}]\.[\s\-]?){1,3})|(?:[\p{Lu}]\.[\s\-]?){1,3}\s*[\p{Lu}][\p{L}'\-]+|et al|and others)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();

    [GeneratedRegex(@"\s*(?:;|,\s*&|\s&\s|,\s*and\s|\sand\s)\s*|,\s*(?=[\p{Lu}][\p{L}'\-]+,?\s)", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparator();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?<names>(?:\p{Lu}[\p{L}'\-]+(?:[ \-]\p{Lu}[\p{L}'\-]+)*,\s(?:\p{Lu}\.[\s\-]?){1,4},?\s(?:&\s|and\s)?)+)(?<rest>\p{Lu}.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex InitialledAuthors();

    public static void Fill(ReferenceDraft draft, string text)
    {
        text = Numbering().Replace(text.Trim(), "");
        if (text.Length < 8) return;
        draft.Year ??= Year(text);

        var quoted = Quoted().Match(text);
        if (quoted.Success)
        {
            draft.Title ??= Clean(quoted.Groups["t"].Value);
            if (draft.Authors.Count == 0) draft.Authors = Authors(text[..quoted.Index]);
            return;
        }

        var paren = ParenYear().Match(text);
        if (paren.Success && paren.Index > 0 && paren.Index < 400 && LooksLikeNames(text[..paren.Index])
            && FirstSentence(text[(paren.Index + paren.Length)..].TrimStart(' ', '.', ':')) is { Length: >= 8 } afterYear)
        {
            draft.Title ??= afterYear;
            if (draft.Authors.Count == 0) draft.Authors = Authors(text[..paren.Index]);
            return;
        }

        // "Thompson, M. C., Yeates, T. O. & Rodriguez, J. A. Title…": the last author's initials end the names.
        var lead = InitialledAuthors().Match(text);
        if (lead.Success && FirstSentence(lead.Groups["rest"].Value) is { Length: >= 8 } title)
        {
            draft.Title ??= title;
            if (draft.Authors.Count == 0) draft.Authors = Authors(lead.Groups["names"].Value);
            return;
        }

        // Nature style: names with initials, then the title as the next sentence.
        var sentences = Sentences(text);
        if (sentences.Count >= 2 && LooksLikeNames(sentences[0]))
        {
            draft.Title ??= Clean(sentences[1]);
            if (draft.Authors.Count == 0) draft.Authors = Authors(sentences[0]);
        }
    }

    /// <summary>The year of publication: a year in brackets first, else the first year not after "Retrieved"/"Accessed".</summary>
    public static int? Year(string text)
    {
        var paren = ParenYear().Match(text);
        if (paren.Success) return int.Parse(paren.Groups["y"].ValueSpan);
        var access = AccessLabel().Match(text);
        var first = AnyYear().Match(text);
        if (!first.Success || (access.Success && first.Index > access.Index)) return null;
        return int.Parse(first.Groups["y"].ValueSpan);
    }

    /// <summary>The first four-digit year in a date string (<c>2020-01-01</c>, <c>Jan 2020</c>, <c>2020</c>).</summary>
    public static int? YearOf(string? date)
    {
        if (string.IsNullOrEmpty(date)) return null;
        var match = AnyYear().Match(date);
        return match.Success ? int.Parse(match.Groups["y"].ValueSpan) : null;
    }

    internal static List<string> Authors(string segment)
    {
        var authors = new List<string>();
        segment = segment.Trim().TrimEnd('.', ',', ':', ' ');
        if (segment.Length is 0 or > 600) return authors;
        var parts = AuthorSeparator().Split(segment);
        // "Thompson, M. C., Yeates, T. O." splits into surname / initials pairs: join them back.
        var pending = (string?)null;
        foreach (var raw in parts.SelectMany(p => p.Split(", ")))
        {
            var part = raw.Trim().TrimEnd('.', ',').Trim();
            if (part.Length == 0 || part.StartsWith("et al", StringComparison.OrdinalIgnoreCase)) continue;
            if (pending is not null && IsInitials(part)) { authors.Add($"{part}{(part.EndsWith('.') ? "" : ".")} {pending}".Replace("..", ".")); pending = null; continue; }
            if (pending is not null) authors.Add(pending);
            pending = part.Contains(' ') ? null : part;
            if (pending is null) authors.Add(part);
        }
        if (pending is not null) authors.Add(pending);
        authors.RemoveAll(a => a.Length < 2 || a.Length > 60 || a.Any(char.IsDigit));
        return authors.Count > 50 ? authors[..50] : authors;
    }

    static bool IsInitials(string part) => part.Length <= 8 && part.All(c => char.IsUpper(c) || c is '.' or ' ' or '-');

    static bool LooksLikeNames(string sentence)
    {
        sentence = sentence.Trim().TrimEnd('.', ',', ' ');
        var etAl = sentence.IndexOf(" et al", StringComparison.Ordinal);
        if (etAl > 0) sentence = sentence[..etAl].TrimEnd(',', ' ');
        var parts = sentence.Split([", ", " & ", " and "], StringSplitOptions.RemoveEmptyEntries);
        var names = 0;
        foreach (var part in parts)
        {
            var p = part.Trim().TrimEnd('.');
            if (IsInitials(p) || NameShape().IsMatch(p)) names++;
        }
        return parts.Length > 0 && names * 2 >= parts.Length && names > 0;
    }

    // Sentence ends at ". " unless the word before is an initial ("J.") or "al"/"eds"-style abbreviation.
    static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != '.' || text[i + 1] != ' ') continue;
            var wordStart = text.LastIndexOfAny([' ', ',', '.', '-'], i - 1) + 1;
            var word = text.AsSpan(wordStart, i - wordStart);
            if (word.Length == 1 && char.IsUpper(word[0])) continue;
            if (word is "Jr" or "Sr" or "eds" or "ed" or "Ed" or "Eds" or "St" or "Dr" or "vs") continue;
            var piece = text[start..(i + 1)].Trim();
            if (piece.Length > 0) sentences.Add(piece);
            start = i + 2;
            if (sentences.Count == 3) break;
        }
        if (start < text.Length && sentences.Count < 3) sentences.Add(text[start..].Trim());
        return sentences;
    }

    static string? FirstSentence(string text)
    {
        var end = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '?' or '!' && (i + 1 == text.Length || text[i + 1] == ' ') && i > 8) { end = text[i] == '.' ? i : i + 1; break; }
        }
        return Clean(end < 0 ? text : text[..end]);
    }

    internal static string? Clean(string? title)
    {
        if (title is null) return null;
        title = Spaces().Replace(title, " ").Trim().TrimEnd('.', ',', ';', ':').Trim();
        return title.Length is < 3 or > 400 ? null : title;
    }
}
