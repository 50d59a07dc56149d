using AngleSharp.Dom;

namespace Hqt.Extraction.Parsing;

/// <summary>Document-order walks over elements without recursion, so no page depth can overflow the stack.</summary>
public static class ElementWalk
{
    /// <summary>Every element under <paramref name="root"/> in document order, skipping the subtrees <paramref name="skip"/> rejects.</summary>
    public static IEnumerable<IElement> Descendants(IElement root, Func<IElement, bool>? skip = null)
    {
        var current = root.FirstElementChild;
        while (current is not null)
        {
            yield return current;
            if ((skip is null || !skip(current)) && current.FirstElementChild is { } child)
            {
                current = child;
                continue;
            }
            while (current is not null && current != root && current.NextElementSibling is null) current = current.ParentElement;
            if (current is null || current == root) yield break;
            current = current.NextElementSibling;
        }
    }

    /// <summary>The element and its ancestors up to the document element, nearest first.</summary>
    public static IEnumerable<IElement> AncestorsAndSelf(IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement) yield return current;
    }
}
