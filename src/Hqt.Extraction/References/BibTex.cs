using System.Text;
using System.Text.RegularExpressions;

namespace Hqt.Extraction.References;

/// <summary>One BibTeX entry: its type, citation key and fields (lower-case names, values without outer braces).</summary>
sealed record BibTexEntry(string Type, string Key, IReadOnlyDictionary<string, string> Fields)
{
    public string? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;
}

/// <summary>
/// A forgiving BibTeX reader for the bibliographies pages embed (Distill's <c>text/bibliography</c>): braces,
/// quotes and bare numbers as values, nested braces, <c>#</c> concatenation ignored, broken entries skipped.
/// </summary>
static partial class BibTex
{
    [GeneratedRegex(@"\\[a-zA-Z]+\s*|\\.|[{}]", RegexOptions.CultureInvariant)]
    private static partial Regex Latex();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    // An accent on a letter: \"o, \"{o}, \'{\i}, \v{s}, \c c, \H{o} (a letter command needs braces or a space before its letter).
    [GeneratedRegex(@"\\(?:(?<mark>[""'`^~=.])\s*(?:\{\s*(?<letter>\\?[A-Za-z])\s*\}|(?<letter>\\?[A-Za-z]))|(?<mark>[uvHckrdb])(?:\s*\{\s*(?<letter>\\?[A-Za-z])\s*\}|\s+(?<letter>\\?[A-Za-z])))", RegexOptions.CultureInvariant)]
    private static partial Regex LatexAccent();

