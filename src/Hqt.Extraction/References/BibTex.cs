using System.Text;
using System.Text.RegularExpressions;
using Hqt.Names;

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

    // An accent on a letter: \"o, \"{o}, \'{\i}, \v{s}, \c c, \H{o} (a letter command needs braces or a space before its
    // letter). The letter may carry the marks an inner accent gave it: \~{\^e} is read inside out, ê then ễ.
    [GeneratedRegex(@"\\(?:(?<mark>[""'`^~=.])\s*(?:\{\s*(?<letter>\\?[A-Za-z]\p{Mn}*)\s*\}|(?<letter>\\?[A-Za-z]\p{Mn}*))|(?<mark>[uvHckrdb])(?:\s*\{\s*(?<letter>\\?[A-Za-z]\p{Mn}*)\s*\}|\s+(?<letter>\\?[A-Za-z]\p{Mn}*)))", RegexOptions.CultureInvariant)]
    private static partial Regex LatexAccent();

    // A letter of its own: {\L}ukasz, Stra{\ss}e, {\AA}ngstr\"om, {\o}rsted; the space after the command is its end.
    static readonly Regex LatexLetter = new(
        $@"\\(?<name>{string.Join('|', LaTeXLetters.LetterCommands)})(?![A-Za-z])\s*", RegexOptions.CultureInvariant);

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
            // Each pass reads the innermost accents (a letter has two at most: Vietnamese ễ, pinyin ǖ); a pass that reads none ends.
            for (var pass = 0; pass < 3; pass++)
            {
                var read = LatexAccent().Replace(text, m => AccentedLetter(m.Groups["letter"].Value) + LaTeXLetters.MarkOf(m.Groups["mark"].Value[0]));
                if (ReferenceEquals(read, text)) break;
                text = read;
            }
            text = LatexLetter.Replace(text, m => LaTeXLetters.LetterOf(m.Groups["name"].Value)?.ToString() ?? m.Value);
        }
        text = Latex().Replace(text.Replace("~", " "), "");
        return LatinDiacritics.Compose(Spaces().Replace(text, " ").Trim());
    }

    // The letter an accent sits on: \i and \j are the dotless letters LaTeX puts an accent on (\'{\i} is í); another
    // single-letter command is its letter (\'{\o}), a plain letter itself.
    static string AccentedLetter(string letter) => letter switch
    {
        "\\i" => "i",
        "\\j" => "j",
        ['\\', .. var command] => LaTeXLetters.LetterOf(command)?.ToString() ?? command,
        _ => letter,
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
