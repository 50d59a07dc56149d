using AngleSharp.Dom;

namespace Hqt.Extraction.Parsing;

/// <summary>
/// Document-order walks without recursion, so no page depth can overflow the stack. They index child lists
/// instead of following <c>NextSibling</c>, which AngleSharp answers by searching the parent's children: on a
/// parent with thousands of children that turns a walk quadratic.
/// </summary>
public static class ElementWalk
{
    /// <summary>Every element under <paramref name="root"/> in document order, skipping the subtrees <paramref name="skip"/> rejects.</summary>
    public static IEnumerable<IElement> Descendants(IElement root, Func<IElement, bool>? skip = null)
    {
        var stack = new Stack<(INodeList Children, int Next)>();
        stack.Push((root.ChildNodes, 0));
        while (stack.Count > 0)
        {
            var (children, next) = stack.Pop();
            while (next < children.Length)
            {
                if (children[next++] is not IElement element) continue;
                yield return element;
                if ((skip is null || !skip(element)) && element.HasChildNodes)
                {
                    stack.Push((children, next));
                    stack.Push((element.ChildNodes, 0));
                    break;
                }
            }
        }
    }
}
