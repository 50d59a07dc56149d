using System.Text;
using System.Text.RegularExpressions;
using Hqt.Names;

namespace Hqt.Api.Exports;

/// <summary>
/// BibTeX that biber/biblatex reads in full and classic BibTeX reads in its core fields: entry types from what is
/// known (<c>@article</c> only with its journal, <c>@book</c>, <c>@inbook</c>, <c>@inproceedings</c>, <c>@thesis</c>, <c>@report</c>, <c>@online</c>
/// for web pages, <c>@misc</c> otherwise), each with the fields its biblatex data model has (a book's publisher), names as "von Last, Jr, First", titles with their capitals braced,
/// everything else LaTeX-escaped (<see cref="LaTeX"/>). Identifiers go in verbatim fields (doi, url, eprint).
/// The reason hqt suggests a work goes in <c>annotation</c>, which bibliography styles do not print.
/// </summary>
static partial class BibTeXWriter
{
    [GeneratedRegex(@"\s*[-‐‑–—]+\s*")]
    private static partial Regex PageDash();

    public static string Write(ExportContent content)
    {
        var text = new StringBuilder();
        text.Append("% hqt: upstream suggestions. ASCII with LaTeX escapes for Latin and Greek letters; other scripts stay UTF-8.\n\n");
        foreach (var work in content.Works) Entry(text, work);
        return text.ToString();
    }

    static void Entry(StringBuilder text, ExportedWork work)
    {
        var (authors, truncated) = AuthorList.Read(work.Authors);
        var type = EntryType(work, authors.Count > 0);
        text.Append('@').Append(type).Append('{').Append(work.Key).Append(",\n");
        if (authors.Count > 0) Field(text, "author", string.Join(" and ", authors.Select(Name)) + (truncated ? " and others" : ""));
        // No title for a journal reference cited without one: biber reports the mandatory field missing (data we do not
        // have), physics styles print such an entry as its citers wrote it (author, journal, volume, page, year).
        Field(text, "title", work.Title is null ? null : LaTeX.Title(work.Title));
        switch (type)
        {
            case "article": Field(text, "journal", Escaped(work.Container)); break;
            // A book's title is a title: its capitals braced, as styles and importers sentence-case booktitle too.
            case "inbook" or "inproceedings": Field(text, "booktitle", work.Container is null ? null : LaTeX.Title(work.Container)); break;
            case "thesis":
                Field(text, "type", "phdthesis");
                // A thesis has no publisher in biblatex's data model: the university that published it is its institution.
                Field(text, "institution", Escaped(work.Issuer));
                break;
            case "report":
                Field(text, "type", "techreport");
                Field(text, "institution", Escaped(work.Issuer));
                break;
            case "online": Field(text, "organization", Escaped(work.Container)); break;
        }
        if (work.Year is { } year) Field(text, "year", year.ToString());
        // Where it appeared, only on the types whose data model has the field (biber drops a misc's pages with a
        // warning), and the volume only when it is a number: biber's data model types volume as an integer and ignores
        // "12A" or "Suppl. 2" with a warning (CSL-JSON and RIS carry such volumes as written).
        if (type is "article" or "inbook" or "inproceedings" or "book")
        {
            if (work.Volume is { } volume && volume.All(char.IsAsciiDigit)) Field(text, "volume", volume);
            if (type == "article") Field(text, "number", Escaped(work.Issue));
            if (type != "book") Field(text, "pages", work.Pages is null ? null : LaTeX.Escape(PageDash().Replace(work.Pages, "--")));
        }
        // The publisher where the data model has one (books, chapters); an authorless book exported as misc says it in
        // howpublished, misc's field for it. Articles, web pages and theses have none (a journal's publisher is not cited).
        if (type is "book" or "inbook" or "inproceedings") Field(text, "publisher", Escaped(work.Publisher));
        else if (type == "misc" && work.Kind is "book" or "thesis" or "report") Field(text, "howpublished", Escaped(work.Issuer));
        Field(text, "isbn", work.Isbn);
        Verbatim(text, "doi", work.Doi);
        // One eprint a entry: the arXiv id, else the PubMed id (biblatex prints "PMID: …" for eprinttype pubmed).
        if (work.ArxivId is { } arxiv)
        {
            Verbatim(text, "eprint", arxiv);
            Field(text, "eprinttype", "arxiv");
        }
        else if (work.Pmid is { } pmid)
        {
            Verbatim(text, "eprint", pmid);
            Field(text, "eprinttype", "pubmed");
        }
        Verbatim(text, "url", work.Url);
        if (work.Accessed is { } accessed && work.Url is not null) Field(text, "urldate", accessed.ToString("yyyy-MM-dd"));
        var annotation = "hqt: " + work.Reason + (work.ArxivId is not null && work.Pmid is not null ? $" (PMID {work.Pmid})" : "");
        Field(text, "annotation", LaTeX.Escape(annotation));
        text.Append("}\n\n");
    }

    /// <summary>The most specific type whose mandatory fields (biblatex's data model) the work has.</summary>
    static string EntryType(ExportedWork work, bool hasAuthor) => work.Kind switch
    {
        "book" when hasAuthor => "book",
        "chapter" when hasAuthor && work.Container is not null => work.IsConferencePaper ? "inproceedings" : "inbook",
        "thesis" when hasAuthor && work.Issuer is not null => "thesis",
        "report" when hasAuthor && work.Issuer is not null => "report",
        "webpage" when work.Url is not null || work.Doi is not null => "online",
        "book" or "webpage" => "misc",
        _ when work.Container is not null && hasAuthor => "article",
        _ => "misc",
    };

    /// <summary>"van der {Waals}, Jr., Johannes Diderik"; a multi-word family name braced so it stays one ("{Le Guin}").</summary>
    static string Name(AuthorList.Author author)
    {
        if (author is AuthorList.Literal literal) return "{" + LaTeX.Escape(literal.Text) + "}";
        var name = ((AuthorList.Person)author).Name;
        var family = LaTeX.Escape(name.Family);
        if (name.Family.Contains(' ') || !char.IsUpper(name.Family.FirstOrDefault(char.IsLetter))) family = "{" + family + "}";
        var last = name.Particle is null ? family
            : name.Particle.EndsWith('\'') || name.Particle.EndsWith('’') || name.Particle.EndsWith('-')
                ? "{" + LaTeX.Escape(name.Particle) + family.Trim('{', '}') + "}"
                : LaTeX.Escape(name.Particle) + " " + family;
        var result = new StringBuilder(last);
        if (name.Suffix is not null) result.Append(", ").Append(LaTeX.Escape(name.Suffix));
        if (name.Given.Length > 0) result.Append(", ").Append(LaTeX.Escape(name.Given));
        else if (name.Suffix is not null) result.Append(", ");
        return result.ToString();
    }

    static string? Escaped(string? value) => value is null ? null : LaTeX.Escape(value);

    static void Field(StringBuilder text, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        text.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");
    }

    /// <summary>Verbatim fields (doi, url, eprint) are read as written; only braces, which would end the field, and
    /// spaces are percent-encoded (never a DOI's slash).</summary>
    static void Verbatim(StringBuilder text, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        Field(text, name, value.Trim().Replace("{", "%7B").Replace("}", "%7D").Replace(" ", "%20").Replace("\\", "%5C"));
    }
}
