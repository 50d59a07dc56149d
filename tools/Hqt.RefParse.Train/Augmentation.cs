using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hqt.RefParse.Train;

/// <summary>
/// Physics-style journal references made from train items, most of them without a title, for the styles AnyStyle's data has few of (physics, astronomy,
/// chemistry: <c>A. B. Smith and C. Jones, Phys. Rev. D 76, 056001 (2007)</c>, <c>Hirano S., Hosokawa T., 2015, MNRAS,
/// 448, 568</c>, <c>J. P. COLLMAN et J. L. SESSLER. J. Am. Chem. Soc. 103, 2450 (1981).</c>). Each item that has
/// authors, a journal, a numeric volume, pages and a year is written again, about one in two, without its title, in one
/// of those styles (half of them keeping the item's title, see <see cref="TitledShare"/>); its gold is the item's own fields (the family names, the abbreviated journal as written, the volume,
/// the pages as written, the year), so the labels come from the same alignment as every other item's.
/// </summary>
/// <remarks>
/// Deterministic (a seeded generator over the items in their given order) and applied to the sequences a model is fitted
/// on only: never to a held-out tenth or dev-test. Given names are not in the gold (AnyStyle's gold keeps family names),
/// so they are taken from the text when an initial or a given name sits beside the family name, else made up as initials.
/// </remarks>
static partial class Augmentation
{
    /// <summary>The share of eligible items written again.</summary>
    public static double Share = 0.5;

    /// <summary>
    /// The share of the renderings that keep the item's title (<c>Smith A., 2015, Title, MNRAS, 448, 568</c>): without
    /// them the tagger learns that what follows a byline in these styles is always the journal, and takes real titles
    /// for containers (tenth 0 of train: title 0.861 → 0.852 with every rendering title-less).
    /// </summary>
    public static double TitledShare = 0.5;

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^([A-Za-z]?\d+[A-Za-z]?)(?:\s*[-–—]+\s*([A-Za-z]?\d+[A-Za-z]?))?")]
    private static partial Regex PageRange();

