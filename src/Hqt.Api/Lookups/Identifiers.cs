namespace Hqt.Api.Lookups;

/// <summary>Identifiers as the APIs write them, brought to the graph's spelling (bare, lower-case DOI; bare arXiv id and PMID).</summary>
public static class Identifiers
{
    const string ArxivDoiPrefix = "10.48550/arxiv.";

    public static string? Doi(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var doi = value.Trim();
        foreach (var prefix in (string[])["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"])
            if (doi.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) doi = doi[prefix.Length..];
        return doi.StartsWith("10.", StringComparison.Ordinal) && doi.Contains('/') ? doi.ToLowerInvariant() : null;
    }

    /// <summary>arXiv's DataCite DOIs (10.48550/arXiv.2106.01234) name the arXiv id.</summary>
    public static string? ArxivFromDoi(string? doi) =>
        doi is not null && doi.StartsWith(ArxivDoiPrefix, StringComparison.Ordinal) ? doi[ArxivDoiPrefix.Length..] : null;

    /// <summary>The DOI OpenAlex and Crossref know an arXiv preprint by.</summary>
    public static string DoiForArxiv(string arxivId) => ArxivDoiPrefix + arxivId.ToLowerInvariant();

    /// <summary>The DOI a doi.org link names.</summary>
    public static string? DoiFromUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host is "doi.org" or "dx.doi.org" or "www.doi.org"
            ? Doi(Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'))) : null;

    /// <summary>The arXiv id an arxiv.org/abs or /pdf link names, without its version.</summary>
    public static string? ArxivFromUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host is not ("arxiv.org" or "www.arxiv.org" or "export.arxiv.org")) return null;
        var path = uri.AbsolutePath;
        foreach (var prefix in (string[])["/abs/", "/pdf/"])
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var id = path[prefix.Length..].Replace(".pdf", "", StringComparison.Ordinal);
            var version = id.LastIndexOf('v');
            if (version > 0 && id[(version + 1)..] is { Length: > 0 } digits && digits.All(char.IsAsciiDigit)) id = id[..version];
            return id.Length > 0 ? id.ToLowerInvariant() : null;
        }
        return null;
    }

    public static string? Pmid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var pmid = value.TrimEnd('/');
        pmid = pmid[(pmid.LastIndexOf('/') + 1)..];
        return pmid.Length > 0 && pmid.All(char.IsAsciiDigit) ? pmid : null;
    }
}
