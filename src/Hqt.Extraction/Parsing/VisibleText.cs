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
        "strong", "sub", "sup", "u", "var", "wbr", "nobr", "ins", "del", "label",
    };

    /// <summary>True for an element whose text no reader ever sees: code, style sheets, templates, and the fallback shown only
    /// when scripts are off (a capture is read from a browser that runs them). Narrower than what <see cref="Of"/> leaves out:
    /// a reference's <c>&lt;time&gt;</c> or a button's label are still text of a reference item.</summary>
    public static bool IsNeverShown(string localName) => localName is "script" or "style" or "template" or "noscript";

    /// <summary>True for an element that flows inside a line (its edges are no word boundary); false for blocks, breaks and the rest.</summary>
    public static bool IsInline(string localName) => Inline.Contains(localName);

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
                    var edge = Inline.Contains(element.LocalName) ? ' ' : boundary;
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
