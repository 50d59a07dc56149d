using Hqt.Extraction.Metadata;
using Hqt.Extraction.Parsing;

namespace Hqt.Extraction.References;

/// <summary>
/// What the page cites, from every signal it carries: Highwire <c>citation_reference</c> metas, COinS, JSON-LD
/// <c>citation</c>, embedded BibTeX with <c>d-cite</c> keys, reference lists, and the article's own links, quotes and
/// identifiers. Duplicates merge into one reference that keeps every signal.
/// </summary>
public static class ReferenceExtractor
{
    /// <param name="ownDoi">The page's own DOI (<see cref="OwnDoi"/>), read once by the caller, which reports it too.</param>
    public static IReadOnlyList<ExtractedReference> Extract(PageDocument page, PageMetadata metadata, string? ownDoi)
    {
        var dom = page.Index;
        var into = NewSet(page, metadata, ownDoi);
        ReadStructured(page, metadata, dom, into);
        var usedAnchors = new bool[dom.Count];
        ReferenceLists.Read(dom, page, into, usedAnchors);
        var content = MainContent.Find(dom);
        ContentLinks.Read(dom, content, page, into, usedAnchors);
        return into.ToReferences();
    }

    static ReferenceSet NewSet(PageDocument page, PageMetadata metadata, string? ownDoi) => new(page.PageUri?.AbsoluteUri, metadata.CanonicalUrl, ownDoi);

    // The signals that name their works outright: Highwire metas, JSON-LD, COinS, embedded BibTeX.
    static void ReadStructured(PageDocument page, PageMetadata metadata, DomIndex dom, ReferenceSet into)
    {
        HighwireReferences.Read(dom.CitationMetas, into);
        JsonLdReferences.Read(dom.JsonLd, into);
        if (dom.Coins.Count > 0) CoinsReferences.Read(dom.Coins, OwnTitleKeys(page, metadata), into);
        DistillReferences.Read(dom.Bibliographies, dom.DistillCites, into);
    }

    /// <summary>The same stages as <see cref="Extract"/>, calling <paramref name="lap"/> after each (for the benchmark's profile).</summary>
    internal static void ProfileStages(PageDocument page, PageMetadata metadata, Action<int> lap, int first)
    {
        var dom = page.Index; lap(first);
        var into = NewSet(page, metadata, OwnDoi(page, metadata));
        ReadStructured(page, metadata, dom, into); lap(first + 1);
        var usedAnchors = new bool[dom.Count];
        ReferenceLists.Read(dom, page, into, usedAnchors); lap(first + 2);
        var content = MainContent.Find(dom); lap(first + 3);
        ContentLinks.Read(dom, content, page, into, usedAnchors); lap(first + 4);
        into.ToReferences(); lap(first + 5);
    }

    // The stages one at a time, for the benchmark's per-stage loops.
    internal static void ReadSignals(PageDocument page, PageMetadata metadata, DomIndex dom) =>
        ReadStructured(page, metadata, dom, NewSet(page, metadata, OwnDoi(page, metadata)));

    internal static void ReadLists(PageDocument page, PageMetadata metadata, DomIndex dom) =>
        ReferenceLists.Read(dom, page, NewSet(page, metadata, OwnDoi(page, metadata)), new bool[dom.Count]);

    internal static void ReadLinks(PageDocument page, PageMetadata metadata, DomIndex dom) =>
        ContentLinks.Read(dom, MainContent.Find(dom), page, NewSet(page, metadata, OwnDoi(page, metadata)), new bool[dom.Count]);

    // A COinS naming the page's own title describes the page (for Zotero), it does not cite anything.
    static HashSet<string> OwnTitleKeys(PageDocument page, PageMetadata metadata)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (metadata.Title is { } title) keys.Add(ReferenceSet.TitleKey(title));
        if (page.Document.Title is { } documentTitle) keys.Add(ReferenceSet.TitleKey(documentTitle));
        foreach (var meta in page.Document.Head?.Children ?? Enumerable.Empty<AngleSharp.Dom.IElement>())
        {
            if (meta.LocalName != "meta") continue;
            var name = meta.GetAttribute("name") ?? meta.GetAttribute("property");
            if (name is not null && (name.Equals("citation_title", StringComparison.OrdinalIgnoreCase) || name.Equals("dc.title", StringComparison.OrdinalIgnoreCase) || name.Equals("og:title", StringComparison.OrdinalIgnoreCase))
                && meta.GetAttribute("content") is { } content)
                keys.Add(ReferenceSet.TitleKey(content));
        }
        keys.Remove("");
        return keys;
    }

    /// <summary>
    /// The page's own DOI: its <c>citation_doi</c>, <c>dc.identifier</c> or <c>prism.doi</c> meta (names compared in any
    /// case, as publishers write <c>DC.Identifier</c>), else a DOI its address holds (<c>/doi/10.…</c>, a resolver link).
    /// </summary>
    internal static string? OwnDoi(PageDocument page, PageMetadata metadata)
    {
        foreach (var meta in page.Document.Head?.Children ?? Enumerable.Empty<AngleSharp.Dom.IElement>())
        {
            if (meta.LocalName != "meta" || (meta.GetAttribute("name") ?? meta.GetAttribute("property")) is not { } name) continue;
            if ((name.Equals("citation_doi", StringComparison.OrdinalIgnoreCase) || name.Equals("dc.identifier", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("prism.doi", StringComparison.OrdinalIgnoreCase))
                && Identity.Doi.Normalize(meta.GetAttribute("content")) is { } doi)
                return doi;
        }
        return Identity.Doi.FromUrl(metadata.CanonicalUrl) ?? Identity.Doi.FromUrl(page.PageUri?.AbsoluteUri);
    }
}
