namespace Hqt.RefParse.Train;

/// <summary>
/// References whose author is an organisation, for the tagger to learn that shape: reports, guidelines, statistics and web
/// pages of agencies, ministries, institutes and councils (<c>National Energy Council. Annual energy outlook 2019. Oslo:
/// NEC; 2019.</c>), the references health, policy and climate writing cites most. AnyStyle's data holds about 150 of its
/// 7,925 train items so, and the tagger read a real one as a publisher and a note (<c>World Health Organization. Global
/// tuberculosis report 2020. Geneva: WHO, 2020.</c> gave no title and no author), or ran the byline into the title.
/// Each rendering takes a train item's title (or a report's title built round the item's year) and year and writes them
/// after a made-up organisation in one of the styles lists cite organisations in (Vancouver, APA, Harvard, Chicago, ABNT in
/// capitals, IEEE, MLA's web pages, a journal's guideline). Its gold is what it wrote, so the labels come from the same
/// alignment as every other item's.
/// </summary>
/// <remarks>
/// The organisations are made of parts (a place or scope, a subject, the word an organisation's name turns on), so the
/// tagger learns the shape of such names, not a list of them: none of the real bodies a reader meets most (WHO, the CDC,
/// the OECD…) is among them, and the tests' references name those. Deterministic (a seeded generator) and only added to
/// the sequences a model is fitted on, never to its lexicons, a held-out tenth or dev-test.
/// </remarks>
static class OrganisationAugmentation
{
    /// <summary>The share of the items that have a title and a year written again (421 of train's 7,925).</summary>
    public static double Share = 0.06;

    /// <summary>
    /// The share of those written with no byline at all, the title first and the organisation only as publisher
    /// (<c>Global water outlook 2019. Oslo: National Water Council; 2019.</c>), as lists write anonymous works. Meant to keep
    /// the tagger from reading any first sentence before a title as a byline; at 0.25 it measured worse on three held-out
    /// tenths of train (title 0.8793 → 0.8753, docs/benchmarks/refparse.md, sixteenth session), so none by default
    /// (<c>--organisations-title-first 0.25</c> trains it).
    /// </summary>
    public static double TitleFirstShare = 0;

    /// <summary>How many items the last <see cref="Generate"/> wrote (for the training report).</summary>
    public static int LastCount { get; private set; }

    static readonly string[] Scopes = Split("National|Federal|European|International|Global|Canadian|Scottish|Irish|Danish|Swiss|Indian|Kenyan|Nordic|Royal|State|Regional|Provincial|Municipal|African|Asian|Pacific|Northern|Western|Commonwealth|Inter-American|Pan American|Caribbean|Baltic|Andean");
    static readonly string[] Subjects = Split("Health|Energy|Water|Transport|Education|Agriculture|Fisheries|Statistics|Climate|Forestry|Housing|Labour|Trade|Science|Marine|Nuclear Safety|Food Standards|Public Health|Wildlife|Mental Health|Road Safety|Meteorology|Migration|Competition|Veterinary Medicine|Cancer Research|Heart Research|Child Welfare|Aviation|Environment|Biodiversity|Employment|Tourism|Cultural Heritage|Digital Affairs|Drug Control|Disaster Reduction|Nutrition|Ocean Sciences|Geology|Standards|Telecommunications|Workplace Safety");
    static readonly string[] Heads = Split("Agency|Institute|Council|Office|Board|Commission|Authority|Department|Ministry|Bureau|Service|Centre|Center|Foundation|Association|Society|Administration|Programme|Survey|Panel|Academy|Fund|Network|Trust|Organization|Organisation|Directorate|Observatory|Inspectorate|Secretariat");
    static readonly string[] Countries = Split("Norway|Chile|Ghana|Ireland|New Zealand|Scotland|Ontario|Victoria|Kenya|Malaysia|Portugal|Finland|Uruguay|Nepal|Iceland|Quebec|Queensland|Wales|Colombia|Estonia|Tanzania|Singapore");
    static readonly string[] ForeignNames = Split("Institut national de la santé publique|Agence nationale de sécurité sanitaire|Haut Conseil de l'environnement|Bundesamt für Umwelt|Bundesinstitut für Bildung|Ministério da Educação|Ministério do Meio Ambiente|Instituto Nacional de Estadística|Instituto Nacional de Salud Pública|Secretaría de Salud|Consejo Nacional de Ciencia|Istituto Superiore di Sanità|Agenzia Nazionale per le Politiche Attive|Rijksinstituut voor Volksgezondheid|Folkhälsomyndigheten|Observatoire régional de santé");
    static readonly string[] Places = Split("Geneva|Paris|Oslo|Ottawa|Canberra|Brussels|Rome|Nairobi|Vienna|Copenhagen|Wellington|Edinburgh|Dublin|Helsinki|Santiago|Bern|New Delhi|Washington, DC|Atlanta, GA|Bethesda, MD|London|Stockholm|Lisbon|Madrid|Berlin|Bonn|Montevideo|Kathmandu");
    static readonly string[] ReportWords = Split("report|outlook|statistics|review|bulletin|survey|fact sheet|strategy|action plan|guidelines|yearbook|assessment|indicators|monitoring report|annual report|status report|progress report|profile|data brief|technical report");
    static readonly string[] ReportOpenings = Split("Global|World|National|Annual|State of the|Regional|The state of|Key|European|Country");
    static readonly string[] Months = Split("January|February|March|April|May|June|July|August|September|October|November|December");

