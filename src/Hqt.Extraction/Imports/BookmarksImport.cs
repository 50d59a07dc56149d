using System.Net;
using System.Text.RegularExpressions;

namespace Hqt.Extraction.Imports;

/// <summary>
/// The Netscape bookmark file every browser exports (<c>&lt;DT&gt;&lt;A HREF="…" ADD_DATE="…"&gt;Title&lt;/A&gt;</c>). Read
/// with a pattern rather than an HTML parser: the format is flat and machine-written, and a ten-year file has tens
/// of thousands of links. Folders and separators are not entries; links that are not web pages are skipped with a reason.
/// </summary>
public static partial class BookmarksImport
{
    [GeneratedRegex("""<a\s([^>]*)>(.*?)</a\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex("""\b(href|add_date)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    public static bool LooksLikeBookmarks(string text) =>
        text.Contains("NETSCAPE-Bookmark-file", StringComparison.OrdinalIgnoreCase)
        || (text.Contains("<DT>", StringComparison.OrdinalIgnoreCase) && text.Contains("<A ", StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<ImportEntry> Read(string text)
    {
        var read = new List<ImportEntry>();
        foreach (Match link in Link().Matches(text))
        {
            string? href = null;
            long? added = null;
            foreach (Match attribute in Attribute().Matches(link.Groups[1].Value))
            {
                var value = WebUtility.HtmlDecode(attribute.Groups[2].Success ? attribute.Groups[2].Value : attribute.Groups[3].Success ? attribute.Groups[3].Value : attribute.Groups[4].Value);
                if (attribute.Groups[1].Value.Equals("href", StringComparison.OrdinalIgnoreCase)) href = value.Trim();
                else if (long.TryParse(value, out var seconds)) added = seconds;
            }
            var title = ImportEntries.Clean(WebUtility.HtmlDecode(Tag().Replace(link.Groups[2].Value, "")));
            var year = added is > 0 and < 32503680000 ? DateTimeOffset.FromUnixTimeSeconds(added.Value).Year : (int?)null;
            var isWeb = Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
            var entry = ImportEntries.Make(read.Count, null, title, [], year, null, null, null, null, isWeb ? href : null, title ?? href) with { IsBookmark = true };
            // A bookmark is a page to fetch, kept as what it is (a DOI link is still a page the reader saved).
            read.Add(isWeb ? entry with { Skip = null } : entry with { Skip = $"Not a web page ({Scheme(href)}): only http and https bookmarks are captured." });
        }
        return read;
    }

    static string Scheme(string? href) => href is null ? "no address" : href.Contains(':') ? href[..href.IndexOf(':')] + ":" : "a relative address";
}
