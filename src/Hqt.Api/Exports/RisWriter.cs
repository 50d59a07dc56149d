using System.Text;

namespace Hqt.Api.Exports;

/// <summary>RIS, the tagged format EndNote, Mendeley, RefWorks and Zotero all import: one line a field, <c>ER</c> ends a record.</summary>
static class RisWriter
{
    public static string Write(ExportContent content)
    {
        var text = new StringBuilder();
        foreach (var work in content.Works)
        {
            Tag(text, "TY", Type(work));
            Tag(text, "ID", work.Key);
            var (authors, _) = AuthorList.Read(work.Authors);
            foreach (var author in authors)
                Tag(text, "AU", author is AuthorList.Person p
                    ? p.Name.FamilyWithParticle + (p.Name.Given.Length > 0 ? ", " + p.Name.Given : "") + (p.Name.Suffix is { } s ? ", " + s : "")
                    : ((AuthorList.Literal)author).Text);
            Tag(text, "TI", work.Title);
            if (work.Year is { } year) Tag(text, "PY", year.ToString());
            Tag(text, work.Kind == "chapter" ? "T2" : "JO", work.AppearedIn);
            Tag(text, "VL", work.Volume);
            Tag(text, "IS", work.Issue);
            if (work.Pages is { } pages)
            {
                var range = pages.Split(['-', '–', '—'], 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                Tag(text, "SP", range.ElementAtOrDefault(0));
                Tag(text, "EP", range.ElementAtOrDefault(1));
            }
            Tag(text, "PB", work.Issuer);
            Tag(text, "SN", work.Isbn);
            Tag(text, "DO", work.Doi);
            Tag(text, "AN", work.Pmid is { } pmid ? "PMID:" + pmid : null);
            Tag(text, "UR", work.Url ?? (work.ArxivId is { } arxiv ? "https://arxiv.org/abs/" + arxiv : null));
            if (work.Accessed is { } accessed) Tag(text, "Y2", accessed.ToString("yyyy/MM/dd"));
            Tag(text, "N1", "hqt: " + work.Reason);
            text.Append("ER  - \r\n\r\n");
        }
        return text.ToString();
    }

    static string Type(ExportedWork work) => work.Kind switch
    {
        "book" => "BOOK",
        "chapter" => work.IsConferencePaper ? "CPAPER" : "CHAP",
        "thesis" => "THES",
        "report" => "RPRT",
        "webpage" => "ELEC",
        _ when work.IsPreprint => "UNPB",
        _ => "JOUR",
    };

    // RIS lines end in CR LF, and a value must not carry a line break of its own.
    static void Tag(StringBuilder text, string tag, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        text.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ").Trim()).Append("\r\n");
    }
}
