using System.Text;

namespace Hqt.Extraction.Tests.Fuzz;

/// <summary>
/// Turns a real page into a damaged one the way the web (and broken capture code) damages pages: cut short,
/// chunks repeated, markup nested far deeper than any layout, bytes swapped so the UTF-8 breaks, stray
/// markup tokens dropped in. Deterministic for a given <see cref="Random"/>, so a failure names a seed and an
/// index that replays it. Shared (linked) by the fuzz test and by bench/Hqt.Bench.Throughput --fuzz.
/// </summary>
public static class PageMutator
{
    public enum Kind { Cut, Duplicate, Nest, SwapBytes, InsertToken }

    // Fragments that change the tokenizer's state: unclosed comments, raw-text elements, foreign content,
    // attributes with broken quotes, entities without an end, and tags the extractor looks for.
    static readonly string[] Tokens =
    [
        "<", "</", "<!--", "-->", "<![CDATA[", "]]>", "<script>", "</script>", "<style>", "<textarea>", "<title>",
        "<svg>", "<math>", "<template>", "<table>", "<tr>", "<td>", "</table>", "<select>", "<plaintext>",
        "\"", "'", "=", "&", "&#", "&#x1F600", "&amp", "<a href=\"", "<a href='javascript:alert(1)'>", "<base href=\"//x\">",
        "<meta name=\"author\" content=\"", "<meta property=\"citation_author\" content=\"X\">", "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":[",
        "<li>", "<ol>", "<cite>", "<d-cite key=\"", "\0", "\uFFFD", "\u202E", "\uD800",
    ];

    /// <summary>One to three mutations applied in turn; returns the page and what was done, for the failure message.</summary>
    public static (string Html, string Description) Mutate(string html, Random random)
    {
        var steps = random.Next(1, 4);
        var description = new StringBuilder();
        for (var i = 0; i < steps; i++)
        {
            var kind = (Kind)random.Next(Enum.GetValues<Kind>().Length);
            html = Apply(kind, html, random, out var what);
            description.Append(i == 0 ? "" : ", ").Append(what);
        }
        return (html, description.ToString());
    }

    public static string Apply(Kind kind, string html, Random random, out string what)
    {
        if (html.Length == 0) { what = "empty"; return html; }
        var at = random.Next(html.Length);
        switch (kind)
        {
            case Kind.Cut:
            {
                // Either truncated (a capture cut off mid-stream) or a hole punched in the middle.
                if (random.Next(2) == 0) { what = $"truncate@{at}"; return html[..at]; }
                var length = Math.Min(html.Length - at, random.Next(1, 20_000));
                what = $"cut {length}@{at}";
                return html.Remove(at, length);
            }
            case Kind.Duplicate:
            {
                var length = Math.Min(html.Length - at, random.Next(1, 50_000));
                var copies = random.Next(1, 4);
                var to = random.Next(html.Length);
                what = $"duplicate {length}@{at}x{copies}->{to}";
                var chunk = html.Substring(at, length);
                return html.Insert(to, string.Concat(Enumerable.Repeat(chunk, copies)));
            }
            case Kind.Nest:
            {
                // Deep nesting: some parsers and recursive walkers blow the stack here.
                string[] tags = ["div", "span", "b", "table", "ul", "blockquote", "a"];
                var tag = tags[random.Next(tags.Length)];
                var depth = random.Next(100, 20_000);
                var close = random.Next(2) == 0;
                what = $"nest <{tag}>x{depth}{(close ? "" : " unclosed")}@{at}";
                var open = string.Concat(Enumerable.Repeat($"<{tag}>", depth));
                var end = close ? string.Concat(Enumerable.Repeat($"</{tag}>", depth)) : "";
                return html.Insert(at, open + "<p>deep</p>" + end);
            }
            case Kind.SwapBytes:
            {
                // On the UTF-8 bytes, then decoded leniently: multi-byte sequences split, U+FFFD appears.
                var bytes = Encoding.UTF8.GetBytes(html);
                var swaps = random.Next(1, 200);
                for (var i = 0; i < swaps; i++)
                {
                    int a = random.Next(bytes.Length), b = random.Next(bytes.Length);
                    (bytes[a], bytes[b]) = (bytes[b], bytes[a]);
                }
                what = $"swap {swaps} byte pairs";
                return Encoding.UTF8.GetString(bytes);
            }
            default:
            {
                var token = Tokens[random.Next(Tokens.Length)];
                var count = random.Next(1, 50);
                what = $"insert {Escape(token)}x{count}@{at}";
                return html.Insert(at, string.Concat(Enumerable.Repeat(token, count)));
            }
        }
    }

    static string Escape(string token) => string.Concat(token.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
