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
        for (var i = 0; i < keys.Count; i++)
        {
            var start = keys[i].Index + keys[i].Length;
            var end = i + 1 < keys.Count ? keys[i + 1].Index : content.Length;
            var value = content[start..end].Trim().TrimEnd(';').Trim();
            if (value.Length == 0) continue;
            switch (keys[i].Groups["key"].Value.ToLowerInvariant())
            {
                case "citation_title" or "citation_article_title" or "citation_book_title" or "citation_inbook_title":
                    draft.Title ??= CitationText.Clean(value);
                    break;
                case "citation_author" or "citation_authors":
                    foreach (var name in value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        draft.Authors.Add(name);
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
                // Who published it: a book's publisher, a thesis's or a report's institution (Google Scholar's tags).
                case "citation_publisher" or "citation_dissertation_institution" or "citation_technical_report_institution":
                    draft.Publisher ??= CitationText.Clean(value);
                    break;
                case "citation_url" or "citation_fulltext_html_url" or "citation_abstract_html_url" or "citation_pdf_url":
                    draft.Url ??= UrlCanonicalizer.Canonicalize(value);
                    break;
            }
        }
        return draft;
    }
}
