using System.Buffers;
using AngleSharp.Dom;

namespace Hqt.Extraction.Parsing;

/// <summary>
/// The attributes any rule asks of every element, read in one pass over the element's attribute list
/// (<c>GetAttribute</c> searches the list again on every call, and the page walk asks about a dozen of them).
/// </summary>
readonly record struct ElementAttributes(
    string? Class, string? Id, string? Role, string? Href, string? ItemProp, string? Rel, bool HasDatetime, bool Hidden)
{
    public static ElementAttributes Read(IElement element)
    {
        var list = element.Attributes;
        string? className = null, id = null, role = null, href = null, itemprop = null, rel = null;
        bool hidden = false, ariaHidden = false, hasDatetime = false;
        for (var k = 0; k < list.Length; k++)
        {
            var attribute = list[k]!;
            switch (attribute.Name)
            {
                case "class": className = attribute.Value; break;
                case "id": id = attribute.Value; break;
                case "role": role = attribute.Value; break;
                case "href": href = attribute.Value; break;
                case "itemprop": itemprop = attribute.Value; break;
                case "rel": rel = attribute.Value; break;
                case "datetime": hasDatetime = true; break;
                case "hidden": hidden = true; break;
                case "aria-hidden": ariaHidden = attribute.Value == "true"; break;
                case "aria-modal": if (attribute.Value == "true") role ??= "dialog"; break;
                case "style": hidden |= StyleHides(attribute.Value); break;
            }
        }
        if (ariaHidden && className?.Contains("fallback-image") != true) hidden = true;
        return new ElementAttributes(className, id, role, href, itemprop, rel, hasDatetime, hidden);
    }

    /// <summary>An inline style that hides its element (<c>display: none</c>, <c>visibility: hidden</c>).</summary>
    public static bool StyleHides(string style) =>
        style.AsSpan().IndexOfAny(HidingWords) >= 0 && (Compact(style, "display:none") || Compact(style, "visibility:hidden"));

    // Most style attributes hide nothing: one vectorised scan before the exact tests.
    static readonly SearchValues<string> HidingWords = SearchValues.Create(["none", "hidden"], StringComparison.OrdinalIgnoreCase);

    static bool Compact(string style, string what)
    {
        var colon = what.IndexOf(':');
        var at = style.AsSpan().IndexOf(what.AsSpan(0, colon), StringComparison.OrdinalIgnoreCase);
        if (at < 0) return false;
        var rest = style.AsSpan(at + colon).TrimStart();
        if (rest.Length == 0 || rest[0] != ':') return false;
        return rest[1..].TrimStart().StartsWith(what.AsSpan(colon + 1), StringComparison.OrdinalIgnoreCase);
    }
}
