using System.Text;
using AngleSharp.Dom;
using Hqt.Extraction.Parsing;

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
            // Soft hyphens, zero-width spaces and byte-order marks are no text a reader sees ("Silex\u00ADge\u00ADräte"
            // is "Silexgeräte"), yet they would stay in a work's title and every export.
            if (c is '\u00AD' or '\u200B' or '\uFEFF') continue;
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
    /// <see cref="Collapse(string, int)"/> of the element's text as laid out: its text nodes, read without building
    /// TextContent first (AngleSharp's TextContent takes a lock on a shared builder pool on every call, which cost more
    /// than the reading on the pages the median is made of), stopping at <paramref name="max"/>.
    /// Blocks and breaks end a line, as a browser lays them out, and a line that ends without punctuation ends with a
    /// full stop: reference lists built of blocks with no whitespace between them (<c>&lt;span&gt;G.N. Lewis&lt;/span&gt;
    /// &lt;h3&gt;The atom and the molecule&lt;/h3&gt;&lt;div&gt;J. Am. Chem. Soc.&lt;/div&gt;</c>) otherwise read
    /// "LewisThe atom and the moleculeJ. Am. Chem. Soc.", and a reader sees three fields where the text had none. An
    /// inline element's edge is a word boundary only where a lower-case letter meets a capital
    /// (<c>Almeida&lt;span&gt;A.P.&lt;/span&gt;</c>, a name set apart by CSS): elsewhere inline markup sits inside words
    /// (<c>H&lt;sub&gt;2&lt;/sub&gt;O</c>).
    /// </summary>
    public static string CollapsedText(IElement element, int max = 2000)
    {
        var builder = new StringBuilder(Math.Min(max, 256));
        var space = true;
        var (inlineEdge, lineEnd) = (false, false);
        var stack = t_stack ??= new Stack<(INodeList Children, int Next, bool Block)>();
        stack.Clear();
        stack.Push((element.ChildNodes, 0, false));
        while (stack.Count > 0 && builder.Length < max)
        {
            var (children, next, block) = stack.Pop();
            var descended = false;
            while (next < children.Length && builder.Length < max)
            {
                var node = children[next++];
                if (node is IText text)
                {
                    var first = FirstVisible(text.Data);
                    if (first != '\0' && builder.Length > 0)
                    {
                        var last = builder[^1] == ' ' && builder.Length > 1 ? builder[^2] : builder[^1];
                        if (lineEnd && (char.IsLetterOrDigit(last) || last is ')' or ']' or '"' or '\u201D'))
                        {
                            if (builder[^1] == ' ') builder.Length--;
                            builder.Append(". ");
                            space = true;
                        }
                        else if ((lineEnd || inlineEdge && char.IsUpper(first) && char.IsLower(last)) && !space) AppendCollapsed(builder, " ", max, ref space);
                    }
                    AppendCollapsed(builder, text.Data, max, ref space);
                    if (first != '\0') (inlineEdge, lineEnd) = (false, false);
                    continue;
                }
                if (node is not IElement child || VisibleText.IsNeverShown(child.LocalName)) continue;
                // Text a style hides is no part of what the reader sees: Wikipedia's "CS1 maint: Uses authors parameter
                // (link)" after a citation would be read as its publisher.
                if (child.GetAttribute("style") is { } style && ElementAttributes.StyleHides(style)) continue;
                var isBlock = !VisibleText.IsInline(child);
                if (isBlock) lineEnd = true;
                else inlineEdge = true;
                if (!child.HasChildNodes) continue;
                stack.Push((children, next, block));
                stack.Push((child.ChildNodes, 0, isBlock));
                descended = true;
                break;
            }
            if (descended) continue;
            // Leaving an element: a block ends its line.
            if (block) lineEnd = true;
            else inlineEdge = true;
        }
        stack.Clear();
        if (builder.Length > 0 && builder[^1] == ' ') builder.Length--;
        return builder.ToString();
    }

    static char FirstVisible(string text)
    {
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) return c;
        return '\0';
    }

    [ThreadStatic]
    static Stack<(INodeList Children, int Next, bool Block)>? t_stack;

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
