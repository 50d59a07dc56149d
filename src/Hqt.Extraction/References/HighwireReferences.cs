using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Hqt.Extraction.Identity;

namespace Hqt.Extraction.References;

/// <summary>
/// Highwire Press <c>citation_reference</c> metas: either <c>citation_title=…; citation_author=…; citation_doi=…</c>
/// pairs (PLOS, Springer, IOP) or a free-text citation (bioRxiv).
/// </summary>
static partial class HighwireReferences
{
    [GeneratedRegex(@"(?:^|;)\s*(?<key>citation_[a-z_]+)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Key();

    public static void Read(IEnumerable<IElement> metas, ReferenceSet into)
    {
        foreach (var meta in metas)
        {
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content)) continue;
            var draft = Parse(content);
            into.Add(draft);
        }
    }

    /// <summary>One <c>citation_reference</c> value as a draft reference.</summary>
    /// <remarks>
    /// Where the work appeared is read with it (journal, volume, issue, first and last page): many publishers (IOP,
    /// Springer) give no <c>citation_title</c> in their references, and such a reference is then a work known by its place
    /// (<see cref="ReferenceDraft.IsLocatedWork"/>), shown as "Türkkan and 5 more, 2017 · Mater. Sci. Eng. C 80, 484", not as
    /// its DOI's address.
    /// </remarks>
    internal static ReferenceDraft Parse(string content)
    {
        var draft = new ReferenceDraft(ReferenceSignals.CitationReference) { Kind = ReferenceKinds.Paper };
        var keys = Key().Matches(content);
        if (keys.Count == 0)
        {
            CitationText.Fill(draft, content);
            IdentifierText.Fill(draft, content);
            return draft;
        }
        string? title = null, book = null, journal = null, conference = null, firstPage = null, lastPage = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var start = keys[i].Index + keys[i].Length;
            var end = i + 1 < keys.Count ? keys[i + 1].Index : content.Length;
            var value = content[start..end].Trim().TrimEnd(';').Trim();
            if (value.Length == 0) continue;
            switch (keys[i].Groups["key"].Value.ToLowerInvariant())
            {
                case "citation_title" or "citation_article_title":
                    title ??= CitationText.Clean(value);
                    break;
                // A chapter's book is where it appeared; a book cited alone is the work.
                case "citation_book_title" or "citation_inbook_title":
                    book ??= CitationText.Clean(value);
                    break;
                case "citation_journal_title" or "citation_journal_abbrev":
                    journal ??= Venue(value);
                    break;
                case "citation_conference_title" or "citation_conference":
                    conference ??= Venue(value);
                    break;
                case "citation_volume":
                    draft.Volume ??= value;
                    break;
                // Not citation_number: PLOS writes the volume there again.
                case "citation_issue":
                    draft.Issue ??= value;
                    break;
                case "citation_firstpage" or "citation_first_page":
                    firstPage ??= value;
                    break;
                case "citation_lastpage" or "citation_last_page":
                    lastPage ??= value;
                    break;
                case "citation_pages":
                    draft.Pages ??= value;
                    break;
                case "citation_author" or "citation_authors":
                    MetadataAuthors.AddTo(draft, value);
                    break;
                case "citation_publication_date" or "citation_date" or "citation_year" or "citation_online_date":
                    draft.Year ??= CitationText.YearOf(value);
                    break;
                case "citation_doi":
                    draft.Doi ??= Doi.Normalize(value);
                    break;
                case "citation_arxiv_id":
                    draft.ArxivId ??= ArxivId.Normalize(value);
                    break;
                case "citation_isbn":
                    draft.Isbn ??= Isbn.ToIsbn13(value);
                    break;
                case "citation_pmid":
                    draft.Pmid ??= PubMedId.Normalize(value);
                    break;
                // Who published it: a book's publisher, a thesis's or a report's institution (Google Scholar's tags, which
                // say what the work is).
                case "citation_publisher":
                    draft.Publisher ??= CitationText.Clean(value);
                    break;
                case "citation_dissertation_institution":
                    draft.Publisher ??= CitationText.Clean(value);
                    draft.Kind = ReferenceKinds.Thesis;
                    break;
                case "citation_technical_report_institution":
                    draft.Publisher ??= CitationText.Clean(value);
                    draft.Kind = ReferenceKinds.Report;
                    break;
                case "citation_url" or "citation_fulltext_html_url" or "citation_abstract_html_url" or "citation_pdf_url":
                    draft.Url ??= UrlCanonicalizer.Canonicalize(value);
                    break;
            }
        }
        draft.Title = title ?? book;
        draft.Container = journal ?? conference ?? (title is not null ? book : null);
        // A paper in a book or a meeting's proceedings is a chapter there (the exports call the second a conference
        // paper); a book cited alone is a book.
        if (draft.Kind == ReferenceKinds.Paper && journal is null && title is not null && (book ?? conference) is not null)
            draft.Kind = ReferenceKinds.Chapter;
        else if (draft.Kind == ReferenceKinds.Paper && journal is null && title is null && book is not null)
            draft.Kind = ReferenceKinds.Book;
        draft.Pages ??= firstPage is null ? null : lastPage is null || lastPage == firstPage ? firstPage : $"{firstPage}-{lastPage}";
        return draft;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    // A journal as the publisher wrote it: its closing abbreviation dot stays ("J. Clin. Periodontol."), unlike a title's.
    static string? Venue(string value)
    {
        var venue = Spaces().Replace(value, " ").Trim().TrimEnd(',', ';', ':').Trim();
        return venue.Length is 0 or > 300 ? null : venue;
    }
}
