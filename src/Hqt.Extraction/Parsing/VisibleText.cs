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

    /// <summary>The visible text of <paramref name="root"/> up to about <paramref name="maxLength"/> characters; blocks and
    /// line breaks become <paramref name="boundary"/>, inline element edges a space.</summary>
    public static string Of(IElement root, int maxLength, char boundary)
    {
        var builder = new StringBuilder();
        var node = root.FirstChild;
        while (node is not null && builder.Length <= maxLength)
        {
            var descend = false;
            if (node is IText text) builder.Append(text.Data);
            else if (node is IElement element)
            {
                var name = element.LocalName;
                if (name == "br") builder.Append(boundary);
                else if (!Hidden.Contains(name) && !IsHidden(element))
                {
                    builder.Append(Inline.Contains(name) ? ' ' : boundary);
                    descend = element.FirstChild is not null;
                }
            }
            if (descend)
            {
                node = node.FirstChild;
                continue;
            }
            while (node is not null && node != root && node.NextSibling is null)
            {
                node = node.Parent;
                if (node is IElement closed && node != root) builder.Append(Inline.Contains(closed.LocalName) ? ' ' : boundary);
            }
            if (node is null || node == root) break;
            node = node.NextSibling;
        }
        return builder.ToString();
    }

    static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("class") is { } cls && (cls.Contains("sr-only", StringComparison.OrdinalIgnoreCase) || cls.Contains("visually-hidden", StringComparison.OrdinalIgnoreCase)));
}
