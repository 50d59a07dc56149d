namespace Hqt.Api.Exports;

/// <summary>One suggested work with every fact an export can use, and its stable citation key.</summary>
/// <param name="Kind">The graph's kind: <c>paper</c>, <c>book</c>, <c>webpage</c>, or what other sources add (<c>chapter</c>, <c>thesis</c>…).</param>
/// <param name="Doi">Decoded, bare (<c>10.1126/science.181.4096.223</c>): never percent-encoded, never a resolver URL.</param>
/// <param name="Url">Where the work is read, unless that is only its DOI's resolver link.</param>
/// <param name="Container">The journal, book or site it appears in, when the graph knows it.</param>
/// <param name="Publisher">Who published it (a book's publisher, a thesis's university), when the graph knows it.</param>
/// <param name="Accessed">The day the reader captured the page: only for works the reader captured.</param>
/// <param name="Title">The work's title; null for a work cited without one that says where it appeared (a journal
/// reference: the formats carry its journal, volume and pages, and no made-up title).</param>
public sealed record ExportedWork(
    long Id,
    string Key,
    string Kind,
    string? Title,
    int? Year,
    IReadOnlyList<string> Authors,
    string? Url,
    string? Doi,
    string? ArxivId,
    string? Isbn,
    string? Pmid,
    string? Container,
    string? Volume,
    string? Issue,
    string? Pages,
    string? Publisher,
    DateOnly? Accessed,
    string Reason)
{
    /// <summary>What a reader is shown for it (the suggestion's name, <see cref="Suggestions.SuggestionService.Display"/>): the title,
    /// else who, when and where it appeared. Only the readable formats (Markdown) print it; the bibliographic ones never
    /// put it in a title field.</summary>
    public string Label { get; init; } = "";

    /// <summary>A preprint: known by its arXiv id and not (yet) by a journal.</summary>
    public bool IsPreprint => ArxivId is not null && Container is null;
}

/// <summary>A suggested person, for the formats that list people (Markdown).</summary>
public sealed record ExportedPerson(string Name, string Reason);

/// <summary>What one export holds.</summary>
public sealed record ExportContent(IReadOnlyList<ExportedWork> Works, IReadOnlyList<ExportedPerson> People);
