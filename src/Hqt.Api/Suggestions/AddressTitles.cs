namespace Hqt.Api.Suggestions;

/// <summary>
/// A readable name for a work the reader knows only by its address (a cited page with no title and no naming anchor).
/// </summary>
/// <remarks>
/// The form is <c>path · site</c>: the page's path as a reader would say it, then the site's host name, e.g.
/// <c>https://github.com/fumin/ntm</c> → "fumin/ntm · github.com", <c>https://en.wikipedia.org/wiki/Hermitian_matrix</c>
/// → "wiki/Hermitian matrix · en.wikipedia.org", a site's home page → its host alone. The same rule for every site
/// (no site-specific names): the scheme, a leading <c>www.</c>, the query and the fragment are dropped; path segments are
/// percent-decoded, underscores read as spaces, a trailing page suffix (".html", ".php") and "index" page dropped; a
/// long path keeps its last segments behind "…/" so the name stays short.
/// This is made only when the work is shown: it is never stored as the work's title, so the ranker still treats the
/// work as known only by its address (it never outranks a titled work on equal evidence).
/// </remarks>
public static class AddressTitles
{
    /// <summary>The longest path kept before earlier segments give way to "…/".</summary>
    const int MaxPath = 60;

    static readonly string[] PageSuffixes = [".html", ".htm", ".shtml", ".php", ".asp", ".aspx", ".jsp"];

    /// <summary>"path · site" for an absolute http(s) URL; null for anything else (the caller shows what it has).</summary>
    public static string? For(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0) return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4) host = host[4..];
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Readable).Where(s => s.Length > 0).ToList();
        if (segments.Count > 0 && IsIndexPage(segments[^1])) segments.RemoveAt(segments.Count - 1);
        if (segments.Count > 0) segments[^1] = WithoutPageSuffix(segments[^1]);
        if (segments.Count == 0) return host;
        var path = string.Join('/', segments);
        if (path.Length > MaxPath)
        {
            // Keep the end of the path: the last segment names the page; earlier ones are folders.
            var kept = new List<string>();
            var length = 0;
            for (var i = segments.Count - 1; i >= 0 && (kept.Count == 0 || length + segments[i].Length + 1 <= MaxPath); i--)
            {
                kept.Insert(0, segments[i]);
                length += segments[i].Length + 1;
            }
            path = (kept.Count < segments.Count ? "…/" : "") + string.Join('/', kept);
            if (path.Length > MaxPath + 2) path = path[..MaxPath].TrimEnd() + "…";
        }
        return $"{path} · {host}";
    }

    static string Readable(string segment)
    {
        string decoded;
        try { decoded = Uri.UnescapeDataString(segment); }
        catch (UriFormatException) { decoded = segment; }
        return string.Join(' ', decoded.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    static bool IsIndexPage(string segment) =>
        PageSuffixes.Any(suffix => segment.Equals("index" + suffix, StringComparison.OrdinalIgnoreCase) || segment.Equals("default" + suffix, StringComparison.OrdinalIgnoreCase));

    static string WithoutPageSuffix(string segment) =>
        PageSuffixes.FirstOrDefault(s => segment.Length > s.Length && segment.EndsWith(s, StringComparison.OrdinalIgnoreCase)) is { } suffix
            ? segment[..^suffix.Length]
            : segment;
}
