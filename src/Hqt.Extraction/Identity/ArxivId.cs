using System.Text.RegularExpressions;

namespace Hqt.Extraction.Identity;

/// <summary>
/// arXiv identifiers, new style (<c>1502.03044</c>, <c>2101.00001</c>) and old style (<c>hep-th/9901001</c>).
/// The canonical form drops the version (<c>v2</c>), the <c>arXiv:</c> prefix and an old-style subject class
/// (<c>math.GT/0309136</c> is <c>math/0309136</c>), so every version of a paper is one work.
/// </summary>
public static partial class ArxivId
{
    const string Archives = "astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|physics|quant-ph|math|cs|q-bio|q-fin|stat|eess|econ|chao-dyn|solv-int|patt-sol|adap-org|comp-gas|cmp-lg|alg-geom|dg-ga|funct-an|q-alg|chem-ph|mtrl-th|supr-con|acc-phys|ao-sci|atom-ph|bayes-an|plasm-ph";

    [GeneratedRegex(@"^(?:(?<new>\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})|(?<arch>" + Archives + @")(?:\.[A-Z]{2})?/(?<num>\d{7}))(?:v\d+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bare();

    // In prose an id needs its "arXiv:" prefix, an arxiv.org URL or arXiv's DataCite DOI (10.48550/arXiv.1706.03762, which
    // JAMA and APA 7 cite preprints by): a bare 1502.03044 could be anything.
    [GeneratedRegex(@"(?:arxiv\s*:\s*|arxiv\.org/(?:abs|pdf|html|format)/|10\.48550/arxiv\.)(?<id>\d{4}\.\d{4,5}(?:v\d+)?|(?:" + Archives + @")(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InText();

    /// <summary>The canonical id from a bare id, <c>arXiv:…</c>, or an arxiv.org abs/pdf URL; null otherwise.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        var found = InText().Match(value);
        if (found.Success) value = found.Groups["id"].Value;
        if (value.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) value = value[..^4];
        var match = Bare().Match(value);
        if (!match.Success) return null;
        return match.Groups["new"].Success
            ? match.Groups["new"].Value
            : $"{match.Groups["arch"].Value.ToLowerInvariant()}/{match.Groups["num"].Value}";
    }

    /// <summary>Every arXiv id written with its prefix or as an arxiv.org link in a run of text, canonical.</summary>
    public static IEnumerable<string> FindAll(string text)
    {
        if (text.IndexOf("arxiv", StringComparison.OrdinalIgnoreCase) < 0) yield break;
        foreach (Match match in InText().Matches(text))
            if (Normalize(match.Groups["id"].Value) is { } id) yield return id;
    }

    /// <summary>The arXiv id an arxiv.org (or export.arxiv.org) abs/pdf URL points at.</summary>
    public static string? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.IndexOf("arxiv.org/", StringComparison.OrdinalIgnoreCase) < 0) return null;
        var match = InText().Match(url);
        return match.Success ? Normalize(match.Groups["id"].Value) : null;
    }
}
