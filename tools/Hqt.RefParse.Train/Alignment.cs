using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.RefParse.Train;

/// <summary>
/// Token labels from the gold fields. The data carries each reference's fields, not its segments, so the labels are
/// recovered by finding each field in the text: strings (title, container, publisher, place, url, doi) where they
/// occur, numbers (volume, issue, pages, year) in the token holding them after the title, and names by their family
/// name with the initials, given names, "et al." and editor marks around them.
/// </summary>
static partial class Alignment
{
    public sealed record Stats(int[] Found, int[] Wanted);

    [GeneratedRegex(@"^\d{1,3}[.)]?$|^\[\d+\][.,]?$|^\(\d+\)$")]
    private static partial Regex CitationNumber();

    static readonly HashSet<string> VolumeMarks = new(StringComparer.OrdinalIgnoreCase) { "vol.", "vol", "v.", "bd.", "t.", "tome", "volume", "vols.", "jg.", "band", "tomo" };
    static readonly HashSet<string> IssueMarks = new(StringComparer.OrdinalIgnoreCase) { "no.", "no", "nr.", "n°", "issue", "heft", "num.", "n.", "№" };
    static readonly HashSet<string> PageMarks = new(StringComparer.OrdinalIgnoreCase) { "pp.", "p.", "pp", "p", "s.", "pages", "page", "pág.", "págs.", "c.", "с." };

    public static RefLabel[] Align(string text, IReadOnlyList<RefToken> tokens, Gold gold, int[] found, int[] wanted)
    {
        var n = tokens.Count;
        var labels = new RefLabel?[n];

        void Count(RefLabel label, bool ok)
        {
            wanted[(int)label]++;
            if (ok) found[(int)label]++;
        }

        if (gold.Title is { } title) Count(RefLabel.Title, AssignText(text, tokens, labels, title, RefLabel.Title, 0));
        if (gold.Container is { } container)
        {
            var ok = AssignText(text, tokens, labels, container, RefLabel.Container, 0);
            Count(RefLabel.Container, ok);
            var first = Array.FindIndex(labels, l => l == RefLabel.Container);
            if (ok && first > 0 && labels[first - 1] is null && tokens[first - 1].Text.TrimEnd(':', '.').ToLowerInvariant() is "in" or "dans" or "en" or "im")
                labels[first - 1] = RefLabel.Container;
        }
        var afterWork = LastIndex(labels, RefLabel.Title, RefLabel.Container) + 1;
        // A publisher or place is looked for after the work first: an organisation that wrote a report and published it
        // names itself twice (<c>The Boston Consulting Group. Perspectives… Boston: The Boston Consulting Group, 1968.</c>),
        // and the first, the byline, labelled publisher (or "Boston" in it labelled place) taught the tagger that a corporate
        // byline is a publisher (37 train items).
        bool AssignAfterTheWork(string value, RefLabel label) =>
            afterWork > 0 && AssignText(text, tokens, labels, value, label, afterWork) || AssignText(text, tokens, labels, value, label, 0);
        if (gold.Publisher is { } publisher) Count(RefLabel.Publisher, AssignAfterTheWork(publisher, RefLabel.Publisher));
        if (gold.Location is { } location) Count(RefLabel.Location, AssignAfterTheWork(location, RefLabel.Location));
        if (gold.Url is { } url) Count(RefLabel.Url, AssignText(text, tokens, labels, url, RefLabel.Url, 0));
        if (gold.Doi is { } doi)
        {
            var at = FindToken(tokens, labels, t => t.Text.Contains(doi, StringComparison.OrdinalIgnoreCase), 0);
            if (at >= 0)
            {
                labels[at] = labels[at] ?? RefLabel.Doi;
                if (at > 0 && labels[at - 1] is null && tokens[at - 1].Text.StartsWith("doi", StringComparison.OrdinalIgnoreCase)) labels[at - 1] = RefLabel.Doi;
            }
            Count(RefLabel.Doi, at >= 0);
        }
        if (gold.Isbn is { } isbn) Count(RefLabel.Isbn, AssignText(text, tokens, labels, isbn, RefLabel.Isbn, 0));

        if (gold.Volume is { } volume)
        {
            var ok = volume.Any(char.IsLetter) || volume.Contains(' ')
                ? AssignText(text, tokens, labels, volume, RefLabel.Volume, afterWork) || AssignText(text, tokens, labels, volume, RefLabel.Volume, 0)
                : AssignNumber(tokens, labels, volume, RefLabel.Volume, afterWork, VolumeMarks);
            Count(RefLabel.Volume, ok);
        }
        if (gold.Issue is { } issue)
        {
            var inVolume = Array.FindIndex(labels, l => l == RefLabel.Volume) is var v && v >= 0 && NumberIn(tokens[v].Text, issue);
            Count(RefLabel.Issue, inVolume || AssignNumber(tokens, labels, issue, RefLabel.Issue, afterWork, IssueMarks));
        }
        if (gold.Pages is { } pages)
        {
            var firstPage = Regex.Match(pages, @"[A-Za-z]?\d+[A-Za-z]?").Value;
            Count(RefLabel.Pages, firstPage.Length > 0 && AssignNumber(tokens, labels, firstPage, RefLabel.Pages, afterWork, PageMarks));
        }
        if (gold.Year is { } year)
        {
            var at = FindToken(tokens, labels, t => RefFeatures.FirstYear(t.Text) == year, 0);
            if (at < 0 && Array.FindIndex(labels, l => l == RefLabel.Volume) is var vi && vi >= 0 && RefFeatures.FirstYear(tokens[vi].Text) == year) Count(RefLabel.Date, true);
            else
            {
                Count(RefLabel.Date, at >= 0);
                if (at >= 0)
                {
                    labels[at] = RefLabel.Date;
                    for (var j = at - 1; j >= 0 && j >= at - 2 && labels[j] is null && IsDatePart(tokens[j].Text); j--) labels[j] = RefLabel.Date;
                    for (var j = at + 1; j < n && j <= at + 2 && labels[j] is null && IsDatePart(tokens[j].Text); j++) labels[j] = RefLabel.Date;
                }
            }
        }

        if (gold.Authors.Count > 0) Count(RefLabel.Author, AssignNames(tokens, labels, gold.Authors, RefLabel.Author, leadingRegion: true));
        if (gold.Editors.Count > 0) Count(RefLabel.Editor, AssignNames(tokens, labels, gold.Editors, RefLabel.Editor, leadingRegion: false));

        return labels.Select(l => l ?? RefLabel.Other).ToArray();
    }

