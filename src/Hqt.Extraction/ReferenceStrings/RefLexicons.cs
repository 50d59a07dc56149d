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
}
