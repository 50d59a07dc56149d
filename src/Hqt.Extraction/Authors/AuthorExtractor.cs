using Hqt.Extraction.Metadata;
using Hqt.Extraction.Parsing;

namespace Hqt.Extraction.Authors;

/// <summary>The page's authors from its metas: Highwire <c>citation_author</c>, then <c>meta name=author</c>.</summary>
public static class AuthorExtractor
{
    public static IReadOnlyList<ExtractedAuthor> Extract(PageDocument page, PageMetadata metadata)
    {
        var authors = new List<ExtractedAuthor>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (selector, signal) in new[] { ("meta[name=citation_author]", "citation_author"), ("meta[name=author]", "meta-author") })
        {
            foreach (var meta in page.Document.QuerySelectorAll(selector))
            {
                var name = meta.GetAttribute("content")?.Trim();
                if (!string.IsNullOrEmpty(name) && seen.Add(name))
                    authors.Add(new ExtractedAuthor(name, null, AuthorKinds.Person, [signal]));
            }
            if (authors.Count > 0) break;
        }
        return authors;
    }
}
