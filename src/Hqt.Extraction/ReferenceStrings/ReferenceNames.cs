using System.Text.RegularExpressions;
using Hqt.Names;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Splits the text the tagger labelled author (or editor) into people: <c>Last, F.</c>, <c>Last, First</c> (one
/// person), <c>F. Last</c>, <c>First Last</c>, Vancouver <c>Last FM</c>, all-capital <c>LAST F.</c>, joined by
/// commas, <c>and</c>, <c>&amp;</c>, <c>;</c>; particles stay with the family name (<c>de la Macorra</c>), suffixes
/// are dropped, <c>et al.</c> is a flag and editor marks (<c>(eds.)</c>, <c>edited by</c>) are no one.
/// </summary>
/// <remarks>
/// The one place a labelled name span becomes people. This class only finds where one person ends and the next begins
/// (commas, conjunctions, Vancouver runs); each person's given/family split, the suffixes and the organisation test
/// are the shared person-name model's (<see cref="PersonName"/>, project Hqt.Names).
/// </remarks>
public static partial class ReferenceNames
{
    // Vancouver initials may close their person with a period ("Goss DL. Moore JH."): "DL." is initials like "DL".
    // Dotted initials in any script ("Е.Д.", "Ş.", "Ł. K.") as "S." is; an undotted run only in ASCII ("DL"), since a short
    // capital family name with a letter beyond it ("N. V. HAÏ") is no run of initials.
    [GeneratedRegex(@"^(?:(?:\p{Lu}|\p{Lu}\p{Ll})\.(?:-?(?:\p{Lu}|\p{Lu}\p{Ll})\.)*-?(?:\p{Lu}\.?)?|[A-Z]{1,3}\.?|\p{Lu}(?:-\p{Lu})+\.?)$")]
    private static partial Regex Initial();

    // "and others" and "& Others" (Nature's "Organization, W. H. & Others.") are "et al."; Chinese 等 and Japanese ほか / 他
    // after the names are too: standing alone (王小明, 李华, 等.), or 等 and ほか
    // glued to the last name at the span's end (鈴木一郎ほか). So is APA's elision of a long byline, an ellipsis standing
    // alone before the last name ("Reinke, C., … Elgin, S. C. R."): people are left out, and "… Elgin" is no one's family
    // name.
    [GeneratedRegex(@"(?:\bet\.?\s*al\b\.?|(?:\band|&)\s+others\b|\bu\.\s*a\.|\bet\s+coll\b\.?|\[\s*(?:et\.?\s*al\.?|and\s+others|u\.\s*a\.?|…|\.\.\.)\s*\]|(?<!\p{L})(?:等|ほか|他)(?!\p{L})|(?:等|ほか)(?=[\s.,]*$)|(?<![^\s,])(?:…|\.\.\.)(?=\s+\S))", RegexOptions.IgnoreCase)]
    private static partial Regex EtAl();

    [GeneratedRegex(@"\s*(?:;|&|/|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bwith\b|\bmit\b|\bи\b)\s*")]
    private static partial Regex Conjunction();

    // An editors' mark in brackets: "(eds.)", "(Hg.)", "(Hgg.)", "(dir.)". The names step drops it from a span; the assembler
    // reads a token that is one, closing its clause, as the end of a byline the tagger ran into the title.
    const string EditorsMarkInBrackets = @"\(\s*(?:eds?|editors?|hrsg|hgg?|dir|éds?|coords?|comps?|orgs?|trans|transl|red)\s*\.?\s*\)";

    [GeneratedRegex(EditorsMarkInBrackets
        + @"|(?:^|(?<=[\s,;(]))(?:eds?\.|eds\b|editors?\b|edited\s+by|ed\.\s*by|edited|hrsg\.?\s*(?:v\.|von)?|hg\.?\s*(?:v\.|von)?|"
        + @"herausgegeben\s+von|éds?\.|dir\.|coord\.|comp\.|trans\.|translated\s+by|transl\.|red\.|under\s+the\s+direction\s+of|\(?a\s+cura(?:\s+di)?\)?|"
        + @"sous\s+la\s+direction\s+de)(?=[\s,;:).]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex EditorMark();

    // A leading "In" opens an editors' span ("In P. Alvarez & R. Chen (Eds.)"), unless it is a family name: Korean "In"
    // before its Vancouver initials ("In JH, Kim S"), or before a comma.
    [GeneratedRegex(@"^(?:\s*(?:\[\d+\]|\d+[.)]?|[-\u2010-\u2015*•]+|by\b|von\b|in\s*:|in\b(?!\s*,)(?!\s+(?-i:[A-Z]{1,3})(?:[,;]|$))))+\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingNoise();

    // Markup, years, footnote marks; a role in brackets after a name (APA's "Harris, S. (Host)", "(Director)"), which made a
    // person "S. Host"; and any other square bracket (APA's handle after a name, "Hinton, G. [Geoffrey Hinton]", read as
    // "et al." when every bracket was): "[et al.]" and "[…]" are the EtAl pattern's.
    [GeneratedRegex(@"<[^>]*>?|\(?\b(?:1[5-9]|20)\d\d[a-z]?\b\)?|[*†‡§¶#]+"
        + @"|\(\s*(?i:hosts?|directors?|producers?|executive\s+producers?|writers?|narrators?|speakers?|presenters?|photographers?|composers?|performers?|interviewers?|creators?|artists?|illustrators?)\s*\)"
        + @"|\[(?!\s*(?:et\.?\s*al|and\s+others|u\.\s*a|…|\.\.\.))[^\]]*\]")]
    private static partial Regex Noise();

    [GeneratedRegex(@"(?<=[a-z\u00e0-\u024f])\.(?=[A-Z])")]
    private static partial Regex GluedInitial();

    // ISO 690's stop between people in a byline that writes the family name first in capitals: a given name's full stop,
    // then the next family name with its comma ("LANGENFELD, Solange. MERKLING, Jacky."). After an initial the same shape
    // is also the Czech style's next person written given name first ("GENOVESE, Mark C., Gregory S. CAMERON, …"): an
    // initial's stop ends a person only in a byline that writes everyone so (the next pattern).
    [GeneratedRegex(@"(?<=\p{Ll}{2}\.)\s+(?=\p{Lu}[\p{Lu}'’-]+,)")]
    private static partial Regex StopBetweenPeople();

    [GeneratedRegex(@"^\p{Lu}[\p{Lu}'’-]+,")]
    private static partial Regex FamilyInCapitalsFirst();

    // The same stop after a person's initials, in a byline of people all written family name, comma, initials, stop
    // ("Ferguson, JN. Aldag, JM. Insel, TR.", "Smith, J. A. Jones, K."). The same marks elsewhere are other styles':
    // "G. Nowak, B. Szewczyk" (initials first), "Erisman, A. Bleeker, A. Hensen, and A. Vermeulen" and "Choudhury, G.
    // Sayeed, Cynthia Requardt" (the first person inverted, the others not), "FRIDMAN, J. S., P. A. SCHERLE" (a comma
    // after the initials).
    [GeneratedRegex(@"(?<=,\s?(?:\p{Lu}\.?[\s-]?){1,3}\.)\s+(?=\p{Lu}[\p{L}'’-]+,\s?(?:\p{Lu}\.?-?){1,3}(?:[\s,;.]|$))")]
    private static partial Regex InitialsStopBetweenPeople();

    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}'’-]+,\s?(?:\p{Lu}\.?[\s-]?){1,3}\.\s+(?:(?:and|&|et|und)\s+)?)+\p{Lu}[\p{L}'’-]+,\s?(?:\p{Lu}\.?[\s-]?){1,3}\.?\s*$")]
    private static partial Regex EveryoneFamilyInitialsStop();

    [GeneratedRegex("^" + EditorsMarkInBrackets + "[.,:]$", RegexOptions.IgnoreCase)]
    private static partial Regex EditorsMarkClosingAClause();

    /// <summary>A token that is an editors' mark in brackets closing its clause: "(Hg.),", "(eds).".</summary>
    internal static bool IsAnEditorsMarkClosingAClause(string token) => EditorsMarkClosingAClause().IsMatch(token);

    // French lists write the initials in brackets after the family name, which they close: "Serneels (V.), Folletete (Chr.)"
    // is "Serneels, V.; Folletete, Chr.", and so is "Prost (B.) Bougenot (S.)" without its comma.
    const string InitialsInBrackets = @"\((?<initials>(?:\p{Lu}\p{Ll}{0,2}\.[-–]?\s?)+)\)";

    [GeneratedRegex(@"(?<=\p{L})\s*" + InitialsInBrackets)]
    private static partial Regex BracketedInitials();

    [GeneratedRegex("^" + InitialsInBrackets + "[.,]$")]
    private static partial Regex InitialsInBracketsClosingAClause();

    /// <summary>A token that is a person's initials in brackets closing its clause: "(V.),", "(J.-P.).".</summary>
    internal static bool AreInitialsInBracketsClosingAClause(string token) => InitialsInBracketsClosingAClause().IsMatch(token);

    // The patterns below were static Regex.X(text, pattern) calls: the same patterns, compiled once instead of looked up
    // in the regex cache and interpreted on every call.
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[\u2014\u2013\-_ .]{2,}$")]
    private static partial Regex DashesOnly();

    [GeneratedRegex(@"^\d+(?:st|nd|rd|th)$")]
    private static partial Regex OrdinalNumber();

    [GeneratedRegex("[WP]+I+")]
    private static partial Regex VancouverRun();

    [GeneratedRegex("^(?:I+[PW]+){2,}$")]
    private static partial Regex InitialsFirstRuns();

    [GeneratedRegex("W+")]
    private static partial Regex WordRun();

    [GeneratedRegex("I+P*W")]
    private static partial Regex InitialsFirstPerson();

    /// <summary>The people in one labelled span, in order, and whether it said "et al.".</summary>
    public static List<ParsedPerson> Split(string span, out bool etAl)
    {
        (t_classes ??= new(StringComparer.Ordinal)).Clear();
        var s = span.Normalize(System.Text.NormalizationForm.FormKC);
        s = Noise().Replace(s, " ");
        s = EditorMark().Replace(s, " , ");
        s = BracketedInitials().Replace(s, ", ${initials};");
        etAl = EtAl().IsMatch(s);
        if (etAl) s = EtAl().Replace(s, " ");
        s = Spaces().Replace(s, " ").Trim();
        s = LeadingNoise().Replace(s, "");
        if (DashesOnly().IsMatch(s)) return [];
        s = GluedInitial().Replace(s, ". ");
        // A byline in the possessive before the title ("Leslie Lamport's “Time, Clocks…”") names the writer.
        if (s.EndsWith("'s", StringComparison.Ordinal) || s.EndsWith("’s", StringComparison.Ordinal)) s = s[..^2];
        if (FamilyInCapitalsFirst().IsMatch(s)) s = StopBetweenPeople().Replace(s, "; ");
        if (EveryoneFamilyInitialsStop().IsMatch(s)) s = InitialsStopBetweenPeople().Replace(s, "; ");
        s = s.Replace(",", ", ");
        if (s.Contains(" y ") || s.Contains(" e ") || s.Contains(" i ")) s = CompoundFamilyName().Replace(s, "$1" + Joined + "$2" + Joined);
        if (IsOneOrganisation(s)) return [new ParsedPerson(null, AsWritten(s).Replace(Joined, ' '))];

        var people = new List<ParsedPerson>();
        foreach (var chunk in Conjunction().Split(s))
        {
            var parts = chunk.Split(',').Select(TrimPart).Where(p => p.Length > 0 && p.Any(char.IsLetter)).ToList();
            for (var i = 0; i < parts.Count; i++)
            {
                var words = parts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.All(w => ClassOf(w) == 'S')) continue;
                if (i + 1 < parts.Count && (IsSurnameOnly(words) || IsShortCapitalSurname(words, parts[i + 1]))
                    && (IsGivenLike(parts[i + 1]) || i == 0 && parts.Count == 2 && words.Length == 1 && IsInitialsThenTheNameUsed(parts[1]))
                    && !(WordCount(words) >= 2 && WordCount(parts[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries)) >= 2))
                {
                    var givenWords = parts[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => ClassOf(w) != 'S').ToList();
                    // Brazil's ABNT writes a family name's particle after the initials: "SILVA, J. P. da" is J. P. da Silva.
                    var particles = new List<string>();
                    while (givenWords.Count > 1 && ClassOf(givenWords[^1]) == 'P') { particles.Insert(0, givenWords[^1]); givenWords.RemoveAt(givenWords.Count - 1); }
                    var given = JoinGiven(givenWords);
                    // Saint's abbreviation keeps its period ("St. John"); every other word of the family name is written bare.
                    var family = IsSaintAbbreviated(words[0]) && words.Length > 1 ? $"{Clean(words[0])}. {Join(words.Skip(1))}" : Join(words);
                    // Written in capitals, the family name is written as a reader writes it ("SILVA" → "Silva") before its particle joins it.
                    if (particles.Count > 0 && PersonName.TryParse($"{family}, {given}", out var named) && named.Family.Equals(family, StringComparison.OrdinalIgnoreCase))
                        family = named.Family;
                    people.Add(new ParsedPerson(given.Length > 0 ? given : null, particles.Count > 0 ? $"{Join(particles)} {family}" : family));
                    i++;
                    continue;
                }
                people.AddRange(InPart(words));
            }
        }
        return people.Select(p => p.Family.Contains(Joined) ? p with { Family = p.Family.Replace(Joined, ' ') } : Resolve(p))
            .Where(p => p.Family.Any(char.IsLetter) && CanBeAPerson(p)).ToList();
    }

    // Spanish, Portuguese and Catalan family names join their two parts with "y", "e" or "i" (Ortega y Gasset, J.; Ramón y
    // Cajal, S.; Sousa e Silva, M.): a conjunction to the splitting below, which made "Ortega" and "J. Gasset" of one man.
    // A lone capitalised word opening a person (at the span's start, after a semicolon or after the initials closing the
    // one before), then the conjunction, then a word with its comma and given name, is one family name; its words are held
    // together until the people are found by an undertie (‿), a connector that regex word boundaries, unlike a space or a
    // word joiner, do not cut. "López, Juan y Pérez, María" is two people: "Juan" closes one.
    [GeneratedRegex(@"(?<=^|;\s*|\p{Lu}\.,\s+)(\p{Lu}[\p{Ll}'’-]+) (y|e|i) (?=\p{Lu}[\p{Ll}'’-]+,\s*\p{Lu})")]
    private static partial Regex CompoundFamilyName();

    const char Joined = '\u203F';

    // A person written in Han or kana is no longer than a name (a headline the tagger took for a byline is), unless it
    // is an organisation (国务院发展研究中心).
    static bool CanBeAPerson(ParsedPerson p) =>
        (!(CjkText.HasHanOrKana(p.Family) || CjkText.HasHanOrKana(p.Given))
        || CjkText.CanBeAName(p.Given + p.Family) || (p.Given is null && CjkText.IsOrganization(p.Family)))
        && (OpensLikeAFamilyName(p.Family) || p.Given is null && PersonName.IsOrganization(p.Family))
        && !IsATitleReadAsAnOrganisation(p)
        && !(p.Given is not null && $"{p.Given} {p.Family}".Split(' ').Any(NoNameWords.Contains));

    // Words a title opens with and no person's name holds: an author-less book's title read as its byline ("Our Global
    // Neighborhood. Commission on Global Governance.") is no "Neighborhood, Our Global". Only for a split person, and not
    // "The": a band or an organisation is filed under its name with the article after it ("Beatles, The").
    static readonly HashSet<string> NoNameWords = new(StringComparer.Ordinal)
    {
        "Our", "My", "Your", "Their", "Its", "This", "These", "Those", "What", "How", "Why", "Which",
    };

    /// <summary>
    /// More than six words joined by "of", "for", "the" and no word only organisations carry is a title the tagger took for
    /// a byline (<c>Technical Guidance Manual for the Implementation of the Hawaii State Contingency Plan</c>), not an
    /// author: an organisation's name that long says what it is (Organization, Agency, Council, Institute…).
    /// </summary>
    static bool IsATitleReadAsAnOrganisation(ParsedPerson p)
    {
        if (p.Given is not null) return false;
        var words = p.Family.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 6 && !PersonName.HasOrganizationWord(words);
    }

    /// <summary>
    /// A family name opens with a capital unless a particle opens it (<c>de la Macorra</c>, <c>d’Izernore</c>,
    /// <c>al-Rushayd</c>): one in lower case is a word the tagger took for a name (<c>director</c>, <c>préface</c>,
    /// <c>forthcoming</c>, <c>drinking</c>, <c>mRNA</c>). The rare author who writes her name in lower case (bell hooks) is
    /// written "hooks, b." in lists too and is lost with them; against that, each such word became a person in the library.
    /// </summary>
    static bool OpensLikeAFamilyName(string family)
    {
        if (family.Length == 0 || !char.IsLower(family[0])) return true;
        var first = family.Split(' ')[0];
        var cut = first.IndexOfAny(['\'', '’', '-']);
        return ClassOf(first) is 'P' or 'p' || cut > 0 && RefLexicons.Particles.Contains(first[..cut]) || cut is 1;
    }

    /// <summary>
    /// One person through the shared name model, given the split this class found: its particle and suffix handling
    /// refine the given/family split when it reads the same family name. When it reads the text as no one, or as someone
    /// else, the span's own split stands: it knows which names a reference list holds (a lone surname, "Irvin JD",
    /// Cyrillic initials after the name) that a name in isolation cannot tell. Corporate authors stay whole.
    /// </summary>
    static ParsedPerson Resolve(ParsedPerson found)
    {
        if (found.Given is null) return found;
        var initials = found.Given.All(c => char.IsUpper(c) || c is '.' or '-' or ' ');
        var text = initials ? $"{found.Given} {found.Family}" : $"{found.Family}, {found.Given}";
        if (!PersonName.TryParse(text, out var name)) return found;
        var same = SameLetters(name.FamilyWithParticle, found.Family) || (!found.Family.Contains(' ') && SameLetters(name.Family, found.Family));
        if (!same) return found;
        var given = name.Suffix is null ? name.Given : $"{name.Given} {name.Suffix}".Trim();
        return new ParsedPerson(given.Length == 0 ? null : given, name.FamilyWithParticle);
    }

    // Case-blind, and blind to Turkish İ too, which the model writes as i ("SHİNER" is Shiner) and ordinal comparison
    // keeps apart from I.
    static bool SameLetters(string a, string b) => a.Replace('\u0130', 'I').Equals(b.Replace('\u0130', 'I'), StringComparison.OrdinalIgnoreCase);

    internal static bool DropUnnamed = Environment.GetEnvironmentVariable("HQT_REFNAMES_KEEP") is null;

    /// <summary>A comma-separated part without its end punctuation, but with the period of a final initial ("Pohl, H.").</summary>
    static string TrimPart(string part)
    {
        var p = part.Trim(' ', ':').TrimStart('.').Trim();
        var keep = p.Length >= 2 && p[^1] == '.' && char.IsUpper(p[^2]) && (p.Length == 2 || p[^3] is ' ' or '.' or '-');
        // A lone two-letter initial ("Fl.", "Ch."): the given name of "Bonhomme (Fl.)".
        var twoLetters = p.Length == 3 && char.IsUpper(p[0]) && char.IsLower(p[1]) && p[2] == '.';
        return keep || twoLetters || EndsWithTwoLetterInitial(p) ? p : p.TrimEnd('.', ' ');
    }

    /// <summary>
    /// "Ivanov A. Yu.", "Kats Ya. G.": a two-letter initial ("Yu." for Ю, "Ch." for Ч) closing a part after a dotted
    /// initial keeps its period, so it stays an initial and the family name stays the word before them.
    /// </summary>
    static bool EndsWithTwoLetterInitial(string p) =>
        p.Length >= 6 && p[^1] == '.' && char.IsLower(p[^2]) && char.IsUpper(p[^3]) && p[^4] == ' ' && p[^5] == '.' && char.IsUpper(p[^6])
        && (p.Length == 6 || p[^7] is ' ' or '.');

    static string Clean(string w) => w.Trim('.', ',', ':', ';', '(', ')', '"', '\'', '“', '”', '‘', '’', '[', ']');

    static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Clean).Where(w => w.Length > 0));

    /// <summary>
    /// Given names keep the periods of their initials (<c>S. B.</c>), and initials written without them are written as a
    /// reader writes them: Vancouver "JJ", "DL." and "A" become "J. J.", "D. L." and "A." ("Pérez-Higueras JJ" is
    /// "J. J. Pérez-Higueras", "LS. RACHEDI" "L. S. Rachedi").
    /// </summary>
    static string JoinGiven(IEnumerable<string> words)
    {
        var list = words as IList<string> ?? words.ToList();
        return string.Join(' ', list.Select((w, i) => ClassOf(w) != 'I' ? Clean(w)
                : IsTransliteratedInitial(list, i) ? w[0] + char.ToLowerInvariant(w[1]).ToString() + "."
                : Dotted(w.Trim(',', ':', ';', '(', ')', '"', '\'', '“', '”', '‘', '’', '[', ']')))
            .Where(w => w.Length > 0 && w.Any(char.IsLetter)));
    }

    /// <summary>
    /// A Russian given name's transliterated initial in capitals (<c>V. YA. SHTERN</c>, <c>S. YU. TSAREVA</c>): one initial,
    /// "Ya.", not the two "Y. A." that Vancouver's "SH." is. Told apart by its neighbour: it stands next to a dotted
    /// one-letter initial, while a Vancouver pair follows its family name ("Tsai SH.").
    /// </summary>
    static bool IsTransliteratedInitial(IList<string> words, int i)
    {
        var w = words[i].TrimEnd(',', ';', ':');
        if (w.Length != 3 || w[2] != '.' || !TransliteratedDigraphs.Contains(w[..2])) return false;
        static bool Dotted1(string x) => x.TrimEnd(',', ';', ':') is [var c, '.'] && char.IsUpper(c);
        return (i > 0 && Dotted1(words[i - 1])) || (i + 1 < words.Count && Dotted1(words[i + 1]));
    }

    /// <summary>Initials that transliterate one Cyrillic letter (Я, Ю, Е, Ё, Ж, Х, Ц, Ч, Ш) with two Latin ones.</summary>
    static readonly HashSet<string> TransliteratedDigraphs = new(StringComparer.Ordinal) { "YA", "YU", "YE", "YO", "ZH", "KH", "TS", "CH", "SH" };

    static string Dotted(string initials)
    {
        var bare = initials.TrimEnd('.');
        return bare.Length is >= 1 and <= 3 && bare.All(char.IsUpper) ? string.Join(' ', bare.Select(c => c + ".")) : initials;
    }

    /// <summary>
    /// Each word's class, for the span being split: the splitting rules ask for a word's class five or more times, and
    /// working it out is several lookups and a regex. Cleared at each <see cref="Split"/>.
    /// </summary>
    [ThreadStatic] static Dictionary<string, char>? t_classes;

    /// <summary>S suffix, P particle, p capitalised particle, I initial, W word, X nothing.</summary>
    static char ClassOf(string token)
    {
        var classes = t_classes ??= new(StringComparer.Ordinal);
        if (classes.TryGetValue(token, out var known)) return known;
        var c = Classify(token);
        classes[token] = c;
        return c;
    }

    static char Classify(string token)
    {
        var bare = token.Trim('.', ',', ':', ';', '(', ')');
        if (bare.Length == 0) return 'X';
        var folded = bare.ToLowerInvariant();
        // "JR" and "SR" in capitals without a period are Vancouver initials ("Bach, PB, Jett, JR, Pastorino, U"), not Jr./Sr.
        if ((PersonName.IsSuffix(bare) || PersonName.IsSuffix(bare + ".")) && char.IsUpper(bare[0]) && !(bare is "JR" or "SR" && token.TrimEnd(',', ';', ':') == bare))
            return 'S';
        if (RefLexicons.Particles.Contains(folded) && char.IsLower(bare[0])) return 'P';
        if (char.IsAsciiDigit(bare[0]) && OrdinalNumber().IsMatch(bare)) return 'S';
        if (RefLexicons.Particles.Contains(folded) && token.Trim(',', ':', ';') == bare && bare.Length > 1 && char.IsUpper(bare[0])
            && bare[1..].All(char.IsLower) && folded is "van" or "von" or "de" or "del" or "della" or "di" or "da" or "du" or "des" or "la" or "le" or "ten" or "ter" or "dos" or "das" or "al" or "el")
            return 'p';
        if (Initial().IsMatch(token.Trim(',', ':', ';', '(', ')'))) return 'I';
        return 'W';
    }

    /// <summary>
    /// A byline that is one organisation whose name holds an "and" or commas of its own (<c>Food and Agriculture Organization
    /// of the United Nations</c>, <c>National Academies of Sciences, Engineering, and Medicine</c>, <c>Ministry of Health,
    /// Labour and Welfare</c>): split there, it named a person "Food" and one "National Aeronautics". It is one when the
    /// whole is an organisation, it has no initials and no <c>Family, Given</c> pair (a list of people has), and a piece of
    /// it is no organisation alone: two organisations each named in full stay two (<c>Harvard University and Stanford
    /// University</c>); one named by its letters alone (<c>World Bank and UNICEF</c>) is too short to tell, and the pair is
    /// kept as one name rather than make a person called UNICEF.
    /// </summary>
    static bool IsOneOrganisation(string span)
    {
        var words = span.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Initials first: most bylines have them, and the test is a cached lookup where the organisation test is not.
        if (words.Length < 3 || words.Any(w => ClassOf(w) == 'I' && !CountryAbbreviations.Contains(w.TrimEnd(','))) || !IsCorporate(words))
            return false;
        var pieces = 0;
        var lone = false;
        foreach (var chunk in Conjunction().Split(span))
        {
            var parts = chunk.Split(',').Select(TrimPart).Where(p => p.Length > 0).Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            for (var i = 0; i < parts.Count; i++)
            {
                if (i + 1 < parts.Count && IsSurnameOnly(parts[i]) && IsGivenLike(string.Join(' ', parts[i + 1]))) return false;
                pieces++;
                lone |= !IsCorporate(parts[i]);
            }
        }
        return pieces > 1 && lone;
    }

    /// <summary>An organisation's name as the list writes it, its letters in brackets kept: "Occupational Safety and Health Administration (OSHA)".</summary>
    static string AsWritten(string name)
    {
        name = Spaces().Replace(name, " ").Trim(' ', '.', ',', ';', ':');
        return name.Count(c => c == '(') == name.Count(c => c == ')') ? name : name.Replace("(", "").Replace(")", "");
    }

    /// <summary>Dotted capitals that open an organisation's name, not a person's initials ("U.S. Food and Drug Administration").</summary>
    static readonly HashSet<string> CountryAbbreviations = new(StringComparer.Ordinal) { "U.S.", "US", "U.K.", "UK", "E.U.", "EU", "U.N.", "UN" };

    /// <summary>The name model's organisation test on a part's words ("World Health Organization" stays whole).</summary>
    static bool IsCorporate(string[] words) => PersonName.IsOrganization(words.Select(Clean).ToList());

    static bool IsSurnameOnly(string[] words)
    {
        if (words.Length == 0 || words.Length > 4) return false;
        var classes = words.Select(ClassOf).ToList();
        // "St. John, P.": Saint opens a family name; its "St." only looks like a two-letter initial.
        if (words.Length >= 2 && (IsSaintAbbreviated(words[0]) || Clean(words[0]) is "Saint" or "Sainte") && ClassOf(words[1]) == 'W') classes[0] = 'p';
        return classes.All(c => c is 'W' or 'P' or 'p') && classes[^1] is 'W' or 'p' && classes.Count(c => c == 'W') <= 3 && !IsCorporate(words);
    }

    /// <summary>"St." or "Ste.", Saint abbreviated at the start of a family name ("St. John", "Ste. Marie").</summary>
    static bool IsSaintAbbreviated(string word) => Clean(word) is "St" or "Ste";

    /// <summary>
    /// A family name of two or three capitals before dotted initials ("LI, J.", "WU, X. Y.", "XU, M." in an all-capital
    /// byline): alone it reads as Vancouver initials ("Bach, PB, Jett, JR"), but those never come before dotted ones.
    /// </summary>
    static bool IsShortCapitalSurname(string[] words, string next)
    {
        if (words is not [var word] || word.Length is < 2 or > 3 || !word.All(char.IsAsciiLetterUpper) || !HasCapitalVowel(word))
            return false;
        var given = next.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return given.Length > 0 && given.All(w => w.Length >= 2 && w[^1] == '.' && ClassOf(w) == 'I');
    }

    static bool IsGivenLike(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => ClassOf(w) != 'S').ToArray();
        if (words.Length == 0) return false;
        var classes = words.Select(ClassOf).ToList();
        // Two given names, or three before ABNT's particle ("SILVA, Antônio Carlos Ribeiro da").
        var particleAfter = classes[^1] == 'P';
        if (words.Length > (particleAfter ? 4 : 3) || classes.Count(c => c == 'W') > (particleAfter ? 3 : 2)) return false;
        // Initials, and the particle of the family name that ABNT writes after them ("J. P. da").
        if (classes[0] == 'I') return classes.SkipWhile(c => c == 'I').All(c => c == 'P');
        // Given names, and the particle ABNT writes after them too ("SOUZA, Maria Aparecida de", "SILVA, João da").
        var named = classes.Count;
        while (named > 1 && classes[named - 1] == 'P') named--;
        return classes[0] is 'W' or 'p' && classes.Take(named).All(c => c is 'W' or 'I' or 'p')
            && words.Take(named).All(w => Clean(w).Length > 0 && char.IsUpper(Clean(w)[0])) && !IsCorporate(words);
    }

    /// <summary>
    /// The given names of a person who goes by the middle one (<c>Clinton, J. Robert</c>, <c>Rodin, R. Scott</c>,
    /// <c>Marshall, I. Howard</c>): initials, then one capitalised name. Only as a one-person byline's whole (the caller
    /// asks): after "Erisman, A. Bleeker, A. Hensen" or "Cédric Durand, R. Keucheyan" the same shape is the next person.
    /// </summary>
    static bool IsInitialsThenTheNameUsed(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => ClassOf(w) != 'S').ToArray();
        if (words.Length < 2) return false;
        var initials = words.TakeWhile(w => ClassOf(w) == 'I' && w.Contains('.')).Count();
        var name = Clean(words[^1]);
        // "LEBARON, LE ROUX" is two people: capitals are no initials without their stops, nor a name in capitals a given one.
        return initials is 1 or 2 && words.Length == initials + 1 && ClassOf(words[^1]) == 'W'
            && name.Length >= 2 && char.IsUpper(name[0]) && name.Skip(1).All(char.IsLower);
    }

    static int WordCount(string[] words) => words.Count(w => ClassOf(w) == 'W');

    /// <summary>People in one comma-free stretch: <c>A. Cau</c>, <c>Pérez-Higueras JJ</c>, <c>de la Macorra JC</c>, <c>Marc Shapiro</c>, <c>World Health Organization</c>.</summary>
    static IEnumerable<ParsedPerson> InPart(string[] all)
    {
        var words = all.Where(w => Clean(w).Length > 0 && ClassOf(w) != 'S').ToArray();
        if (words.Length == 0) yield break;
        if (IsCorporate(words)) { yield return new ParsedPerson(null, AsWritten(string.Join(' ', words))); yield break; }
        // "DUPONT Jean", "LE GOFF Jacques", "LIU Wei": the family name in capitals first, the given names after it (French
        // and Chinese bylines). Read from the end, the given name was taken for the family name.
        var lead = 0;
        while (lead < words.Length - 1 && (IsCapitalFamilyWord(words[lead]) || IsCapitalParticle(words[lead]))) lead++;
        if (lead > 0 && !IsCapitalParticle(words[lead - 1]) && words[lead..].All(IsTitleCaseWord))
        {
            yield return new ParsedPerson(JoinGiven(words[lead..]), Join(words[..lead]));
            yield break;
        }
        var classes = words.Select(ClassOf).ToArray();
        if (classes.All(c => c == 'I'))
        {
            // "LI J", "WU XY": an all-capital surname that looks like initials; a lone "J. A." is no one.
            if (words.Length >= 2 && !words[0].Contains('.') && words[0].Length >= 2)
                yield return new ParsedPerson(JoinGiven(words[1..]), Clean(words[0]));
            yield break;
        }
        var cls = new string(classes.Select(c => c == 'p' ? 'W' : c).ToArray());
        if (cls[0] is 'W' or 'P' && cls[^1] == 'I')
        {
            // Vancouver, possibly several without commas: "Smith JA", "Brune M. Abdel-Hamid M."
            foreach (Match m in VancouverRun().Matches(cls))
            {
                var wEnd = m.Index + m.Value.TrimEnd('I').Length;
                yield return new ParsedPerson(JoinGiven(words[wEnd..(m.Index + m.Length)]), Join(words[m.Index..wEnd]));
            }
            yield break;
        }
        if (cls[0] == 'I' && InitialsFirstRuns().IsMatch(cls) && WordRun().Matches(cls).All(g => g.Length == 1))
        {
            // "A. Cau R. Kuiper": two people, split at each run of initials.
            foreach (Match m in InitialsFirstPerson().Matches(cls))
            {
                var fam = FamilyStart(classes, m.Index + m.Length - 1);
                yield return new ParsedPerson(JoinGiven(words[m.Index..fam]), Join(words[fam..(m.Index + m.Length)]));
            }
            yield break;
        }
        var lastW = cls.LastIndexOf('W');
        if (lastW < 0) lastW = words.Length - 1;
        var start = FamilyStart(classes, lastW);
        var given = JoinGiven(words[..start].Concat(words[(lastW + 1)..]));
        yield return new ParsedPerson(given.Length > 0 ? given : null, Join(words[start..(lastW + 1)]));
    }

    /// <summary>A family name written in capitals: three letters or more, a vowel among them ("DUPONT", "GAÏTI", "LIU"; not "JJ").</summary>
    static bool IsCapitalFamilyWord(string word)
    {
        var w = Clean(word);
        if (w.Length < 3 || ClassOf(word) == 'S' || w.Any(c => char.IsLetter(c) && !char.IsUpper(c)) || w.Count(char.IsLetter) < 3) return false;
        return HasCapitalVowel(w);
    }

    /// <summary>A capital vowel, accented or not ("GAÏTI"): what tells a short capital surname ("LIU", "WU") from initials ("JJ").</summary>
    static bool HasCapitalVowel(string word) =>
        word.Any(c => LatinDiacritics.BaseOf(c) is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y');

    /// <summary>A particle of a family name in capitals ("LE GOFF", "DE LA FONTAINE", "VAN DER BERG").</summary>
    static bool IsCapitalParticle(string word)
    {
        var w = Clean(word);
        return w.Length >= 2 && w.All(char.IsUpper) && RefLexicons.Particles.Contains(w.ToLowerInvariant());
    }

    /// <summary>A given name as written after a capitals family name: a capital, then lower case ("Jean", "Jean-Paul", "Léopold").</summary>
    static bool IsTitleCaseWord(string word)
    {
        var w = Clean(word);
        if (w.Length < 2 || !char.IsUpper(w[0]) || !w.Skip(1).Any(char.IsLower)) return false;
        // A capital only where a part of the name begins: "Jean-Paul", "D'Arcy".
        for (var i = 1; i < w.Length; i++)
            if (char.IsUpper(w[i]) && w[i - 1] is not ('-' or '\'' or '’')) return false;
        return true;
    }

    static int FamilyStart(char[] classes, int end)
    {
        var start = end;
        while (start - 1 >= 0 && classes[start - 1] is 'P' or 'p') start--;
        return start;
    }
}
