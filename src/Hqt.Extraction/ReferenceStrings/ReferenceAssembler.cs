using System.Buffers;
using System.Text.RegularExpressions;
using Hqt.Extraction.Identity;
using Hqt.Extraction.Text;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>Turns labelled tokens into a <see cref="ParsedReference"/>: each field's span, cleaned to its value.</summary>
public static partial class ReferenceAssembler
{
    [GeneratedRegex(@"^\s*(?:in|dans|en|im)\s*[:.]?\s+(?=\S)|^\s*(?:in|dans)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingIn();

    [GeneratedRegex(@"^\(?\s*(?:vol(?:ume)?s?|v|bd|band|jg|jahrgang|t|tome|tomo|том|т|ч|n°|no|nr|num|number|issue|heft|h)\.?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"^(?:(?<year>(?:1[5-9]|20)\d\d)[a-z]?\s*[;:,]\s*)?(?<volume>\d+[a-z]?|[IVXLCDM]+\b)?\s*(?:\((?<issue>[^)]{1,20})\)?)?", RegexOptions.IgnoreCase)]
    private static partial Regex VolumeIssue();

    // What follows a publisher's or a journal's name in a citation and is no part of it: when it was read, its identifiers.
    // An identifier only with its number: "OCLC Systems and Services" is a journal.
    [GeneratedRegex(@"[.,;]?\s*\b(?:(?:Retrieved|Archived|Accessed|retrieved|archived|accessed)\b|(?:ISBN|ISSN|OCLC)[-\s:]*\d).*$")]
    private static partial Regex AfterTheName();

    // What a publisher span holds that names no publisher: a cross-reference ("See Heylin"), a licence ("CC BY 4.0").
    [GeneratedRegex(@"^(?:See|see|Cf\.|cf\.)\s|^CC[ -]BY\b|^CC0\b")]
    private static partial Regex NoPublisher();

    /// <summary>
    /// The publisher's name alone: Wikipedia's citations run the access date and identifiers on after it
    /// ("Billboard. Retrieved May 7, 2009", "Random House. ISBN 978-0679417880", "OCLC 902608986"), a volume's number may
    /// lead it ("2. Warner Paperback Library"), and a note or licence is no publisher. Every export prints it.
    /// </summary>
    internal static string? PublisherName(string? publisher)
    {
        if (publisher is null || publisher.Length == 0) return null;
        // Cheap tests of the first character before each regex: every parse with a publisher comes here, and a regex's
        // first calls, before the JIT has optimised it, cost many times what it does later.
        if (publisher[0] is 'S' or 's' or 'C' or 'c' && NoPublisher().IsMatch(publisher)) return null;
        return NameAlone(char.IsAsciiDigit(publisher[0]) ? NumberBeforeThePublisher().Replace(publisher, "") : publisher);
    }

    static readonly SearchValues<string> AfterTheNameStems = SearchValues.Create(["retriev", "archiv", "access", "ISBN", "ISSN", "OCLC"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A container's or publisher's name without the access date or identifiers a citation ran on after it
    /// ("Archived October 3, 2016" is no journal).</summary>
    static string? NameAlone(string? field)
    {
        if (field is null) return null;
        var name = (field.AsSpan().IndexOfAny(AfterTheNameStems) >= 0 ? AfterTheName().Replace(field, "") : field).Trim().TrimEnd('.', ',', ';', ':').TrimEnd();
        return name.Any(char.IsLetter) ? name : null;
    }

    [GeneratedRegex(@"^\d{1,3}\.\s+(?=\p{Lu})")]
    private static partial Regex NumberBeforeThePublisher();

    [GeneratedRegex(@"^(?:1[5-9]|20)\d\d[a-z]?(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\s*;\s*(?<volume>\d+[A-Za-z]?)\s*(?:\((?<issue>[^()]{1,12})\))?\s*:?$")]
    private static partial Regex VancouverDate();

    // Science's article numbers have up to three letters before their digits ("aac4716"), eLife's and PLoS's one ("e124");
    // a page mark glued to the number ("pp119-50") is no part of it.
    [GeneratedRegex(@"(?:(?<![A-Za-z])[Pp]{1,2}(?=\d))?((?<![A-Za-z])[A-Za-z]{0,3}\d+[A-Za-z]?|\d+[A-Za-z]?)(?:\s*(?:[-\u2010-\u2015\u2212]+|to|bis)\s*([A-Za-z]?\d+[A-Za-z]?))?")]
    private static partial Regex PageRange();

    [GeneratedRegex(@"^(?:\p{L}{3,9}\.?(?:\s+(?:[12]?\d|3[01]))?|(?:[12]?\d|3[01]))\s*;\s*(?=\d)")]
    private static partial Regex DayBeforeTheVolume();

    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlInText();

    const string EndPunctuation = " .,;:/()[]{}\"'“”‘’«»„*<>「」『』【】《》〈〉";

    // China's GB/T 7714 marks each entry's kind after its title: "…protein folding[J]." (journal), [M] book, [C]
    // proceedings, [D] thesis, [R] report, [EB/OL] web page. A mark, not a word of the title.
    [GeneratedRegex(@"\s*\[(?:J|M|C|D|R|N|P|S|Z|A|G|K|EB|DB|CP)(?:/OL)?\]?$")]
    private static partial Regex DocumentTypeMark();

    public static ParsedReference Assemble(string text, IReadOnlyList<RefToken> tokens, RefLabel[] labels, double confidence, RefLexicons lexicons)
    {
        labels = ChooseTheTitleRun(tokens, labels);
        labels = TheTitleBeforeTheDateOfAnAuthorlessEntry(tokens, labels);
        labels = StartTheTitleAfterANoDateMark(tokens, labels);
        labels = StartTheTitleAfterAMark(tokens, labels);
        labels = StartTheTitleAfterAStatusMark(tokens, labels);
        labels = StartTheTitleAfterAGroupByline(tokens, labels);
        labels = StartTheTitleAfterAnInnerByline(tokens, labels);
        labels = TheDateAfterAnOrganisationsDivision(tokens, labels);
        labels = StartTheTitleAtAQuoteAfterACode(tokens, labels);
        labels = StartTheTitleAtItsBookBracket(tokens, labels);
        labels = ExtendTheTitleToItsClosingQuote(tokens, labels);
        labels = EndTitleAtItsClosingQuote(tokens, labels);
        labels = EndTitleAtAnInnerIn(tokens, labels);
        labels = EndTitleAtANote(tokens, labels);
        labels = EndTitleAtALink(tokens, labels);
        labels = EndTitleBeforeAnUnclosedBracket(tokens, labels);
        labels = EndTitleBeforeItsDescription(tokens, labels);
        labels = EndTitleAtAMediumMark(tokens, labels);
        labels = EndTitleBeforeACoAuthorsNote(tokens, labels);
        labels = ContinueTheTitleAfterABareWord(tokens, labels);
        labels = EndTitleBeforeAnEdition(tokens, labels);
        labels = EndTitleBeforeAPage(tokens, labels);
        labels = EndTitleBeforeTheChaptersPages(tokens, labels);
        labels = TheBookAfterItsEditors(tokens, labels);
        labels = EndTitleBeforeItsYear(tokens, labels);
        labels = EndTitleBeforeAVolumeMark(tokens, labels);
        labels = KeepThePartNumberInTheTitle(tokens, labels);
        labels = ContinueTheTitleAfterItsPartNumber(tokens, labels);
        labels = MendATitleBrokenByAName(tokens, labels);
        labels = ContinueTheTitleAfterItsConjunction(tokens, labels);
        labels = ThePlaceAtTheTitlesEnd(tokens, labels);
        labels = KeepATaxonomicAuthorityInTheTitle(tokens, labels);
        labels = TheBookIsTheTitle(tokens, labels);
        labels = TheContainerOfThePages(tokens, labels);
        labels = TheEditorsAfterTheBook(tokens, labels);
        labels = TheEditionBeforeThePublisher(tokens, labels);
        labels = TheJournalsNameWhole(tokens, labels, lexicons);
        labels = TheLawReviewsVolumeBeforeItsName(tokens, labels);
        labels = TheJournalBeforeItsCity(tokens, labels, lexicons);
        labels = EndTitleBeforeAPreprintServer(tokens, labels);
        labels = TheBookAfterAnInMark(tokens, labels);
        labels = CompleteTheByline(tokens, labels);
        labels = TheNextAuthorAfterAStop(tokens, labels);
        labels = EndTheBylineAfterACompletePerson(tokens, labels);
        labels = APossessiveOpensTheTitle(tokens, labels);
        labels = TheParticleAfterTheGivenNames(tokens, labels);
        labels = StartTheTitleAtAnAcronymAfterTheInitials(tokens, labels);
        labels = EndTheBylineWithItsInitials(tokens, labels);
        labels = TheTitleAfterAVancouverByline(tokens, labels);
        labels = TheBylineAfterTheTitle(tokens, labels);
        labels = TheLastNameBeforeTheColon(tokens, labels, lexicons);
        var taggersLabels = labels;
        labels = TheTitleBeforeTheEditorsMark(tokens, labels);
        labels = TheBylineAfterBy(tokens, labels, lexicons);
        labels = EndTitleBeforeBy(tokens, labels);
        labels = TheTitleAfterTheWritersDash(tokens, labels, lexicons);
        labels = TheTitleBeforeAnInMarkInTheByline(tokens, labels);
        // The tagger was unsure of a reading it was not trained on; a title closed before an editor's mark, a name the
        // lexicons know after "by" or before a reading list's dash, or an "In:" mark after a complete person, is the surer
        // sign.
        if (!ReferenceEquals(labels, taggersLabels)) confidence = Math.Max(confidence, ParsedReference.ConfidentAt);
        var spans = Spans(tokens, labels);
        string? First(RefLabel label) => spans.FirstOrDefault(s => s.Label == label).Text;

        var title = Clean(CutAtAGluedClosingQuote(First(RefLabel.Title)));
        var container = First(RefLabel.Container) is { } c ? NameAlone(Clean(LeadingIn().Replace(c, ""))) : null;

        var etAl = false;
        var authors = new List<ParsedPerson>();
        if (First(RefLabel.Author) is { } authorSpan) authors = ReferenceNames.Split(authorSpan, out etAl);
        var editors = new List<ParsedPerson>();
        foreach (var span in spans.Where(s => s.Label == RefLabel.Editor))
            editors.AddRange(ReferenceNames.Split(span.Text, out _));

        // A date right after the volume ("30, 1734 (1987)") may be the page: then a bracketed year the tagger left
        // unlabelled counts too. Elsewhere such a year is more often a reprint's or an edition's (measured on train).
        var (year, pageBeforeYear) = YearOfDates(spans);
        year ??= ClosingBracketedYear(tokens, labels);

        string? volume = null, issue = null;
        if (First(RefLabel.Volume) is { } volumeSpan)
        {
            var v = NumberPrefix().Replace(volumeSpan.Trim(' ', '.', ',', ';', ':'), "");
            // Vancouver's full date runs its month and day into the volume's token ("2015 May 28;521(7553):", "1977
            // Dec;74(12):"): after a date, they are the date's.
            if (year is not null) v = DayBeforeTheVolume().Replace(v, "");
            var m = VolumeIssue().Match(v);
            if (m.Groups["year"].Success && year is null) year = int.Parse(m.Groups["year"].Value);
            if (m.Groups["volume"].Success) volume = m.Groups["volume"].Value;
            if (m.Groups["issue"].Success) issue = Clean(NumberPrefix().Replace(m.Groups["issue"].Value, ""));
            volume ??= Clean(v);
            year ??= RefFeatures.FirstYear(volumeSpan) is { } vy && volumeSpan.TrimStart().StartsWith(vy.ToString()) ? vy : null;
        }
        // Vancouver's "1978;239:" or "2013 Jan;122(2):" is one field to a reader; a tagger that labels all of it the date
        // leaves the volume and issue inside.
        if (volume is null && First(RefLabel.Date) is { } dateSpan && dateSpan.Contains(';') && VancouverDate().Match(dateSpan.Trim()) is { Success: true } vancouver)
        {
            volume = vancouver.Groups["volume"].Value;
            if (vancouver.Groups["issue"].Success) issue = vancouver.Groups["issue"].Value;
        }
        if (First(RefLabel.Issue) is { } issueSpan) issue ??= Clean(NumberPrefix().Replace(Clean(issueSpan) ?? "", ""));

        string? pages = null;
        if (First(RefLabel.Pages) is { } pagesSpan)
        {
            var m = PageRange().Match(pagesSpan);
            if (m.Success) pages = m.Groups[2].Success ? $"{m.Groups[1].Value}-{m.Groups[2].Value}" : m.Groups[1].Value;
        }
        pages ??= pageBeforeYear;

        var doi = Doi.FindAll(text).FirstOrDefault();
        var arxiv = ArxivId.FindAll(text).FirstOrDefault();
        var isbn = Isbn.FindAll(text).FirstOrDefault();
        var pmid = PubMedId.FindAll(text).FirstOrDefault();
        var url = First(RefLabel.Url) is { } urlSpan && UrlInText().Match(urlSpan) is { Success: true } um
            ? um.Value.TrimEnd('.', ',', ';', ')', ']', '>')
            : UrlInText().Match(text) is { Success: true } tm ? tm.Value.TrimEnd('.', ',', ';', ')', ']', '>') : null;

        var publisher = PublisherName(Clean(First(RefLabel.Publisher)));
        var place = Clean(First(RefLabel.Location));
        var edition = Clean(First(RefLabel.Edition));
        var type = TypeOf(text, title, container, volume, issue, pages, publisher, place, editors.Count > 0, url, doi, isbn, authors, edition);

        if (confidence < ParsedReference.ConfidentAt)
        {
            // An unsure parse names no one: a wrong person is worse than a missing one.
            authors = [];
            editors = [];
        }
        return new ParsedReference(text, title, authors, etAl, editors, container, volume, issue, pages, year, publisher, place,
            edition, doi, arxiv, isbn, pmid, url, type, Math.Round(confidence, 3));
    }

    /// <summary>
    /// The year of the date spans: the first year-like number, unless a later one stands in brackets (in a date span,
    /// or in text the tagger left unlabelled) and the first does not. Physics and chemistry write "Phys. Fluids 30, 1734
    /// (1987)": the page before the bracketed year looks like a year too, and the tagger takes it for the date. It is then
    /// the page (returned beside the year, for a parse that found no pages).
    /// </summary>
    /// <remarks>
    /// One pass over the spans from the first date: date spans decide as they come; unlabelled spans after it count only
    /// when the first date follows the volume, and only once every date span has been read (their first bracketed year
    /// is kept until then).
    /// </remarks>
    static (int? Year, string? PageBeforeYear) YearOfDates(List<Span> spans)
    {
        var firstDate = spans.FindIndex(s => s.Label == RefLabel.Date);
        if (firstDate < 0) return (null, null);
        // After the volume, or right after the journal when the reference has no volume (chemistry: "Bull. Soc. Chim. Fr.
        // 1571 (1971)", "J. Chem. Soc. 2674 (1958)").
        var afterVolume = firstDate > 0 && (spans[firstDate - 1].Label == RefLabel.Volume
            || (YearAfterJournal && spans[firstDate - 1].Label == RefLabel.Container && !spans.Any(s => s.Label == RefLabel.Volume)));
        int? first = null, unlabelled = null;
        for (var k = firstDate; k < spans.Count; k++)
        {
            var (label, text) = spans[k];
            if (label == RefLabel.Date)
            {
                foreach (var m in YearLike().EnumerateMatches(text))
                {
                    if (Year(text.AsSpan(m.Index, m.Length), out var bracketed) is not { } year) continue;
                    if (first is null && bracketed) return (year, null);
                    if (first is null) first = year;
                    else if (bracketed) return (year, Page(first.Value));
                }
            }
            else if (label == RefLabel.Other && afterVolume && unlabelled is null)
            {
                foreach (var m in YearLike().EnumerateMatches(text))
                    if (Year(text.AsSpan(m.Index, m.Length), out var bracketed) is { } year && bracketed) { unlabelled = year; break; }
            }
        }
        if (first is null) return (null, null);
        return unlabelled is { } later ? (later, Page(first.Value)) : (first, null);
    }

    /// <summary>
    /// Springer's proceedings style closes the reference with the year in brackets after the publisher (<c>…LNCS, vol.
    /// 3000, pp. 1–10. Springer, Heidelberg (2005)</c>), which the tagger leaves unlabelled: the work had no year. With no
    /// date labelled, a bracketed year closing the reference is its year.
    /// </summary>
    static int? ClosingBracketedYear(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var last = tokens.Count - 1;
        if (last < 1 || labels[last] is not (RefLabel.Other or RefLabel.Publisher or RefLabel.Location)) return null;
        var token = tokens[last].Text.TrimEnd('.', ',', ';');
        return token.Length is 6 or 7 && token[0] == '(' && token[^1] == ')' && token.AsSpan(1, 4).IndexOfAnyExceptInRange('0', '9') < 0
            ? Year(token.AsSpan(), out _) : null;
    }

    /// <summary>Whether a bracketed year after a journal's bare page counts (<see cref="YearOfDates(List{Span})"/>): on; off only to measure it.</summary>
    internal static bool YearAfterJournal = true;

    /// <summary>The same for date texts given apart (and unlabelled texts, counted as after a volume): for tests.</summary>
    internal static (int? Year, string? PageBeforeYear) YearOfDates(IEnumerable<string> dates, IEnumerable<string>? unlabelled = null)
    {
        var spans = new List<Span>();
        if (unlabelled is not null) spans.Add(new Span(RefLabel.Volume, ""));
        spans.AddRange(dates.Select(d => new Span(RefLabel.Date, d)));
        spans.AddRange((unlabelled ?? []).Select(u => new Span(RefLabel.Other, u)));
        return YearOfDates(spans);
    }

    static string Page(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A <see cref="YearLike"/> match's year when within <see cref="RefFeatures.MinYear"/>..<see cref="RefFeatures.MaxYear"/>,
    /// and whether it stood in brackets: the four digits are the match's first digits (after "(" and spaces, if any).
    /// </summary>
    static int? Year(ReadOnlySpan<char> match, out bool bracketed)
    {
        bracketed = match[0] == '(';
        var at = 0;
        while (!char.IsDigit(match[at])) at++;
        var year = int.Parse(match.Slice(at, 4), System.Globalization.CultureInfo.InvariantCulture);
        return year is >= RefFeatures.MinYear and <= RefFeatures.MaxYear ? year : null;
    }

    // A four-digit number standing alone, maybe in brackets: "(1987)", "(1987a)", "1734,".
    [GeneratedRegex(@"(?<![\d\p{L}])(?:(?<open>\()\s*)?(?<year>\d{4})(?!\d)(?(open)[a-z]?\s*\)|)")]
    private static partial Regex YearLike();

    /// <summary>A copy of the labels with tokens <paramref name="from"/> to <paramref name="to"/> (both in) given <paramref name="label"/>.</summary>
    static RefLabel[] Relabelled(RefLabel[] labels, int from, int to, RefLabel label)
    {
        var copy = (RefLabel[])labels.Clone();
        copy.AsSpan(from, to - from + 1).Fill(label);
        return copy;
    }

    /// <summary>The first run of <paramref name="label"/>: its first and last token, or (-1, -1) when no token has it.</summary>
    static (int Start, int End) FirstRun(RefLabel[] labels, RefLabel label)
    {
        var start = Array.IndexOf(labels, label);
        if (start < 0) return (-1, -1);
        var end = start;
        while (end + 1 < labels.Length && labels[end + 1] == label) end++;
        return (start, end);
    }

    static bool EndsPerson(string token) => token[^1] is ',' or ';';

    static bool IsConjunction(string token) => RefLexicons.Conjunctions.Contains(token.ToLowerInvariant());

    // Chinese and Japanese quote titles in corner and book-title brackets: 「article」, 『book or journal』, 《book》.
    static bool IsOpeningQuote(char c) => c is '“' or '«' or '"' or '‘' or '„' or '「' or '『' or '《';

    static char ClosingQuoteOf(char opening) => opening switch
    {
        '“' => '”', '«' => '»', '‘' => '’', '„' => '“', '「' => '」', '『' => '』', '《' => '》', _ => opening,
    };

    readonly record struct Span(RefLabel Label, string Text);

    static List<Span> Spans(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var spans = new List<Span>();
        for (var i = 0; i < tokens.Count;)
        {
            var j = i;
            while (j + 1 < tokens.Count && labels[j + 1] == labels[i]) j++;
            spans.Add(new Span(labels[i], string.Join(' ', Enumerable.Range(i, j - i + 1).Select(k => tokens[k].Text))));
            i = j + 1;
        }
        return spans;
    }

    /// <summary><paramref name="cleaned"/>, which <paramref name="span"/> holds, up to the first <paramref name="bracket"/> after it.</summary>
    static string WithItsClosingBracket(string span, string cleaned, char bracket)
    {
        var at = span.IndexOf(cleaned, StringComparison.Ordinal);
        var close = at < 0 ? -1 : span.IndexOf(bracket, at + cleaned.Length);
        return close < 0 ? cleaned + bracket : span[at..(close + 1)];
    }

    /// <summary>A field's text without the punctuation, quotes and brackets that belong to the reference around it.</summary>
    public static string? Clean(string? span)
    {
        span = InlineMarkup.Strip(span);
        if (span is null) return null;
        var s = span.Trim(EndPunctuation.ToCharArray());
        if (s.EndsWith(']') || s.Contains('[')) s = DocumentTypeMark().Replace(s, "").TrimEnd(EndPunctuation.ToCharArray());
        // A closing bracket or quote is the field's own when it opened inside: "(Iranica 8)" and "Cywiriadur Cymraeg [A guide
        // to correct Welsh]" stay whole.
        // It comes back with what it closed ("[Nouv. éd.]", not "[Nouv. éd]").
        var closing = span.TrimEnd('.', ',', ';', ':', ' ', '」', '』', '》');
        if (closing.EndsWith(')') && s.Contains('(') && s.Count(ch => ch == '(') > s.Count(ch => ch == ')')) s = WithItsClosingBracket(span, s, ')');
        else if (closing.EndsWith(']') && s.Contains('[') && s.Count(ch => ch == '[') > s.Count(ch => ch == ']')) s = WithItsClosingBracket(span, s, ']');
        // So is an opening quote whose closing one is inside: ‘The rigours of an arctic experiment’: the precarious…
        var lead = span.TrimStart();
        if (s.Length > 0 && lead.Length > 0 && IsOpeningQuote(lead[0]) && !s.StartsWith(lead[0]))
        {
            var (open, close) = (lead[0], ClosingQuoteOf(lead[0]));
            // An apostrophe inside a word (Citizen’s) closes nothing.
            var closes = 0;
            for (var i = 0; i < s.Length; i++)
                if (s[i] == close && !(i > 0 && i + 1 < s.Length && char.IsLetter(s[i - 1]) && char.IsLetter(s[i + 1]))) closes++;
            var unbalanced = close == open ? closes % 2 == 1 : closes > s.Count(ch => ch == open);
            if (unbalanced) s = lead[..lead.IndexOf(s[0])] + s;
        }
        return s.Length == 0 ? null : s;
    }
}
