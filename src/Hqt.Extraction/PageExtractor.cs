using Hqt.Extraction.Authors;
using Hqt.Extraction.Metadata;
using Hqt.Extraction.Parsing;
using Hqt.Extraction.References;

namespace Hqt.Extraction;

/// <summary>
/// The one entry point: HTML and the URL it was read at in, a <see cref="PageExtract"/> out.
/// Pure: no I/O, no clock, no shared state, so it is safe to call from any thread.
/// </summary>
public static class PageExtractor
{
    /// <summary>Bumped whenever a change alters what the extractor returns, so stored captures can be re-extracted.</summary>
    public const int Version = 2;

    public static PageExtract Extract(string html, string url)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(url);

        var page = PageDocument.Load(html, url);
        var metadata = MetadataExtractor.Extract(page);
        var authors = AuthorExtractor.Extract(page, metadata);
        var references = ReferenceExtractor.Extract(page, metadata);
        return new PageExtract(
            metadata.Title, metadata.CanonicalUrl, metadata.SiteName, metadata.Published, metadata.Language,
            authors, references);
    }
}