    static int LastIndex(RefLabel?[] labels, params RefLabel[] of)
    {
        for (var i = labels.Length - 1; i >= 0; i--)
            if (labels[i] is { } l && of.Contains(l)) return i;
        return -1;
    }

    static int FindToken(IReadOnlyList<RefToken> tokens, RefLabel?[] labels, Func<RefToken, bool> test, int from)
    {
        for (var i = from; i < tokens.Count; i++)
            if (labels[i] is null && test(tokens[i])) return i;
        return -1;
    }

    static bool IsDatePart(string token)
    {
        var core = RefFeatures.Core(token).ToLowerInvariant().TrimEnd('.');
        if (RefLexicons.Months.Contains(core)) return true;
        return Regex.IsMatch(core, @"^\d{1,2}(?:[-–]\d{1,2})?(?:st|nd|rd|th|er)?$") || core is "n.d" or "nd" or "in press" or "forthcoming";
    }

    static bool NumberIn(string token, string number) =>
        Regex.IsMatch(token, @"(?<![\dA-Za-z])" + Regex.Escape(number) + @"(?![\dA-Za-z])", RegexOptions.IgnoreCase);

    /// <summary>The token holding <paramref name="number"/> (after the work's title when possible), with its mark ("Vol.", "pp.") before it.</summary>
    static bool AssignNumber(IReadOnlyList<RefToken> tokens, RefLabel?[] labels, string number, RefLabel label, int from, HashSet<string> marks)
    {
        var at = FindToken(tokens, labels, t => NumberIn(t.Text, number), from);
        if (at < 0) at = FindToken(tokens, labels, t => NumberIn(t.Text, number), 0);
        if (at < 0) return false;
        labels[at] = label;
        if (at > 0 && labels[at - 1] is null && marks.Contains(tokens[at - 1].Text.TrimEnd(',', ':'))) labels[at - 1] = label;
        return true;
    }

