using Hqt.Extraction.Identity;
using Hqt.Names;

namespace Hqt.Extraction.References;

/// <summary>
/// The page's references, merged as they arrive: two drafts are one reference when they share a DOI, arXiv id,
/// ISBN, PMID, URL key (an archived copy keyed as the page it archives), (for titled works) a normalised title, or where
/// the work appeared (container, volume and first page: <see cref="WorkLocator"/>) when one of the two has no title; a
/// title too short to name one work alone ("MSA transformer") merges only with the same year and first author.
/// </summary>
sealed class ReferenceSet
{
    readonly List<ReferenceDraft> _drafts = [];
    readonly Dictionary<string, ReferenceDraft> _byKey = new(StringComparer.Ordinal);
    readonly string? _pageKey;
    readonly string? _canonicalKey;
    readonly Uri? _page;
    readonly string? _ownDoi;

    /// <param name="ownDoi">The page's own DOI: it and its parts are the page, never a reference (<see cref="ReferenceScreen.IsOwnWork"/>).</param>
    public ReferenceSet(string? pageUrl, string? canonicalUrl, string? ownDoi = null)
    {
        _ownDoi = Doi.Normalize(ownDoi);
        _pageKey = UrlCanonicalizer.Key(pageUrl);
        _canonicalKey = UrlCanonicalizer.Key(canonicalUrl);
        _page = Uri.TryCreate(canonicalUrl, UriKind.Absolute, out var canonical) ? canonical : Uri.TryCreate(pageUrl, UriKind.Absolute, out var page) ? page : null;
    }

    public int Count => _drafts.Count;

    /// <summary>True when a canonical URL names the page itself (a self-link is not a citation).</summary>
    public bool IsPage(string canonicalUrl) =>
        UrlCanonicalizer.KeySpanOfCanonical(canonicalUrl) is var key && (key.SequenceEqual(_pageKey) || key.SequenceEqual(_canonicalKey));

    public void Add(ReferenceDraft draft)
    {
        if (!ReferenceScreen.Keep(draft, _page, _ownDoi)) return;
        // Every source sets Url through UrlCanonicalizer.Canonicalize.
        if (draft.Url is not null && IsPage(draft.Url) && draft.Doi is null && draft.Title is null) return;
        if (draft.Title is null && draft.Url is null && draft.Doi is null && draft.ArxivId is null && draft.Isbn is null && draft.Pmid is null && !draft.IsLocatedWork) return;

        var keys = Keys(draft);
        ReferenceDraft? existing = null;
        foreach (var key in keys)
        {
            if (!_byKey.TryGetValue(key, out existing)) continue;
            // Two titled entries are told apart by their titles; a place alone joins an entry that has none.
            if (key.StartsWith("l:", StringComparison.Ordinal) && draft.Title is not null && existing.Title is not null) { existing = null; continue; }
            break;
        }

        if (existing is null)
        {
            _drafts.Add(draft);
            existing = draft;
        }
        else if (draft.Url is not null && existing.Url is not null
            && !UrlCanonicalizer.KeySpanOfCanonical(draft.Url).SequenceEqual(UrlCanonicalizer.KeySpanOfCanonical(existing.Url)))
        {
            if (!existing.IsAlternateLink) PreferThePage(existing, draft);
            if (draft.IsAlternateLink || existing.IsAlternateLink)
            {
                _drafts.Add(draft);
                existing = draft;
            }
            else
            {
                // One work at two addresses (an archive copy, a publisher page): the work merges, the second
                // address stays as a link of its own so no location is lost.
                var alternate = new ReferenceDraft(draft.Signals[0]) { Url = draft.Url, AnchorText = draft.AnchorText, Context = draft.Context, IsAlternateLink = true };
                draft.Url = null;
                draft.AnchorText = null;
                existing.Absorb(draft);
                foreach (var key in Keys(existing)) _byKey.TryAdd(key, existing);
                Add(alternate);
                return;
            }
        }
        else existing.Absorb(draft);
        foreach (var key in Keys(existing)) _byKey.TryAdd(key, existing);
    }

    /// <summary>
    /// A page and its archived copy (one work key): the page is the reference's address and the copy its other link,
    /// naming the page as the page's own link spells it (the archive reads every spelling of a page as that page; the
    /// graph files a copy with the exact page it names).
    /// </summary>
    static void PreferThePage(ReferenceDraft existing, ReferenceDraft draft)
    {
        if (existing.Url is null || draft.Url is null || UrlCanonicalizer.WorkKeyOfCanonical(existing.Url) != UrlCanonicalizer.WorkKeyOfCanonical(draft.Url)) return;
        if (UrlCanonicalizer.ArchivedOriginal(existing.Url) is not null && UrlCanonicalizer.ArchivedOriginal(draft.Url) is null)
            (existing.Url, draft.Url) = (draft.Url, existing.Url);
        if (UrlCanonicalizer.ArchivedOriginal(draft.Url) is { } archived && archived != existing.Url && UrlCanonicalizer.ArchivedOriginal(existing.Url) is null)
            draft.Url = UrlCanonicalizer.ArchivedAs(draft.Url, existing.Url);
    }

    public IReadOnlyList<ExtractedReference> ToReferences()
    {
        var references = new ExtractedReference[_drafts.Count];
        for (var i = 0; i < references.Length; i++) references[i] = _drafts[i].ToReference();
        return references;
    }

    static List<string> Keys(ReferenceDraft draft)
    {
        var keys = new List<string>(4);
        if (draft.Url is not null) keys.Add("u:" + UrlCanonicalizer.WorkKeyOfCanonical(draft.Url));
        if (draft.IsAlternateLink) return keys;
        if (draft.Doi is not null) keys.Add("d:" + draft.Doi);
        if (draft.ArxivId is not null) keys.Add("a:" + draft.ArxivId);
        if (draft.Isbn is not null) keys.Add("i:" + draft.Isbn);
        if (draft.Pmid is not null) keys.Add("p:" + draft.Pmid);
        // Where it appeared (journal, volume, first page): the one key of a reference cited without a title. Two
        // title-less items of one list with no such key stay two references (no key, no merge).
        if (draft.LocatorKey is { } locator) keys.Add("l:" + locator);
        if (draft.Title is not null && TitleKey(draft.Title) is { Length: >= 4 } title)
        {
            if (title.Length >= 16) keys.Add("t:" + title);
            // A short title names many works; with the year and the first author's family name it names one (the same
            // entry read from the page's citation metadata and from its reference list).
            else if (draft.Year is { } year && draft.Authors.Count > 0 && NameForms.Read(draft.Authors[0]) is { Family.Length: > 0 } first)
                keys.Add(string.Concat("s:", title, "|", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "|", first.Family));
        }
        return keys;
    }

    /// <summary>Letters and digits only, lower case: "Attention Is All You Need." and "attention is all you need" agree.</summary>
    internal static string TitleKey(string title)
    {
        Span<char> buffer = title.Length <= 512 ? stackalloc char[title.Length] : new char[title.Length];
        var length = 0;
        foreach (var c in title)
            if (char.IsLetterOrDigit(c)) buffer[length++] = char.ToLowerInvariant(c);
        return new string(buffer[..length]);
    }
}
