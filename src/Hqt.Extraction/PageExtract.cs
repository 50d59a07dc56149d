namespace Hqt.Extraction;

/// <summary>Everything hqt reads off one page: what it is, who wrote it, and what it cites.</summary>
/// <param name="Published">ISO 8601: a date (<c>2021-07-15</c>) or a date-time with offset, as precise as the page says.</param>
/// <param name="Language">BCP 47 tag from <c>html[lang]</c> or the page's metas, lower-case primary subtag.</param>
/// <param name="Doi">The page's own DOI (its <c>citation_doi</c>, <c>dc.identifier</c> or <c>prism.doi</c>, else one its
/// address holds), normalised: the identity by which other pages cite it.</param>
public sealed record PageExtract(
    string? Title,
    string CanonicalUrl,
    string? SiteName,
    string? Published,
    string? Language,
    IReadOnlyList<ExtractedAuthor> Authors,
    IReadOnlyList<ExtractedReference> References,
    string? Doi = null);

/// <summary>One author of the page.</summary>
/// <param name="Kind"><see cref="AuthorKinds.Person"/> or <see cref="AuthorKinds.Organization"/>.</param>
/// <param name="Signals">Where the name was seen (<c>json-ld</c>, <c>citation_author</c>, <c>byline</c>, …), strongest first.</param>
public sealed record ExtractedAuthor(string Name, string? Url, string Kind, IReadOnlyList<string> Signals);

/// <summary>One thing the page cites: a work, or a person it names as a source.</summary>
/// <param name="Kind">One of <see cref="ReferenceKinds"/>.</param>
/// <param name="Signal">The strongest signal the reference came from (<c>citation_reference</c>, <c>coins</c>, <c>reference-list</c>, <c>link</c>, …).</param>
/// <param name="Signals">Every signal that named it, after duplicates within the page merged.</param>
/// <param name="Container">The journal, book or proceedings it appeared in, when its reference string names one.</param>
/// <param name="Volume">Volume number as written (<c>29</c>, <c>XII</c>).</param>
/// <param name="Issue">Issue number as written.</param>
/// <param name="Pages">First page, or first-last (<c>1477-81</c>).</param>
public sealed record ExtractedReference(
    string Kind,
    string? Title,
    IReadOnlyList<string> Authors,
    int? Year,
    string? Doi,
    string? ArxivId,
    string? Isbn,
    string? Pmid,
    string? Url,
    string? AnchorText,
    string? Context,
    string Signal,
    IReadOnlyList<string> Signals,
    string? Container = null,
    string? Volume = null,
    string? Issue = null,
    string? Pages = null,
    string? Publisher = null);

public static class AuthorKinds
{
    public const string Person = "person";
    public const string Organization = "organization";
}

public static class ReferenceKinds
{
    /// <summary>A scholarly work: it has a DOI, arXiv id or PubMed id, or came from a bibliography.</summary>
    public const string Paper = "paper";
    /// <summary>A book: it has an ISBN, or its reference says so (a publisher and no journal).</summary>
    public const string Book = "book";
    /// <summary>A chapter or a paper inside a book or proceedings, as its reference says ("In … (Eds.)").</summary>
    public const string Chapter = "chapter";
    /// <summary>A thesis or dissertation, as its reference says ("PhD thesis, University of Toronto").</summary>
    public const string Thesis = "thesis";
    /// <summary>A report or working paper, as its reference says ("Technical Report CS-1992-18").</summary>
    public const string Report = "report";
    /// <summary>Any other cited page.</summary>
    public const string WebPage = "webpage";
    /// <summary>A person named as a source rather than a work ("as Hamming said", a link to someone's home page).</summary>
    public const string Person = "person";
}
