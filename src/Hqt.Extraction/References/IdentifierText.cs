using Hqt.Extraction.Identity;

namespace Hqt.Extraction.References;

/// <summary>Identifiers written in a reference's text or carried by its links.</summary>
static class IdentifierText
{
    /// <summary>Fills the first DOI, arXiv id, ISBN, PMID and URL written in <paramref name="text"/>.</summary>
    public static void Fill(ReferenceDraft draft, string text)
    {
        foreach (var doi in Doi.FindAll(text)) { draft.Doi ??= doi; break; }
        foreach (var arxiv in ArxivId.FindAll(text)) { draft.ArxivId ??= arxiv; break; }
        foreach (var isbn in Isbn.FindAll(text)) { draft.Isbn ??= isbn; break; }
        foreach (var pmid in PubMedId.FindAll(text)) { draft.Pmid ??= pmid; break; }
        if (draft.Url is null)
        {
            var at = text.IndexOf("http", StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var end = text.IndexOfAny([' ', '\n', '\t', '"', '<', '>'], at);
                var candidate = (end < 0 ? text[at..] : text[at..end]).TrimEnd('.', ',', ';', ')');
                draft.Url = UrlCanonicalizer.Canonicalize(candidate);
            }
        }
    }

    /// <summary>Fills identifiers an URL carries: a DOI resolver or /doi/ path, an arXiv page, a PubMed page.</summary>
    public static void FillFromUrl(ReferenceDraft draft, string url)
    {
        draft.Doi ??= Doi.FromUrl(url);
        draft.ArxivId ??= ArxivId.FromUrl(url);
        draft.Pmid ??= PubMedId.FromUrl(url);
        if (draft.Isbn is null)
        {
            var at = url.IndexOf("BookSources/", StringComparison.OrdinalIgnoreCase);
            if (at >= 0) draft.Isbn = Isbn.ToIsbn13(url[(at + 12)..]);
        }
    }
}