    static string[] Split(string words) => words.Split('|', StringSplitOptions.RemoveEmptyEntries);

    static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static List<LabelledReference> Generate(IReadOnlyList<LabelledReference> items, int seed)
    {
        var random = new Random(seed + 11);
        var made = new List<LabelledReference>();
        foreach (var item in items)
        {
            if (item.Gold.Title is not { Length: > 3 } || item.Gold.Year is not { } year) continue;
            if (random.NextDouble() >= Share) continue;
            made.Add(Render(item, year, random));
        }
        LastCount = made.Count;
        return made;
    }

    /// <summary>A made-up organisation's name as a list writes it, and the letters it is known by.</summary>
    static (string Name, string Acronym) Organisation(Random random)
    {
        var name = random.Next(12) switch
        {
            0 or 1 => $"{Pick(random, Scopes)} {Pick(random, Subjects)} {Pick(random, Heads)}",                  // National Energy Agency
            2 or 3 => $"{Pick(random, Scopes)} {Pick(random, Heads)} of {Pick(random, Subjects)}",               // Federal Office of Statistics
            4 => $"{Pick(random, Heads)} for {Pick(random, Subjects)} and {Pick(random, Subjects)}",             // Agency for Health and Nutrition
            5 => $"{Pick(random, Countries)} {Pick(random, Heads)} of {Pick(random, Subjects)}",                 // Norway Ministry of Health
            6 => $"{Pick(random, Scopes)} {Pick(random, Subjects)} and {Pick(random, Subjects)} {Pick(random, Heads)}", // National Water and Climate Service
            7 => $"{Pick(random, Heads)} of {Pick(random, Subjects)}, {Pick(random, Subjects)} and {Pick(random, Subjects)}", // Ministry of Health, Labour and Trade
            8 => Pick(random, ForeignNames),
            9 => $"{Pick(random, Subjects)} {Pick(random, Heads)} of {Pick(random, Countries)}",                 // Cancer Research Society of Ghana
            10 => $"{Pick(random, Scopes)} {Pick(random, Heads)} on {Pick(random, Subjects)}",                   // International Panel on Climate
            _ => $"{Pick(random, Countries)} {Pick(random, Subjects)} {Pick(random, Heads)}",                    // Kenya Wildlife Service
        };
        var acronym = string.Concat(name.Split(' ', '-').Where(w => w.Length > 0 && char.IsUpper(w[0])).Select(w => w[0]));
        return (name, acronym.Length >= 2 ? acronym : name.Split(' ')[0].ToUpperInvariant());
    }

    /// <summary>The item's own title, or a report's title built round the year (<c>Global water outlook 2019</c>).</summary>
    static string Title(LabelledReference item, int year, Random random)
    {
        var title = item.Gold.Title!.Trim().TrimEnd('.', ',');
        if (random.Next(5) >= 2) return title;
        var subject = Pick(random, Subjects);
        var report = $"{Pick(random, ReportOpenings)} {(random.Next(2) == 0 ? subject.ToLowerInvariant() : subject)} {Pick(random, ReportWords)}";
        return random.Next(6) switch
        {
            0 => $"{report} {year}",
            1 => $"{report} {year}: {title}",
            2 => $"{report}, {year - 1}–{year % 100:00}",
            3 => $"{report}",
            4 => $"{title}: {report.ToLowerInvariant()} {year}",
            _ => $"{report} {year - 1}",
        };
    }

