namespace Hqt.Extraction.Imports;

/// <summary>
/// One entry of a reader's file (a reference manager's record or a browser bookmark), normalised like extracted
/// references: DOIs and arXiv ids in their canonical form, ISBN-13, canonical URLs, authors as "First Last".
/// </summary>
/// <param name="Position">The entry's place in the file, from 0 (skipped entries keep theirs).</param>
/// <param name="Kind">paper, book, chapter, thesis, report or webpage (<see cref="ReferenceKinds"/>).</param>
/// <param name="Label">What the reader calls it in the file: the citation key, the RIS/CSL id, or the bookmark's title.</param>
/// <param name="IsBookmark">A bookmarked page: hqt fetches it to capture it.</param>
/// <param name="Skip">Why the entry cannot be stored (null when it can).</param>
public sealed record ImportEntry(
    int Position,
    string Kind,
    string? Title,
    IReadOnlyList<string> Authors,
    int? Year,
    string? Doi,
    string? ArxivId,
    string? Isbn,
    string? Pmid,
    string? Url,
    string? Label,
    bool IsBookmark = false,
    string? Skip = null);

/// <summary>A file the reader uploaded, read: its format and every entry, in file order.</summary>
public sealed record ImportFile(string Format, IReadOnlyList<ImportEntry> Entries);

/// <summary>The file is not one of the formats hqt reads, or has no entries in it; <see cref="Exception.Message"/> says which.</summary>
public sealed class ImportFormatException(string message) : Exception(message);
