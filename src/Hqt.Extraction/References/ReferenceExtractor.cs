using AngleSharp.Dom;
using Hqt.Extraction.Identity;
using Hqt.Extraction.Metadata;
using Hqt.Extraction.Parsing;

namespace Hqt.Extraction.References;

/// <summary>What the page cites: for now the outbound links inside its article element.</summary>
public static class ReferenceExtractor
{
    public static IReadOnlyList<ExtractedReference> Extract(PageDocument page, PageMetadata metadata)
    {
        var root = page.Document.QuerySelector("article") ?? page.Document.QuerySelector("main");
        if (root is null) return [];
        var references = new List<ExtractedReference>();
        var seen = new HashSet<string>();
        foreach (var anchor in root.QuerySelectorAll("a[href]"))
        {
            var url = UrlCanonicalizer.Canonicalize(page.ResolveHttpUrl(anchor.GetAttribute("href")));
            if (url is null || url == metadata.CanonicalUrl || !seen.Add(url)) continue;
            var text = anchor.TextContent.Trim();
            references.Add(new ExtractedReference(ReferenceKinds.WebPage, null, [], null, null, null, null, null,
                url, text.Length == 0 ? null : text, null, "link", ["link"]));
        }
        return references;
    }
}
