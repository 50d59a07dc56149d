namespace Hqt.Extraction.Identity;

/// <summary>
/// One spelling per page: the graph merges works on these, so the extractor and the storage must agree.
/// </summary>
public static class UrlCanonicalizer
{
    static readonly string[] TrackingPrefixes = ["utm_"];
    static readonly HashSet<string> TrackingKeys = new(StringComparer.OrdinalIgnoreCase) { "fbclid", "gclid", "mc_cid", "mc_eid" };

    /// <summary>The canonical form of an absolute http(s) URL, or null when it is not one.</summary>
    public static string? Canonicalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https")) return null;

        var query = string.Join('&', uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=')[0])));
        var builder = new UriBuilder(uri) { Fragment = "", Query = query, Host = uri.Host.ToLowerInvariant() };
        if (uri.IsDefaultPort) builder.Port = -1;
        return builder.Uri.AbsoluteUri;
    }

    static bool IsTracking(string key) =>
        TrackingKeys.Contains(key) || TrackingPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
