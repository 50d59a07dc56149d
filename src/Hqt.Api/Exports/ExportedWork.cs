using System.Text.RegularExpressions;

namespace Hqt.Api.Exports;

/// <summary>One suggested work with every fact an export can use, and its stable citation key.</summary>
/// <param name="Kind">The graph's kind: <c>paper</c>, <c>book</c>, <c>chapter</c>, <c>thesis</c>, <c>report</c> or <c>webpage</c>.</param>
/// <param name="Doi">Decoded, bare (<c>10.1126/science.181.4096.223</c>): never percent-encoded, never a resolver URL.</param>
/// <param name="Url">Where the work is read, unless that is only its DOI's resolver link.</param>
/// <param name="Container">The journal, book or site it appears in, when the graph knows it.</param>
/// <param name="Publisher">Who published it (a book's publisher, a thesis's university), when the graph knows it.</param>
/// <param name="Accessed">The day the reader captured the page: only for works the reader captured.</param>
/// <param name="Title">The work's title; null for a work cited without one that says where it appeared (a journal
/// reference: the formats carry its journal, volume and pages, and no made-up title).</param>
public sealed partial record ExportedWork(
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

    /// <summary>Who issued it: a thesis's university or a report's institute is its publisher, or the "container" a parse of its
    /// reference read it as ("PhD thesis, University of Toronto"); for other kinds the publisher.</summary>
    public string? Issuer => Kind is "thesis" or "report" ? Publisher ?? Container : Publisher;

    /// <summary>What it appeared in: the container, except for a thesis or report whose container names its issuer.</summary>
    public string? AppearedIn => Kind is "thesis" or "report" && Publisher is null ? null : Container;

    /// <summary>A paper read at a meeting: a chapter whose book is a meeting's proceedings ("Proc. IEEE Conference on
    /// Computer Vision", "Workshop on Continuations"), which the formats call a conference paper.</summary>
    public bool IsConferencePaper => Kind == "chapter" && Container is not null && MeetingWord().IsMatch(Container);

    [GeneratedRegex(@"\b(?:proceedings|proc|conference|conf|symposium|symp|workshop|congress|colloquium|meeting)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeetingWord();

    /// <summary>A preprint: known by its arXiv id and not (yet) by a journal.</summary>
    public bool IsPreprint => ArxivId is not null && Container is null;
}

/// <summary>A suggested person, for the formats that list people (Markdown).</summary>
public sealed record ExportedPerson(string Name, string Reason);

/// <summary>What one export holds.</summary>
public sealed record ExportContent(IReadOnlyList<ExportedWork> Works, IReadOnlyList<ExportedPerson> People);
