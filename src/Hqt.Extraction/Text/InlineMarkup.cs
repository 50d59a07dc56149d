using System.Text.RegularExpressions;

namespace Hqt.Extraction.Text;

/// <summary>
/// Type marks left in text that was once markup: JATS and HTML tags in reference strings (`<italic>Plant
/// Physiology</italic>`), in Crossref's and OpenAlex's titles (`The <i>Drosophila</i> gene`, `<jats:italic>`). A reader
/// sees the words, never the tags, so titles and containers are shown and stored without them.
/// </summary>
public static partial class InlineMarkup
{
    // Whole tags anywhere; and half a tag at either end, where the other half went with the punctuation trimmed from the
    // reference around a field (`italic>Plant Physiology</italic`). Only type marks: a "<" in running text stays.
    [GeneratedRegex(@"</?(?:jats:|mml:)?(?:italic|bold|sup|sub|sc|i|b|u|em|strong|underline|span|scp)(?:\s[^<>]*)?/?>|^\s*/?(?:italic|bold|sup|sub|sc|em|strong)>|</?(?:italic|bold|sup|sub|sc|em|strong)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypeMark();

    /// <summary>The text without type marks, its spaces collapsed; the text itself when it has none; null when nothing is left.</summary>
    public static string? Strip(string? text)
    {
        if (text is null || !text.Contains('>') && !text.Contains('<')) return text;
        return TextTools.Collapse(TypeMark().Replace(text, ""));   // H<sub>2</sub>O is H2O
    }
}
