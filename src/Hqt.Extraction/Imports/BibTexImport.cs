using Hqt.Extraction.References;

namespace Hqt.Extraction.Imports;

/// <summary>BibTeX and BibLaTeX files (Zotero, JabRef, Google Scholar, arXiv exports), through the extractor's own BibTeX reader.</summary>
public static class BibTexImport
{
    public static IReadOnlyList<ImportEntry> Read(string text)
    {
        var entries = BibTex.Parse(text);
        var read = new List<ImportEntry>(entries.Count);
        foreach (var entry in entries)
        {
            string? Field(string name) => entry[name] is { } value ? BibTex.Plain(value) : null;
            var eprintIsArxiv = Field("archiveprefix") is { } prefix ? prefix.Equals("arxiv", StringComparison.OrdinalIgnoreCase) : Field("eprinttype")?.Equals("arxiv", StringComparison.OrdinalIgnoreCase) ?? true;
            var kind = entry.Type switch
            {
                "book" or "booklet" or "collection" or "mvbook" => ReferenceKinds.Book,
                "inbook" or "incollection" or "bookinbook" => ReferenceKinds.Chapter,
                "thesis" or "phdthesis" or "mastersthesis" => ReferenceKinds.Thesis,
                "report" or "techreport" => ReferenceKinds.Report,
                "online" or "webpage" or "electronic" or "www" => ReferenceKinds.WebPage,
                "misc" => null,
                _ => ReferenceKinds.Paper,
            };
            var authors = BibTex.Names(Field("author") ?? Field("editor") ?? "");
            read.Add(ImportEntries.Make(read.Count, kind, Field("title"), authors,
                ImportEntries.YearIn(Field("year") ?? Field("date")), Field("doi"), eprintIsArxiv ? Field("eprint") : null,
                Field("isbn"), Field("pmid"), Field("url") ?? UrlIn(Field("howpublished")), entry.Key));
        }
        return read;
    }

    // \url{https://…} in howpublished has lost its command by now: the URL is the first word with a scheme.
    static string? UrlIn(string? text) => text?.Split(' ').FirstOrDefault(w => w.Contains("://"));
}
