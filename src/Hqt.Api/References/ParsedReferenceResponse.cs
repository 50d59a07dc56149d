using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Api.References;

/// <summary>A person a reference names.</summary>
public sealed record ReferencePerson(string? Given, string Family);

/// <summary>One parsed reference string: its fields, null where the string has none.</summary>
/// <param name="EtAl">The author list ended in "et al." (or "and others"): there are more authors than listed.</param>
/// <param name="Type">article, chapter, book, thesis, report, webpage or other.</param>
/// <param name="Confidence">0..1: the fitted chance that the title and the people are right (calibrated on held-out references). Below 0.2 the parse is unsure and no people are returned.</param>
public sealed record ParsedReferenceResponse(
    string? Title,
    IReadOnlyList<ReferencePerson> Authors,
    bool EtAl,
    IReadOnlyList<ReferencePerson> Editors,
    string? Container,
    string? Volume,
    string? Issue,
    string? Pages,
    int? Year,
    string? Publisher,
    string? Place,
    string? Edition,
    string? Doi,
    string? ArxivId,
    string? Isbn,
    string? Pmid,
    string? Url,
    string Type,
    double Confidence)
{
    public static ParsedReferenceResponse From(ParsedReference p) => new(
        p.Title,
        p.Authors.Select(a => new ReferencePerson(a.Given, a.Family)).ToList(),
        p.HasMoreAuthors,
        p.Editors.Select(a => new ReferencePerson(a.Given, a.Family)).ToList(),
        p.Container, p.Volume, p.Issue, p.Pages, p.Year, p.Publisher, p.Place, p.Edition,
        p.Doi, p.ArxivId, p.Isbn, p.Pmid, p.Url, p.Type, p.Confidence);
}
