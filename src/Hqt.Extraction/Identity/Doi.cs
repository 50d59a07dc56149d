using System.Text.RegularExpressions;

namespace Hqt.Extraction.Identity;

/// <summary>
/// Digital Object Identifiers. DOIs are case-insensitive, so the canonical form is the bare
/// <c>10.prefix/suffix</c> in lower case, without <c>doi:</c> or resolver URL.
/// </summary>
public static partial class Doi
{
    // Suffixes may hold almost anything; stop at whitespace, quotes and angle brackets and trim punctuation after. The one
    // angle-bracket pair a DOI holds is a SICI's item segment (Wiley's 1990s DOIs: 10.1002/(SICI)1097-4636(199603)31:3<303::AID-JBM2>3.0.CO;2-M):
    // cut at its "<", every article of the issue would read as the one DOI "…31:3" and be taken for one work.
    [GeneratedRegex(@"\b10\.\d{4,9}/[^\s""'<>\u00a0]+(?:<[0-9A-Za-z]{1,12}::[0-9A-Za-z-]{1,40}>[^\s""'<>\u00a0]*)*", RegexOptions.CultureInvariant)]
    private static partial Regex InText();

    // Every resolver form: doi.org and dx.doi.org, publishers' doi.* hosts (doi.acm.org, doi.wiley.com), the Handle System
    // (hdl.handle.net/10.…) and library proxies that rewrite doi.org (doi-org.proxy.example.edu).
    [GeneratedRegex(@"^(?:https?://)?(?:[a-z0-9-]+\.)*doi\.org/|^(?:https?://)?(?:[a-z0-9-]+\.)*handle\.net/|^doi:\s*|^https?://doi\.[a-z0-9-]+\.(?:org|com|net)/|^https?://doi-org\.[a-z0-9.-]+/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    /// <summary>Whether a URL is a DOI resolver link (any of the forms <see cref="Normalize"/> reads).</summary>
    public static bool IsResolverUrl(string? url) => !string.IsNullOrEmpty(url) && url.Contains("://", StringComparison.Ordinal) && Prefix().IsMatch(url) && Normalize(url) is not null;

    /// <summary>The one resolver URL hqt stores for a DOI: https://doi.org/ and the DOI unencoded ("/" not "%2F").</summary>
    public static string ResolverUrl(string doi) => "https://doi.org/" + doi;

    /// <summary>
    /// The canonical DOI (<c>10.1038/nature16961</c>) from a bare DOI, <c>doi:…</c>, or a doi.org / dx.doi.org URL
    /// (percent-encoded or not); null when the text is not one DOI.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = Prefix().Replace(text.Trim(), "");
        if (value.Contains('%')) value = Uri.UnescapeDataString(value);
        var match = InText().Match(value);
        if (!match.Success || match.Index != 0) return null;
        var doi = TrimTail(match.Value);
        return doi.Length > 8 ? doi.ToLowerInvariant() : null;
    }

    /// <summary>Every DOI written in a run of text, canonical, in order of appearance (duplicates kept).</summary>
    public static IEnumerable<string> FindAll(string text)
    {
        if (text.IndexOf("10.", StringComparison.Ordinal) < 0) yield break;
        foreach (Match match in InText().Matches(text))
        {
            var doi = TrimTail(match.Value);
            if (doi.Length > 8) yield return doi.ToLowerInvariant();
        }
    }

    /// <summary>The DOI a URL points at: a resolver link (doi.org/10.…) or a publisher path holding one (/doi/10.…).</summary>
    public static string? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var at = url.IndexOf("10.", StringComparison.Ordinal);
        if (at < 0) return null;
        if (Prefix().IsMatch(url)) return Normalize(url);
        // Publisher landing pages put the DOI after /doi/ (Wiley, ACP, Taylor & Francis, ACS...).
        var marker = url.IndexOf("/doi/", StringComparison.OrdinalIgnoreCase);
        if (marker < 0) return null;
        var rest = url[(marker + 5)..];
        foreach (var step in new[] { "abs/", "full/", "pdf/", "epdf/", "book/", "reader/" })
            if (rest.StartsWith(step, StringComparison.OrdinalIgnoreCase)) rest = rest[step.Length..];
        var end = rest.IndexOfAny(['?', '#']);
        return Normalize(end < 0 ? rest : rest[..end]);
    }

    /// <summary>
    /// Whether <paramref name="doi"/> is <paramref name="work"/> itself or one of its parts, which publishers name by
    /// extending the work's DOI (PLOS figures <c>….g001</c>, tables <c>….t001</c>, supplements <c>….s001</c>, <c>…/figures/1</c>).
    /// Both are compared as <see cref="Normalize"/> writes them (case does not matter); a DOI that only shares the
    /// work's prefix (<c>….00000012</c> beside <c>….0000001</c>) is another work.
    /// </summary>
    public static bool IsSameOrPartOf(string? doi, string? work)
    {
        if (Normalize(doi) is not { } a || Normalize(work) is not { } b || !a.StartsWith(b, StringComparison.Ordinal)) return false;
        return a.Length == b.Length || !char.IsLetterOrDigit(a[b.Length]);
    }

    /// <summary>
    /// Whether a URL carries <paramref name="work"/>'s DOI or a part of it anywhere (percent-encoded or not): a link to its
    /// resolver, its figures, supplements, citation export, permissions or update check (<c>?doi=…</c>, <c>art%3A10.1038%2F…</c>).
    /// </summary>
    public static bool UrlCarries(string? url, string? work)
    {
        if (string.IsNullOrEmpty(url) || Normalize(work) is not { } doi) return false;
        var text = url.Contains('%') ? Unescape(url) : url;
        for (var at = text.IndexOf(doi, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(doi, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + doi.Length;
            // Where a DOI starts (not inside "110.…") and ends (not running on into "….00000012").
            if ((at == 0 || !char.IsAsciiDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return true;
        }
        return false;
    }

    static string Unescape(string url)
    {
        try { return Uri.UnescapeDataString(url); }
        catch (UriFormatException) { return url; }
    }

    // A query string's next parameter is not part of a DOI found inside one ("…scholar_lookup?doi=10.1111/febs.12796&volume=281"):
    // a suffix may hold "&", but "&name=" is how the URL it was read from goes on.
    [GeneratedRegex(@"&(?:amp;)?[A-Za-z_][A-Za-z0-9_.-]*=", RegexOptions.CultureInvariant)]
    private static partial Regex NextQueryParameter();

    // Sentence punctuation and a closing bracket the DOI did not open are not part of it.
    static string TrimTail(string doi)
    {
        var next = NextQueryParameter().Match(doi);
        if (next.Success) doi = doi[..next.Index];
        while (doi.Length > 0)
        {
            var last = doi[^1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or ']' or '}') { doi = doi[..^1]; continue; }
            if (last == ')' && doi.Count(c => c == '(') < doi.Count(c => c == ')')) { doi = doi[..^1]; continue; }
            break;
        }
        return doi;
    }
}
