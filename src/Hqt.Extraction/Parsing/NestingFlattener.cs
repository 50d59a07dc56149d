using System.Buffers;
using System.Text;

namespace Hqt.Extraction.Parsing;

/// <summary>
/// A cheap linear pre-scan that drops start and end tags nested deeper than <see cref="MaxDepth"/>.
/// AngleSharp keeps at most 512 levels anyway, but its time grows with the nesting it is fed
/// (100k nested divs take ~52 s), so absurd nesting is flattened before the parser sees it.
/// Text and links are kept; only the other tags past the limit go. Pages within the limit come back untouched.
/// <see cref="PageDocument"/> calls it only for a page whose parse went past the limit, not for every page.
/// </summary>
public static class NestingFlattener
{
    public const int MaxDepth = 400;

    static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // Optional end tags: the parser closes them itself, so counting them would overstate the depth.
        // Links are neither counted nor dropped: they are what the reference extraction reads, however deep.
        "a", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp",
    };

    static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "plaintext", "noembed", "iframe"];

    public static string Flatten(string html)
    {
        if (!Scan(html, null)) return html;
        var builder = new StringBuilder(html.Length);
        Scan(html, builder);
        return builder.ToString();
    }

    /// <summary>The text of markup with every tag and comment removed (entities left as they are), up to <paramref name="maxLength"/> characters.</summary>
    public static string StripTags(ReadOnlySpan<char> html, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(html.Length, maxLength));
        var inTag = false;
        foreach (var c in html)
        {
            if (builder.Length >= maxLength) break;
            if (inTag) { if (c == '>') { inTag = false; builder.Append(' '); } }
            else if (c == '<') inTag = true;
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Walks the tags once; without a builder it only reports whether the limit is crossed.</summary>
    static bool Scan(string html, StringBuilder? output)
    {
        var depth = 0;
        var dropped = 0;
        var copiedUpTo = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!')
            {
                i = SkipPast(html, i, html.AsSpan(i).StartsWith("<!--") ? "-->" : ">");
                continue;
            }
            var isEnd = next == '/';
            var nameStart = isEnd ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_')) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }
            var tagEnd = TagEnd(html, nameEnd);
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var selfClosing = tagEnd > 1 && html[tagEnd - 2] == '/';
            var drop = false;
            if (isEnd)
            {
                if (!IsVoid(name))
                {
                    if (dropped > 0 && depth > MaxDepth) { drop = true; dropped--; }
                    if (depth > 0) depth--;
                }
            }
            else if (!selfClosing && !IsVoid(name))
            {
                depth++;
                if (depth > MaxDepth)
                {
                    if (output is null) return true;
                    drop = true;
                    dropped++;
                }
            }
            if (drop && output is not null)
            {
                output.Append(html, copiedUpTo, i - copiedUpTo);
                copiedUpTo = tagEnd;
            }
            i = tagEnd;
            if (!isEnd && IsRawText(name)) i = SkipRawText(html, i, name);
        }
        output?.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return false;
    }

    // By length first: a case-insensitive hash of every tag name cost more than the rest of the scan.
    static bool IsVoid(ReadOnlySpan<char> name)
    {
        switch (name.Length)
        {
            case 1: return (name[0] | 0x20) is 'a' or 'p';
            case 3:
                // "div" is the commonest tag of all and never void.
                if ((name[0] | 0x20) == 'd') return false;
                break;
            case 4:
                if ((name[0] | 0x20) == 's') return false; // span
                break;
            case 2 or 5 or 6 or 8: break;
            default: return false;
        }
        return Void.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
    }

    static bool IsRawText(ReadOnlySpan<char> name)
    {
        if ((name[0] | 0x20) is not ('s' or 't' or 'x' or 'p' or 'n' or 'i')) return false;
        foreach (var raw in RawText)
            if (name.Equals(raw, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The index after the tag's closing '>', honouring quoted attribute values.</summary>
    static int TagEnd(string html, int from)
    {
        // Vectorised jumps to the next quote or '>' (attribute values are most of a tag's length), then past the value.
        var j = from;
        while (true)
        {
            var next = html.AsSpan(j).IndexOfAny(TagStops);
            if (next < 0) return html.Length;
            j += next;
            var c = html[j];
            if (c == '>') return j + 1;
            var close = html.IndexOf(c, j + 1);
            if (close < 0) return html.Length;
            j = close + 1;
        }
    }

    static readonly SearchValues<char> TagStops = SearchValues.Create("\"'>");

    static int SkipPast(string html, int from, string terminator)
    {
        var end = html.IndexOf(terminator, from + 2, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + terminator.Length;
    }

    static int SkipRawText(string html, int from, ReadOnlySpan<char> name)
    {
        // The next "</name", found by jumping between "</" (ordinal, vectorised) instead of a case-insensitive search.
        for (var at = from; ;)
        {
            var next = html.AsSpan(at).IndexOf("</", StringComparison.Ordinal);
            if (next < 0) return html.Length;
            at += next;
            if (html.AsSpan(at + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase)) return at;
            at += 2;
        }
    }
}
