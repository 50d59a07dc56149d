using Hqt.Extraction.Authors;
using Hqt.Extraction.Metadata;
using Hqt.Extraction.Parsing;
using Hqt.Extraction.References;

namespace Hqt.Extraction;

/// <summary>
/// The one entry point: HTML and the URL it was read at in, a <see cref="PageExtract"/> out.
/// Pure: no I/O and no shared mutable state, so it is safe to call from any thread. The one clock it reads is the
/// parse budget (<see cref="PageDocument.ParseBudget"/>): a page the parser cannot finish in time is read in a degraded
/// form (its head and the body's text) instead of holding the caller for a minute.
/// </summary>
public static class PageExtractor
{
    /// <summary>Bumped whenever a change alters what the extractor returns, so stored captures can be re-extracted.</summary>
    /// <remarks>3: authors from every signal (JSON-LD, front matter, microdata, bylines…), cleaned and merged; title without the
    /// site name; published as ISO 8601; language as a BCP 47 tag; bounded parse; references from every signal
    /// (Highwire, COinS, JSON-LD, BibTeX and d-cite, reference lists, identifiers, main-content links).
    /// 4: "Senior, Andrew W." stays one author (a surname that is also a job word); German compound job titles dropped.
    /// 5: a reference named under http and https keeps the https address; comments are no longer parsed.
    /// 6: authors never from references, footnotes, cite or infoboxes, nor teasers' rel=author; datelines and glued job titles
    /// dropped; title from &lt;title&gt;/og:title before JSON-LD; site navigation is no reference; every DOI link form read.
    /// 7: citation metadata (Highwire, COinS, JSON-LD) carries journal, volume, issue and pages, and its authors are read as
    /// people ("Türkkan S" is S. Türkkan); the page's own DOI and its parts (figures, supplements) are no reference.
    /// 8: reference fields without type marks (&lt;italic&gt;); a link written as its address is named by the words before its
    /// bracket ("Python v.3.6"); share buttons are no reference; quoted titles end at their closing quote; a catalogue
    /// entry's author after its title is its byline.
    /// 9: reference names as more styles write them (capitals-first "DUPONT Jean", transliterated "A. Yu.", ABNT's "SILVA,
    /// J. P. da", "LI, J."), GB/T 7714's "[J]" out of titles, SICI DOIs whole.
    /// 10: references in Chinese and Japanese are parsed (a retrained model; 参考文献 lists in full-width punctuation, 引用文献
    /// headings); "St. John, P." and Turkish "SHİNER" as one person each.
    /// 11: a reference that says what it names is a book, chapter, thesis or report (so are Highwire's chapter, conference,
    /// thesis and report tags); text a style hides (Wikipedia's "CS1 maint" notes), soft hyphens and PLOS's or the ACP's
    /// link labels are no part of a reference; publishers and journals without access dates or identifiers after them;
    /// Chinese and Japanese fields in their own punctuation; Vancouver's "1978;239:" gives its volume.
    /// 12: references by organisations (a retrained model; "World Health Organization. Global tuberculosis report 2020."
    /// had no title and no author); an organisation whose name holds "and" is one author; a lower-case word is no person.
    /// 13: an element HTML does not define flows in the line its neighbouring text is in (JATS's &lt;contrib-group&gt; in
    /// Atypon's reference lists ended a line after each name; Distill's &lt;d-cite&gt; cut a link's sentence short); a work
    /// named and then its writer ("Walden by Henry David Thoreau, 1854.") has that author; a list item or note that argues
    /// or explains ("Suppose we have gradient information available, we should…") is prose, no work; note groups headed
    /// Author Contributions or Competing Interests, a layout box or Drupal field whose class says reference, and a list of
    /// nothing but links to the page's own site are no reference list; "and others" and "&amp; Others" are no one; a year
    /// opening a list item is its date, not its number.
    /// 14: an explanatory note ("According to Shelton, Dylan named the tour…. Shelton (2011), p. 310.") is prose, no work,
    /// and names no one; a note's link to a person's article is that person; a title stops before a bracket it leaves
    /// open, an edition or a page closing it, and goes on past a bare "in" or a quoted word of its own; a book with its
    /// imprint in brackets, an undated organisation's page, a study group's byline and a Vancouver byline run on past its
    /// full stop have their titles; a footnote's pointer ("See", "Cf.", "Vgl.") is no first name; BibTeX's accents and
    /// LaTeX letters are kept.
    /// 15: a page range with no container gives the container back from the title it ran into ("Charlemagne et le serment,
    /// Mélanges d’histoire…, Paris, 1951, 259-270."); a volume and its number closing a title are the volume; a book the
    /// parser reads as a lone container is a work titled by it, no longer dropped from its list; a title before "Edited
    /// by" or "Trans." inside the editors' run is the title; spaces copied out of a PDF go back where type has them
    /// ("Phys .Rev .C 21 ,861 ( 1980)", "andR. de Tourreil"); "V. YA. SHTERN" keeps its family name.</remarks>
    public const int Version = 15;

    public static PageExtract Extract(string html, string url)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(url);
        return Extract(html, url, withReferences: true);
    }

    /// <summary>
    /// Everything <see cref="Extract"/> does except the references (issue 3's part: parse, metadata, authors). Internal: the
    /// extraction benchmark times it against the bare parse; no caller wants a page's authors without what it cites, so it
    /// is no public option.
    /// </summary>
    internal static PageExtract ExtractMetadataAndAuthors(string html, string url) => Extract(html, url, withReferences: false);

    static PageExtract Extract(string html, string url, bool withReferences)
    {
        var page = PageDocument.Load(html, url);
        var metadata = MetadataExtractor.Extract(page);
        var authors = AuthorExtractor.Extract(page, metadata);
        var ownDoi = ReferenceExtractor.OwnDoi(page, metadata);
        var references = withReferences ? ReferenceExtractor.Extract(page, metadata, ownDoi) : [];
        return new PageExtract(
            metadata.Title, metadata.CanonicalUrl, metadata.SiteName, metadata.Published, metadata.Language,
            authors, references, ownDoi);
    }
}
