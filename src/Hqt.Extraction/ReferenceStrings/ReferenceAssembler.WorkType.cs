using System.Buffers;
using System.Text.RegularExpressions;
using Hqt.Names;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// What kind of work a reference names (<see cref="ParsedReferenceTypes"/>), from its fields and the words around them.
/// The type reaches the graph (a book, a chapter, a thesis, a report) and the exports' entry types (<c>@book</c>,
/// <c>@inbook</c>, <c>@thesis</c>, <c>@report</c>), so a word inside the title must not decide it ("A diathesis-stress
/// model", "The Sokal report revisited") and neither may a journal's name ("Morbidity and Mortality Weekly Report").
/// </summary>
public static partial class ReferenceAssembler
{
    // The GB/T 7714 kind mark says what the work is, where there is one: [J] a journal article, [M] a book, [D] a thesis,
    // [C] a paper in proceedings, [R] a report, [N] a newspaper article, [EB/OL] a web page ([J/OL] is still an article).
    [GeneratedRegex(@"\[(J|N|M|D|C|R|EB)(?:/OL)?\](?=\s*(?:\.|,|//|$))")]
    private static partial Regex KindMark();

    // Whole words only: "synthesis", "hypothesis" and "epenthesis" hold no thesis.
    [GeneratedRegex(@"\b(?:thesis|theses|dissertation|diss\.|th[eè]se|tesis|tesi|doctoral|doctorate|habilitation|doktorarbeit|masterarbeit|diplomarbeit)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThesisWord();

    [GeneratedRegex(@"\b(?:reports?|rapport|tech\.?\s*rep\.?|working\s+paper|discussion\s+paper|white\s+paper|technical\s+note|technical\s+memorandum)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportWord();

    // How a citation of something read online says so ("Retrieved May 7, 2009", "Accessed 3 March", "[Online]").
    [GeneratedRegex(@"\b(?:retrieved|accessed|archived|abgerufen|consult[ée])\b|\[online\]|\bavailable\s+(?:at|from|online)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnlineMark();

    // A container that is a book of papers read at a meeting, or a reference work: a chapter, not an article, when no
    // volume says it is a journal ("Proceedings of the National Academy of Sciences 107(3)" is a journal).
    [GeneratedRegex(@"\b(?:proceedings|proc\.|conference|conf\.|symposium|symp\.|workshop|congress|colloquium|actes|tagungsband|handbook|companion|encyclopa?edia)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CollectionWord();

    // "In", "In:", "in:", "Dans", "Im", "En:" between the title and the container: the house style of a part inside a
    // whole, whether the editors come first ("in Gibelli A., Rugafiori P. (dir.), Storia d'Italia") or not.
    [GeneratedRegex(@"(?:^|[\s.,;:)”""'’»])(?:in|dans|im|en)\s*:?\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InWord();

    // Every parse asks these; most references hold none of the words, so one vectorised search for the stems of each
    // family comes before its regex: the regexes would cost a tenth of the parse, and many times more in a regex's first
    // calls, before the JIT has optimised it.
    static readonly SearchValues<string> ThesisStems = SearchValues.Create(["thes", "th\u00e8s", "diss", "tesi", "doctor", "habil", "arbeit"], StringComparison.OrdinalIgnoreCase);
    static readonly SearchValues<string> ReportStems = SearchValues.Create(["report", "rapport", "tech", "paper"], StringComparison.OrdinalIgnoreCase);
    static readonly SearchValues<string> OnlineStems = SearchValues.Create(["retrieved", "accessed", "archived", "abgerufen", "consult", "online", "available"], StringComparison.OrdinalIgnoreCase);

    static readonly SearchValues<string> CollectionStems = SearchValues.Create(["proc", "conf", "symp", "workshop", "congress", "colloqu", "actes", "tagungsband", "handbook", "companion", "encyclop"], StringComparison.OrdinalIgnoreCase);

    static readonly SearchValues<string> InWordStems = SearchValues.Create(["in", "im", "en", "dans"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the publisher is the organisation itself: "Author", its name, or its letters ("CDC", "WHO", "IEA").</summary>
    static bool IsIssuedBy(string organisation, string publisher)
    {
        if (publisher.Equals("Author", StringComparison.OrdinalIgnoreCase) || publisher.Equals(organisation, StringComparison.OrdinalIgnoreCase)) return true;
        if (publisher.Length is < 2 or > 8 || !publisher.All(char.IsUpper)) return false;
        var letters = string.Concat(organisation.Split(' ', '-').Where(w => w.Length > 0 && char.IsUpper(w[0])).Select(w => w[0]));
        return letters.Contains(publisher, StringComparison.Ordinal) || organisation.Contains($"({publisher})", StringComparison.Ordinal)
            || letters.Length >= 2 && publisher.StartsWith(letters[0]) && publisher.EndsWith(letters[^1]);
    }

    static bool Has(string text, SearchValues<string> stems, Regex words) => text.AsSpan().IndexOfAny(stems) >= 0 && words.IsMatch(text);

    static string TypeOf(string text, string? title, string? container, string? volume, string? issue, string? pages, string? publisher,
        string? place, bool hasEditors, string? url, string? doi, string? isbn, IReadOnlyList<ParsedPerson> authors, string? edition)
    {
        if (text.Contains('[') && KindMark().Match(text) is { Success: true } mark)
            return mark.Groups[1].Value switch
            {
                "J" or "N" => ParsedReferenceTypes.Article, "M" => ParsedReferenceTypes.Book, "D" => ParsedReferenceTypes.Thesis,
                "C" => ParsedReferenceTypes.Chapter, "R" => ParsedReferenceTypes.Report, _ => ParsedReferenceTypes.WebPage,
            };
        var unlinked = Without(text, url);
        var untitled = Without(unlinked, title);
        if (Has(Without(untitled, container), ThesisStems, ThesisWord())) return ParsedReferenceTypes.Thesis;
        // A page cited as read online ("Bob Dylan Bows Atop Billboard 200". Billboard. Retrieved May 7, 2009) is no book
        // for having its site or magazine read as a publisher; a book with its place of publication, a chapter "In" an
        // edited book and a report are what they are, read online or not.
        var online = isbn is null && place is null && Has(untitled, OnlineStems, OnlineMark());
        if (container is null)
        {
            // A title may say it is a report ("Inspection Report, Kalaupapa Landfill") where nothing else does.
            if (Has(unlinked, ReportStems, ReportWord())) return ParsedReferenceTypes.Report;
            if (online) return ParsedReferenceTypes.WebPage;
            // An organisation that issues a work itself issues a report (<c>Centers for Disease Control and Prevention.
            // Antibiotic resistance threats in the United States, 2019. Atlanta, GA: CDC; 2019.</c>, APA's "Author" as
            // publisher); one with an ISBN, an edition or another's imprint is a book, and a link without a place a page.
            if (authors is [{ Given: null, Family: var organisation }] && isbn is null && edition is null && (url is null || place is not null)
                && (publisher is null || IsIssuedBy(organisation, publisher)) && PersonName.IsOrganization(organisation))
                return ParsedReferenceTypes.Report;
            if (publisher is not null || isbn is not null) return ParsedReferenceTypes.Book;
            return url is not null ? ParsedReferenceTypes.WebPage : ParsedReferenceTypes.Other;
        }
        var collection = container.AsSpan().IndexOfAny(CollectionStems) >= 0 && CollectionWord().IsMatch(container);
        if (!hasEditors)
        {
            // A volume makes it a journal's, unless a publisher with its place or ISBN, or a book of proceedings with its
            // publisher, says it is a book in a series ("Husserliana 21. … The Hague: Martinus Nijhoff"; "In: Proc. SPIE,
            // vol. 1234. Bellingham: SPIE"). German styles write "In:" before journals too, so that decides nothing here.
            var bookInSeries = publisher is not null && (collection || place is not null || isbn is not null);
            if ((volume ?? issue) is not null && !bookInSeries) return ParsedReferenceTypes.Article;
            // A DOI without a publisher is a journal's, even after an "In" ("… therapy targets. In Review (2020)
            // doi:10.21203/…", Research Square's In Review): a chapter's DOI comes with its book's publisher or editors.
            if (doi is not null && publisher is null && !collection) return ParsedReferenceTypes.Article;
        }
        // Outside the title, "report" says it: in the container a tagger took it for ("Smithsonian Report",
        // "Working Paper No. 13987") or after it; a title's own "report" may be a chapter's or an article's.
        if (Has(untitled, ReportStems, ReportWord())) return ParsedReferenceTypes.Report;
        if (title is not null && (hasEditors || collection || IsIntroducedByIn(text, title, container))) return ParsedReferenceTypes.Chapter;
        // Read online in a magazine, newspaper or site: an article there.
        if (online) return ParsedReferenceTypes.Article;
        if (title is null) return publisher is not null && pages is null ? ParsedReferenceTypes.Book : ParsedReferenceTypes.Article;
        // A publisher without an "In": a chapter when a page range says where in the book ("The Semiotic Challenge.
        // New York: Hill and Wang. 157-159"), else mostly a book whose subtitle or series the tagger took for a
        // container ("Depression und Familie. Weinheim/Basel: Beltz").
        if (publisher is not null) return pages?.Contains('-') == true ? ParsedReferenceTypes.Chapter : ParsedReferenceTypes.Book;
        return ParsedReferenceTypes.Article;
    }

    /// <summary>An "In" between the end of the title (or the text's start) and the container.</summary>
    static bool IsIntroducedByIn(string text, string? title, string container)
    {
        var at = text.IndexOf(container, StringComparison.Ordinal);
        if (at <= 0) return false;
        var from = title is null ? -1 : text.IndexOf(title, StringComparison.Ordinal);
        from = from < 0 || from + title!.Length > at ? 0 : from + title.Length;
        var between = text.AsSpan(from, at - from + 1);
        return between.IndexOfAny(InWordStems) >= 0 && InWord().IsMatch(between);
    }

    /// <summary>The text with the first occurrence of a field's value taken out (all of it when the value is not there verbatim).</summary>
    static string Without(string text, string? value)
    {
        if (string.IsNullOrEmpty(value)) return text;
        var at = text.IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), " ", text.AsSpan(at + value.Length));
    }
}