    // ISO 4-style abbreviations of the words journal names are made of; other long words are cut by AbbreviateWord.
    static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["journal"] = "J.", ["review"] = "Rev.", ["reviews"] = "Rev.", ["letters"] = "Lett.", ["physics"] = "Phys.", ["physical"] = "Phys.",
        ["chemistry"] = "Chem.", ["chemical"] = "Chem.", ["science"] = "Sci.", ["sciences"] = "Sci.", ["society"] = "Soc.",
        ["american"] = "Am.", ["international"] = "Int.", ["research"] = "Res.", ["national"] = "Natl.", ["academy"] = "Acad.",
        ["proceedings"] = "Proc.", ["transactions"] = "Trans.", ["annals"] = "Ann.", ["annual"] = "Annu.", ["applied"] = "Appl.",
        ["biology"] = "Biol.", ["biological"] = "Biol.", ["medicine"] = "Med.", ["medical"] = "Med.", ["clinical"] = "Clin.",
        ["nuclear"] = "Nucl.", ["instruments"] = "Instrum.", ["methods"] = "Methods", ["astronomy"] = "Astron.", ["astrophysics"] = "Astrophys.",
        ["astrophysical"] = "Astrophys.", ["mathematics"] = "Math.", ["mathematical"] = "Math.", ["engineering"] = "Eng.",
        ["european"] = "Eur.", ["british"] = "Br.", ["canadian"] = "Can.", ["modern"] = "Mod.", ["theoretical"] = "Theor.",
        ["experimental"] = "Exp.", ["communications"] = "Commun.", ["molecular"] = "Mol.", ["organic"] = "Org.", ["inorganic"] = "Inorg.",
        ["environmental"] = "Environ.", ["psychology"] = "Psychol.", ["economic"] = "Econ.", ["economics"] = "Econ.", ["quarterly"] = "Q.",
        ["bulletin"] = "Bull.", ["materials"] = "Mater.", ["technology"] = "Technol.", ["geophysical"] = "Geophys.", ["statistics"] = "Stat.",
        ["statistical"] = "Stat.", ["association"] = "Assoc.", ["university"] = "Univ.", ["advances"] = "Adv.", ["nature"] = "Nature",
        ["science,"] = "Sci.", ["computer"] = "Comput.", ["computing"] = "Comput.", ["systems"] = "Syst.", ["letter"] = "Lett.",
    };

    static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "the", "of", "and", "for", "in", "on", "&", "de", "la", "der", "und", "des", "du" };

    // How the last name is joined to the others: English and the other languages' "and" (the French lists are where the
    // GROBID check found them), or nothing.
    static readonly string[] Joins = [" and ", ", and ", " & ", ", ", " et ", " and ", " & ", " et ", " und ", " y ", " e ", " i "];

    /// <summary>How many items the last <see cref="Generate"/> wrote (for the training report).</summary>
    public static int LastCount { get; private set; }

    public static List<LabelledReference> Generate(IReadOnlyList<LabelledReference> items, int seed)
    {
        var random = new Random(seed);
        var made = new List<LabelledReference>();
        foreach (var item in items)
        {
            var g = item.Gold;
            if (g.Authors.Count == 0 || g.Container is not { Length: > 1 } container || g.Volume is not { } volume || !Numeric().IsMatch(volume)
                || g.Pages is not { } pages || PageRange().Match(pages) is not { Success: true } range || g.Year is not { } year) continue;
            if (g.Authors.Any(a => a.Length < 2 || !a.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '’'))) continue;
            if (random.NextDouble() >= Share) continue;
            made.Add(Render(item, container, volume, range, year, random, g.Title is { Length: > 0 } t && random.NextDouble() < TitledShare ? t : null));
        }
        LastCount = made.Count;
        return made;
    }

    static LabelledReference Render(LabelledReference item, string container, string volume, Match range, int year, Random random, string? title)
    {
        var g = item.Gold;
        var style = random.Next(7);
        var capitals = style == 3 && random.Next(2) == 0;   // the French chemistry lists: J. P. COLLMAN
        var nameForm = style switch
        {
            2 => random.Next(3) == 0 ? 2 : 3,                // astronomy: Hirano S., / Hirano, S.
            4 => 3,                                          // IOP: Aasi J,
            _ => random.Next(4) switch { 0 => 2, 1 => 1, _ => 0 },
        };
        var (names, authors) = Names(item, g.Authors, nameForm, capitals, random);
        var journal = Journal(container, random);
        var first = range.Groups[1].Value;
        var pages = range.Groups[2].Success && random.Next(3) == 0 ? $"{first}{(random.Next(2) == 0 ? "-" : "–")}{range.Groups[2].Value}" : first;
        // A kept title sits between the byline (and, in the author-year styles, the year) and the journal, as these styles
        // print it: quoted in APS/AIP, plain elsewhere.
        var t = title is null ? "" : style == 0 && random.Next(2) == 0 ? $" “{title.TrimEnd('.')},”" : $" {title.TrimEnd('.')}{(style is 3 or 6 ? "." : ",")}";
        if (style == 4 && title is not null) t = $" {title.TrimEnd('.')}";
        var text = style switch
        {
            0 => $"{names},{t} {journal} {volume}, {pages} ({year}).",                      // APS, AIP
            1 => $"{names},{t} {journal} {volume} ({year}) {pages}.",                       // Elsevier physics
            2 => $"{names}, {year},{t} {journal}, {volume}, {pages}",                       // MNRAS, ApJ, A&A
            3 => $"{names}.{t} {journal} {volume}, {pages} ({year}).",                      // chemistry
            4 => $"{names} {year}{t} {journal} {volume} {pages}",                           // IOP
            5 => $"{names},{t} {journal} {year}, {volume}, {pages}.",                       // ACS
            _ => $"{names}.{t} {journal} {pages} ({year}).",                                // chemistry letters: a page, no volume
        };
        text = text.Replace("..", ".");   // a byline ending in an initial or "et al." before ". Journal"
        if (random.Next(5) == 0) text = $"[{random.Next(1, 80)}] " + text;
        var gold = new Gold(authors, [], title?.TrimEnd('.'), year, journal.TrimEnd(','), style == 6 ? null : volume, null, pages, null, null, null, null, null);
        return new LabelledReference(item.Id + "-aug", item.Split, text, gold);
    }

    /// <summary>The byline in one of the forms: 0 <c>A. B. Smith</c>, 1 <c>A.B. Smith</c>, 2 <c>Smith A. B.</c>, 3 <c>Smith, A. B.</c>.</summary>
    static (string Text, List<string> Families) Names(LabelledReference item, List<string> families, int form, bool capitals, Random random)
    {
        var etAl = families.Count > 6 || (families.Count > 2 && random.Next(6) == 0);
        var kept = etAl ? families.Take(random.Next(3) == 0 ? 3 : 1).ToList() : families;
        var parts = kept.Select(f =>
        {
            var initials = Initials(item.Text, f, random);
            var family = capitals ? f.ToUpper(CultureInfo.InvariantCulture) : f;
            var spaced = string.Join(' ', initials.Select(c => c + "."));
            return form switch
            {
                0 => $"{spaced} {family}",
                1 => $"{string.Concat(initials.Select(c => c + "."))} {family}",
                2 => $"{family} {spaced}",
                _ => $"{family}, {spaced}",
            };
        }).ToList();
        string text;
        if (etAl) text = string.Join(", ", parts) + (random.Next(2) == 0 ? " et al." : ", et al.");
        else if (parts.Count == 1) text = parts[0];
        else
        {
            var join = Joins[random.Next(Joins.Length)];
            text = string.Join(", ", parts.Take(parts.Count - 1)) + join + parts[^1];
        }
        return (text, kept.ToList());
    }

    /// <summary>The initials written beside the family name in the item's text ("Smith, J. A." or "John A. Smith"), else one or two made up.</summary>
    static List<char> Initials(string text, string family, Random random)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!tokens[i].TrimStart('(', '[').StartsWith(family, StringComparison.Ordinal)) continue;
            var found = new List<char>();
            // After "Smith," (to the next comma: "Smith, J. A., Jones") or "Smith JA" (Vancouver), else before: "John A. Smith".
            if (tokens[i].EndsWith(','))
                for (var k = i + 1; k < tokens.Length && k <= i + 2 && IsGiven(tokens[k]); k++)
                {
                    found.AddRange(InitialsOf(tokens[k]));
                    if (tokens[k].EndsWith(',') || tokens[k].EndsWith(';')) break;
                }
            else if (i + 1 < tokens.Length && tokens[i + 1].TrimEnd(',', '.', ';') is { Length: >= 1 and <= 3 } v && v.All(char.IsUpper))
                found.AddRange(v);
            if (found.Count == 0)
                for (var k = Math.Max(0, i - 2); k < i; k++)
                    if (IsGiven(tokens[k]) && !tokens[k].EndsWith(',') && !tokens[k].EndsWith(';')) found.AddRange(InitialsOf(tokens[k])); else found.Clear();
            if (found.Count > 0) return found.Take(3).ToList();
            break;
        }
        var made = new List<char> { (char)('A' + random.Next(26)) };
        if (random.Next(2) == 0) made.Add((char)('A' + random.Next(26)));
        return made;
    }

    static bool IsGiven(string token)
    {
        var t = token.TrimEnd(',', ';', '.');
        return t.Length > 0 && char.IsUpper(t[0]) && t.All(c => char.IsLetter(c) || c is '.' or '-');
    }

    static IEnumerable<char> InitialsOf(string token)
    {
        var t = token.TrimEnd(',', ';');
        // "J.A." or "JA" (Vancouver) give each capital; a given name gives its first letter.
        if (t.Contains('.') || t.All(char.IsUpper)) return t.Where(char.IsUpper);
        return [t[0]];
    }

    /// <summary>The journal as physics and chemistry lists write it: ISO 4 abbreviations (mostly), the full name, or its acronym.</summary>
    static string Journal(string container, Random random)
    {
        var words = container.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var roll = random.Next(10);
        if (roll == 0 || words.Length == 1) return container;
        var content = words.Where(w => !Dropped.Contains(w)).ToList();
        if (roll == 1 && content.Count is >= 2 and <= 6 && content.All(w => char.IsLetter(w[0])))
            return string.Concat(content.Select(w => char.ToUpperInvariant(w[0])));   // MNRAS, JACS
        return Abbreviate(content);
    }

    /// <summary>The journal's ISO 4-like abbreviation (<c>Journal of Physical Chemistry</c> → <c>J. Phys. Chem.</c>).</summary>
    public static string Abbreviate(string container) =>
        Abbreviate(container.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Dropped.Contains(w)));

    static string Abbreviate(IEnumerable<string> content)
    {
        var b = new StringBuilder();
        foreach (var w in content)
        {
            if (b.Length > 0) b.Append(' ');
            b.Append(AbbreviateWord(w));
        }
        return b.ToString();
    }

    static string AbbreviateWord(string word)
    {
        var w = word.TrimEnd(',', ':', ';');
        if (Words.TryGetValue(w, out var known)) return known;
        if (w.EndsWith('.') || w.Length <= 5 || !w.All(char.IsLetter) || !char.IsUpper(w[0])) return w;
        // First letter, then up to and including the first consonants after the first vowels: Biological → Biol.
        static bool Vowel(char c) => "aeiouyAEIOUY".Contains(c);
        var i = 1;
        while (i < w.Length && !Vowel(w[i])) i++;
        while (i < w.Length && Vowel(w[i])) i++;
        var start = i;
        while (i < w.Length && !Vowel(w[i])) i++;
        if (i == start || i >= w.Length - 1) return w;
        return w[..i] + ".";
    }
}
