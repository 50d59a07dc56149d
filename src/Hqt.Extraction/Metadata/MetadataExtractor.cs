using System.Text.Json;
using Hqt.Extraction.Identity;
using Hqt.Extraction.Parsing;
using Hqt.Extraction.Text;

namespace Hqt.Extraction.Metadata;

/// <summary>Title, canonical URL, site name, publication date and language from the page's metas, JSON-LD and markup.</summary>
public static class MetadataExtractor
{
    static readonly string[] SiteNameKeys = ["og:site_name", "application-name", "al:android:app_name", "al:ios:app_name", "citation_journal_title", "dc.publisher", "citation_publisher"];

    static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:article:published_time", "article:published", "citation_publication_date", "citation_date",
        "citation_online_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "dcterms.date", "dc.date.created",
        "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "sailthru.date",
        "parsely-pub-date", "article.published", "og:pubdate", "displaydate", "date.available", "prism.publicationdate",
    ];

    public static PageMetadata Extract(PageDocument page)
    {
        var scan = page.Scan;
        var article = ArticleNode(page.JsonLd);
        var siteName = SiteName(page, article);
        var title = Title(page, article, siteName);
        var canonical = scan.CanonicalHrefs.Select(page.ResolveHttpUrl).FirstOrDefault(u => u is not null)
            ?? page.ResolveHttpUrl(scan.Meta("og:url"))
            ?? page.PageUri?.AbsoluteUri
            ?? "";
        return new PageMetadata(title, UrlCanonicalizer.Canonicalize(canonical) ?? canonical, siteName, Published(page, article), Language(scan));
    }

    /// <summary>
    /// The page's own title: og:title, else &lt;title&gt;, with the site's name cut; twitter:title, citation_title and
    /// dc.title only when neither exists. JSON-LD's headline (or name) is often a fragment or a description ("matrix equal to
    /// its conjugate-transpose" for "Hermitian matrix"), so it is taken only where it agrees with that title (the title
    /// without a suffix the cleaner did not know) or where nothing else names the page.
    /// </summary>
    static string? Title(PageDocument page, JsonElement? article, string? siteName)
    {
        var scan = page.Scan;
        var own = scan.Meta("og:title") ?? TextTools.Collapse(scan.TitleText);
        var title = TitleCleaner.Clean(own ?? scan.Meta("twitter:title") ?? scan.Meta("citation_title") ?? scan.Meta("dc.title"), siteName, page.PageUri);
        var headline = JsonText(article, "headline") ?? JsonText(article, "name");
        if (title is null) return TitleCleaner.Clean(headline, siteName, page.PageUri);
        if (headline is not null && headline.Length < title.Length && headline.Length >= 8
            && title.StartsWith(headline, StringComparison.OrdinalIgnoreCase) && TitleCleaner.IsSeparatorAt(title, headline.Length))
            return headline;
        return title;
    }

    /// <summary>The JSON-LD node describing the page itself: an article type first, else any node with a headline or author.</summary>
    public static JsonElement? ArticleNode(JsonLd jsonLd)
    {
        JsonElement? fallback = null;
        foreach (var node in jsonLd.Nodes)
        {
            if (JsonLd.IsType(node, "Article", "BlogPosting", "Posting", "Report", "ScholarlyArticle", "Thesis", "Book", "Chapter", "Recipe", "Review", "CreativeWork", "VideoObject", "PodcastEpisode"))
                return node;
            if (fallback is null && (node.TryGetProperty("headline", out _) || node.TryGetProperty("author", out _))) fallback = node;
            if (node.TryGetProperty("mainEntity", out var main) && main.ValueKind == JsonValueKind.Object && JsonLd.IsType(main, "Article", "BlogPosting", "Posting"))
                return main;
        }
        return fallback;
    }

    static string? SiteName(PageDocument page, JsonElement? article)
    {
        foreach (var key in SiteNameKeys)
            if (TextTools.Collapse(page.Scan.Meta(key)) is { } name) return name;
        if (article is { } node && node.TryGetProperty("publisher", out var publisher))
        {
            var resolved = page.JsonLd.Resolve(publisher.ValueKind == JsonValueKind.Array && publisher.GetArrayLength() > 0 ? publisher[0] : publisher);
            if (TextTools.Collapse(resolved.ValueKind == JsonValueKind.String ? resolved.GetString() : JsonLd.Text(resolved, "name")) is { } name) return name;
        }
        foreach (var other in page.JsonLd.Nodes)
            if (JsonLd.IsType(other, "WebSite") && TextTools.Collapse(JsonLd.Text(other, "name")) is { } name) return name;
        return null;
    }

    static string? Published(PageDocument page, JsonElement? article)
    {
        if (article is { } node)
            foreach (var key in new[] { "datePublished", "dateCreated", "uploadDate" })
                if (DateNormalizer.Normalize(JsonText(node, key)) is { } date) return date;
        foreach (var key in PublishedKeys)
            foreach (var value in page.Scan.MetaValues(key))
                if (DateNormalizer.Normalize(value) is { } date) return date;
        foreach (var node2 in page.JsonLd.Nodes)
            if (DateNormalizer.Normalize(JsonText(node2, "datePublished")) is { } date) return date;
        foreach (var element in page.Scan.DateElements)
        {
            var isPublished = element.HasAttribute("pubdate") || (element.GetAttribute("itemprop")?.Contains("datePublished", StringComparison.OrdinalIgnoreCase) ?? false);
            if (isPublished && DateNormalizer.Normalize(element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent) is { } date) return date;
        }
        return null;
    }

    static string? Language(PageScan scan)
    {
        var raw = TextTools.Collapse(scan.Lang) ?? scan.Meta("content-language") ?? scan.Meta("dc.language") ?? scan.Meta("og:locale") ?? scan.Meta("language");
        raw = TextTools.Collapse(raw)?.Split(',', ';')[0].Trim().Replace('_', '-');
        if (string.IsNullOrEmpty(raw) || raw.Length > 35 || !raw.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return null;
        var parts = raw.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].Length is < 2 or > 8) return null;
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
            parts[i] = parts[i].Length == 2 ? parts[i].ToUpperInvariant() : parts[i].Length == 4 ? char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant() : parts[i].ToLowerInvariant();
        return string.Join('-', parts);
    }

    static string? JsonText(JsonElement? node, string name) => node is { } n ? TextTools.Collapse(JsonLd.Text(n, name)) : null;
}
