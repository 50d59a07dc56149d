using Hqt.Extraction.Identity;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.References;

/// <summary>A reference while the page is being read: every source fills what it knows, the set merges duplicates.</summary>
sealed class ReferenceDraft
{
    public string Kind = ReferenceKinds.WebPage;
    public string? Title;
    public List<string> Authors = [];
    public int? Year;
    public string? Doi;
    public string? ArxivId;
    public string? Isbn;
    public string? Pmid;
    public string? Url;
    public string? Container;
    public string? Volume;
    public string? Issue;
    public string? Pages;
    public string? Publisher;
    public string? AnchorText;
    public string? Context;
    public readonly List<string> Signals = [];

    /// <summary>The reference-string parser read this draft's text with confidence (<see cref="CitationText.Fill"/>).</summary>
    public bool SureParse;

    /// <summary>What that sure parse says the work is (<see cref="ParsedReferenceTypes"/>); null without one.</summary>
    public string? ParsedType;

    /// <summary>
    /// A reference with no title that still names a work: where it appeared (a container that names a place, with a
    /// volume or pages) and whose or when (authors or a year), from a sure parse — or, from an unsure one, the full
    /// locator (container, volume, first page) and a year. <c>J. Polchinski, Int. J. Mod. Phys. A16, 707 (2001)</c> is one;
    /// "Nature", "Ibid.", "Private communication" or a lone year are not, and neither is a humanities short note
    /// (<c>Kleon, Steal Like an Artist, 30.</c>, read as a family name, a container and a volume): it repeats a full note
    /// above it, and kept it made a second, title-less work by a second person, "Kleon". With no year, a sure parse's
    /// locator needs a writer named with more than the family name (<c>A. J. Baltz and C. Dover, Phys. Rev. C, 53( 1996
    /// )362</c>, whose year a PDF's spacing hid, stays).
    /// </summary>
    public bool IsLocatedWork =>
        Title is null && Kind != ReferenceKinds.Person && WorkLocator.NamesPlace(Container)
        && (SureParse
            ? (WorkLocator.HasVolume(Container, Volume) || WorkLocator.FirstPage(Pages) is not null)
              && (Year is not null || Authors.Exists(a => a.Contains(' ')))
            : Year is not null && WorkLocator.Key(Container, Volume, Pages) is not null);

    /// <summary>The locator key (<see cref="WorkLocator.Key"/>) when the draft names container, volume and first page.</summary>
    public string? LocatorKey => WorkLocator.Key(Container, Volume, Pages);

    /// <summary>An alternate location of a reference-list item (its PubMed or Scholar link): merged by URL only.</summary>
    public bool IsAlternateLink;

    public ReferenceDraft(string signal) => Signals.Add(signal);

    /// <summary>Fills what this draft lacks from <paramref name="other"/> and adds its signals.</summary>
    public void Absorb(ReferenceDraft other)
    {
        Title ??= IsVenue(other.Title) ? null : other.Title;
        if (Authors.Count == 0) Authors = other.Authors;
        Year ??= other.Year;
        Doi ??= other.Doi;
        ArxivId ??= other.ArxivId;
        Isbn ??= other.Isbn;
        Pmid ??= other.Pmid;
        Url ??= other.Url;
        // One address under http and https (a COinS rft_id written years ago, the page's own link today): keep the secure
        // form, which is where the link goes now.
        if (other.Url is not null && Url is not null && Url.StartsWith("http://", StringComparison.Ordinal) && other.Url.StartsWith("https://", StringComparison.Ordinal)
            && Url.AsSpan(7).SequenceEqual(other.Url.AsSpan(8)))
            Url = other.Url;
        Container ??= other.Container;
        Volume ??= other.Volume;
        Issue ??= other.Issue;
        Pages ??= other.Pages;
        Publisher ??= other.Publisher;
        SureParse |= other.SureParse;
        ParsedType ??= other.ParsedType;
        AnchorText ??= other.AnchorText;
        Context ??= other.Context;
        if (Kind == ReferenceKinds.WebPage && other.Kind != ReferenceKinds.WebPage) Kind = other.Kind;
        foreach (var signal in other.Signals)
            if (!Signals.Contains(signal)) Signals.Add(signal);
    }

    /// <summary>
    /// A "title" that is this draft's journal and volume written out: a reference list's entry for a work cited without a
    /// title, read by the parser as one ("Food Hydrocoll 19:157–164. Article Google Scholar" beside Springer's
    /// citation_reference naming Food Hydrocoll, volume 19). The metadata's word that the work has no title stands.
    /// </summary>
    bool IsVenue(string? title)
    {
        if (title is null || Container is null) return false;
        var place = WorkLocator.Fold(Container);
        if (place.Length < 2) return false;
        var folded = WorkLocator.Fold(title);
        if (!folded.StartsWith(place, StringComparison.Ordinal) || folded.Length == place.Length) return false;
        return Volume is { } volume && WorkLocator.Fold(volume) is { Length: > 0 } vol
            ? folded.AsSpan(place.Length).StartsWith(vol, StringComparison.Ordinal)
            : char.IsAsciiDigit(folded[place.Length]);
    }

    public ExtractedReference ToReference()
    {
        var kind = Kind;
        // A reference that says what it names (a publisher and no journal, "In … (Eds.)", "PhD thesis", "Technical
        // Report") is that, in the graph and in every export; an identifier only guesses (a DOI is mostly a journal
        // article's, yet books and chapters have them). A kind the page's metadata stated (a COinS or JSON-LD book, a
        // citation_dissertation_institution) stays, as does a person.
        if (kind is ReferenceKinds.Paper or ReferenceKinds.WebPage)
        {
            if (StatedKind(ParsedType) is { } stated) kind = stated;
            else if (Isbn is not null && Doi is null && ArxivId is null) kind = ReferenceKinds.Book;
            else if (Doi is not null || ArxivId is not null || Pmid is not null) kind = ReferenceKinds.Paper;
            else if (kind == ReferenceKinds.WebPage && Url is null && IsLocatedWork) kind = ReferenceKinds.Paper;
        }
        var signals = Signals.OrderBy(ReferenceSignals.Rank).ToList();
        return new ExtractedReference(kind, Title, Authors, Year, Doi, ArxivId, Isbn, Pmid, Url, AnchorText, Context, signals[0], signals, Container, Volume, Issue, Pages, Publisher);
    }

    static string? StatedKind(string? parsedType) => parsedType switch
    {
        ParsedReferenceTypes.Book => ReferenceKinds.Book,
        ParsedReferenceTypes.Chapter => ReferenceKinds.Chapter,
        ParsedReferenceTypes.Thesis => ReferenceKinds.Thesis,
        ParsedReferenceTypes.Report => ReferenceKinds.Report,
        _ => null,
    };
}
