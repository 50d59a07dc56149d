using System.Net;
using System.Text;

namespace Hqt.Extraction.Text;

/// <summary>
/// A page's words for a full-text index: tags dropped, script, style and other invisible blocks skipped,
/// entities decoded, whitespace folded, cut at a length. One forward scan without building a DOM, since it runs
/// for every capture: a search index needs the words, not the structure (extraction reads the structure).
/// </summary>
public static class SearchText
{
    static readonly string[] Skipped = ["script", "style", "noscript", "template", "svg", "head"];

    public static string FromHtml(string html, int maxLength)
    {
        var text = new StringBuilder(Math.Min(html.Length / 3, maxLength) + 16);
        var i = 0;
        var space = true;
        while (i < html.Length && text.Length < maxLength)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i + 1);
                if (end < 0) break;
                if (html.AsSpan(i).StartsWith("<!--")) end = CommentEnd(html, i);
                else if (SkippedBlock(html, i + 1) is { } name) end = BlockEnd(html, end, name);
                i = end + 1;
                if (!space) { text.Append(' '); space = true; }
                continue;
            }
            if (c == '&')
            {
                var semi = html.IndexOf(';', i + 1, Math.Min(12, html.Length - i - 1));
                if (semi > i)
                {
                    var decoded = WebUtility.HtmlDecode(html.Substring(i, semi - i + 1));
                    foreach (var d in decoded) Append(text, d, ref space);
                    i = semi + 1;
                    continue;
                }
            }
            Append(text, c, ref space);
            i++;
        }
        return text.ToString().Trim();
    }

    static void Append(StringBuilder text, char c, ref bool space)
    {
        if (char.IsWhiteSpace(c))
        {
            if (!space) text.Append(' ');
            space = true;
            return;
        }
        text.Append(c);
        space = false;
    }

    static string? SkippedBlock(string html, int nameStart)
    {
        foreach (var name in Skipped)
        {
            var after = nameStart + name.Length;
            if (after < html.Length && html.AsSpan(nameStart, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (html[after] is '>' or '/' || char.IsWhiteSpace(html[after])))
                return name;
        }
        return null;
    }

    // The end of "</name>", or of the document when it is never closed (nothing after it is visible then either).
    static int BlockEnd(string html, int openEnd, string name)
    {
        if (html[openEnd - 1] == '/') return openEnd;
        var close = html.IndexOf("</" + name, openEnd, StringComparison.OrdinalIgnoreCase);
        if (close < 0) return html.Length - 1;
        var end = html.IndexOf('>', close);
        return end < 0 ? html.Length - 1 : end;
    }

    static int CommentEnd(string html, int start)
    {
        var end = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
        return end < 0 ? html.Length - 1 : end + 2;
    }
}
