namespace Hqt.Extraction.ReferenceStrings;

/// <summary>A person named by a reference: family name always, given names (or initials) when written.</summary>
public sealed record ParsedPerson(string? Given, string Family)
{
    /// <summary>The name as it reads: <c>Given Family</c>.</summary>
    public string Display => string.IsNullOrEmpty(Given) ? Family : $"{Given} {Family}";
}

/// <summary>
/// What the reference parser read from one reference string. <see cref="Confidence"/> is the chance, fitted on held-out
/// references, that its title and its people are right; under <see cref="ConfidentAt"/> the parse keeps its text and
/// identifiers but names no people (<see cref="Authors"/> and <see cref="Editors"/> empty).
/// </summary>
public sealed record ParsedReference(
    string Text,
    string? Title,
    IReadOnlyList<ParsedPerson> Authors,
    bool HasMoreAuthors,
    IReadOnlyList<ParsedPerson> Editors,
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
    /// <summary>Below this the parse adds no people and no title to the graph.</summary>
    public const double ConfidentAt = 0.2;

    public bool IsConfident => Confidence >= ConfidentAt;
}

/// <summary>The kinds of work a reference can name (CSL's names, the ones the styles tell apart).</summary>
public static class ParsedReferenceTypes
{
    public const string Article = "article";
    public const string Chapter = "chapter";
    public const string Book = "book";
    public const string Thesis = "thesis";
    public const string Report = "report";
    public const string WebPage = "webpage";
    public const string Other = "other";
}