    static LabelledReference Render(LabelledReference item, int year, Random random)
    {
        var (name, acronym) = Organisation(random);
        var title = Title(item, year, random);
        var place = Pick(random, Places);
        if (TitleFirstShare > 0 && random.NextDouble() < TitleFirstShare) return TitleFirst(item, title, year, name, acronym, place, random);
        // Who published it: the organisation's letters, its name again, APA's "Author", or the item's own publisher.
        var publisher = random.Next(5) switch
        {
            0 or 1 => acronym,
            2 => name,
            3 => "Author",
            _ => item.Gold.Publisher ?? acronym,
        };
        // The byline: the name; in capitals; with its letters in brackets (the data labels them the author's too); under a
        // country, as ABNT writes a ministry (BRASIL. Ministério da Saúde.).
        var (byline, author) = random.Next(10) switch
        {
            0 => (name.ToUpperInvariant(), name.ToUpperInvariant()),
            1 => ($"{name} ({acronym})", $"{name} {acronym}"),
            2 when Pick(random, Countries) is var country => ($"{country}. {name}", $"{country} {name}"),
            _ => (name, name),
        };
        string? container = null, volume = null, issue = null, pages = null, url = null, location = place;
        string text;
        switch (random.Next(9))
        {
            case 0 or 1:   // Vancouver: World Health Organization. Title. Geneva: WHO; 2020.
                text = $"{byline}. {title}. {place}: {publisher}; {year}.";
                break;
            case 2 when random.Next(2) == 0:   // APA: Name. (2020). Title. Publisher.
                location = null;
                text = $"{byline}. ({year}). {title}. {publisher}.";
                break;
            case 2:   // APA with the place: Name (2020). Title. Place: Publisher.
                text = $"{byline} ({year}). {title}. {place}: {publisher}.";
                break;
            case 3:   // Harvard and Chicago: Name (2020) Title. Place: Publisher. / Name. 2020. Title. Place: Publisher.
                text = random.Next(2) == 0 ? $"{byline} ({year}) {title}. {place}: {publisher}." : $"{byline}. {year}. {title}. {place}: {publisher}.";
                break;
            case 4:   // ABNT: NAME. Title. Place: Publisher, 2020.
                byline = byline.ToUpperInvariant();
                author = author.ToUpperInvariant();
                text = $"{byline}. {title}. {place}: {publisher}, {year}.";
                break;
            case 5:   // IEEE: [3] Name, "Title," ACR, Place, 2020.
                publisher = acronym;
                text = $"[{random.Next(1, 80)}] {byline}, \"{title},\" {acronym}, {place}, {year}.";
                break;
            case 6:   // A web page: Name. "Title." Accessed May 3, 2021. https://…
                publisher = null;
                location = null;
                url = $"https://www.{acronym.ToLowerInvariant()}.{(random.Next(3) == 0 ? "int" : "org")}/{title.Split(' ')[0].ToLowerInvariant().Trim(',', ':', '"')}/{random.Next(100, 9999)}";
                text = random.Next(2) == 0
                    ? $"{byline}. \"{title}.\" Last modified {Pick(random, Months)} {random.Next(1, 29)}, {year}. Accessed {Pick(random, Months)} {random.Next(1, 29)}, {year + 1}. {url}."
                    : $"{byline}. ({year}). {title}. Retrieved from {url}";
                break;
            case 7 when item.Gold is { Container: { Length: > 2 } journal, Volume: { } v, Pages: { } p }:   // a guideline in a journal
                (container, volume, pages, publisher, location) = (journal, v, p, null, null);
                issue = item.Gold.Issue;
                text = $"{byline}. {title}. {journal}. {year};{v}{(issue is null ? "" : $"({issue})")}:{p}.";
                break;
            default:   // A numbered list: 7. Name. Title. Place: ACR; 2020.
                publisher = acronym;
                text = $"{random.Next(1, 60)}. {byline}. {title}. {place}: {acronym}; {year}.";
                break;
        }
        var gold = new Gold([author], [], title, year, container, volume, issue, pages, publisher, location, null, url, null);
        return new LabelledReference(item.Id + "-org", item.Split, text, gold);
    }

    /// <summary>An anonymous work: the title first, the organisation its publisher (Vancouver, APA, MLA's web page).</summary>
    static LabelledReference TitleFirst(LabelledReference item, string title, int year, string name, string acronym, string place, Random random)
    {
        var publisher = random.Next(2) == 0 ? name : acronym;
        string? location = place, url = null;
        string text;
        switch (random.Next(3))
        {
            case 0:
                text = $"{title}. {place}: {publisher}; {year}.";
                break;
            case 1:
                location = null;
                text = $"{title}. ({year}). {publisher}.";
                break;
            default:
                location = null;
                url = $"https://www.{acronym.ToLowerInvariant()}.org/{random.Next(100, 9999)}";
                text = $"\"{title}.\" {publisher}, {random.Next(1, 29)} {Pick(random, Months)[..3]}. {year}, {url}.";
                break;
        }
        var gold = new Gold([], [], title, year, null, null, null, null, publisher, location, null, url, null);
        return new LabelledReference(item.Id + "-org", item.Split, text, gold);
    }
}
