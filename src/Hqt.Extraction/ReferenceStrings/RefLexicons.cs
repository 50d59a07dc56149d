namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Word lists a token is looked up in: the ones learned from the training split (given names, family names,
/// journal, publisher and place words; stored in the model file) and small fixed ones every style shares.
/// </summary>
public sealed class RefLexicons
{
    public HashSet<string> Given { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Family { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Journal { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Publisher { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Location { get; } = new(StringComparer.Ordinal);

    /// <summary>The learned lists, looked up by span (no lower-case string is built per token).</summary>
    internal readonly record struct SpanLookups(
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Given, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Family,
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Journal, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Publisher,
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Location);

    internal SpanLookups Lookups() => new(Given.GetAlternateLookup<ReadOnlySpan<char>>(), Family.GetAlternateLookup<ReadOnlySpan<char>>(),
        Journal.GetAlternateLookup<ReadOnlySpan<char>>(), Publisher.GetAlternateLookup<ReadOnlySpan<char>>(), Location.GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>The learned lists in model-file order.</summary>
    public HashSet<string>[] Learned => [Given, Family, Journal, Publisher, Location];

    public static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august",
        "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "spring", "summer", "autumn", "fall", "winter",
        "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre", "novembre", "décembre",
        "januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
        "agosto", "septiembre", "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio",
        "settembre", "ottobre", "dicembre",
    };

    public static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "dell", "degli", "di", "da", "dos", "das", "do", "du", "des", "la", "le", "les",
        "ten", "ter", "te", "op", "het", "zu", "zum", "zur", "y", "bin", "ibn", "al", "el", "st", "ste", "mac", "d'", "l'", "van't",
    };

    public static readonly HashSet<string> EditorMarks = new(StringComparer.Ordinal)
    {
        "ed", "eds", "editor", "editors", "edited", "hrsg", "hg", "dir", "éd", "éds", "coord", "coords", "comp", "comps", "org", "orgs",
        "trans", "transl", "translated", "red", "herausgegeben",
    };

    public static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "and", "&", "und", "et", "y", "e", "with", "mit", "и" };

    /// <summary>
    /// Articles, prepositions and conjunctions a phrase never ends on (English, French, German, Spanish, Italian,
    /// Portuguese). "by", "in", "dans" and the like are left out: they open the next field ("in Proceedings", "by J. Smith").
    /// </summary>
    public static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "on", "at", "to", "for", "with", "from", "and", "or", "into", "about", "between", "&",
        "du", "des", "la", "le", "les", "et", "au", "aux", "pour", "sur", "par", "der", "die", "das", "und", "zur", "zum", "von", "für",
        "mit", "el", "los", "las", "del", "y", "di", "do", "dos", "della", "per", "con", "il", "lo",
    };

    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordLookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup = Particles.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EditorMarkLookup = EditorMarks.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConjunctionLookup = Conjunctions.GetAlternateLookup<ReadOnlySpan<char>>();
}