    // A letter of its own: {\L}ukasz, Stra{\ss}e, {\AA}ngstr\"om, {\o}rsted; the space after the command is its end.
    [GeneratedRegex(@"\\(?<name>L|l|o|O|ss|ae|AE|oe|OE|aa|AA|i|j|DH|dh|TH|th|NG|ng)(?![A-Za-z])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LatexLetter();

    public static List<BibTexEntry> Parse(string text)
    {
        var entries = new List<BibTexEntry>();
        var i = 0;
        // ReadFields may stop one past the end of a truncated entry: the bound keeps IndexOf's start inside the text.
        while (i < text.Length && (i = text.IndexOf('@', i)) >= 0)
        {
            i++;
            var typeEnd = i;
            while (typeEnd < text.Length && char.IsLetter(text[typeEnd])) typeEnd++;
            var type = text[i..typeEnd].ToLowerInvariant();
            var open = SkipSpace(text, typeEnd);
            if (type.Length == 0 || open >= text.Length || text[open] is not ('{' or '(')) continue;
            if (type is "comment" or "preamble" or "string") { i = open + 1; continue; }
            var comma = text.IndexOf(',', open);
            if (comma < 0) break;
            var key = text[(open + 1)..comma].Trim();
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            i = ReadFields(text, comma + 1, fields);
            if (key.Length > 0 && !key.Contains('\n')) entries.Add(new BibTexEntry(type, key, fields));
        }
        return entries;
    }

    /// <summary>
    /// A field value as plain text: accents and LaTeX's own letters written as the letters they are (<c>Sch{\"o}lkopf</c>
    /// → Schölkopf, <c>{\L}ukasz</c> → Łukasz, <c>Erd\H{o}s</c> → Erdős), other commands and braces dropped, whitespace
    /// folded. A name read without them is another name ("ukasz", "Scholkopf") to the reader and to matching.
    /// </summary>
    public static string Plain(string value)
    {
        var text = value.Replace("\\&", "&").Replace("\\%", "%").Replace("\\$", "$").Replace("\\_", "_").Replace("\\#", "#")
            .Replace("---", "\u2014").Replace("--", "\u2013");
        if (text.Contains('\\'))
        {
            text = LatexAccent().Replace(text, m => Letter(m.Groups["letter"].Value) + CombiningMark(m.Groups["mark"].Value[0]));
            text = LatexLetter().Replace(text, m => Letter("\\" + m.Groups["name"].Value));
        }
        text = Latex().Replace(text.Replace("~", " "), "");
        return Hqt.Names.LatinDiacritics.Compose(Spaces().Replace(text, " ").Trim());
    }

    static string Letter(string letter) => letter switch
    {
        "\\i" => "i", "\\j" => "j", "\\L" => "Ł", "\\l" => "ł", "\\o" => "ø", "\\O" => "Ø", "\\ss" => "ß", "\\ae" => "æ", "\\AE" => "Æ",
        "\\oe" => "œ", "\\OE" => "Œ", "\\aa" => "å", "\\AA" => "Å", "\\DH" => "Ð", "\\dh" => "ð", "\\TH" => "Þ", "\\th" => "þ",
        "\\NG" => "Ŋ", "\\ng" => "ŋ",
        _ => letter,
    };

    static char CombiningMark(char accent) => accent switch
    {
        '"' => '\u0308', '\'' => '\u0301', '`' => '\u0300', '^' => '\u0302', '~' => '\u0303', '=' => '\u0304', '.' => '\u0307',
        'u' => '\u0306', 'v' => '\u030C', 'H' => '\u030B', 'c' => '\u0327', 'k' => '\u0328', 'r' => '\u030A', 'd' => '\u0323',
        _ => '\u0331',
    };

    /// <summary>
    /// The people of a name list field (<c>author</c>, <c>editor</c>), split at BibTeX's " and ". The last one may be
    /// "others", BibTeX's "et al.": no one (Distill's bibliographies made a person "others" of every long byline).
    /// </summary>
    public static List<string> Names(string field) =>
        field.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(name => !name.Equals("others", StringComparison.OrdinalIgnoreCase)).ToList();

    static int ReadFields(string text, int i, Dictionary<string, string> fields)
    {
        while (i < text.Length)
        {
            i = SkipSpace(text, i);
            if (i >= text.Length) return i;
            if (text[i] is '}' or ')') return i + 1;
            if (text[i] == ',') { i++; continue; }
            var nameEnd = i;
            while (nameEnd < text.Length && (char.IsLetterOrDigit(text[nameEnd]) || text[nameEnd] is '_' or '-' or ':')) nameEnd++;
            var name = text[i..nameEnd];
            var eq = SkipSpace(text, nameEnd);
            if (name.Length == 0 || eq >= text.Length || text[eq] != '=') return SkipToEntryEnd(text, i);
            var (value, next) = ReadValue(text, SkipSpace(text, eq + 1));
            fields.TryAdd(name, value);
            i = next;
        }
        return i;
    }

    static (string Value, int Next) ReadValue(string text, int i)
    {
        var value = new StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == '{')
            {
                var depth = 0;
                var start = i;
                for (; i < text.Length; i++)
                {
                    if (text[i] == '{') depth++;
                    else if (text[i] == '}' && --depth == 0) break;
                }
                value.Append(text, start + 1, Math.Max(0, Math.Min(i, text.Length) - start - 1));
                i++;
            }
            else if (text[i] == '"')
            {
                var end = i + 1;
                var depth = 0;
                for (; end < text.Length; end++)
                {
                    if (text[end] == '{') depth++;
                    else if (text[end] == '}') depth--;
                    else if (text[end] == '"' && depth <= 0) break;
                }
                value.Append(text, i + 1, Math.Min(end, text.Length) - i - 1);
                i = end + 1;
            }
            else
            {
                var end = i;
                while (end < text.Length && text[end] is not (',' or '}' or ')' or '#') && !char.IsWhiteSpace(text[end])) end++;
                value.Append(text, i, end - i);
                i = end;
            }
            i = SkipSpace(text, i);
            if (i < text.Length && text[i] == '#') { i = SkipSpace(text, i + 1); continue; }
            break;
        }
        return (value.ToString(), i);
    }

    static int SkipToEntryEnd(string text, int i)
    {
        var next = text.IndexOf("\n@", i, StringComparison.Ordinal);
        return next < 0 ? text.Length : next;
    }

    static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }
}
