using Hqt.Extraction.Identity;

namespace Hqt.Extraction.Imports;

/// <summary>What every format's reader shares: identifiers normalised, URLs that are identifiers read as such, names turned around.</summary>
static class ImportEntries
{
    public const string NothingToKeep = "It has no title, DOI, arXiv id, ISBN, PubMed id or web address.";

    public static ImportEntry Make(int position, string? kind, string? title, IEnumerable<string> authors, int? year,
        string? doi, string? arxiv, string? isbn, string? pmid, string? url, string? label)
    {
        var canonical = UrlCanonicalizer.Canonicalize(url?.Trim());
        var normalDoi = Doi.Normalize(doi) ?? Doi.FromUrl(canonical);
        var normalArxiv = ArxivId.Normalize(arxiv) ?? ArxivId.FromUrl(canonical);
        var normalIsbn = Isbn.ToIsbn13(isbn);
        var normalPmid = PubMedId.Normalize(pmid) ?? PubMedId.FromUrl(canonical);
        title = Clean(title);
        var names = authors.Select(FirstLast).Where(n => n.Length > 0).Distinct().ToList();
        var resolvedKind = kind ?? (normalIsbn is not null ? ReferenceKinds.Book
            : normalDoi is not null || normalArxiv is not null || normalPmid is not null ? ReferenceKinds.Paper : ReferenceKinds.WebPage);
        var skip = title is null && normalDoi is null && normalArxiv is null && normalIsbn is null && normalPmid is null && canonical is null
            ? NothingToKeep : null;
        return new ImportEntry(position, resolvedKind, title, names, year is > 1000 and < 3000 ? year : null,
            normalDoi, normalArxiv, normalIsbn, normalPmid, canonical, Clean(label), Skip: skip);
    }

    /// <summary>"Lovelace, Ada" → "Ada Lovelace"; "{World Health Organization}" stays one name.</summary>
    public static string FirstLast(string name)
    {
        var text = (Clean(name) ?? "").Trim('{', '}', ' ');
        var comma = text.IndexOf(',');
        if (comma > 0 && comma == text.LastIndexOf(',') && comma < text.Length - 1)
            text = text[(comma + 1)..].Trim() + " " + text[..comma].Trim();
        return text;
    }

    public static int? YearIn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        for (var i = 0; i + 4 <= text.Length; i++)
            if ((i == 0 || !char.IsDigit(text[i - 1])) && (i + 4 == text.Length || !char.IsDigit(text[i + 4]))
                && int.TryParse(text.AsSpan(i, 4), out var year) && year is > 1000 and < 3000)
                return year;
        return null;
    }

    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return folded.Length > 1000 ? folded[..1000] : folded;
    }
}
