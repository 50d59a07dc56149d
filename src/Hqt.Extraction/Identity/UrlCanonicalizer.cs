using System.Text;

namespace Hqt.Extraction.Identity;

/// <summary>
/// One spelling per page: the graph merges works on these, so the extractor and the storage must agree.
/// </summary>
public static class UrlCanonicalizer
{
    static readonly string[] TrackingPrefixes = ["utm_", "mtm_", "pk_"];
    static readonly HashSet<string> TrackingKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ncid", "cmpid",
    };

    /// <summary>
    /// The canonical form of an absolute http(s) URL, or null when it is not one: lower-case scheme and host,
    /// no default port, no fragment, no tracking parameters (<c>utm_*</c>, <c>fbclid</c>, <c>gclid</c>, …), and the
    /// desktop, non-AMP address of a mobile (<c>en.m.wikipedia.org</c>, <c>mobile.twitter.com</c>) or AMP
    /// (<c>amp.</c> host, <c>/amp</c> path, <c>?amp=1</c>, Google AMP cache) variant. Path and query case are kept:
    /// servers may treat them as distinct.
    /// </summary>
    public static string? Canonicalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        return Canonicalize(uri);
    }

    /// <summary>The canonical form of an absolute http(s) <see cref="Uri"/>; null for other schemes.</summary>
    public static string? Canonicalize(Uri uri)
    {
        if (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https")) return null;
        if (uri.Host.EndsWith(".cdn.ampproject.org", StringComparison.OrdinalIgnoreCase) && FromAmpCache(uri) is { } cached) uri = cached;

        var host = DesktopHost(uri.Host.ToLowerInvariant());
        var path = uri.AbsolutePath;
        var query = CleanQuery(uri.Query);
        if (path.EndsWith("/amp", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/amp/", StringComparison.OrdinalIgnoreCase))
            path = path[..path.LastIndexOf("/amp", StringComparison.OrdinalIgnoreCase)] + (path.EndsWith('/') ? "/" : "");
        else if (path.EndsWith(".amp", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".amp.html", StringComparison.OrdinalIgnoreCase))
            path = path[..path.LastIndexOf(".amp", StringComparison.OrdinalIgnoreCase)] + (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? ".html" : "");
        if (path.Length == 0) path = "/";

        var builder = new StringBuilder(uri.OriginalString.Length);
        builder.Append(uri.Scheme).Append("://");
        if (uri.UserInfo.Length > 0) builder.Append(uri.UserInfo).Append('@');
        builder.Append(host);
        if (!uri.IsDefaultPort) builder.Append(':').Append(uri.Port);
        builder.Append(path);
        if (query.Length > 0) builder.Append('?').Append(query);
        return builder.ToString();
    }

    /// <summary>
    /// A looser key for deciding that two canonical URLs name the same page: no scheme, no <c>www.</c>, no trailing
    /// slash. Use it to merge; store and show <see cref="Canonicalize"/>.
    /// </summary>
    public static string? Key(string? url)
    {
        var canonical = Canonicalize(url);
        return canonical is null ? null : KeyOfCanonical(canonical);
    }

    /// <summary><see cref="Key"/> of a URL that is already canonical, without parsing it again.</summary>
    public static string KeyOfCanonical(string canonical) => KeySpanOfCanonical(canonical).ToString();

    /// <summary><see cref="KeyOfCanonical"/> as a slice of the URL, for comparing keys without building them.</summary>
    public static ReadOnlySpan<char> KeySpanOfCanonical(string canonical)
    {
        var start = canonical.IndexOf("://", StringComparison.Ordinal) + 3;
        if (string.CompareOrdinal(canonical, start, "www.", 0, 4) == 0) start += 4;
        var end = canonical.Length;
        if (canonical[end - 1] == '/') end--;
        return canonical.AsSpan(start, end - start);
    }

    // en.m.wikipedia.org, m.example.com and mobile.twitter.com serve the same pages as their desktop hosts.
    // Read label by label without splitting: every link of every page passes here, and almost no host is a mobile one.
    static string DesktopHost(string host)
    {
        var lastDot = host.LastIndexOf('.');
        var secondLastDot = lastDot <= 0 ? -1 : host.LastIndexOf('.', lastDot - 1);
        // Only labels before the last two (the registered domain) can be a mobile marker.
        for (var start = 0; start < secondLastDot;)
        {
            var end = host.IndexOf('.', start);
            if (host.AsSpan(start, end - start) is "m" or "mobile" or "amp") return string.Concat(host.AsSpan(0, start), host.AsSpan(end + 1));
            start = end + 1;
        }
        return host;
    }

    static string CleanQuery(string query)
    {
        if (query.Length <= 1) return "";
        var kept = new StringBuilder(query.Length);
        foreach (var pair in query.AsSpan(1).ToString().Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            if (key.Equals("amp", StringComparison.OrdinalIgnoreCase) || (key.Equals("outputType", StringComparison.OrdinalIgnoreCase) && pair.EndsWith("=amp", StringComparison.OrdinalIgnoreCase)))
                continue;
            if (IsTracking(key)) continue;
            if (kept.Length > 0) kept.Append('&');
            kept.Append(pair);
        }
        return kept.ToString();
    }

    // https://example-com.cdn.ampproject.org/c/s/example.com/news/story → https://example.com/news/story
    static Uri? FromAmpCache(Uri uri)
    {
        var path = uri.AbsolutePath;
        var secure = path.StartsWith("/c/s/", StringComparison.Ordinal) || path.StartsWith("/v/s/", StringComparison.Ordinal);
        var rest = secure ? path[5..] : path.StartsWith("/c/", StringComparison.Ordinal) || path.StartsWith("/v/", StringComparison.Ordinal) ? path[3..] : null;
        if (rest is null) return null;
        return Uri.TryCreate((secure ? "https://" : "http://") + rest + uri.Query, UriKind.Absolute, out var origin) ? origin : null;
    }

    static bool IsTracking(string key)
    {
        if (TrackingKeys.Contains(key)) return true;
        foreach (var prefix in TrackingPrefixes)
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
