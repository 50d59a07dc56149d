using System.Text;
using AngleSharp.Dom;

namespace Hqt.Extraction.References;

/// <summary>Text helpers for links: collapsed text, and the sentence of a block that holds a given phrase.</summary>
static class LinkText
{
    /// <summary>Whitespace folded to single spaces, trimmed, cut at <paramref name="max"/> characters.</summary>
    public static string Collapse(string text, int max = 2000)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max));
        var space = true;
        AppendCollapsed(builder, text, max, ref space);
        if (builder.Length > 0 && builder[^1] == ' ') builder.Length--;
        return builder.ToString();
    }

    // Appends text with whitespace runs folded to one space (none at the start), up to max characters in all.
    static void AppendCollapsed(StringBuilder builder, string text, int max, ref bool space)
    {
        foreach (var c in text)
        {
            if (builder.Length >= max) break;
            if (char.IsWhiteSpace(c))
            {
                if (!space) { builder.Append(' '); space = true; }
                continue;
            }
            builder.Append(c);
            space = false;
        }
    }

    /// <summary>
    /// <see cref="Collapse(string, int)"/> of the element's text content, read from its text nodes without building that
    /// string first, and stopping at <paramref name="max"/>: AngleSharp's TextContent takes a lock on a shared builder pool
    /// on every call, which cost more than the reading on the pages the median is made of.
    /// </summary>
    public static string CollapsedText(IElement element, int max = 2000)
    {
        var builder = new StringBuilder(Math.Min(max, 256));
        var space = true;
        var stack = t_stack ??= new Stack<(INodeList Children, int Next)>();
        stack.Clear();
        stack.Push((element.ChildNodes, 0));
        while (stack.Count > 0 && builder.Length < max)
        {
            var (children, next) = stack.Pop();
            while (next < children.Length && builder.Length < max)
            {
                var node = children[next++];
                if (node is IText text)
                {
                    AppendCollapsed(builder, text.Data, max, ref space);
                }
                else if (node is IElement && node.HasChildNodes)
                {
                    stack.Push((children, next));
                    stack.Push((node.ChildNodes, 0));
                    break;
                }
            }
        }
        stack.Clear();
        if (builder.Length > 0 && builder[^1] == ' ') builder.Length--;
        return builder.ToString();
    }

    [ThreadStatic]
    static Stack<(INodeList Children, int Next)>? t_stack;

    /// <summary>The sentence of <paramref name="block"/> that contains <paramref name="phrase"/>, at most 400 characters.</summary>
    public static string? Sentence(string block, string? phrase)
    {
        if (block.Length == 0) return null;
        var at = string.IsNullOrEmpty(phrase) ? -1 : block.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0) return block.Length <= 400 ? block : block[..400];
        var start = at;
        while (start > 0 && !(IsEnd(block[start - 1]) && start < block.Length && block[start] == ' ')) start--;
        var end = at + phrase!.Length;
        while (end < block.Length && !(IsEnd(block[end]) && (end + 1 == block.Length || block[end + 1] == ' '))) end++;
        if (end < block.Length) end++;
        var sentence = block[start..end].Trim();
        if (sentence.Length <= 400) return sentence;
        var from = Math.Max(0, at - start - 180);
        return sentence.Substring(from, Math.Min(400, sentence.Length - from));
    }

    static bool IsEnd(char c) => c is '.' or '!' or '?' or '\u3002' or '\uff01' or '\uff1f';
}
