using AngleSharp.Dom;

namespace Hqt.Extraction.Parsing;

/// <summary>
/// Ancestor tests by walking parents. AngleSharp's <c>Closest(selector)</c> parses its selector on every call,
/// which costs more than the walk itself when it runs per element.
/// </summary>
public static class Ancestry
{
    /// <summary>Whether the element sits in the page's main content: <c>article</c>, <c>main</c>, <c>[role=main]</c> or an article body.</summary>
    public static bool IsInArticle(IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current.LocalName is "article" or "main") return true;
            if (string.Equals(current.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase)) return true;
            if (current.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The nearest ancestor-or-self with this local name, or null.</summary>
    public static IElement? Closest(IElement element, string localName)
    {
        for (var current = element; current is not null; current = current.ParentElement)
            if (current.LocalName == localName) return current;
        return null;
    }

    /// <summary>The nearest ancestor-or-self carrying this attribute, or null.</summary>
    public static IElement? ClosestWithAttribute(IElement element, string attribute)
    {
        for (var current = element; current is not null; current = current.ParentElement)
            if (current.HasAttribute(attribute)) return current;
        return null;
    }
}
