using AngleSharp.Dom;
using Hqt.Extraction.Identity;

namespace Hqt.Extraction.References;

/// <summary>
/// COinS: <c>span.Z3988</c> whose <c>title</c> holds an OpenURL ContextObject (<c>rft.atitle=…&amp;rft.au=…</c>).
/// Pages also use COinS to describe themselves (for Zotero); those are not references.
/// </summary>
static class CoinsReferences
{
    // The page's own DOI is screened by the set, as for every signal (ReferenceScreen.IsOwnWork).
    public static void Read(IEnumerable<IElement> spans, ISet<string> ownTitleKeys, ReferenceSet into)
    {
        foreach (var span in spans)
        {
            var kev = span.GetAttribute("title");
            if (string.IsNullOrWhiteSpace(kev)) continue;
            var draft = Parse(kev);
            if (draft.Title is not null && ownTitleKeys.Contains(ReferenceSet.TitleKey(draft.Title))) continue;
            if (draft.Url is not null && into.IsPage(draft.Url)) continue;
            into.Add(draft);
        }
    }

    /// <summary>One ContextObject in key-encoded-value form as a draft reference.</summary>
    internal static ReferenceDraft Parse(string kev)
    {
        var draft = new ReferenceDraft(ReferenceSignals.Coins) { Kind = ReferenceKinds.Paper };
        string? atitle = null, btitle = null, title = null, jtitle = null, aulast = null, aufirst = null, genre = null, format = null;
        string? spage = null, epage = null;
        foreach (var pair in kev.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) continue;
            var key = Decode(pair[..eq]);
            var value = Decode(pair[(eq + 1)..]).Trim();
            if (value.Length == 0) continue;
            switch (key)
            {
                case "rft.atitle": atitle ??= value; break;
                case "rft.btitle": btitle ??= value; break;
                case "rft.title": title ??= value; break;
                case "rft.jtitle" or "rft.stitle": jtitle ??= value; break;
                case "rft.volume": draft.Volume ??= value; break;
                case "rft.issue": draft.Issue ??= value; break;
                case "rft.pages": draft.Pages ??= value; break;
                case "rft.spage": spage ??= value; break;
                case "rft.epage": epage ??= value; break;
                case "rft.au": MetadataAuthors.AddTo(draft, value); break;
                case "rft.aulast": aulast ??= value; break;
                case "rft.aufirst": aufirst ??= value; break;
                case "rft.date": draft.Year ??= CitationText.YearOf(value); break;
                case "rft.isbn": draft.Isbn ??= Isbn.ToIsbn13(value); break;
                case "rft.genre": genre = value; break;
                case "rft_val_fmt": format = value; break;
                case "rft_id": Identifier(draft, value); break;
            }
        }
        draft.Title = CitationText.Clean(atitle ?? btitle ?? title);
        // Where it appeared: the journal, or the book an article-titled part (a chapter) sits in. A reference without a
        // title is then still a work known by its place (ReferenceDraft.IsLocatedWork).
        draft.Container = Venue(jtitle ?? (atitle is not null ? btitle ?? title : null));
        draft.Pages ??= spage is null ? null : epage is null || epage == spage ? spage : $"{spage}-{epage}";
        if (aulast is not null && draft.Authors.Count == 0) MetadataAuthors.AddTo(draft, aufirst is null ? aulast : $"{aulast}, {aufirst}");
        if (draft.Doi is null && draft.ArxivId is null && draft.Pmid is null)
            draft.Kind = draft.Isbn is not null || genre is "book" or "bookitem" || (format?.EndsWith(":book", StringComparison.Ordinal) == true && draft.Url is null)
                ? ReferenceKinds.Book
                : format?.EndsWith(":journal", StringComparison.Ordinal) == true && genre is not ("unknown" or null) ? ReferenceKinds.Paper : ReferenceKinds.WebPage;
        return draft;
    }

    static void Identifier(ReferenceDraft draft, string id)
    {
        if (id.StartsWith("info:doi/", StringComparison.OrdinalIgnoreCase)) draft.Doi ??= Doi.Normalize(id[9..]);
        else if (id.StartsWith("info:arxiv/", StringComparison.OrdinalIgnoreCase)) draft.ArxivId ??= ArxivId.Normalize(id[11..]);
        else if (id.StartsWith("info:pmid/", StringComparison.OrdinalIgnoreCase)) draft.Pmid ??= PubMedId.Normalize(id[10..]);
        else if (id.StartsWith("urn:isbn:", StringComparison.OrdinalIgnoreCase)) draft.Isbn ??= Isbn.ToIsbn13(id[9..]);
        else if (id.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            draft.Url ??= UrlCanonicalizer.Canonicalize(id);
            IdentifierText.FillFromUrl(draft, id);
        }
    }

    static string? Venue(string? value) => value is null || value.Length > 300 ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static string Decode(string value)
    {
        try { return Uri.UnescapeDataString(value.Replace('+', ' ')); }
        catch (UriFormatException) { return value; }
    }
}
