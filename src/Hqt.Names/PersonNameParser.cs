using System.Text;

namespace Hqt.Names;

/// <summary>The rules behind <see cref="PersonName.TryParse"/>: which word is the family name in each way of writing a name.</summary>
static class PersonNameParser
{
    const int MaxLength = 100;

    /// <summary>Lower-case words that open a family name ("van der Waals", "de la Cruz", "al Khalili").</summary>
    static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "vom", "zu", "zum", "zur", "der", "den", "ter", "ten", "te", "de", "del", "della", "degli", "dei", "di", "da", "do",
        "dos", "das", "du", "des", "la", "le", "les", "lo", "y", "e", "bin", "ibn", "bint", "al", "el", "ben", "op", "het", "'t", "af", "av",
    };

    /// <summary>Capitalised words that, right before the last word of a "First Last" name, belong to the family
    /// name: "Ursula K. Le Guin", "Robert De Niro", "Martin Van Buren", "Leonardo Da Vinci".</summary>
    static readonly HashSet<string> CapitalParticles = new(StringComparer.Ordinal)
    {
        "Le", "La", "De", "Van", "Von", "Du", "Di", "Da", "Del", "Della", "Des", "Dos", "Das", "St.", "Ste.", "Saint", "Mac", "Ten", "Ter",
        "Van der", "Vander", "Al", "El", "Abu", "Bin", "Ibn",
    };

    /// <summary>Attached particles, written without a space before the family name.</summary>
    static readonly string[] AttachedParticles = ["d'", "d’", "l'", "l’", "dell'", "dell’", "al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-", "ash-", "ul-"];

    static readonly Dictionary<string, string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jr"] = "Jr.", ["jr."] = "Jr.", ["sr"] = "Sr.", ["sr."] = "Sr.", ["jun."] = "Jun.", ["sen."] = "Sen.", ["jnr"] = "Jr.", ["jnr."] = "Jr.",
        ["snr"] = "Sr.", ["snr."] = "Sr.",
        // "Junior" and "Senior" are left out: they are family names too ("Andrew W. Senior"), and "Sen" without its period is one ("Amartya Sen").
        // "V" and "VI" are left out: as the last word they are far more often Vancouver initials ("van Gogh V").
        ["ii"] = "II", ["iii"] = "III", ["iv"] = "IV",
        ["2nd"] = "2nd", ["3rd"] = "3rd", ["4th"] = "4th",
    };

    /// <summary>Degrees and honours written after a comma: they are dropped, not kept as a suffix.</summary>
    static readonly HashSet<string> Degrees = new(StringComparer.OrdinalIgnoreCase)
    {
        "phd", "ph.d.", "ph.d", "md", "m.d.", "msc", "m.sc.", "bsc", "ma", "m.a.", "ba", "mph", "mba", "rn", "dphil", "frs", "obe", "mbe", "cbe",
        "dds", "do", "jd", "llb", "llm", "facp", "frcp", "esq.", "esq",
    };

    static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame", "rev.", "rev", "fr.",
    };
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HonorificLookup = Honorifics.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Abbreviations of given names that end in a period but are not initials.</summary>
    static readonly HashSet<string> GivenAbbreviations = new(StringComparer.Ordinal)
    {
        "Wm.", "Chas.", "Jas.", "Geo.", "Thos.", "Jno.", "Th.", "Ch.", "Ph.", "Chr.", "Fr.", "Jos.", "Sam.", "Benj.", "Edw.", "Robt.", "Alex.",
        // Russian initials transliterated with two letters (Я, Ю, Е, Ё, Ж, Х, Ц, Ш, Щ): "V. Ya. Shtern", "A. Yu. Ivanov".
        "Ya.", "Yu.", "Ye.", "Yo.", "Zh.", "Kh.", "Ts.", "Sh.", "Shch.",
    };

    /// <summary>Words that make a text something other than one person: roles, collectives, organisations, place-holders.</summary>
    static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "et", "al", "al.", "others", "and", "und", "&", "editor", "editors", "ed", "ed.", "eds", "eds.", "edited", "translator", "trans.",
        "staff", "team", "anonymous", "unknown", "n/a", "author", "authors", "admin", "writer", "reporter", "contributors",
        "university", "universität", "université", "universidad", "college", "institute", "institut", "instituto", "society", "association",
        "organization", "organisation", "committee", "group", "consortium", "foundation", "agency", "department", "ministry", "council",
        "center", "centre", "inc", "inc.", "ltd", "ltd.", "llc", "corp.", "corporation", "company", "press", "news", "board", "office",
        "collaboration", "network", "project", "initiative", "laboratory", "laboratories", "bank", "fund", "commission", "service",
        "services", "trust", "journal", "review", "magazine", "times", "post", "daily", "weekly", "the", "of", "for", "on", "in", "at",
        "wikipedia", "contributor", "taskforce", "task", "force", "working", "party", "programme", "program", "national", "international",
        "world", "health", "research", "science", "sciences", "studies", "school", "hospital", "clinic", "museum", "library", "archive",
    };
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameLookup = NotNameWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Family names of two or three letters that lead a name written family-first in capitals ("LI Wei", "NGUYEN Van A"
    /// needs no list): Chinese, Korean and Vietnamese names, where such a lead is a name rather than initials.</summary>
    static readonly HashSet<string> ShortFamilyNames = new(StringComparer.Ordinal)
    {
        "LI", "WU", "XU", "MA", "HU", "HE", "LU", "YU", "YE", "QI", "SU", "DU", "BI", "NG", "LY", "LE", "DO", "VU", "HO", "OH", "AN", "YI", "GU",
        "BUI", "TAN", "LIM", "LEE", "KIM", "PAK", "GAO", "SUN", "LIU", "HAN", "XIE", "ZHU", "YAN", "LIN", "WEI", "GUO", "LUO", "SHI", "XUE",
        "CAO", "FAN", "TAO", "JIN", "DAI", "WAN", "HOU", "QIN", "REN", "SHEN", "CUI", "FU", "MAO", "QIU", "ZOU", "LAI", "LAM", "WOO", "CHO",
        "YOO", "JUNG", "KANG", "CHOI", "PARK", "YOON", "WANG", "ZHANG", "CHEN", "YANG", "HUANG", "ZHAO", "ZHOU", "HUYNH", "PHAM", "TRAN",
    };

    static readonly HashSet<string> CompoundChineseSurnames = new(StringComparer.Ordinal)
    {
        "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫", "慕容", "长孙", "長孫",
        "宇文", "司徒", "夏侯", "令狐", "南宫", "南宮", "西门", "西門", "端木", "申屠", "独孤", "獨孤", "남궁", "황보", "제갈", "선우", "독고",
    };

    /// <summary>A generational suffix ("Jr.", "III", "2nd"), or null.</summary>
    public static string? SuffixOf(string word) => Suffix(word);

    /// <summary>Words only organisations carry in their names. Kept lower case.</summary>
    static readonly HashSet<string> OrganizationWords = new(StringComparer.Ordinal)
    {
        "organization", "organisation", "association", "institute", "institut", "instituto", "society", "council", "committee", "department",
        "university", "université", "universität", "universidad", "college", "agency", "group", "office", "ministry", "bureau", "commission",
        "foundation", "center", "centre", "board", "service", "services", "inc", "ltd", "llc", "gmbh", "corporation", "corp", "consortium",
        "team", "project", "network", "federation", "union", "nations", "administration", "company", "laboratory", "laboratories",
        "collaboration", "working", "program", "programme", "trust", "press", "authority", "government", "court", "parliament", "congress",
        "unesco", "who", "oecd", "bank", "fund", "staff", "panel", "alliance", "initiative", "taskforce", "hospital", "museum", "library",
        "school", "academy", "observatory", "directorate", "inspectorate", "secretariat", "survey", "agencies",
        // The same words in the languages reference lists cite their agencies in ("ORGANIZAÇÃO MUNDIAL DA SAÚDE", "Agence
        // nationale de sécurité sanitaire", "Bundesamt für Umwelt"); in capitals, "DA" and "DE" read as a person's initials.
        "organização", "organización", "organizzazione", "associação", "asociación", "associazione", "ministério", "ministerio",
        "ministère", "ministero", "ministerium", "secretaria", "secretaría", "agência", "agencia", "agence", "agenzia", "conselho",
        "consejo", "conseil", "consiglio", "fundação", "fundación", "fondation", "fondazione", "sociedade", "sociedad", "société",
        "società", "gesellschaft", "verband", "bundesamt", "bundesanstalt", "bundesinstitut", "comissão", "comisión", "commissione",
        "departamento", "universidade", "università", "universiteit", "istituto", "instituut", "observatoire", "observatorio",
        "direção", "dirección", "autorité", "autoridad", "hochschule", "école", "escuela", "escola", "scuola",
    };

    /// <summary>True when the words name an organisation, not a person: two words or more with one only organisations
    /// carry, alone or closing a compound ("World Health Organization", "Cochrane Collaboration", "Robert Koch-Institut"),
    /// or three or more joined by "of", "for", "the" ("Bank of England"). A lone word ("WHO") is too little to tell.</summary>
    public static bool IsOrganization(IReadOnlyList<string> words)
    {
        if (words.Count < 2) return false;
        var folded = Folded(words);
        return (folded.Count >= 2 && folded.Any(IsOrganizationWord)) || (folded.Count >= 3 && folded.Any(w => w is "of" or "for" or "the" or "für"));
    }

    /// <summary>True when one of the words is one only organisations carry (the first test of <see cref="IsOrganization"/>).</summary>
    public static bool HasOrganizationWord(IReadOnlyList<string> words) => Folded(words).Any(IsOrganizationWord);

    static List<string> Folded(IReadOnlyList<string> words) =>
        words.Select(w => w.Trim('.', ',', ':', ';', '(', ')', '"', '\'', '“', '”', '‘', '’', '[', ']').ToLowerInvariant()).Where(w => w.Length > 0).ToList();

    static bool IsOrganizationWord(string folded) =>
        OrganizationWords.Contains(folded) || OrganizationWords.Contains(folded[(folded.LastIndexOf('-') + 1)..]);

    public static bool TryParse(string? text, out PersonName name)
    {
        name = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength) return false;
        var clean = Clean(text);
        if (clean.Length == 0 || !HasOnlyNameCharacters(clean)) return false;

        var parts = clean.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var count = parts.Length;
        while (count > 1 && Degrees.Contains(parts[count - 1])) count--;
        PersonName? parsed = count switch
        {
            1 => Uninverted(Words(parts[0]), suffix: null),
            2 when Suffix(parts[1]) is { } suffix => Uninverted(Words(parts[0]), suffix),
            2 => Inverted(parts[0], parts[1], suffix: null),
            3 when Suffix(parts[1]) is { } suffix => Inverted(parts[0], parts[2], suffix),
            3 when Suffix(parts[2]) is { } suffix => Inverted(parts[0], parts[1], suffix),
            _ => null,
        };
        if (parsed is not { } result || !IsNameShaped(result)) return false;
        name = result;
        return true;
    }

    /// <summary>Spaces normalised, honorifics and wrapping punctuation dropped, "F.M." spaced as "F. M.".</summary>
    static string Clean(string text)
    {
        // Each character is followed by at most one added space; a name of MaxLength characters is built on the stack
        // (composing can lengthen a rare text, which gets a heap buffer).
        var normalized = LatinDiacritics.Compose(text);
        Span<char> built = normalized.Length <= MaxLength ? stackalloc char[2 * MaxLength] : new char[2 * normalized.Length];
        var length = 0;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '・' || c == '·') { if (length > 0 && built[length - 1] != ' ') built[length++] = ' '; }
            else built[length++] = c == '‘' ? '’' : c;
            // "F.M." → "F. M.": initials are separate words for every reader downstream.
            if (c == '.' && length >= 2 && char.IsUpper(built[length - 2]) && (length == 2 || !char.IsLetter(built[length - 3]))) built[length++] = ' ';
        }
        var clean = new string(built[..length]).Replace(" ,", ",").Replace(" -", "-").Replace("- ", "-").Trim().Trim('"', '“', '”', ';', ':', '*', '†', '‡', '§').Trim();
        if (clean.EndsWith(',')) clean = clean[..^1].Trim();
        // The text now has single spaces only: it is cut into words again only when an honorific leads it.
        var firstSpace = clean.IndexOf(' ');
        if (firstSpace < 0 || !HonorificLookup.Contains(clean.AsSpan(0, firstSpace))) return clean.Replace(" ,", ",");
        var words = clean.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 2 && Honorifics.Contains(words[0])) words.RemoveAt(0);
        return string.Join(' ', words).Replace(" ,", ",");
    }

    static bool HasOnlyNameCharacters(string text)
    {
        foreach (var c in text)
            if (!(char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                  || c is ' ' or '.' or ',' or '-' or '\'' or '’' || char.IsAsciiDigit(c))) return false;
        // Digits only in a generational suffix ("2nd", "3rd").
        if (!text.AsSpan().ContainsAnyInRange('0', '9')) return true;
        foreach (var word in text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            if (word.Any(char.IsAsciiDigit) && Suffix(word) is null) return false;
        return true;
    }

    /// <summary>The words between spaces; a text of one word is its own word (no copy).</summary>
    static List<string> Words(string text)
    {
        var words = new List<string>(4);
        var start = 0;
        while (start < text.Length)
        {
            var space = text.IndexOf(' ', start);
            var end = space < 0 ? text.Length : space;
            if (end > start) words.Add(start == 0 && end == text.Length ? text : text[start..end]);
            start = end + 1;
        }
        return words;
    }

    static string? Suffix(string word) => Suffixes.TryGetValue(word.Trim(), out var suffix) ? suffix : null;

    /// <summary>"Last, First" (and "Last, Jr., First"): the part before the comma is the family name.</summary>
    static PersonName? Inverted(string familyPart, string givenPart, string? suffix)
    {
        var family = Words(familyPart);
        var given = Words(givenPart);
        if (family.Count == 0 || given.Count == 0) return null;
        // "Smith J, Jones K" is two Vancouver names, not one.
        if (family.Count >= 2 && IsCapitalInitials(family[^1]) && !IsAllCapitals(family[0])) return null;
        if (given.Count >= 2 && IsCapitalInitials(given[^1]) && !given.Take(given.Count - 1).All(IsInitialOrParticle)) return null;
        // "Beethoven, Ludwig van": a trailing lower-case particle belongs to the family name.
        var particle = new List<string>();
        while (given.Count > 1 && Particles.Contains(given[^1])) { particle.Insert(0, given[^1]); given.RemoveAt(given.Count - 1); }
        var (leading, familyName) = SplitParticle(family);
        particle.AddRange(leading);
        var allCapitals = family.All(IsAllCapitals);
        var givenText = string.Join(' ', given);
        givenText = IsCapitalInitials(givenText) && given.Count == 1 ? ExpandInitials(givenText)
            : allCapitals && given.All(IsAllCapitals) && !given.All(IsInitial) ? TitleCase(givenText) : givenText;
        if (allCapitals) familyName = TitleCase(familyName);
        return new PersonName(givenText, familyName, Join(particle), suffix);
    }

    static bool IsInitialOrParticle(string word) => IsInitial(word) || Particles.Contains(word);

    /// <summary>A name without a comma: Vancouver ("Monto AS"), family in capitals first ("DUPONT Jean"),
    /// CJK ("山田 太郎"), or given names first ("Ursula K. Le Guin").</summary>
    static PersonName? Uninverted(List<string> words, string? suffix)
    {
        if (suffix is null && words.Count >= 3 && Suffix(words[^1]) is { } trailing) { suffix = trailing; words.RemoveAt(words.Count - 1); }
        if (words.Count == 1) return suffix is null ? Cjk(words[0]) : null;
        if (words.Count == 0 || words.Count > 6) return null;
        if (words.All(IsCjk)) return words.Count == 2 ? new PersonName(words[1], words[0], null, suffix) : null;

        // Vancouver with spaced initials ("Xynos I D", "Boccaccini A R"): a run of single capitals after the family words.
        var run = 0;
        while (run < words.Count - 1 && words[words.Count - 1 - run] is [var single] && char.IsUpper(single)) run++;
        if (run >= 2 && words.Take(words.Count - run).All(w => !IsInitial(w) && w.Length > 1))
        {
            var familyWords = words.Take(words.Count - run).ToList();
            var (particle, family) = SplitParticle(familyWords);
            if (familyWords.All(IsAllCapitals)) family = TitleCase(family);
            return new PersonName(ExpandInitials(string.Concat(words.Skip(words.Count - run))), family, Join(particle), suffix);
        }

        // Vancouver: family words, then the initials in capitals without periods.
        var last = words[^1];
        if (IsCapitalInitials(last) && !words.Take(words.Count - 1).Any(IsInitial))
        {
            var familyWords = words.Take(words.Count - 1).ToList();
            if (familyWords.All(IsAllCapitals) && familyWords.Count == 1 && !HasVowel(familyWords[0]) ) return null;
            var (particle, family) = SplitParticle(familyWords);
            if (familyWords.All(IsAllCapitals)) family = TitleCase(family);
            return new PersonName(ExpandInitials(last), family, Join(particle), suffix);
        }

        // "MONTO A. S.", "DUPONT Jean", "LI Wei": the family name in capitals comes first, given names follow.
        // A lead of two or three capitals is initials ("JA Smith", "CB Anfinsen") unless it is a common short family name ("LI Wei").
        var capitalLead = 0;
        while (capitalLead < words.Count && IsAllCapitals(words[capitalLead]) && !IsInitial(words[capitalLead])) capitalLead++;
        if (capitalLead > 0 && capitalLead < words.Count && HasVowel(words[0])
            && (words[0].Count(char.IsLetter) >= 4 || ShortFamilyNames.Contains(words[0]))
            && words.Skip(capitalLead).All(w => !IsAllCapitals(w) || IsInitial(w)))
        {
            var (particle, family) = SplitParticle(words.Take(capitalLead).ToList());
            return new PersonName(string.Join(' ', words.Skip(capitalLead)), TitleCase(family), Join(particle), suffix);
        }

        // Given names first: the last word is the family name, with the particles just before it.
        var allCapitals = words.All(IsAllCapitals);
        var end = words.Count - 1;
        var start = end;
        while (start > 1 && Particles.Contains(words[start - 1])) start--;
        var particleWords = words.Skip(start).Take(end - start).ToList();
        var familyText = words[end];
        if (start == end && start > 1 && CapitalParticles.Contains(words[start - 1])) { start--; familyText = words[start] + " " + familyText; }
        else if (start == end && start > 2 && CapitalParticles.Contains(words[start - 2] + " " + words[start - 1]))
        { start -= 2; familyText = words[start] + " " + words[start + 1] + " " + familyText; }
        var (attached, bare) = SplitAttached(familyText);
        if (attached is not null) particleWords.Add(attached);
        // "CB Anfinsen", "JA Smith": initials written as capitals without periods.
        var given = string.Join(' ', words.Take(start).Select(w => !allCapitals && IsCapitalInitials(w) && w.Length > 1 ? ExpandInitials(w) : w));
        if (allCapitals) { given = TitleCase(given); bare = TitleCase(bare); }
        return new PersonName(given, bare, Join(particleWords), suffix);
    }

    /// <summary>A name in a CJK script written without a space: the family name is the first character, or the
    /// first two for a compound surname or a four-character name; Japanese kana start the given name.</summary>
    static PersonName? Cjk(string word)
    {
        if (!IsCjk(word) || word.Length is < 2 or > 5) return null;
        var kana = word.AsSpan().IndexOfAnyInRange('\u3040', '\u30FF');
        var familyLength = kana > 0 ? kana
            : word.Length >= 3 && CompoundChineseSurnames.Contains(word[..2]) ? 2
            : word.Length == 4 ? 2 : 1;
        return new PersonName(word[familyLength..], word[..familyLength]);
    }

    /// <summary>Leading lower-case particles of a family name ("van der Berg", "de la Cruz") and an attached one ("d'Alembert").</summary>
    static (List<string> Particle, string Family) SplitParticle(List<string> family)
    {
        var particle = new List<string>();
        var index = 0;
        while (index < family.Count - 1 && Particles.Contains(family[index])) particle.Add(family[index++]);
        var rest = index == family.Count - 1 ? family[index] : string.Join(' ', family.Skip(index));
        var (attached, bare) = SplitAttached(rest);
        if (attached is not null) particle.Add(attached);
        return (particle, bare);
    }

    static (string? Attached, string Family) SplitAttached(string family)
    {
        foreach (var prefix in AttachedParticles)
            if (family.Length > prefix.Length + 1 && family.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(family[prefix.Length]))
                return (prefix, family[prefix.Length..]);
        return (null, family);
    }

    static string? Join(List<string> particle)
    {
        if (particle.Count == 0) return null;
        var text = new StringBuilder();
        foreach (var word in particle)
        {
            if (text.Length > 0 && !(text[^1] is '\'' or '’' or '-')) text.Append(' ');
            text.Append(word);
        }
        return text.ToString();
    }

    /// <summary>The honest "is this one person's name" check on the split result.</summary>
    static bool IsNameShaped(PersonName name)
    {
        if (IsCjk(name.Family)) return name.Given.Length > 0;
        if (name.Given.Length == 0) return false;
        var familyWords = Words(name.Family);
        var givenWords = Words(name.Given);
        if (familyWords.Count > 4 || givenWords.Count > 4) return false;
        // The family name has a word of two letters or more; the given names are words or initials.
        if (!familyWords.Exists(w => CountLetters(w) >= 2)) return false;
        if (!AreNameWords(familyWords) || !AreNameWords(givenWords)) return false;
        if (familyWords.Exists(IsTopicWord) || givenWords.Exists(IsTopicWord)) return false;
        foreach (var word in familyWords)
            if (word.EndsWith('.') && !word.Equals("St.", StringComparison.Ordinal) && !word.Equals("Ste.", StringComparison.Ordinal)) return false;
        return true;
    }

    static bool AreNameWords(List<string> words)
    {
        foreach (var word in words)
            if (NotNameLookup.Contains(word.AsSpan().TrimEnd('.')) || NotNameWords.Contains(word) || !IsNameWord(word)) return false;
        return true;
    }

    /// <summary>Subject nouns no name has: "Cosmic Radiation", "Molecular Therapeutics", "Redaktion" are a title or an
    /// organisation read as a name. Six letters or more ending -tion(s), -sion(s), -ology, -ism(s), -ics.</summary>
    static bool IsTopicWord(string word)
    {
        if (word.Length < 6) return false;
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        return IsTopicWordLowered(buffer[..word.AsSpan().ToLowerInvariant(buffer)]);
    }

    /// <summary><see cref="IsTopicWord"/> of a word already lower-cased (the name gate's words are).</summary>
    internal static bool IsTopicWordLowered(ReadOnlySpan<char> lower) =>
        lower.Length >= 6 && (lower.EndsWith("tion") || lower.EndsWith("tions") || lower.EndsWith("sion") || lower.EndsWith("sions")
            || lower.EndsWith("ology") || lower.EndsWith("ism") || lower.EndsWith("isms") || lower.EndsWith("ics"));

    /// <summary>A capitalised word ("Jean-Paul", "O'Brien", "McDonald"), an initial ("A.", "J.-P."), or a given-name
    /// abbreviation ("Wm."): never a journal abbreviation such as "Biol." or a lower-case common word.</summary>
    static bool IsNameWord(string word)
    {
        if (IsInitial(word) || GivenAbbreviations.Contains(word) || IsCapitalInitials(word)) return true;
        if (word is "St." or "Ste.") return true;
        if (word.EndsWith('.')) return false;
        var first = word[0];
        if (!char.IsUpper(first) && !IsCjk(word))
        {
            if (Particles.Contains(word)) return true;
            foreach (var particle in AttachedParticles)
                if (word.Length > particle.Length && word.StartsWith(particle, StringComparison.Ordinal)) return true;
            return false;
        }
        foreach (var c in word)
            if (!(char.IsLetter(c) || c is '-' or '\'' or '’' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)) return false;
        return true;
    }

    /// <summary>"A.", "J.-P.", "Ch.": one given name written as its initial.</summary>
    static bool IsInitial(string word)
    {
        if (word.Length == 1) return char.IsUpper(word[0]);
        if (!word.EndsWith('.')) return false;
        var pieces = word.AsSpan().TrimEnd('.');
        foreach (var range in pieces.SplitAny('.', '-'))
        {
            var piece = pieces[range];
            if (piece.Length != 0 && (piece.Length != 1 || !char.IsUpper(piece[0]))) return false;
        }
        return true;
    }

    /// <summary>Vancouver initials: one to three capitals without periods ("AS", "JJ", "J-P").</summary>
    static bool IsCapitalInitials(string word)
    {
        if (word.Length == 0 || word[0] == '-' || word[^1] == '-') return false;
        var letters = 0;
        foreach (var c in word)
        {
            if (c == '-') continue;
            if (!char.IsUpper(c) || ++letters > 3) return false;
        }
        return letters >= 1;
    }

    static bool IsAllCapitals(string word)
    {
        var letter = false;
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
            letter |= char.IsLetter(c);
        }
        return letter && !IsCjk(word);
    }

    internal static int CountLetters(string word)
    {
        var letters = 0;
        foreach (var c in word) if (char.IsLetter(c)) letters++;
        return letters;
    }

    static bool HasVowel(string word) => word.Any(c => "AEIOUYaeiouy".Contains(LatinDiacritics.BaseOf(c)));

    /// <summary>"AS" → "A. S.", "J-P" → "J.-P.".</summary>
    static string ExpandInitials(string initials)
    {
        var text = new StringBuilder();
        foreach (var c in initials)
        {
            if (c == '-') { text.Append('-'); continue; }
            if (text.Length > 0 && text[^1] != '-') text.Append(' ');
            text.Append(c).Append('.');
        }
        return text.ToString();
    }

    /// <summary>"PÉREZ-HIGUERAS" → "Pérez-Higueras", "O'BRIEN" → "O'Brien"; particles stay lower case.</summary>
    static string TitleCase(string text)
    {
        var words = Words(text);
        for (var w = 0; w < words.Count; w++)
        {
            if (Particles.Contains(words[w].ToLowerInvariant()) && w < words.Count - 1) { words[w] = words[w].ToLowerInvariant(); continue; }
            if (IsInitial(words[w])) continue;
            // Turkish İ (a dotted capital I) has no lower case in the invariant culture: it is a plain i ("SHİNER" is Shiner).
            var chars = words[w].ToLowerInvariant().Replace('\u0130', 'i').ToCharArray();
            for (var i = 0; i < chars.Length; i++)
                if (i == 0 || chars[i - 1] is '-' or '\'' or '’') chars[i] = char.ToUpperInvariant(chars[i]);
            words[w] = new string(chars);
        }
        return string.Join(' ', words);
    }

    /// <summary>True when the text is written in Han, kana or Hangul.</summary>
    public static bool IsCjk(string text)
    {
        if (text.Length == 0) return false;
        foreach (var c in text)
            if (!Scripts.IsHanOrKana(c) && !Scripts.IsHangul(c))
                return false;
        return true;
    }

    public static string Initials(string given)
    {
        if (given.Length == 0 || IsCjk(given)) return given.Length == 0 ? "" : given[..1];
        // At most three characters ("A.-" or "A. ") for each character of the given names.
        Span<char> text = given.Length <= 64 ? stackalloc char[3 * given.Length] : new char[3 * given.Length];
        var length = 0;
        foreach (var wordRange in given.AsSpan().Split(' '))
        {
            var word = given.AsSpan(wordRange);
            if (word.IsEmpty) continue;
            if (length > 0) text[length++] = ' ';
            var pieces = 0;
            foreach (var pieceRange in word.Split('-'))
            {
                var piece = word[pieceRange];
                if (piece.IsEmpty) continue;
                if (pieces++ > 0) text[length++] = '-';
                foreach (var c in piece)
                {
                    if (!char.IsLetter(c)) continue;
                    text[length++] = char.ToUpperInvariant(c);
                    text[length++] = '.';
                    break;
                }
            }
        }
        return new string(text[..length]);
    }
}
