using System.Text.RegularExpressions;

namespace Hqt.Extraction.References;

/// <summary>
/// Whether a string can stand as a work's title. Whatever read a reference (citation metas, a reference-string parser,
/// anchor text), a bare journal citation ("Phys. Rev. 82, 863 (1951)"), a journal name ("J. Plasma Phys"), a date, a
/// link label ("View ORCID Profile") or an author fragment ("B. et al.") is no title: the work keeps its identifiers and
/// is shown by them instead.
/// </summary>
public static partial class WorkTitles
{
    static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "view orcid profile", "orcid", "pmc free article", "free article", "google scholar", "pubmed", "crossref", "cas", "pubmed google scholar",
        "cas pubmed google scholar", "pubmed central", "web of science", "scopus", "view full text", "full text", "view article", "article",
        "abstract", "pdf", "download pdf", "view pdf", "full text pdf", "the original", "original", "archived", "archive", "link", "here",
        "source", "read more", "more", "continue reading", "share on facebook", "share on twitter", "share on linkedin", "share on reddit",
        "share", "tweet", "email", "print", "view all episodes", "view in editor", "edit", "reply", "permalink", "view", "download",
        "tweet may have been deleted (opens in a new tab)", "tweet may have been deleted", "article google scholar", "publisher site",
        "open in a separate window", "opens in a new window", "ads", "cross ref", "wayback machine", "archived from the original",
        "pdf version", "see more", "learn more", "click here", "this", "website", "homepage", "home", "official website", "via",
    };

    // Months in the languages of the corpora's dates: a month before a number makes a date, not a citation.
    const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    [GeneratedRegex(@"^(?:[\p{L}][\p{L}'’.,\- ]{0,60},\s*)?(?:" + Month + @"\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+" + Month + @"\s+\d{4}|" + Month + @"\s+\d{4}|\d{4}-\d{2}-\d{2})\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOnly();

    [GeneratedRegex(@"\b" + Month + @"\s+\d{1,2},\s*\d{4}\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatedTitle();

    // "Phys. Rev. 82, 863 (1951)", "Nature 553, 2018", "J. 396, 606 (1992)", "4, 84 (2002)"; a combined volume
    // ("Key Eng Mater 284–286:553–556", "TRIP 4–4:128–132", Springer's list entries without a title).
    [GeneratedRegex(@"^(?:[\p{L}][\p{L}.&'\- ]{0,60}\s)?(?:vol\.?\s*)?\d+[A-Z]?(?:[-–]\d+)?(?:\s*\(\d+\))?\s*[,:]\s*(?:[A-Z]?\d+[A-Z]?(?:[-–]\d+)?)(?:\s*\(\d{4}\))?\.?$|^(?:[\p{L}][\p{L}.&'\- ]{0,60}\s)\d+,\s*\d{4}\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex JournalCitation();

    // A leading author fragment: "B. et al. Title…", "Chan, et al. 2015", "T. 1998", "M. & de Haan, C".
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}'’\-]*\.?,?\s+)?et\.?\s*al\.?,?\s*(?:\(?\d{4}[a-z]?\)?[.,:]?\s*)?", RegexOptions.CultureInvariant)]
    private static partial Regex EtAlLead();

    [GeneratedRegex(@"^\p{Lu}\.\s*(?:&|,|and\b|\(?\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex InitialLead();

    [GeneratedRegex(@"\bet\.?\s*al\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EtAl();

    // What a page shows while its script fetches the real content: "Please wait… references are loading", "Loading…".
    [GeneratedRegex(@"^(?:please wait\b.*|loading\s*(?:…|\.\.\.)?|.*\bare loading\s*(?:…|\.\.\.)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    // "(opens in a new tab)", "(link is external)": screen-reader notes inside a link's text.
    [GeneratedRegex(@"\((?:opens|open|link)[^)]*\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpensNote();

    // "this tutorial", "auf seiner Homepage", "my post": a pointer to a work, not its name.
    static readonly HashSet<string> Pointers = new(StringComparer.OrdinalIgnoreCase)
    {
        "this", "that", "these", "those", "here", "his", "her", "their", "our", "my", "its", "your", "the", "a", "an", "one", "another",
        "on", "in", "at", "see", "via", "auf", "seiner", "ihrer", "seinem", "ihrem", "dieser", "diesem", "dieses", "hier", "cette", "ce", "son", "sa",
        "ses", "ici", "este", "esta", "aquí", "su", "questo", "questa", "qui", "deze", "dit", "hier", "denne", "dette", "her",
    };

    /// <summary>Whether a link's text can name the work it points to: a title, not a pointer ("this tutorial", "here").</summary>
    public static bool IsNamingAnchor(string? text)
    {
        if (!IsTitle(text)) return false;
        var words = text!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return !(words.Length <= 3 && Pointers.Contains(words[0].Trim('(', '"', '\'')));
    }

    // Journal abbreviations that are no English word, so they mark a journal name even without their dot.
    static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "phys", "astrophys", "chem", "natl", "sov", "quant", "lett", "proc", "acad", "biol", "sci", "rev", "mech", "appl", "geophys",
        "comput", "theor", "nucl", "mol", "biochem", "physiol", "neurosci", "pharmacol", "spectrosc", "radiat", "transf", "mater", "opt",
        "j", "jpn", "int", "soc", "res", "eng", "ann", "am", "nat", "med", "math", "stat", "trans", "ieee", "acm", "conf", "symp",
    };

    /// <summary>The title cleaned of a leading author fragment, or null when what is left is no title.</summary>
    public static string? Clean(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var text = title.Trim();
        var lead = EtAlLead().Match(text);
        if (lead.Success && lead.Length > 0) text = text[lead.Length..].TrimStart(' ', '.', ',', ':', ';', '-');
        return IsTitle(text) ? text : null;
    }

    /// <summary>Whether the text can be shown as a work's title.</summary>
    public static bool IsTitle(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        var letters = text.Count(char.IsLetter);
        var wordScript = text.Any(c => c is >= '\u3040' and <= '\u9fff' or >= '\uac00' and <= '\ud7af');
        if (letters == 0 || (!wordScript && text.Length <= 3)) return false;
        // An address written out: "www2.census.gov/programs-surveys/…", "https://…".
        if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("www", StringComparison.OrdinalIgnoreCase)
            || (!text.Contains(' ') && text.Contains('/') && text.Contains('.'))) return false;
        var label = OpensNote().Replace(text, "").Trim(' ', '.', ':', '[', ']', '(', ')', '"', '\u201c', '\u201d', '»', '«', '→', '›', '↗');
        if (Labels.Contains(label) || Placeholder().IsMatch(label)) return false;
        if (EtAl().IsMatch(text) || InitialLead().IsMatch(text)) return false;
        if (DateOnly().IsMatch(text)) return false;
        // "Finding My Voice May 28, 2021": a month before the number makes a dated title, not a citation.
        if (JournalCitation().IsMatch(text) && !DatedTitle().IsMatch(text)) return false;
        return !IsJournalName(text);
    }

    // "J. Plasma Phys", "Natl", "Phys. Rev. Lett.": initials and abbreviations more than half of the words.
    static bool IsJournalName(string text)
    {
        var words = text.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6) return false;
        var abbreviated = 0;
        foreach (var word in words)
        {
            var bare = word.TrimEnd('.', ',');
            if (bare.Length == 0) continue;
            if (!char.IsUpper(bare[0]) && !Abbreviations.Contains(bare)) return false;
            if (bare.Length == 1 || Abbreviations.Contains(bare) || (word.EndsWith('.') && bare.Length <= 5 && bare.All(char.IsLetter))) abbreviated++;
        }
        return abbreviated > 0 && abbreviated * 2 > words.Length;
    }
}
