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
    /// Whole journal and series names, as their words' lower-case cores joined by a space ("nucl instrum methods"): the
    /// training split's containers seen at least twice, written as they were and ISO 4-abbreviated, learned by the
    /// trainer and stored in the model. With <see cref="StandardJournals"/> they are looked up as phrases, so a name
    /// is recognised as one run ("Astropart. Phys.", "Int. J. Mod. Phys. A") rather than word by word.
    /// </summary>
    public HashSet<string> Containers { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the features look container names up as phrases at all: on for a model trained with them (the trainer's
    /// <c>--phrases</c>; the model file says so), off otherwise, so a model trained without them decodes as it was trained.
    /// Measured on one held-out tenth only so far (docs/benchmarks/refparse.md, eighth round): off by default.
    /// </summary>
    public bool UsePhrases { get; set; }

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

    /// <summary>The container phrases, learned and standard, as a table of their prefixes (built like <see cref="Words"/>).</summary>
    internal PhraseTable Phrases()
    {
        var phrases = _phrases;
        if (phrases is not null && phrases.Size == (UsePhrases ? Containers.Count : -1)) return phrases;
        return _phrases = UsePhrases ? new PhraseTable(Containers.Concat(StandardJournals)) : PhraseTable.None;
    }

    PhraseTable? _phrases;

    /// <summary>
    /// Every prefix of every phrase, keyed by a running hash of its words' hashes (the hash the features compute for a
    /// token's lower-case core), marked where a whole phrase ends. A lookup per word walked, no strings built.
    /// </summary>
    internal sealed class PhraseTable
    {
        readonly Dictionary<ulong, bool> _prefixes = [];

        public int Size { get; private init; }

        public bool IsEmpty => _prefixes.Count == 0;

        /// <summary>The longest phrase in words: no match is walked further.</summary>
        public const int MaxWords = 8;

        /// <summary>No phrase at all (a model trained without them).</summary>
        public static readonly PhraseTable None = new([]) { Size = -1 };

        public PhraseTable(IEnumerable<string> phrases)
        {
            var count = 0;
            foreach (var phrase in phrases)
            {
                count++;
                var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length is 0 or > MaxWords) continue;
                var h = Seed;
                for (var i = 0; i < words.Length; i++)
                {
                    h = Next(h, RefFeatures.Str(words[i]));
                    var whole = i == words.Length - 1;
                    _prefixes[h] = whole || _prefixes.GetValueOrDefault(h);
                }
            }
            Size = Math.Max(0, count - StandardJournals.Count);
        }

        public const ulong Seed = 0x51ED270B2A4F3C6DUL;

        public static ulong Next(ulong prefix, ulong word) => (prefix ^ word) * 0x100000001B3UL + (prefix >> 29);

        /// <summary>Null: no phrase starts so; false: a phrase goes on from here; true: a whole phrase ends here.</summary>
        public bool? Find(ulong prefix) => _prefixes.TryGetValue(prefix, out var whole) ? whole : null;
    }

    /// <summary>
    /// Standard abbreviations of astronomy, physics and chemistry journals (the ADS, APS, IOP and CASSI forms), which AnyStyle's
    /// mostly biomedical and humanities training split rarely writes: facts about the journals, not about any reference
    /// list. Lower-case word cores, as <see cref="Containers"/>.
    /// </summary>
    public static readonly HashSet<string> StandardJournals = new(StringComparer.Ordinal)
    {
        // Astronomy
        "apj", "apjs", "apjl", "aj", "mnras", "a&a", "a&as", "pasj", "pasp", "pasa", "ara&a", "aap", "icarus", "nature astronomy",
        "astrophys j", "astrophys j suppl", "astrophys j lett", "astron j", "astron astrophys", "astron nachr",
        "mon not r astron soc", "publ astron soc jpn", "publ astron soc pac", "annu rev astron astrophys", "space sci rev",
        "jcap", "j cosmol astropart phys", "astropart phys", "new astron", "new astron rev", "astrophys space sci", "sol phys",
        // Physics
        "phys rev", "phys rev a", "phys rev b", "phys rev c", "phys rev d", "phys rev e", "phys rev x", "phys rev lett",
        "phys rev applied", "phys rev fluids", "rev mod phys", "phys lett", "phys lett a", "phys lett b", "phys rep",
        "nucl phys", "nucl phys a", "nucl phys b", "nucl phys b proc suppl", "nucl instrum methods", "nucl instrum methods a",
        "nucl instrum methods b", "nucl instrum methods phys res", "nucl instrum methods phys res a", "nucl instrum methods phys res b",
        "nim", "nim a", "nim b", "jinst", "j instrum", "jhep", "j high energy phys", "eur phys j", "eur phys j a", "eur phys j b",
        "eur phys j c", "eur phys j d", "eur phys j plus", "eur phys j st", "epl", "europhys lett", "int j mod phys",
        "int j mod phys a", "int j mod phys b", "int j mod phys d", "int j mod phys e", "mod phys lett", "mod phys lett a",
        "mod phys lett b", "prog theor phys", "prog theor exp phys", "ptep", "j phys", "j phys a", "j phys b", "j phys c",
        "j phys d", "j phys g", "j phys a math theor", "j phys g nucl part phys", "j phys condens matter", "j phys conf ser",
        "class quantum grav", "gen relativ gravit", "commun math phys", "j math phys", "ann phys", "annals phys", "z phys",
        "z phys a", "z phys c", "fortschr phys", "nuovo cimento", "riv nuovo cimento", "chin phys c", "chin phys lett",
        "phys scr", "phys procedia", "new j phys", "j appl phys", "appl phys lett", "phys fluids", "j fluid mech",
        "phys plasmas", "nucl fusion", "plasma phys control fusion", "rev sci instrum", "jetp lett", "sov phys jetp",
        "phys atom nucl", "phys part nucl", "theor math phys", "aip conf proc", "pos", "nature phys", "nat phys",
        "nat commun", "sci rep", "proc r soc a", "philos trans r soc a", "j stat mech", "j stat phys", "physica a",
        "physica b", "physica d", "j comput phys", "comput phys commun", "ieee trans nucl sci", "radiat meas",
        "j opt soc am", "opt lett", "opt express", "j chem phys",
        // Chemistry
        "j am chem soc", "jacs", "acc chem res", "chem rev", "angew chem", "angew chem int ed", "angew chem int ed engl",
        "j org chem", "org lett", "inorg chem", "j phys chem", "j phys chem a", "j phys chem b", "j phys chem c",
        "j chem soc", "j chem soc perkin trans 1", "j chem soc perkin trans 2", "j chem soc chem commun", "j chem soc dalton trans",
        "chem commun", "dalton trans", "tetrahedron", "tetrahedron lett", "synthesis", "synlett", "can j chem",
        "bull soc chim fr", "c r acad sci", "helv chim acta", "chem ber", "liebigs ann chem", "aust j chem",
        "trans faraday soc", "j chem educ", "chem phys lett", "chem phys", "j catal", "kinet katal", "combust flame",
        "int j chem kinet", "j mol struct", "spectrochim acta", "anal chem", "chem eur j", "chem soc rev", "nat chem",
        "j electrochem soc", "electrochim acta", "j fluorine chem", "j organomet chem", "organometallics", "macromolecules",
        "langmuir", "j polym sci",
    };

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
