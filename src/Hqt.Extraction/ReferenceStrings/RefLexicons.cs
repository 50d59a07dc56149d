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

    /// <summary>
    /// Every list, learned and fixed, as one table a token is looked up in once (it was ten hash-set lookups a token, a
    /// good part of the features' time). Built on first use and rebuilt when a list's size has changed since: lists are
    /// filled before the first parse (the model file, the trainer) and only added to.
    /// </summary>
    internal WordTable Words()
    {
        var words = _words;
        if (words is not null && words.IsCurrent()) return words;
        return _words = new WordTable(this);
    }

    WordTable? _words;

    /// <summary>The lists a word is on.</summary>
    [Flags]
    internal enum Kind : ushort
    {
        None = 0, Given = 1, Family = 1 << 1, Journal = 1 << 2, Publisher = 1 << 3, Location = 1 << 4,
        Month = 1 << 5, EditorMark = 1 << 6, Conjunction = 1 << 7, Particle = 1 << 8, Function = 1 << 9,
    }

    /// <summary>
    /// Word → the lists it is on, open addressing keyed by the word's hash as the tagger's features compute it (so a
    /// token's lookup hashes nothing more), the word itself compared on a hit.
    /// </summary>
    internal sealed class WordTable
    {
        readonly ulong[] _keys;
        readonly string?[] _words;
        readonly Kind[] _kinds;
        readonly int _shift;
        readonly HashSet<string>[] _lists;
        readonly int[] _sizes;

        static HashSet<string>[] Lists(RefLexicons l) =>
            [l.Given, l.Family, l.Journal, l.Publisher, l.Location, Months, EditorMarks, Conjunctions, Particles, FunctionWords];

        public WordTable(RefLexicons lexicons)
        {
            var lists = _lists = Lists(lexicons);
            _sizes = lists.Select(list => list.Count).ToArray();
            var kinds = new Dictionary<string, Kind>(StringComparer.Ordinal);
            for (var i = 0; i < lists.Length; i++)
                foreach (var word in lists[i]) kinds[word] = kinds.GetValueOrDefault(word) | (Kind)(1 << i);
            var bits = 4;
            while ((1 << bits) < kinds.Count * 4) bits++;
            _keys = new ulong[1 << bits];
            _words = new string?[1 << bits];
            _kinds = new Kind[1 << bits];
            _shift = 64 - bits;
            foreach (var (word, kind) in kinds)
            {
                var hash = RefFeatures.Str(word);
                var at = SlotOf(hash);
                while (_words[at] is not null) at = (at + 1) & (_keys.Length - 1);
                (_keys[at], _words[at], _kinds[at]) = (hash, word, kind);
            }
        }

        /// <summary>No list has grown since the table was built (checked every parse, so it allocates nothing).</summary>
        public bool IsCurrent()
        {
            for (var i = 0; i < _lists.Length; i++) if (_lists[i].Count != _sizes[i]) return false;
            return true;
        }

        int SlotOf(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift);

        /// <summary>The lists <paramref name="word"/> is on; <paramref name="hash"/> is <c>RefFeatures.Str(word)</c>.</summary>
        public Kind Find(ulong hash, ReadOnlySpan<char> word)
        {
            var mask = _keys.Length - 1;
            for (var at = SlotOf(hash); ; at = (at + 1) & mask)
            {
                var stored = _words[at];
                if (stored is null) return Kind.None;
                if (_keys[at] == hash && word.SequenceEqual(stored)) return _kinds[at];
            }
        }
    }

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
}
