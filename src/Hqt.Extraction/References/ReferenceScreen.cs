using Hqt.Extraction.Identity;

namespace Hqt.Extraction.References;

/// <summary>
/// What every reference passes before it joins the page's set, whichever signal found it: the site's own navigation (its
/// home page, tag, archive, volume and venue pages, the page's own PDF) is no reference, and neither is the page itself
/// named by its DOI, nor its parts (figures, tables, supplements, citation export: <see cref="IsOwnWork"/>). Otherwise references are
/// reported as the page declares them: a search link, a DOI written "10.1000%2Fx" or a declared title that is no title
/// ("People, May 31, 1971") is screened where it is written into the reader's graph (<see cref="LookupPages"/>,
/// <see cref="Doi.ResolverUrl"/>, <see cref="WorkTitles"/>), so what the page says stays measurable.
/// </summary>
static class ReferenceScreen
{
    // Path segments that are a site's furniture wherever they appear: listings, not works. A journal's volume and issue
    // tables of contents ("/volume/1748-605X/14", "/issue/…", Atypon's "/toc/…" and "/loi/…") are listings too.
    static readonly HashSet<string> ListingSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "tag", "tags", "category", "categories", "archive", "archives", "volumes", "venues", "sections", "issues", "series",
        "label", "labels", "keyword", "keywords", "subject", "subjects", "volume", "issue", "toc", "loi",
    };

    // First path segments that are a site's own pages about itself.
    static readonly HashSet<string> SiteSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "about-us", "contact", "contact-us", "privacy", "privacy-policy", "terms", "terms-of-service", "terms-of-use", "login",
        "signin", "sign-in", "signup", "sign-up", "register", "subscribe", "subscription", "newsletter", "newsletters", "feed", "rss",
        "search", "advertise", "advertising", "jobs", "careers", "help", "faq", "shop", "store", "account", "cart", "cookies", "legal",
    };

    /// <summary>False when the draft is no reference; otherwise it is tidied in place.</summary>
    /// <param name="ownDoi">The page's own DOI (its <c>citation_doi</c>, <c>dc.identifier</c> or <c>prism.doi</c>), when it has one.</param>
    public static bool Keep(ReferenceDraft draft, Uri? page, string? ownDoi = null)
    {
        if (ownDoi is not null && IsOwnWork(draft, ownDoi)) return false;
        if (draft.Url is not { } url) return true;
        return draft.Doi is not null || draft.Title is not null || !IsNavigation(url, draft.AnchorText, page);
    }

    /// <summary>
    /// The page itself or a part of it, by its DOI: the page's own DOI, a DOI extending it (PLOS figures
    /// <c>10.1371/journal.pone.0000001.g001</c>, supplements, <c>…/figures/1</c>), or a link outside the reference list whose
    /// address carries one of those and no other DOI (the figure viewer, supplementary files, "Download citation",
    /// "Reprints and permissions", the CrossMark update check). Each is the article the reader is on, not what it cites: as
    /// a reference it would put the page upstream of itself, and its figures beside the works it builds on.
    /// </summary>
    /// <remarks>
    /// A reference-list entry's link is about the cited work even when its address names the citing page as context
    /// (ACP's <c>linkout?doi=&lt;the page&gt;&amp;key=&lt;the cited PubMed id&gt;</c>), so only its own DOI is compared.
    /// </remarks>
    internal static bool IsOwnWork(ReferenceDraft draft, string ownDoi)
    {
        if (draft.Doi is { } doi) return Doi.IsSameOrPartOf(doi, ownDoi);
        if (draft.Url is not { } url || draft.Signals.Contains(ReferenceSignals.ReferenceList) || !Doi.UrlCarries(url, ownDoi)) return false;
        var text = url.Contains('%') ? Uri.UnescapeDataString(url) : url;
        return Doi.FindAll(text).All(found => Doi.IsSameOrPartOf(found, ownDoi));
    }

    /// <summary>
    /// A link that hands the page itself to another service, its address in the query: share buttons
    /// (<c>wa.me/?text=…%20https://newrepublic.com/article/138859/…</c>, <c>facebook.com/sharer.php?u=…</c>,
    /// <c>twitter.com/intent/tweet?url=…</c>). It points at the page the reader is on, through someone else's door.
    /// </summary>
    static bool SharesThePage(string url, Uri page)
    {
        var query = url.IndexOf('?');
        var path = page.AbsolutePath.TrimEnd('/');
        if (query < 0 || path.Length < 2) return false;
        var carried = Uri.UnescapeDataString(url[query..]);
        return carried.Contains(SiteNames.WithoutWww(page.Host) + path, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A link to the citing site's own furniture: its home page, a listing, a page about the site, the page's own PDF.</summary>
    internal static bool IsNavigation(string url, string? anchor, Uri? page)
    {
        if (anchor is { } text && text.TrimStart().StartsWith("Downloaded from", StringComparison.OrdinalIgnoreCase)) return true;
        if (page is not null && SharesThePage(url, page)) return true;
        if (page is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !SameSite(uri.Host, page.Host)) return false;
        var path = uri.AbsolutePath;
        if (path is "/" or "" && uri.Query.Length <= 1) return true;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && SiteSegments.Contains(segments[0])) return true;
        // A journal's home on its publisher's site ("/journal/1748-605X", "/journal/cell"): a listing of its issues.
        if (segments is ["journal", _]) return true;
        if (segments.Any(ListingSegments.Contains)) return true;
        // The page's own PDF: the same path with .pdf, or a PDF named after the page's last segment.
        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            var stem = path[..^4].TrimEnd('/');
            var own = page.AbsolutePath.TrimEnd('/');
            var last = own[(own.LastIndexOf('/') + 1)..];
            if (stem.Length > 1 && (own.StartsWith(stem, StringComparison.OrdinalIgnoreCase) || stem.StartsWith(own, StringComparison.OrdinalIgnoreCase) && own.Length > 1
                || (last.Length >= 4 && stem.EndsWith(last, StringComparison.OrdinalIgnoreCase))))
                return true;
        }
        return false;
    }

    static bool SameSite(string a, string b) => string.Equals(SiteNames.WithoutWww(a), SiteNames.WithoutWww(b), StringComparison.OrdinalIgnoreCase);

}
