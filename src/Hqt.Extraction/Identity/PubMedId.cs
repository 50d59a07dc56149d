using System.Text.RegularExpressions;

namespace Hqt.Extraction.Identity;

/// <summary>PubMed ids (PMIDs): a positive integer of up to eight digits, canonical without leading zeros.</summary>
public static partial class PubMedId
{
    [GeneratedRegex(@"\bPMID:?\s*(?<id>\d{1,8})\b", RegexOptions.CultureInvariant)]
    private static partial Regex InText();

    [GeneratedRegex(@"^https?://(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/|europepmc\.org/(?:abstract/)?med/)(?<id>\d{1,8})(?:[/?#]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    /// <summary>The canonical PMID from <c>12345</c>, <c>PMID: 12345</c> or a PubMed URL; null otherwise.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        if (FromUrl(value) is { } fromUrl) return fromUrl;
        var match = InText().Match(value);
        if (match.Success) value = match.Groups["id"].Value;
        if (value.Length is 0 or > 8 || !value.All(char.IsAsciiDigit)) return null;
        value = value.TrimStart('0');
        return value.Length == 0 ? null : value;
    }

    /// <summary>Every PMID labelled <c>PMID</c> in a run of text.</summary>
    public static IEnumerable<string> FindAll(string text)
    {
        if (text.IndexOf("PMID", StringComparison.Ordinal) < 0) yield break;
        foreach (Match match in InText().Matches(text))
            if (Normalize(match.Groups["id"].Value) is { } id) yield return id;
    }

    /// <summary>The PMID a pubmed.ncbi.nlm.nih.gov (or legacy ncbi.nlm.nih.gov/pubmed, Europe PMC) URL points at.</summary>
    public static string? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var match = Url().Match(url);
        return match.Success ? match.Groups["id"].Value.TrimStart('0') is { Length: > 0 } id ? id : null : null;
    }
}
