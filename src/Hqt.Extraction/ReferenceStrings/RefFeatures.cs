using System.Globalization;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Token features for the reference tagger, as 64-bit hashes (template and value hashed together, no strings built
/// per feature): the word, its shape and affixes, punctuation around it, digit patterns (year, page range,
/// volume(issue)), lexicon hits, its place in the string and what came before it (a year seen, inside quotes or
/// brackets, sentences so far), and the same for its neighbours.
/// </summary>
/// <summary>A reference string's features: per token, and per boundary (index i: between token i - 1 and i).</summary>
public sealed record RefSequence(ulong[][] Tokens, ulong[][] Edges)
{
    public int Length => Tokens.Length;
}

public static class RefFeatures
{
    /// <summary>What is computed once per token and read by its own and its neighbours' features.</summary>
    internal readonly struct TokenInfo
    {
        public readonly string Lower;  // the token without surrounding punctuation, lower case
        public readonly string Shape;  // Xx. / d-d, / (d). : character classes with runs collapsed
        public readonly string RawLower;
        public readonly Flags Flags;
        public readonly char Last;
        public readonly char First;

        public TokenInfo(string raw, RefLexicons lexicons)
        {
            RawLower = raw.ToLowerInvariant();
            var core = Core(raw);
            Lower = core.ToLowerInvariant();
            Shape = ShapeOf(raw);
            Last = raw[^1];
            First = raw[0];
            Flags = FlagsOf(raw, core, Lower, lexicons);
        }
    }

    [Flags]
    internal enum Flags : uint
    {
        None = 0,
        Year = 1, YearAlone = 1 << 1, Digits = 1 << 2, AllDigits = 1 << 3, Range = 1 << 4, VolumeIssue = 1 << 5,
        Initial = 1 << 6, AllCaps = 1 << 7, Capitalized = 1 << 8, LowerCase = 1 << 9, Url = 1 << 10, Doi = 1 << 11,
        Month = 1 << 12, EditorMark = 1 << 13, Conjunction = 1 << 14, Particle = 1 << 15, Given = 1 << 16, Family = 1 << 17,
        Journal = 1 << 18, Publisher = 1 << 19, Location = 1 << 20, OpensQuote = 1 << 21, ClosesQuote = 1 << 22,
        OpensParen = 1 << 23, ClosesParen = 1 << 24, Ordinal = 1 << 25, Roman = 1 << 26, Letters = 1 << 27, Isbn = 1 << 28,
        Abbrev = 1 << 29,
    }

    const ulong FnvOffset = 14695981039346656037UL;
    const ulong FnvPrime = 1099511628211UL;

    static ulong Mix(ulong h, char c) => (h ^ c) * FnvPrime;

    static ulong Template(int id) => Mix(Mix(FnvOffset, (char)id), '\u0001');

    static ulong Hash(int template, ReadOnlySpan<char> value)
    {
        var h = Template(template);
        foreach (var c in value) h = Mix(h, c);
        return h;
    }

    static ulong Hash(int template, char a, ReadOnlySpan<char> b)
    {
        var h = Mix(Mix(Template(template), a), '\u0002');
        foreach (var c in b) h = Mix(h, c);
        return h;
    }

    static ulong Hash(int template, char a, int b) => Mix(Mix(Mix(Template(template), a), '\u0002'), (char)b);

    static ulong Hash(int template, int value) => Mix(Mix(Template(template), (char)(value & 0xFFFF)), (char)(value >> 16));

    static ulong Hash(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var h = Template(template);
        foreach (var c in a) h = Mix(h, c);
        h = Mix(h, '\u0002');
        foreach (var c in b) h = Mix(h, c);
        return h;
    }

    /// <summary>Features of every token, and of every boundary between two tokens (what separates them).</summary>
    public static RefSequence Extract(IReadOnlyList<RefToken> tokens, RefLexicons lexicons)
    {
        var n = tokens.Count;
        var info = new TokenInfo[n];
        for (var i = 0; i < n; i++) info[i] = new TokenInfo(tokens[i].Text, lexicons);

        var result = new ulong[n][];
        var buffer = new List<ulong>(96);
        var firstYear = -1;
        for (var i = 0; i < n; i++)
            if ((info[i].Flags & Flags.Year) != 0) { firstYear = i; break; }

        // Chunks: runs of tokens up to one ending a sentence or clause (".", ",", ";", ":"), the unit styles separate fields by.
        var chunkOf = new int[n];
        var chunkStarts = new List<int> { 0 };
        for (var i = 0; i < n; i++)
        {
            chunkOf[i] = chunkStarts.Count - 1;
            if (i + 1 < n && EndsChunk(info[i])) chunkStarts.Add(i + 1);
        }
        var chunkCount = chunkStarts.Count;
        var chunkFlags = new uint[chunkCount];
        for (var i = 0; i < n; i++) chunkFlags[chunkOf[i]] |= (uint)info[i].Flags;

        var inQuote = false;
        var parenDepth = 0;
        var sentences = 0;
        var commas = 0;
        var sinceBreak = 0;
        for (var i = 0; i < n; i++)
        {
            buffer.Clear();
            ref readonly var t = ref info[i];
            buffer.Add(Template(0));
            buffer.Add(Hash(1, t.Lower));
            buffer.Add(Hash(2, t.RawLower));
            buffer.Add(Hash(3, t.Shape));
            if (t.Lower.Length > 0)
            {
                var lower = t.Lower.AsSpan();
                buffer.Add(Hash(4, lower[..Math.Min(3, lower.Length)]));
                buffer.Add(Hash(5, lower[^Math.Min(3, lower.Length)..]));
                buffer.Add(Hash(6, lower[..1]));
                buffer.Add(Hash(7, lower[^Math.Min(2, lower.Length)..]));
            }
            buffer.Add(Hash(8, PunctClass(t.Last), 0));
            buffer.Add(Hash(9, PunctClass(t.First), 0));
            buffer.Add(Hash(10, Math.Min(t.Lower.Length, 8)));
            var flags = (uint)t.Flags;
            for (var bit = 0; bit < 30; bit++)
                if ((flags & (1u << bit)) != 0) buffer.Add(Hash(11, bit));

            // Place in the string.
            buffer.Add(Hash(12, Math.Min(i, 6)));
            buffer.Add(Hash(13, n - 1 - i >= 4 ? 4 : n - 1 - i));
            buffer.Add(Hash(14, i * 10 / n));
            buffer.Add(Hash(15, firstYear < 0 ? 3 : i < firstYear ? 0 : i == firstYear ? 1 : 2));
            buffer.Add(Hash(16, (inQuote ? 1 : 0) + (parenDepth > 0 ? 2 : 0)));
            buffer.Add(Hash(17, Math.Min(sentences, 5)));
            buffer.Add(Hash(18, Math.Min(commas, 6)));
            buffer.Add(Hash(19, Math.Min(sinceBreak, 5)));
            buffer.Add(Hash(20, Math.Min(sentences, 4) * 8 + Math.Min(commas, 7)));

            // The chunk: its place, its length, and what it holds.
            var chunk = chunkOf[i];
            var chunkStart = chunkStarts[chunk];
            var chunkEnd = chunk + 1 < chunkCount ? chunkStarts[chunk + 1] - 1 : n - 1;
            var chunkLength = chunkEnd - chunkStart + 1;
            buffer.Add(Hash(21, Math.Min(chunk, 8)));
            buffer.Add(Hash(22, Math.Min(chunkCount - 1 - chunk, 5)));
            buffer.Add(Hash(23, (i == chunkStart ? 1 : 0) + (i == chunkEnd ? 2 : 0)));
            buffer.Add(Hash(24, chunkLength >= 8 ? 8 : chunkLength));
            var cf = chunkFlags[chunk];
            foreach (var flag in ChunkFlags)
                if ((cf & (uint)flag) != 0) buffer.Add(Hash(25, (int)flag));
            buffer.Add(Hash(26, Math.Min(chunk, 5) * 16 + Math.Min(i - chunkStart, 15)));
            buffer.Add(Hash(27, t.Lower, ChunkEnds[(i == chunkStart ? 1 : 0) + (i == chunkEnd ? 2 : 0)]));
            if (chunk > 0)
            {
                var pf = chunkFlags[chunk - 1];
                foreach (var flag in ChunkFlags)
                    if ((pf & (uint)flag) != 0) buffer.Add(Hash(28, (int)flag));
            }
            if (chunk + 1 < chunkCount)
            {
                var nf = chunkFlags[chunk + 1];
                foreach (var flag in ChunkFlags)
                    if ((nf & (uint)flag) != 0) buffer.Add(Hash(29, (int)flag));
            }

            // Neighbours.
            for (var d = -2; d <= 2; d++)
            {
                if (d == 0) continue;
                var j = i + d;
                var slot = d + 2;
                if (j < 0 || j >= n)
                {
                    buffer.Add(Hash(30 + slot, j < 0 ? "<s>" : "</s>"));
                    continue;
                }
                ref readonly var u = ref info[j];
                buffer.Add(Hash(30 + slot, u.Lower));
                buffer.Add(Hash(40 + slot, u.Shape));
                var uf = (uint)u.Flags;
                if (Math.Abs(d) == 1)
                    for (var bit = 0; bit < 30; bit++)
                        if ((uf & (1u << bit)) != 0) buffer.Add(Hash(50 + slot, bit));
            }
            if (i > 0)
            {
                buffer.Add(Hash(60, PunctClass(info[i - 1].Last), 0));
                buffer.Add(Hash(61, PunctClass(info[i - 1].Last), t.Shape));
                buffer.Add(Hash(62, info[i - 1].Lower, t.Lower));
            }
            else buffer.Add(Hash(60, "<s>"));
            if (i + 1 < n) buffer.Add(Hash(63, t.Lower, info[i + 1].Lower));
            buffer.Add(Hash(64, PunctClass(t.Last), Math.Min(i, 6) + 1));
            result[i] = buffer.ToArray();

            // State for the next token.
            if ((t.Flags & Flags.OpensQuote) != 0 && (t.Flags & Flags.ClosesQuote) == 0) inQuote = true;
            else if ((t.Flags & Flags.ClosesQuote) != 0) inQuote = false;
            foreach (var c in tokens[i].Text)
            {
                if (c is '(' or '[') parenDepth++;
                else if (c is ')' or ']' && parenDepth > 0) parenDepth--;
            }
            sinceBreak++;
            if (t.Last == '.' && (t.Flags & (Flags.Initial | Flags.Abbrev)) == 0) { sentences++; sinceBreak = 0; }
            else if (t.Last is ',' or ';' or ':') { commas++; sinceBreak = 0; }
        }

        // Boundary features weigh label changes: a field ends far more often after "." or "," than after a word.
        var edges = new ulong[n][];
        edges[0] = [];
        for (var i = 1; i < n; i++)
        {
            ref readonly var a = ref info[i - 1];
            ref readonly var b = ref info[i];
            ReadOnlySpan<char> left = [PunctClass(a.Last), (a.Flags & Flags.Initial) != 0 ? 'I' : (a.Flags & Flags.Abbrev) != 0 ? 'A' : '-'];
            var right = b.First is '(' or '[' or '"' or '“' or '‘' or '«' or '\'' ? b.First
                : (b.Flags & Flags.Capitalized) != 0 ? 'C' : (b.Flags & Flags.LowerCase) != 0 ? 'l' : (b.Flags & Flags.Digits) != 0 ? '0' : '?';
            var next = (b.Flags & Flags.Year) != 0 ? 'Y' : (b.Flags & Flags.Journal) != 0 ? 'J' : '-';
            edges[i] =
            [
                Template(100),
                Hash(101, left),
                Hash(102, right, 0),
                Hash(103, left, [right]),
                Hash(104, b.Lower.Length <= 4 ? b.Lower : "*"),
                Hash(105, left, [next]),
            ];
        }
        return new RefSequence(result, edges);
    }

    static readonly Flags[] ChunkFlags = [Flags.Year, Flags.Digits, Flags.Range, Flags.VolumeIssue, Flags.Initial, Flags.Journal, Flags.Publisher,
        Flags.Location, Flags.Given, Flags.Family, Flags.EditorMark, Flags.Url, Flags.Month, Flags.LowerCase, Flags.OpensQuote, Flags.ClosesQuote];

    static bool EndsChunk(in TokenInfo t) =>
        (t.Last == '.' && (t.Flags & Flags.Initial) == 0) || t.Last is ',' or ';' or ':' || (t.Flags & Flags.ClosesQuote) != 0;

    static char PunctClass(char c) => char.IsLetter(c) ? 'a' : char.IsDigit(c) ? '0' : c;

    static readonly string[] ChunkEnds = ["", "S", "E", "SE"];

    static readonly char[] Edges = ".,;:()[]{}\"'“”‘’«»<>*/".ToCharArray();

    /// <summary>The token without punctuation, quotes and brackets at its ends (<c>“Title,”</c> → <c>Title</c>).</summary>
    public static string Core(string raw)
    {
        var core = raw.Trim(Edges);
        return core.Length == 0 ? raw : core;
    }

    static string ShapeOf(string raw)
    {
        Span<char> shape = stackalloc char[Math.Min(raw.Length, 24)];
        var length = 0;
        var previous = '\0';
        foreach (var c in raw)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (k == previous && k is 'X' or 'x' or 'd') continue;
            previous = k;
            if (length == shape.Length) break;
            shape[length++] = k;
        }
        return new string(shape[..length]);
    }

    static Flags FlagsOf(string raw, string core, string lower, RefLexicons lexicons)
    {
        var flags = Flags.None;
        int digits = 0, letters = 0, upper = 0;
        foreach (var c in core)
        {
            if (char.IsDigit(c)) digits++;
            else if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
        }
        if (digits > 0) flags |= Flags.Digits;
        if (letters > 0) flags |= Flags.Letters;
        if (digits > 0 && digits == core.Length) flags |= Flags.AllDigits;
        if (HasYear(core)) { flags |= Flags.Year; if (digits == 4 || (digits == 4 && letters == 1)) flags |= Flags.YearAlone; }
        if (digits > 0 && IsRange(core)) flags |= Flags.Range;
        if (digits > 0 && core.Contains('(') && core.Contains(')')) flags |= Flags.VolumeIssue;
        if (letters > 0 && upper == letters && letters >= 2) flags |= Flags.AllCaps;
        if (letters > 0 && char.IsUpper(core[0])) flags |= Flags.Capitalized;
        if (letters > 0 && char.IsLower(core[0])) flags |= Flags.LowerCase;
        if (IsInitial(raw)) flags |= Flags.Initial;
        if (raw.EndsWith('.') && letters > 0 && letters <= 5 && digits == 0 && core.Length <= 6) flags |= Flags.Abbrev;
        if (lower.Contains("http") || lower.StartsWith("www.") || lower.Contains(".org/") || lower.Contains(".com")) flags |= Flags.Url;
        if (lower.Contains("10.") && lower.Contains('/') || lower.StartsWith("doi")) flags |= Flags.Doi;
        if (lower.StartsWith("isbn")) flags |= Flags.Isbn;
        if (RefLexicons.Months.Contains(lower.TrimEnd('.'))) flags |= Flags.Month;
        if (RefLexicons.EditorMarks.Contains(lower.TrimEnd('.'))) flags |= Flags.EditorMark;
        if (RefLexicons.Conjunctions.Contains(lower)) flags |= Flags.Conjunction;
        if (RefLexicons.Particles.Contains(lower)) flags |= Flags.Particle;
        if (lexicons.Given.Contains(lower)) flags |= Flags.Given;
        if (lexicons.Family.Contains(lower)) flags |= Flags.Family;
        if (lexicons.Journal.Contains(lower)) flags |= Flags.Journal;
        if (lexicons.Publisher.Contains(lower)) flags |= Flags.Publisher;
        if (lexicons.Location.Contains(lower)) flags |= Flags.Location;
        var f = raw[0];
        if (f is '"' or '“' or '‘' or '«' or '\'' || raw.StartsWith("``", StringComparison.Ordinal)) flags |= Flags.OpensQuote;
        var trimmed = raw.TrimEnd('.', ',', ';', ':');
        if (trimmed.Length > 0 && trimmed[^1] is '"' or '”' or '’' or '»' or '\'') flags |= Flags.ClosesQuote;
        if (f is '(' or '[') flags |= Flags.OpensParen;
        if (trimmed.Length > 0 && trimmed[^1] is ')' or ']') flags |= Flags.ClosesParen;
        if (digits > 0 && (lower.EndsWith("st") || lower.EndsWith("nd") || lower.EndsWith("rd") || lower.EndsWith("th") || lower.EndsWith("e")) && digits + 2 >= lower.Length) flags |= Flags.Ordinal;
        if (letters > 0 && letters == core.Length && core.All(c => "IVXLCivxlc".Contains(c)) && core.Length <= 6) flags |= Flags.Roman;
        return flags;
    }

    /// <summary>True when the text holds a four-digit number from 1500 to 2030 not inside a longer number.</summary>
    public static bool HasYear(string s) => FirstYear(s) is not null;

    public static int? FirstYear(string s)
    {
        for (var i = 0; i + 4 <= s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) || (i > 0 && char.IsAsciiDigit(s[i - 1]))) continue;
            if (i + 4 < s.Length && char.IsAsciiDigit(s[i + 4])) { i += 3; continue; }
            if (!char.IsAsciiDigit(s[i + 1]) || !char.IsAsciiDigit(s[i + 2]) || !char.IsAsciiDigit(s[i + 3])) continue;
            var year = int.Parse(s.AsSpan(i, 4), CultureInfo.InvariantCulture);
            if (year is >= 1500 and <= 2030) return year;
        }
        return null;
    }

    static bool IsRange(string s)
    {
        var dash = s.IndexOfAny(['-', '–', '—', '‐', '‑']);
        return dash > 0 && dash < s.Length - 1 && char.IsDigit(s[dash - 1]) && (char.IsDigit(s[dash + 1]) || char.IsLetter(s[dash + 1]));
    }

    /// <summary>An initial: <c>J.</c>, <c>J.A.</c>, <c>J.-P.</c>, <c>Th.</c>, or a Vancouver run of capitals <c>JA</c>.</summary>
    public static bool IsInitial(string raw)
    {
        var s = raw.TrimEnd(',', ';', ':');
        if (s.Length == 0) return false;
        if (s.Length <= 3 && s.All(char.IsUpper)) return true;
        if (!s.EndsWith('.') && !(s.Length == 1 && char.IsUpper(s[0]))) return false;
        var parts = s.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return false;
        foreach (var part in parts)
        {
            var p = part.TrimStart('-');
            if (p.Length == 0 || p.Length > 2 || !char.IsUpper(p[0])) return false;
            if (p.Length == 2 && !char.IsLower(p[1])) return false;
        }
        return true;
    }
}
