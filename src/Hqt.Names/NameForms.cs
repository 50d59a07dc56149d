using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hqt.Names;

/// <summary>
/// The graph's name gate: whether a string names a person, and a name read as family name and initials for merging
/// forms of one person. Part of the one name model (Hqt.Names): the reading is <see cref="PersonName"/>'s.
/// Reference authors arrive from many parsers (citation metas, reference lists, footnotes, lookups); whatever produced
/// them, a person is made only from a name-shaped string, so "et al.", a lone initial, a journal abbreviation glued to
/// an author list or a phrase never becomes someone a reader is told to follow.
/// </summary>
public static partial class NameForms
{
    /// <summary>A name read as its folded family name ("romanovsky") and its given initials ("AA"), for comparing forms.</summary>
    public readonly record struct Parts(string Family, string Initials)
    {
        public char? FirstInitial => Initials.Length > 0 ? Initials[0] : null;
    }

    static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "do", "dos", "du", "del", "della", "los", "las", "des", "lo", "der", "den", "di", "la", "le", "van", "von", "ten", "ter", "bin", "ibn", "al", "el", "y", "e", "zu", "af", "av",
    };

    // Words that are no part of a name: journal and publisher abbreviations, citation furniture, page furniture.
    // Kept lower case; compared on a word with its dot removed.
    static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "phys", "astrophys", "lett", "proc", "natl", "acad", "chem", "biol", "sci", "vol", "journal", "university", "retrieved",
        "archived", "accessed", "published", "editor", "editors", "eds", "ed.", "orcid", "wikipedia", "pubmed", "crossref", "isbn",
        "doi", "pmid", "pmc", "view", "profile", "scholar", "rev", "sov", "quant", "mod", "res", "opt", "mater", "mech", "geophys",
        "math", "appl", "comput", "stat", "theor", "nucl", "mol", "biochem", "physiol", "neurosci", "pharmacol", "instagram",
        "facebook", "twitter", "linkedin", "youtube", "tiktok", "account", "follow", "subscribe", "newsletter", "login", "share",
        "reply", "comments", "google", "abstract", "article", "articles", "pdf", "html", "preprint", "arxiv", "bibcode", "jstor",
        "staff", "team", "redaktion", "desk", "editorial", "contributors", "contributor", "anonymous", "unknown", "admin", "guest",
        "press", "reuters", "associated", "agency", "correspondent", "reporter", "columnist", "photographer", "photo", "photos",
        "images", "getty", "shutterstock", "wire", "news", "magazine", "times", "post", "daily", "weekly", "review", "nature",
        "science", "cell", "springer", "elsevier", "wiley", "inc", "ltd", "llc", "gmbh", "corp", "foundation", "institute",
        "department", "society", "association", "committee", "council", "ministry", "office", "group", "lab", "laboratory",
        "notes", "vs", "astron", "astronomy", "atmos", "oceanogr", "ecol", "evol", "genet", "immunol", "microbiol", "pathol", "psychol",
        "sociol", "econ", "philos", "environ", "bull", "commun", "annu", "adv", "curr", "clin", "exp", "surg", "pediatr", "geol", "zool",
        "bot", "biophys", "biomed", "toxicol", "epidemiol", "infect", "dis", "virol", "endocrinol", "metab", "nutr", "lancet", "jama", "bmj", "and", "und", "the", "of", "for", "in", "on", "with", "from", "by", "at", "to", "is", "are", "was", "et", "al",
    };

    // Words also used as given or family names: junk only beside another non-name word, never on their own.
    static readonly HashSet<string> AlsoNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "press", "post", "review", "nature", "science", "cell", "times", "daily", "news", "page", "read", "royal", "ed.", "springer", "wiley",
        "al", "de", "la", "le", "van", "von", "del", "di", "da", "y", "e", "ten", "ter", "bin", "af", "av", "el", "mod", "res", "math", "guest", "desk",
    };

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup = Particles.GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameLookup = NotNameWords.GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AlsoNameLookup = AlsoNames.GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly char[] WordWrapping = ['.', '\'', '’', '(', ')', '"'];

    [GeneratedRegex(@"\bet\.?\s*al\b\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EtAl();

    [GeneratedRegex(@"^(?:by|par|por|door|from)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingLabel();

    /// <summary>
    /// The people a written author credit names, each as written: ";"-separated lists split, a trailing "et al." and what
    /// follows it cut ("P. Hohenberg et al.Inhomogeneous…" is P. Hohenberg), anything not name-shaped dropped.
    /// </summary>
    public static IEnumerable<string> People(string? credit)
    {
        if (string.IsNullOrWhiteSpace(credit)) yield break;
        foreach (var part in credit.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (Clean(part) is { } name) yield return name;
    }

    /// <summary>One name made presentable, or null when the string is not a person's name.</summary>
    /// <remarks>The ranking cleans every name of a reader's graph (hundreds a query), so the common case, a name
    /// already written with single spaces and no "et al.", takes no split, join or regex.</remarks>
    public static string? Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = HasSingleSpacesOnly(raw) ? raw : string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (MayHoldEtAl(text) && EtAl().Match(text) is { Success: true } etAl) text = text[..etAl.Index];
        text = text.Trim().Trim(',', ';', ':', '&', '-', '–', '—', '·', '|', '/', '(', ')', '[', ']', '"', '\'', '*', ' ');
        return IsName(text) ? text : null;
    }

    // True when splitting at white space and joining with one space would give the text back.
    static bool HasSingleSpacesOnly(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        for (var i = 1; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || text[i - 1] == ' ')) return false;
        return true;
    }

    // "et al" needs an "e" followed by a "t": most names have no such pair, and then the regex cannot match.
    static bool MayHoldEtAl(string text) => text.Contains("et", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a string is shaped like one person's name (see <see cref="Clean"/>, which also repairs it first).</summary>
    public static bool IsName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80) return false;
        if (MayHoldEtAl(text) && EtAl().IsMatch(text)) return false;
        foreach (var c in text)
            if (char.IsDigit(c) || c is '@' or ';' or '|' or '/' or '\\' or '=' or '?' or '!' or '#' or '%' or '+' or '<' or '>' or '{' or '}' or '“' or '”' or ':') return false;
        if (text.Contains('.') && (text.Contains("www.", StringComparison.OrdinalIgnoreCase) || DomainLike().IsMatch(text))) return false;
        var cjk = HasCjk(text);
        var counted = 0;
        var notNames = 0;
        var alsoNames = 0;
        var givenLike = 0;
        var anyWord = false;
        // Words are read as spans of the text (a name is at most 80 characters): no word is cut out or lower-cased as a string.
        Span<char> lowerBuffer = stackalloc char[80];
        foreach (var range in text.AsSpan().SplitAny(' ', ','))
        {
            var word = text.AsSpan(range);
            if (word.IsEmpty) continue;
            anyWord = true;
            var bare = word.Trim(WordWrapping);
            if (bare.Length == 0) continue;
            var lower = lowerBuffer[..bare.ToLowerInvariant(lowerBuffer)];
            if (ParticleLookup.Contains(lower)) continue;
            counted++;
            if (NotNameLookup.Contains(bare) || NotNameLookup.Contains(word))
            {
                if (AlsoNameLookup.Contains(bare) || AlsoNameLookup.Contains(word)) alsoNames++;
                else notNames++;
                continue;
            }
            // "Cosmic Radiation", "Molecular Therapeutics": a subject taken for a name.
            if (PersonNameParser.IsTopicWordLowered(lower) || GluedAbbreviation(bare)) return false;
            if (!cjk && !StartsUpper(bare)) return false;
            if (bare.Length > 1 && HasLetterAfterFirst(bare) && HasLetterNotUpperCase(bare)) givenLike++;
        }
        if (!anyWord) return false;
        if (notNames > 0) return false;
        // "Emily Post", "William H. Press": a word that is also a name passes beside a real name, never beside another such word.
        if (alsoNames > 0 && (alsoNames > 1 || givenLike == 0)) return false;
        if (counted == 0 || counted > 6) return false;
        if (!cjk && PersonNameParser.CountLetters(text) < 2) return false;
        // Half a name: the family part is a lone initial ("T.", "Alan T.").
        return Read(text, withInitials: false) is { } parts && (cjk || parts.Family.Length > 1);
    }

    static bool HasLetterAfterFirst(ReadOnlySpan<char> word)
    {
        for (var i = 1; i < word.Length; i++) if (char.IsLetter(word[i])) return true;
        return false;
    }

    // "Smith" is written like a given or family name; "AA" and "J.-L." are initials.
    static bool HasLetterNotUpperCase(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (char.IsLetter(c) && !char.IsUpper(c)) return true;
        return false;
    }

    [GeneratedRegex(@"\b[a-z0-9-]+\.(?:com|org|net|edu|gov|io|co|uk|de|fr|info|jp|cn|ru)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainLike();

    // "GasPhys", "mechanicsProc": a journal abbreviation glued to the end of a title word.
    static bool GluedAbbreviation(ReadOnlySpan<char> word)
    {
        for (var i = 1; i < word.Length; i++)
            if (char.IsLower(word[i - 1]) && char.IsUpper(word[i]) && NotNameLookup.Contains(word[i..]) && !AlsoNameLookup.Contains(word[i..])) return true;
        return false;
    }

    static bool StartsUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsLetter(c)) return char.IsUpper(c) || !char.IsLower(c);
        return false;
    }

    static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7af' or >= '\uf900' and <= '\ufaff';

    static bool HasCjk(string text)
    {
        foreach (var c in text) if (IsCjk(c)) return true;
        return false;
    }

    /// <summary>
    /// Family name (with its particle, folded) and given initials, read by the name model (<see cref="PersonName"/>):
    /// "Romanovsky AA", "Romanovsky, A. A.", "Andrej A Romanovsky" and "AA Romanovsky" all read romanovsky / AA, "Ursula
    /// K. Le Guin" leguin / UK. A CJK name is one family-first word whose initials are not compared ("王力" stays whole:
    /// one character of a given name is no evidence that two people are one). What the model does not split (a
    /// mononym, "Emily Post") is read word by word: the last word, with the particles before it, is the family name.
    /// </summary>
    public static Parts? Read(string? name) => Read(name, withInitials: true);

    // The gate (IsName) asks only whether a family name is read: it skips building the initials.
    static Parts? Read(string? name, bool withInitials)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var text = name.Trim();
        // Only "by", "par", "por", "door" and "from" are cut: a name opening with another letter skips the regex.
        if (text.Length > 0 && char.ToLowerInvariant(text[0]) is 'b' or 'p' or 'd' or 'f') text = LeadingLabel().Replace(text, "");
        if (PersonName.TryParse(text, out var person))
        {
            if (person.IsFamilyFirst) return new Parts(Fold(person.Family + person.Given), "");
            var family = Fold(person.FamilyWithParticle);
            var initials = withInitials ? Fold(person.Initials).ToUpperInvariant() : "";
            return family.Length == 0 ? null : new Parts(family, initials);
        }
        return ReadWords(text);
    }

    /// <summary>The reading of a name the model does not split: "Family, Given" at a comma, else the last word (with the
    /// particles before it) is the family name and the first letters of the words before it the initials.</summary>
    static Parts? ReadWords(string text)
    {
        string family;
        string[] given;
        var comma = text.IndexOf(',');
        if (comma > 0 && comma < text.Length - 1)
        {
            family = text[..comma];
            given = Words(text[(comma + 1)..]);
        }
        else
        {
            var words = Words(text);
            if (words.Length == 0) return null;
            if (words.Length == 1) return new Parts(Fold(words[0]), "");
            var trailing = 0;
            while (trailing < words.Length - 1 && IsInitialsWord(words[^(trailing + 1)])) trailing++;
            if (trailing > 0 && !IsInitialsWord(words[0]))
            {
                // Initials last, as Vancouver writes them: "Press WH".
                family = string.Join(' ', words[..^trailing]);
                given = words[^trailing..];
            }
            else
            {
                var start = words.Length - 1;
                while (start > 1 && Particles.Contains(words[start - 1].ToLowerInvariant())) start--;
                family = string.Join(' ', words[start..]);
                given = words[..start];
            }
        }
        var initials = new StringBuilder();
        foreach (var word in given)
        {
            if (Particles.Contains(word)) continue;
            if (IsInitialsWord(word)) { foreach (var c in word) if (char.IsLetter(c)) initials.Append(char.ToUpperInvariant(c)); }
            else if (word.FirstOrDefault(char.IsLetter) is var first && first != '\0') initials.Append(char.ToUpperInvariant(first));
        }
        var folded = Fold(family);
        return folded.Length == 0 ? null : new Parts(folded, Fold(initials.ToString()).ToUpperInvariant());
    }

    /// <summary>Two forms that may be one person: the same family name, and initials where one extends the other ("J" ~ "JL", not "JM" ~ "JL").</summary>
    public static bool Compatible(Parts a, Parts b)
    {
        if (a.Family != b.Family || a.Initials.Length == 0 || b.Initials.Length == 0) return false;
        return a.Initials.StartsWith(b.Initials, StringComparison.Ordinal) || b.Initials.StartsWith(a.Initials, StringComparison.Ordinal);
    }

    /// <summary>The same person by family name and first initial, both present: the test for a page's own author.</summary>
    public static bool SameFamilyAndInitial(string a, string b) =>
        Read(a) is { } x && Read(b) is { } y && x.Family == y.Family && x.FirstInitial is { } i && i == y.FirstInitial;

    static string[] Words(string text) => text.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
        .Select(w => w.Trim(',', ';')).Where(w => w.Any(char.IsLetter)).ToArray();

    // "AA", "A.A.", "J.-L.", "É": initials written together (at most three, upper case), not a short name like "Li" or "Ng".
    static bool IsInitialsWord(string word)
    {
        var letters = word.Where(char.IsLetter).ToArray();
        if (letters.Length is 0 or > 3 || !letters.All(char.IsUpper)) return false;
        return letters.Length == 1 || word.Contains('.') || letters.Length == word.Length;
    }

    // The build runs with invariant globalization, where string.Normalize cannot decompose: Latin letters with marks are
    // folded from this table ("Pazarçeviren" and "Pazarceviren" are one family name).
    const string Marked = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžß";
    const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzzs";

    static string Fold(string text)
    {
        // Names are short: fold on the stack and allocate only the answer.
        Span<char> folded = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var raw in text)
        {
            if (!char.IsLetter(raw)) continue;
            var c = char.ToLowerInvariant(raw);
            var at = Marked.IndexOf(c);
            folded[length++] = at >= 0 ? Plain[at] : c;
        }
        return new string(folded[..length]);
    }
}
