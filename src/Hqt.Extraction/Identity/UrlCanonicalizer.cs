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
    /// (<c>amp.</c> host, <c>/amp</c> path, <c>?amp=1</c>, Google AMP cache) variant, no stray space or quote an href
    /// carried past its end (<c>…shtml%20%22</c>). Path and query case are kept (servers may treat them as distinct),
    /// except an account handle on a service whose handles ignore case (<c>twitter.com/MichelleObama</c>).
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
        if (query.Length == 0) path = WithoutStrayEnd(path);
        else query = WithoutStrayEnd(query);
        if (path.Length == 0) path = "/";
        if (CaseFreeHandles.Contains(host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host)) path = LowerFirstSegment(path);

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

    /// <summary>
    /// The key of the work a canonical URL shows: <see cref="KeyOfCanonical"/> of the archived page for a Wayback Machine
    /// copy (<c>web.archive.org/web/2013…/http://variety.com/…</c> is that review), with the sub-delimiters an archive or
    /// an editor percent-encoded in the path read as written (<c>0%2C1801</c> is <c>0,1801</c> to every server).
    /// For merging only: the stored URL stays the one the page linked.
    /// </summary>
    public static string WorkKeyOfCanonical(string canonical)
    {
        var key = ArchivedOriginal(canonical) is { } original ? KeyOfCanonical(original) : KeyOfCanonical(canonical);
        var end = key.IndexOf('?') is var q and >= 0 ? q : key.Length;
        if (key.AsSpan(0, end).IndexOf('%') < 0) return key;
        var path = new StringBuilder(key.Length);
        for (var i = 0; i < end; i++)
        {
            if (key[i] == '%' && i + 2 < end && SubDelimiter(key.AsSpan(i + 1, 2)) is { } c) { path.Append(c); i += 2; }
            else path.Append(key[i]);
        }
        return path.Append(key.AsSpan(end)).ToString();
    }

    // Where a Wayback Machine address names its snapshot (then the archived page follows the time stamp).
    const string WaybackMarker = "://web.archive.org/web/";

    /// <summary>
    /// The Wayback Machine address <paramref name="archived"/> with the archived page spelled <paramref name="original"/>
    /// (<c>…/web/2007…/http://showcatsonline.com/a</c> and <c>http://www.showcatsonline.com/a</c> → <c>…/web/2007…/http://www.showcatsonline.com/a</c>):
    /// the archive reads every spelling of one page as that page, so the link opens the same copy, and the graph, which
    /// keys a copy by the exact page it names, files it with the page.
    /// </summary>
    public static string ArchivedAs(string archived, string original)
    {
        var at = archived.IndexOf(WaybackMarker, StringComparison.Ordinal);
        if (at < 0) return archived;
        var slash = archived.IndexOf('/', at + WaybackMarker.Length);
        return slash < 0 ? archived : string.Concat(archived.AsSpan(0, slash + 1), original);
    }

    /// <summary>The canonical URL a Wayback Machine address archives (<c>https://web.archive.org/web/20130820190547/http://x.org/a</c> → <c>http://x.org/a</c>), else null.</summary>
    public static string? ArchivedOriginal(string canonical)
    {
        var at = canonical.IndexOf(WaybackMarker, StringComparison.Ordinal);
        if (at is not (4 or 5)) return null;
        var rest = canonical.AsSpan(at + WaybackMarker.Length);
        // The snapshot's time stamp, maybe with a mode suffix ("20130820190547id_"), then the archived address.
        var slash = rest.IndexOf('/');
        if (slash < 4 || !char.IsAsciiDigit(rest[0])) return null;
        var inner = rest[(slash + 1)..].ToString();
        if (inner.StartsWith("http:/", StringComparison.OrdinalIgnoreCase) && !inner.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) inner = "http://" + inner[6..];
        else if (inner.StartsWith("https:/", StringComparison.OrdinalIgnoreCase) && !inner.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) inner = "https://" + inner[7..];
        else if (!inner.Contains("://", StringComparison.Ordinal)) inner = "http://" + inner;
        return Canonicalize(inner);
    }

    static char? SubDelimiter(ReadOnlySpan<char> hex) =>
        int.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code) && "!$&'()*+,;=:@".Contains((char)code) ? (char)code : null;

    // Services whose account handles ignore case: /MichelleObama and /michelleobama are one profile. Only the first
    // segment is folded (an Instagram post's code, /p/Bx12Ab, is case-sensitive and stays as it is).
    static readonly HashSet<string> CaseFreeHandles = new(StringComparer.Ordinal) { "twitter.com", "x.com", "instagram.com", "github.com" };

    static string LowerFirstSegment(string path)
    {
        var end = path.IndexOf('/', 1);
        if (end < 0) end = path.Length;
        return path.AsSpan(1, end - 1).ContainsAnyInRange('A', 'Z') ? string.Concat("/", path[1..end].ToLowerInvariant(), path.AsSpan(end)) : path;
    }

    // "http://x.org/a.shtml%20%22": an href written with a space and a quote inside its own quotes. Escaped white space
    // at the end of an address is never part of it; a quote is stray when it is unpaired ("/wiki/%22Love_and_Theft%22" keeps both).
    static string WithoutStrayEnd(string part)
    {
        while (part.Length >= 3 && part[^3] == '%')
        {
            var code = part.AsSpan(part.Length - 2);
            if (code is "20" or "09" or "0A" or "0a" or "0D" or "0d") part = part[..^3];
            else if (code is "22" && CountOf(part, "%22") % 2 == 1) part = part[..^3];
            else break;
        }
        return part;
    }

    static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal)) count++;
        return count;
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
