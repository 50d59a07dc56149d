using AngleSharp.Dom;
using Hqt.Extraction.Identity;
using Hqt.Extraction.Parsing;

namespace Hqt.Extraction.Metadata;

/// <summary>Title, canonical URL, site name, publication date and language from the page's metas.</summary>
public static class MetadataExtractor
{
    public static PageMetadata Extract(PageDocument page)
    {
        var document = page.Document;
        var title = Meta(document, "og:title") ?? Clean(document.Title);
        var canonical = page.ResolveHttpUrl(document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href"))
            ?? page.ResolveHttpUrl(Meta(document, "og:url"))
            ?? page.PageUri?.AbsoluteUri
            ?? "";
        var siteName = Meta(document, "og:site_name");
        var published = Meta(document, "article:published_time") ?? Meta(document, "citation_publication_date") ?? Meta(document, "date");
        var language = Clean(document.DocumentElement.GetAttribute("lang"))?.ToLowerInvariant();
        return new PageMetadata(title, UrlCanonicalizer.Canonicalize(canonical) ?? canonical, siteName, published, language);
    }

    static string? Meta(IDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name");
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is { } value)
                return value;
        }
        return null;
    }

    static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
