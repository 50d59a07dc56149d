using System.Text.RegularExpressions;
using Hqt.Extraction.Text;

namespace Hqt.Extraction.Authors;

/// <summary>
/// Turns the raw text of one author signal ("By Jane Doe and John Roe, Staff Writers | 5 min read") into
/// clean names: labels, dates, reading times, contacts and job titles go; lists split; "Last, First" stays one person.
/// </summary>
public static partial class AuthorNames
{
    /// <summary>Marks a boundary between blocks in visible text: nothing on either side belongs to the same name.</summary>
    public const char Boundary = '\u2029';

    const int MaxNameLength = 80;

    static readonly HashSet<string> Furniture = new(StringComparer.OrdinalIgnoreCase)
    {
        "view author archive", "author archive", "see full bio", "full bio", "bio", "reply", "name", "name *", "follow", "follow author",
        "follow me", "unfollow", "more by", "more from", "about the author", "about", "author", "authors", "author details", "posted by", "share",
        "comments", "comment", "contact", "email", "e-mail", "twitter", "facebook", "linkedin", "instagram", "view all posts", "all posts",
        "read more", "view profile", "profile", "admin", "administrator", "publisher", "individual", "anonymous", "unknown", "guest", "editor",
        "editors", "by", "von", "par", "por", "door", "and", "und", "more", "subscribe", "sign in", "log in", "login", "home", "menu",
        "search", "newsletter", "advertisement", "anzeige", "print", "close", "close menu", "open menu", "skip to content", "autor", "autorin",
        "auteur", "autore", "著者", "作者", "author profile", "view more stories", "more stories", "latest", "updated", "published",
        "get rights and content", "written by", "posted in", "filed under", "null", "undefined", "none", "n/a", "user", "default",
        "news", "research article", "article", "agencies", "agency", "wires", "wire", "wire services", "at", "on", "in", "the", "of",
        "staff", "team", "contributors", "guest author", "guest post", "sponsored", "partner content", "advertiser content", "notes", "note",
        "設定", "ログイン", "ログアウト", "メニュー", "検索", "ホーム", "ヘルプ", "登録", "设置", "登录", "首页", "搜索",
    };

