using System.Text;
using AngleSharp.Dom;

namespace Hqt.Extraction.Parsing;

/// <summary>The text a reader sees in an element: no script, style or form controls, and blocks kept apart by a boundary mark.</summary>
public static class VisibleText
{
    static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "button", "select", "textarea", "input", "iframe", "object", "time", "img", "picture", "video", "audio",
    };

    static readonly HashSet<string> Inline = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span",
        "strong", "sub", "sup", "u", "var", "wbr", "nobr", "ins", "del", "label", "time", "tt", "big", "acronym", "strike",
        "ruby", "rb", "rt", "rp",
    };

    // HTML's own elements that break a line or sit outside the text (the rest of HTML is Inline above). An element HTML
    // does not define is neither: see IsInline.
    static readonly HashSet<string> Standard = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "div", "p", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "caption", "colgroup", "col", "section", "article", "aside", "nav", "header", "footer", "main", "h1", "h2", "h3", "h4", "h5",
        "h6", "hgroup", "blockquote", "pre", "figure", "figcaption", "address", "hr", "br", "form", "fieldset", "legend", "details",
        "summary", "dialog", "menu", "center", "search", "img", "picture", "video", "audio", "canvas", "svg", "math", "iframe",
        "object", "embed", "button", "select", "option", "optgroup", "textarea", "input", "output", "meter", "progress", "script",
        "style", "noscript", "template", "slot", "frameset", "frame", "marquee", "listing", "xmp", "plaintext",
    };

    /// <summary>True for an element whose text no reader ever sees: code, style sheets, templates, and the fallback shown only
    /// when scripts are off (a capture is read from a browser that runs them). Narrower than what <see cref="Of"/> leaves out:
    /// a reference's <c>&lt;time&gt;</c> or a button's label are still text of a reference item.</summary>
    public static bool IsNeverShown(string localName) => localName is "script" or "style" or "template" or "noscript";

    /// <summary>
    /// True for an element that flows inside a line (its edges are no word boundary); false for blocks, breaks and the
    /// rest. An element HTML does not define (JATS's <c>contrib-group</c> and <c>string-name</c> in publishers'
    /// reference lists, a site's custom <c>author-name</c>) is inline where text of the same line touches it
    /// (<c>&lt;contrib-group&gt;Rudenko LG&lt;/contrib-group&gt;, &lt;contrib-group&gt;…</c>), as a browser shows it;
    /// with only white space around, it is taken for the layout box such elements mostly are. Read as blocks, the names
    /// of a byline each ended a line: "Rudenko LG. , Slepushkin AN. ," parsed as a title.
    /// </summary>
    public static bool IsInline(IElement element)
    {
        var name = element.LocalName;
        if (Inline.Contains(name)) return true;
        if (Standard.Contains(name)) return false;
        return HasText(element.PreviousSibling) || HasText(element.NextSibling);

        static bool HasText(INode? node) => node is IText text && !string.IsNullOrWhiteSpace(text.Data);
    }

    /// <summary>The visible text of <paramref name="root"/>, cut a little past <paramref name="maxLength"/> characters; blocks and
    /// line breaks become <paramref name="boundary"/>, inline element edges a space.</summary>
    public static string Of(IElement root, int maxLength, char boundary)
    {
        var builder = new StringBuilder();
        var stack = new Stack<(INodeList Children, int Next, char Close)>();
        stack.Push((root.ChildNodes, 0, '\0'));
        while (stack.Count > 0 && builder.Length <= maxLength)
        {
            var (children, next, close) = stack.Pop();
            var descended = false;
            while (next < children.Length && builder.Length <= maxLength)
            {
                var node = children[next++];
                if (node is IText text)
                {
                    builder.Append(text.Data, 0, Math.Min(text.Data.Length, maxLength + 1 - builder.Length));
                    continue;
                }
                if (node is not IElement element) continue;
                if (element.LocalName == "br") builder.Append(boundary);
                else if (!Hidden.Contains(element.LocalName) && !IsHidden(element))
                {
                    var edge = IsInline(element) ? ' ' : boundary;
                    builder.Append(edge);
                    stack.Push((children, next, close));
                    stack.Push((element.ChildNodes, 0, edge));
                    descended = true;
                    break;
                }
            }
            if (!descended && close != '\0') builder.Append(close);
        }
        return builder.ToString();
    }

    static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("class") is { } cls && (cls.Contains("sr-only", StringComparison.OrdinalIgnoreCase) || cls.Contains("visually-hidden", StringComparison.OrdinalIgnoreCase)));
}
