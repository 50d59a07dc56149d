using Hqt.Extraction.Metadata;
using Hqt.Extraction.Parsing;

namespace Hqt.Extraction.Authors;

/// <summary>Every author of the page from every signal it carries, cleaned and merged by weight.</summary>
public static class AuthorExtractor
{
    public static IReadOnlyList<ExtractedAuthor> Extract(PageDocument page, PageMetadata metadata)
    {
        var sightings = new List<AuthorSighting>();
        StructuredAuthorSources.Collect(page, sightings);
        MarkupAuthorSources.Collect(page, sightings);
        return AuthorMerger.Merge(sightings, metadata, page.PageUri);
    }
}