    /// <summary>Words that never occur in a name but do in the buttons and links around bylines.</summary>
    static readonly HashSet<string> FurnitureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "rss", "feed", "follow", "subscribe", "share", "newsletter", "click", "here", "login", "register", "comments", "posts", "archive",
        "profile", "bio", "view", "see", "read", "menu", "search", "size", "small", "medium", "large", "print", "email", "e-mail", "contact",
        "us", "our", "your", "my", "this", "that", "all", "home", "tweet", "like", "articles", "stories", "author", "authors", "verified",
        "sign", "listen", "watch", "download", "copyright", "rights", "reserved", "cookie", "cookies", "privacy",
    };

    /// <summary>Lower-case words that do sit inside names.</summary>
    static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "ten", "ter", "la", "le", "du", "des", "bin", "ibn", "al", "el", "y", "zu", "st.", "mc",
    };

    /// <summary>Words of a job title or a credit that is not authorship; a comma or dash piece holding one is not a name.</summary>
    static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "writer", "writers", "editor", "editors", "reporter", "reporters", "correspondent", "columnist", "contributor", "contributing",
        "staff", "journalist", "manager", "director", "producer", "technologist", "analyst", "founder", "co-founder", "ceo",
        "cto", "cfo", "professor", "researcher", "student", "intern", "freelance", "freelancer", "editorial", "chief", "deputy", "associate",
        "assistant", "president", "vice", "officer", "specialist", "consultant", "strategist", "designer", "developer", "engineer",
        "redakteur", "redakteurin", "korrespondent", "korrespondentin", "journalistin", "rédacteur", "rédactrice", "journaliste",
        "periodista", "redactor", "redactora", "corresponsal", "photographer", "photos", "photo", "illustrations", "illustration",
        "contributors", "updated", "published", "posted", "bureau", "lead", "head", "host", "anchor", "critic", "blogger",
        "fotos", "foto", "bilder", "bild", "grafik", "video", "ma", "md", "phd", "ph.d.", "ms", "msc", "bsc", "rn", "mph", "mba", "dr", "prof",
        "chefredakteur", "chefredakteurin", "redaktionsleiter", "volontär", "volontärin", "praktikant", "praktikantin",
    };

    static readonly HashSet<string> SurnameLikeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "writer", "editor", "host", "anchor", "lead", "head", "critic", "student", "officer", "designer", "engineer",
    };

    /// <summary>Words a job title starts with ("Senior …", "Contributing …"), whatever follows.</summary>
    static readonly HashSet<string> RoleLeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "senior", "chief", "contributing", "deputy", "associate", "assistant", "head", "lead", "staff", "executive", "managing", "freelance",
        "former", "special", "guest", "stellvertretender", "stellvertretende", "leitender", "leitende", "freier", "freie",
    };

    /// <summary>Words only organisations carry.</summary>
    static readonly HashSet<string> OrganizationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "news", "media", "press", "inc", "inc.", "gmbh", "e.v.", "ev", "ltd", "ltd.", "llc", "plc", "ag", "sa", "corp", "corporation", "company",
        "redaktion", "redacción", "rédaction", "redazione", "redactie", "staff", "team", "editors", "editorial", "magazine", "magazin",
        "times", "today", "blog", "stiftung", "verlag", "university", "universität", "université", "universidad", "institute", "institut",
        "association", "agency", "group", "network", "channel", "tv", "radio", "desk", "newsdesk", "online", "bureau", "journal", "post",
        "daily", "weekly", "foundation", "society", "council", "committee", "department", "ministry", "office", "government", "project",
        "projects", "contributors", "wikipedia", "wikimedia", "services", "solutions", "studio", "studios", "labs", "club", "health",
        "sciences", "school", "college", "hospital", "center", "centre", "museum", "library", "organization", "organisation",
        "associated", "reuters", "afp", "dpa", "ap", "apa", "sid", "kna", "epd", "deutschland", "international", "global",
    };

    static readonly string BoundaryText = Boundary.ToString();

    /// <summary>
    /// Whether <see cref="DatePattern"/> can match at all: each of its branches holds a digit or starts with one of these
    /// words. The pattern costs microseconds even on a short name; this test, a fraction of one.
    /// </summary>
    static bool MayHoldDate(string text)
    {
        foreach (var c in text)
            if (char.IsDigit(c)) return true;
        return text.AsSpan().IndexOfAny(DateWords) >= 0;
    }

    static readonly System.Buffers.SearchValues<string> DateWords = System.Buffers.SearchValues.Create(
        ["updated", "published", "posted", "modified", "aktualisiert", "veröffentlicht", "erschienen", "publié", "mis", "publicado", "actualizado",
         "mon", "tue", "wed", "thu", "fri", "sat", "sun", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
        StringComparison.OrdinalIgnoreCase);

    // Separator and trim sets as fields: written inline, each call allocated and filled a new array (a third of Split's time).
    static readonly char[] SegmentSeparators = [Boundary, '|', '•', '·', '●', '◆', '■', '/', '／', '\\', '«', '»', '–', '—', ':', '：', '\u3000'];
    static readonly char[] ListPieceTrim = [' ', ',', ';', '-', '&'];
    static readonly char[] WordTrim = ['.', ',', ':', '(', ')'];
    static readonly char[] NameWordSeparators = [' ', '-'];
    static readonly char[] NameWordTrim = [',', ';', '(', ')'];
    static readonly char[] PunctuationTrim = [' ', '"', '\'', '“', '”', '‘', '’', ',', ';', '-', '*', '+', '~', ':', '^', '(', ')', '[', ']', '·'];

    static readonly System.Buffers.SearchValues<string> UrlMarks = System.Buffers.SearchValues.Create(["http", "www."], StringComparison.OrdinalIgnoreCase);

    static readonly System.Buffers.SearchValues<string> CreditMarks = System.Buffers.SearchValues.Create(["by", "von"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Credit labels between names in Japanese and Chinese bylines (author, illustration, translation, supervision).</summary>
    static readonly string[] CjkRoleLabels = ["翻訳者", "監訳", "イラスト", "著者", "作者", "翻訳", "訳", "著", "文", "写真", "撮影", "編集"];

    /// <summary>Names, cleaned, from the raw text of one signal. Empty when the text holds no name.</summary>
    public static List<string> Split(string? raw)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 2000) return names;
        foreach (var segment in Segments(raw))
        {
            if (Furniture.Contains(segment)) continue;
            foreach (var name in SplitList(segment))
                if (Clean(name) is { } clean && !names.Contains(clean, StringComparer.OrdinalIgnoreCase))
                    names.Add(clean);
        }
        return names;
    }

    /// <summary>Pieces of the text that cannot share a name: blocks, bullets, and whatever dates, times and labels cut apart.</summary>
    static IEnumerable<string> Segments(string raw)
    {
        // Each pattern runs only when the text holds what it needs (a "www", an "@", a parenthesis, a "by"/"von", a CJK
        // character): this runs for every author signal of every page, and most are a plain name.
        var text = raw.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        if (text.AsSpan().IndexOfAny(UrlMarks) >= 0) text = Url().Replace(text, BoundaryText);
        if (text.Contains('@')) text = Email().Replace(text, BoundaryText);
        if (text.Contains('(')) text = Parenthetical().Replace(text, m => IsInsideName(text, m) ? " " + m.Groups[1].Value + " "
            : CoAuthors().IsMatch(m.Groups[1].Value) ? Boundary + m.Groups[1].Value + Boundary : BoundaryText);
        if (MayHoldDate(text)) text = DatePattern().Replace(text, BoundaryText);
        text = NoisePattern().Replace(text, BoundaryText);
        text = text.Replace(" - ", BoundaryText);
        if (text.AsSpan().IndexOfAny(CreditMarks) >= 0) text = OtherCredit().Replace(text, BoundaryText);
        if (text.AsSpan().IndexOfAnyInRange('\u3000', '\u9fff') >= 0)
            foreach (var label in CjkRoleLabels) text = text.Replace(label, BoundaryText);
        foreach (var piece in text.Split(SegmentSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = TextTools.Collapse(piece);
            if (segment is null) continue;
            segment = StripLabel(segment);
            if (segment.Length > 0) yield return segment;
        }
    }

    /// <summary>A parenthetical with a name on both sides ("Bruno (Henrique) Rodrigues") is part of the name; one at an end is an aside.</summary>
    static bool IsInsideName(string text, Match match)
    {
        var before = text[..match.Index].TrimEnd();
        var after = text[(match.Index + match.Length)..].TrimStart();
        return before.Length > 0 && char.IsLetter(before[^1]) && after.Length > 0 && char.IsUpper(after[0]) && !match.Groups[1].Value.Any(char.IsDigit);
    }

    static string StripLabel(string segment)
    {
        for (var guard = 0; guard < 3; guard++)
        {
            var stripped = LabelPrefix().Replace(segment, "").Trim();
            stripped = TrailingLabel().Replace(stripped, "").Trim();
            if (stripped == segment) break;
            segment = stripped;
        }
        return segment;
    }

    /// <summary>Splits "A, B and C", "A & B", "A; B"; keeps "Last, First" (and "Jong, Michiel de") as one person, written First Last.</summary>
    static IEnumerable<string> SplitList(string segment)
    {
        // "Jane Doe, Senior Writer, Example Speech, Privacy, and Technology Project": what follows a job title is the employer.
        var commaPieces = segment.Split(',');
        for (var i = 0; i < commaPieces.Length; i++)
        {
            // "Sam Stein Senior Politics Editor, The Huffington Post": a name with its job glued on, then the employer.
            if (PeelRole(commaPieces[i].Trim()) is { } name)
            {
                commaPieces[i] = name;
                segment = string.Join(',', commaPieces[..(i + 1)]);
                break;
            }
            if (i > 0 && IsRole(commaPieces[i].Trim()))
            {
                segment = string.Join(',', commaPieces[..i]);
                break;
            }
        }
        var parts = new List<string>();
        foreach (var piece in ListSeparator().Split(segment))
        {
            var trimmed = piece.Trim(ListPieceTrim);
            if (trimmed.Length > 0) parts.Add(trimmed);
        }
        foreach (var part in parts)
        {
            var commaParts = part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(p => p.Length > 0 && !IsRole(p)).ToList();
            if (commaParts.Count == 2 && IsLastFirst(commaParts[0], commaParts[1]))
            {
                yield return commaParts[1] + " " + commaParts[0];
                continue;
            }
            // "Olympia-Verlag GmbH, Nürnberg, Germany": an organisation followed by its address.
            if (commaParts.Count > 1 && IsOrganization(commaParts[0]) && !commaParts.Skip(1).Any(IsOrganization))
            {
                yield return commaParts[0];
                continue;
            }
            foreach (var commaPart in commaParts) yield return commaPart;
        }
    }

    /// <summary>
    /// The name in a piece that glues a job title to it, before ("Sam Stein Senior Politics Editor") or after
    /// ("Wirtschafts-Experte Max Muster"); null when the piece is not a name with a title.
    /// </summary>
    static string? PeelRole(string piece)
    {
        var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || !IsRole(piece) || IsOrganization(piece)) return null;
        for (var k = Math.Min(3, words.Length - 1); k >= 2; k--)
        {
            var name = string.Join(' ', words[..k]);
            if (words[..k].All(w => char.IsUpper(w[0])) && !IsRole(name) && !IsOrganization(name) && IsRole(string.Join(' ', words[k..])))
                return name;
        }
        for (var k = 1; k <= words.Length - 2; k++)
        {
            var name = string.Join(' ', words[k..]);
            if (words[k..].All(w => char.IsUpper(w[0]) || NameParticles.Contains(w)) && words.Length - k <= 4 && !IsRole(name) && !IsOrganization(name)
                && IsRole(string.Join(' ', words[..k])))
                return name;
        }
        return null;
    }

    static bool IsLastFirst(string last, string first) =>
        TextTools.CountWords(last) == 1 && TextTools.CountWords(first) <= 3 && !last.Any(char.IsDigit) && !first.Any(char.IsDigit)
        && !IsOrganization(last) && !IsOrganization(first) && char.IsUpper(last[0]) && char.IsUpper(first[0]);

    /// <summary>Whether a piece is a job title or credit ("Senior Staff Technologist", "Photos") rather than a name.</summary>
    public static bool IsRole(string piece)
    {
        var pieces = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var count = 0;
        var allRoleWords = true;
        for (var i = 0; i < pieces.Length; i++)
        {
            var w = pieces[i].Trim(WordTrim);
            if (w.Length == 0) continue;
            pieces[count++] = w;
            allRoleWords = allRoleWords && (RoleWords.Contains(w) || NameParticles.Contains(w) || w is "of" or "at" or "and" or "&" or "for");
        }
        if (count == 0) return false;
        if (allRoleWords) return true;
        var words = pieces.AsSpan(0, count);
        // "Ars Staff" and "Editorial Team" name a desk, not a job.
        var last = words[^1];
        if (last.Equals("staff", StringComparison.OrdinalIgnoreCase) || last.Equals("team", StringComparison.OrdinalIgnoreCase)) return false;
        if (RoleLeads.Contains(words[0]) && words.Length > 1) return true;
        foreach (var w in words)
            if (IsGermanRoleNoun(w)) return true;
        // "Ana Writer" or "Tom Head" may be a person; "Marketing Manager" is not. Two words ending in a job noun that is
        // also a surname only make a title after a leading role word, which the rules above already caught.
        if (words.Length == 2 && SurnameLikeRoles.Contains(last)) return false;
        if (words.Length > 1 && RoleWords.Contains(last)) return true;
        var hasAt = false;
        var hasRole = false;
        foreach (var w in words)
        {
            hasAt |= w.Equals("at", StringComparison.Ordinal) || w.Equals("bei", StringComparison.Ordinal);
            hasRole |= RoleWords.Contains(w);
        }
        return hasAt && hasRole;
    }

    /// <summary>German job titles are compounds ("Chefredakteur", "Projektleiterin", "Pressereferent").</summary>
    static bool IsGermanRoleNoun(string word)
    {
        foreach (var suffix in GermanRoleSuffixes)
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    static readonly string[] GermanRoleSuffixes = ["experte", "expertin", "redakteur", "redakteurin", "leiter", "leiterin", "referent", "referentin", "sprecher", "sprecherin", "korrespondent", "korrespondentin", "journalistin"];

    /// <summary>Whether a name is an organisation's ("The Associated Press", "Hanns-Seidel-Stiftung e.V.", "USA TODAY").</summary>
    public static bool IsOrganization(string name)
    {
        if (name.Contains(".com", StringComparison.OrdinalIgnoreCase) || name.Contains(".de", StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var word in name.Split(NameWordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.Trim(NameWordTrim);
            if (OrganizationWords.Contains(w) || w.EndsWith("stiftung", StringComparison.OrdinalIgnoreCase) || w.EndsWith("verlag", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>One candidate name made presentable, or null when it is not a name at all.</summary>
    public static string? Clean(string candidate)
    {
        var name = TextTools.Collapse(StripLabel(TrimPunctuation(candidate)));
        if (name is null) return null;
        name = TrimPunctuation(name);
        if (name.Length is < 2 or > MaxNameLength) return null;
        if (!HasLetter(name) || Furniture.Contains(name) || IsRole(name)) return null;
        if (name.StartsWith('@') || name.StartsWith('#') || name.Contains("://", StringComparison.Ordinal) || name.Contains('@') || name.Contains('{') || name.Contains('<')) return null;
        if (char.IsDigit(name[0]) || name.Contains('?') || name.Contains('!') || name.Contains('$') || name.Contains('=')) return null;
        var words = TextTools.CountWords(name);
        var cjk = name.Count(TextTools.IsCjk);
        if (words > 6 || (cjk > 0 && cjk > 12)) return null;
        var parts = name.Split(' ');
        if (parts.Any(FurnitureWords.Contains)) return null;
        if (!char.IsLetter(name[0])) return null;
        if (words > 1 && char.IsLower(name[0]) && !NameParticles.Contains(parts[0])) return null;
        if (parts.Count(w => w.Length > 0 && char.IsLower(w[0]) && !NameParticles.Contains(w)) >= 2) return null;
        // "AA", "TNN": a font-size control or a wire-service code, not a byline name.
        if (words == 1 && name.Length <= 3 && cjk == 0) return null;
        return name;
    }

    static bool HasLetter(string text)
    {
        foreach (var c in text)
            if (char.IsLetter(c)) return true;
        return false;
    }

    /// <summary>Trims quotes and punctuation around a name, but keeps the full stop of a final initial or "Jr.".</summary>
    static string TrimPunctuation(string value)
    {
        value = value.Trim(PunctuationTrim);
        while (value.EndsWith('.') && !EndsWithInitial(value)) value = value[..^1].TrimEnd();
        while (value.StartsWith('.')) value = value[1..].TrimStart();
        return value;
    }

    static bool EndsWithInitial(string value)
    {
        var space = value.LastIndexOf(' ');
        var lastWord = value[(space + 1)..^1];
        return (lastWord.Length == 1 && char.IsUpper(lastWord[0])) || lastWord is "Jr" or "Sr" || (lastWord.Length >= 2 && lastWord[^2] == '.');
    }

    /// <summary>Credits for other work than the writing ("Edited by …", "Photos by …") up to the next block.</summary>
    [GeneratedRegex(@"\b(?:edited|photos?|photography|photographs|illustrations?|illustrated|images?|video|graphics|fact[- ]checked|reviewed|produced|additional\s+reporting|contributing|fotos?|bilder)\s+(?:by|von)\b[^\u2029|]*", RegexOptions.IgnoreCase)]
    private static partial Regex OtherCredit();

    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex Email();

    /// <summary>"(avec Damien Leloup et Morgane Tual)", "(with Jane Roe)": co-authors in an aside.</summary>
    [GeneratedRegex(@"^\s*(?:with|avec|mit|con|com|and|et|und|y)\s+\p{Lu}", RegexOptions.IgnoreCase)]
    private static partial Regex CoAuthors();

    [GeneratedRegex(@"\(([^()]{0,60})\)")]
    private static partial Regex Parenthetical();

    /// <summary>Dates in the usual spellings (numeric, or with an English/German/French/Spanish/Dutch/Italian month), times, weekdays.</summary>
    [GeneratedRegex(@"(?:\b(?:updated|published|posted|modified|last\s+updated|aktualisiert|veröffentlicht|erschienen|publié|mis\s+à\s+jour|publicado|actualizado)\b\s*(?:on|am|le|el)?\s*:?)|"
        + @"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?(?:\s*[A-Z]{2,4}\b)?|"
        + @"\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januari|februari|maart|mei|augustus|oktober)\b\.?(?:\s*,?\s*\d{4})?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januari|februari|maart|mei|augustus|oktober)\b\.?\s*(?:\d{1,2}(?:st|nd|rd|th)?\b,?(?:\s*\d{4})?|,?\s*\d{4})|"
        + @"\b(?:mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b\.?,?|\b\d{4}年\d{1,2}月\d{1,2}日|\b(?:19|20)\d{2}\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    /// <summary>Reading times, relative times, counts, and calls to action that sit in bylines.</summary>
    [GeneratedRegex(@"\b\d+\s*(?:min(?:ute)?s?|minuten|mins?)\.?(?:\s+(?:read|reading|lesen|lesezeit|de\s+lecture|de\s+lectura))?\b|\b(?:lesezeit|reading\s+time|temps\s+de\s+lecture)\b|"
        + @"\b(?:\d+|an?|one|few)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b|\bhours?\s+ago\b|\bvor\s+\d+\s+(?:minuten|stunden|tagen)\b|"
        + @"\b\d+\s+(?:comments?|kommentare?|shares?|views?)\b|\b(?:see\s+full\s+bio|view\s+author\s+archive|view\s+all\s+posts|follow\s+author|more\s+by|show\s+more|read\s+more|view\s+profile|full\s+bio)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex NoisePattern();

    /// <summary>Labels before a name: "By", "Written by", "Von", "Artikel von", "Par", "Por", "Di", "Door", "Av", "Autor:", "Text:", "作者：".</summary>
    [GeneratedRegex(@"^(?:(?:written|posted|published|words|text|story|article|artikel|reported|reporting|compiled|interview|recipe|created|un\s+article)\s+(?:by|von|par|por|door|di|da)\b|by\b|von\b|vom\b|par\b|por\b|door\b|di\b|av\b|от\b|autor(?:in)?\b|author(?:s)?\b|auteur\b|text\b|texte\b|words\b|redacción\b|redaktion\s*:|posted\b|from\b|with\b|avec\b|mit\b|con\b|and\b|und\b|et\b|y\b|&)[\s:：.,-]*",
        RegexOptions.IgnoreCase)]
    private static partial Regex LabelPrefix();

    [GeneratedRegex(@"[\s,]+(?:and|und|et|y|&|on|am|le|el|at|in|the|published|updated|posted)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLabel();

    /// <summary>List separators between names: semicolons, "and" in several languages, ampersands, ideographic commas.</summary>
    [GeneratedRegex(@"\s*;\s*|\s+(?:and|und|et|y|e|en|og|och|ja|i|avec|with|con|com)\s+|\s*&\s*|\s*、\s*|\s*，\s*|\s*,\s*(?:and|und|et|y)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();
}
