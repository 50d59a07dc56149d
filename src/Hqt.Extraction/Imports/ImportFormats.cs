namespace Hqt.Extraction.Imports;

/// <summary>The formats hqt imports, told apart by their first marks when the reader does not say.</summary>
public static class ImportFormats
{
    public const string BibTex = "bibtex", CslJson = "csljson", Ris = "ris", Bookmarks = "bookmarks";
    public static readonly string[] All = [BibTex, CslJson, Ris, Bookmarks];

    /// <summary>The format of <paramref name="text"/>, or null when it is none of them.</summary>
    public static string? Detect(string text)
    {
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (start.StartsWith("[") || start.StartsWith("{")) return CslJson;
        if (BookmarksImport.LooksLikeBookmarks(text)) return Bookmarks;
        if (start.StartsWith("TY  -") || text.Contains("\nTY  -", StringComparison.Ordinal)) return Ris;
        if (text.Contains('@') && System.Text.RegularExpressions.Regex.IsMatch(text, @"@[A-Za-z]+\s*[{(]")) return BibTex;
        return null;
    }

    /// <summary>Reads a file in <paramref name="format"/> (detected when null); throws <see cref="ImportFormatException"/> when it cannot.</summary>
    public static ImportFile Read(string text, string? format)
    {
        format = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => Detect(text) ?? throw new ImportFormatException(
                "The file is not BibTeX, CSL-JSON, RIS or a browser bookmarks (Netscape HTML) file."),
            "bib" or "biblatex" => BibTex,
            "csl" or "csl-json" or "json" => CslJson,
            "html" or "netscape" => Bookmarks,
            var named when All.Contains(named) => named,
            var other => throw new ImportFormatException($"Unknown format '{other}': use bibtex, csljson, ris or bookmarks."),
        };
        var entries = format switch
        {
            BibTex => BibTexImport.Read(text),
            CslJson => CslJsonImport.Read(text),
            Ris => RisImport.Read(text),
            _ => BookmarksImport.Read(text),
        };
        if (entries.Count == 0) throw new ImportFormatException($"No {Name(format)} entries were found in the file.");
        return new ImportFile(format, entries);
    }

    public static string Name(string format) => format switch
    {
        BibTex => "BibTeX",
        CslJson => "CSL-JSON",
        Ris => "RIS",
        _ => "bookmark",
    };
}
