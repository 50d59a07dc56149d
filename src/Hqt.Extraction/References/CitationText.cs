using System.Text.RegularExpressions;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.References;

/// <summary>
/// The fields of one bibliography entry, footnote or <c>&lt;cite&gt;</c> read from its text by the trained reference
/// parser (<see cref="ReferenceParser"/>): title, authors, year, container, volume, issue, pages and publisher. An unsure
/// parse gives its year and container but no title, no publisher and no people: a wrong work or person in the graph is worse than none.
/// A sure parse with no title is still a work when it says where it appeared (<see cref="ReferenceDraft.IsLocatedWork"/>):
/// physics, chemistry and astronomy cite that way.
/// </summary>
static partial class CitationText
{
    [GeneratedRegex(@"(?<![\d\-/])(?<y>(?:1[5-9]|20)\d{2})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyYear();

    // "12. ", "[3] ", Wikipedia's "^ a b " back-links, and the Chinese Wikipedia's "47.0 47.1 47.2 " (one per citing place).
    // A year opening an item ("2012 Review, Fligstein and McAdam, …", "1999. Title") is its date, not its number: read as
    // one, it went and "Review" became the author.
    [GeneratedRegex(@"^(?:(?!(?:1[5-9]|20)\d\d[.)]?\s)\[?\d{1,4}[\].)]?\s+|\^\s*(?:[a-z]{1,3}\s+)*|(?:\d{1,4}\.\d{1,2}\s+){2,})", RegexOptions.CultureInvariant)]
    private static partial Regex Numbering();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    // The link labels Nature's, Springer's, PLOS's and the ACP's reference lists put after each entry ("… (2020). Article
    // CAS PubMed Google Scholar", "… View Article PubMed/NCBI Google Scholar", "… 1978;239:840-2. Crossref Medline Google
    // Scholar"; links set as blocks read "View Article. Google Scholar"): no part of the reference, and the parser reads a
    // trailing run of capitalised words as a byline or a publisher.
    [GeneratedRegex(@"(?:\.?\s+(?:Article|CAS|PubMed(?:\s+Central)?|MathSciNet|ADS|MATH|Crossref|CrossRef|Medline|MEDLINE|ISI|Scopus|Web\s+of\s+Science|View\s+Article|PubMed/NCBI))*\.?\s+(?:Google\s+Scholar|PubMed(?:\s+Central)?)\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LinkLabels();

    public static void Fill(ReferenceDraft draft, string text)
    {
        text = LinkLabels().Replace(Numbering().Replace(text.Trim(), ""), "");
        if (text.Length < 8) return;
        var parsed = ReferenceParser.Parse(text);
        draft.Year ??= parsed.Year;
        draft.Container ??= parsed.Container;
        draft.Volume ??= parsed.Volume;
        draft.Issue ??= parsed.Issue;
        draft.Pages ??= parsed.Pages;
        if (!parsed.IsConfident) return;
        draft.SureParse = true;
        if (parsed.Title is null && BookAlone(parsed) is { } book)
        {
            draft.Title ??= book;
            if (draft.Container == parsed.Container) draft.Container = null;
            draft.ParsedType ??= ParsedReferenceTypes.Book;
        }
        draft.ParsedType ??= parsed.Type;
        draft.Title ??= Clean(parsed.Title);
        // A publisher only from a sure parse: a guessed one would be printed under the work in every export.
        draft.Publisher ??= parsed.Publisher;
        // An edited book with no author is named by its editors, as citation styles print them in the author's place
        // ("Cartwright, L. & Sturken, M. (Eds.)"): they are its people in the reader's graph. Editors of a container the work
        // sits in ("In: Smith (ed.), Handbook…") are that container's, not the work's.
        if (draft.Authors.Count == 0)
        {
            var editorsNameIt = parsed.Authors.Count == 0 && draft.Container is null;
            var names = (editorsNameIt ? parsed.Editors : parsed.Authors).Select(a => a.Display).Where(n => n.Length is >= 2 and <= 100);
            // The tagger saw far fewer editors than authors: editors join only name-shaped ("Maslin in Miller (ed.) Miller" is no one).
            if (editorsNameIt) names = names.Where(Hqt.Names.NameForms.IsName);
            draft.Authors = names.Take(50).ToList();
        }
        // Without a title the people are half of what names the work: only name-shaped ones (a wrapped line's
        // "drinking’, Communication Research, vol. 28" names no person "drinking").
        if (draft.Title is null) draft.Authors = draft.Authors.Where(Hqt.Names.NameForms.IsName).ToList();
    }

    /// <summary>
    /// A sure parse with no title whose container stands alone, with no volume, issue or pages as a journal's or an edited
    /// book's has, and a publisher or a place after it, is a book (<c>Foucault, Michel. The Archaeology of Knowledge. 1969.
    /// Trans. A.M. Sheridan Smith. New York: Vintage, 2010.</c>): its container is its title. The tagger learned to label a
    /// book so from one source of its training data, which does it for about a fifth of its books, and the parser answers
    /// as trained (<see cref="ReferenceAssembler"/>'s own rule asks for editors or a bracketed imprint, measured against
    /// those labels). A reader's graph cannot: a reference without a title or a locator is no work, and the book would be
    /// lost from the list it was cited in.
    /// </summary>
    static string? BookAlone(ParsedReference parsed) =>
        parsed.Container is { } container && parsed.Volume is null && parsed.Issue is null && parsed.Pages is null
        && (parsed.Publisher ?? parsed.Place) is not null ? Clean(container) : null;

    /// <summary>The first four-digit year in a date string (<c>2020-01-01</c>, <c>Jan 2020</c>, <c>2020</c>).</summary>
    public static int? YearOf(string? date)
    {
        if (string.IsNullOrEmpty(date)) return null;
        var match = AnyYear().Match(date);
        return match.Success ? int.Parse(match.Groups["y"].ValueSpan) : null;
    }

    internal static string? Clean(string? title)
    {
        if (title is null) return null;
        title = Spaces().Replace(title, " ").Trim().TrimEnd('.', ',', ';', ':').Trim();
        return title.Length is < 3 or > 400 ? null : title;
    }
}
