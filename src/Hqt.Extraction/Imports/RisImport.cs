namespace Hqt.Extraction.Imports;

/// <summary>RIS (EndNote, Mendeley, most publishers' "export citation"): <c>TY  - JOUR</c> … <c>ER  -</c> records.</summary>
public static class RisImport
{
    public static IReadOnlyList<ImportEntry> Read(string text)
    {
        var read = new List<ImportEntry>();
        Dictionary<string, List<string>>? record = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length < 5 || line[2] != ' ' || line[3] != ' ' || line[4] != '-' || !char.IsLetterOrDigit(line[0])) continue;
            var tag = line[..2].ToUpperInvariant();
            var value = line.Length > 6 ? line[6..].Trim() : "";
            if (tag == "TY") record = new() { ["TY"] = [value] };
            else if (tag == "ER" && record is not null) { read.Add(Entry(read.Count, record)); record = null; }
            else if (record is not null)
            {
                if (!record.TryGetValue(tag, out var values)) record[tag] = values = [];
                values.Add(value);
            }
        }
        if (record is not null) read.Add(Entry(read.Count, record));
        return read;
    }

    static ImportEntry Entry(int position, Dictionary<string, List<string>> r)
    {
        string? First(params string[] tags) => tags.Select(t => r.TryGetValue(t, out var v) ? v.FirstOrDefault(x => x.Length > 0) : null).FirstOrDefault(v => v is not null);
        var type = First("TY");
        var kind = type switch
        {
            "BOOK" or "EBOOK" or "EDBOOK" => ReferenceKinds.Book,
            "CHAP" or "ECHAP" => ReferenceKinds.Chapter,
            "THES" => ReferenceKinds.Thesis,
            "RPRT" => ReferenceKinds.Report,
            "ELEC" or "WEB" or "BLOG" => ReferenceKinds.WebPage,
            "GEN" => null,
            _ => ReferenceKinds.Paper,
        };
        var authors = new[] { "AU", "A1", "A2" }.SelectMany(t => r.TryGetValue(t, out var v) ? v : []);
        var isbnOrIssn = First("SN");
        return ImportEntries.Make(position, kind, First("TI", "T1", "CT", "BT"), authors, ImportEntries.YearIn(First("PY", "Y1", "DA")),
            First("DO"), null, isbnOrIssn is { Length: >= 10 } ? isbnOrIssn : null, First("AN") is { } an && an.All(char.IsDigit) ? an : null,
            First("UR", "L2"), First("ID") ?? First("TI", "T1"));
    }
}