    /// <summary>Labels the tokens covering the first unlabelled occurrence of <paramref name="value"/>.</summary>
    static bool AssignText(string text, IReadOnlyList<RefToken> tokens, RefLabel?[] labels, string value, RefLabel label, int fromToken)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var fromChar = fromToken < tokens.Count ? tokens[Math.Max(0, fromToken)].Start : text.Length;
        for (var pass = 0; pass < 2; pass++)
        {
            var comparison = pass == 0 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            for (var at = text.IndexOf(value, fromChar, comparison); at >= 0; at = text.IndexOf(value, at + 1, comparison))
            {
                var end = at + value.Length;
                var first = -1;
                var last = -1;
                for (var i = 0; i < tokens.Count; i++)
                {
                    if (tokens[i].End <= at || tokens[i].Start >= end) continue;
                    if (first < 0) first = i;
                    last = i;
                }
                if (first < 0) continue;
                var free = true;
                for (var i = first; i <= last; i++) free &= labels[i] is null;
                if (!free) continue;
                for (var i = first; i <= last; i++) labels[i] = label;
                return true;
            }
        }
        return false;
    }

    static string Fold(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var b = new StringBuilder(d.Length);
        foreach (var c in d)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) b.Append(char.ToLowerInvariant(c));
        return b.ToString();
    }

    static bool StartsWithName(string token, string word)
    {
        var t = Fold(token.TrimStart('(', '[', '"', '“', '‘', '*', '.', ','));
        var w = Fold(word);
        if (w.Length == 0 || !t.StartsWith(w, StringComparison.Ordinal)) return false;
        return t.Length == w.Length || !char.IsLetter(t[w.Length]);
    }

    static bool IsNameLike(string token) =>
        RefFeatures.IsInitial(token) || (RefFeatures.Core(token) is { Length: > 0 } core && char.IsUpper(core[0]) && core.All(c => char.IsLetter(c) || c is '-' or '\'' or '.' or '’'));

    static bool IsNameFiller(string token)
    {
        var lower = token.ToLowerInvariant().Trim(',', ';', ':');
        return RefFeatures.IsInitial(token) || lower is "et" or "al." or "al" or "al.," or "and" or "&" or "others" or "others." or "jr." or "jr" or "sr." or "ii" or "iii"
            || lower is "等" or "等." or "ほか" or "ほか." or "他"
            || RefLexicons.EditorMarks.Contains(lower.Trim('(', ')', '.')) || lower is "(ed.)" or "(eds.)" or "(ed)" or "(eds)" or "(hrsg.)" or "(dir.)" or "by"
            || lower.StartsWith("(ed", StringComparison.Ordinal) || lower.StartsWith("[et", StringComparison.Ordinal);
    }

    static bool AssignNames(IReadOnlyList<RefToken> tokens, RefLabel?[] labels, List<string> names, RefLabel label, bool leadingRegion)
    {
        var n = tokens.Count;
        var positions = new List<(int First, int Last)>();
        var cursor = 0;
        foreach (var name in names)
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            var limit = positions.Count == 0 ? n : Math.Min(n, positions[^1].Last + 8);
            for (var i = cursor; i + words.Length <= limit; i++)
            {
                var ok = true;
                for (var k = 0; k < words.Length && ok; k++) ok = labels[i + k] is null && StartsWithName(tokens[i + k].Text, words[k]);
                if (!ok) continue;
                positions.Add((i, i + words.Length - 1));
                cursor = i + words.Length;
                break;
            }
        }
        if (positions.Count == 0) return false;
        var start = positions[0].First;
        var end = positions[^1].Last;
        for (var i = start; i <= end; i++)
            if (labels[i] is not null) { end = i - 1; break; }

        // Left: to the start of the string for the byline (past a citation number), else over initials and given names.
        if (leadingRegion && Enumerable.Range(0, start).All(i => labels[i] is null) && start <= 5)
        {
            var s = 0;
            while (s < start && CitationNumber().IsMatch(tokens[s].Text)) s++;
            start = s;
        }
        else
            for (var k = 0; k < 3 && start > 0 && labels[start - 1] is null && (IsNameLike(tokens[start - 1].Text) || IsNameFiller(tokens[start - 1].Text)); k++) start--;

        // Right: initials, suffixes, "et al.", editor marks; a given name after "Family," (one or two words).
        var givenWords = 0;
        while (end + 1 < n && labels[end + 1] is null)
        {
            var next = tokens[end + 1].Text;
            if (IsNameFiller(next)) { end++; continue; }
            var commaBefore = tokens[end].Text.EndsWith(',');
            if (givenWords < 2 && (commaBefore || givenWords > 0) && IsNameLike(next) && !tokens[end].Text.EndsWith('.'))
            {
                givenWords++;
                end++;
                continue;
            }
            break;
        }
        for (var i = start; i <= end; i++) labels[i] ??= label;
        return true;
    }
}
