using System.Globalization;
using System.Numerics;
using Hqt.Names;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Token features for the reference tagger, as 64-bit hashes: the word, its shape and affixes, punctuation around it,
/// digit patterns (year, page range, volume(issue)), lexicon hits, its place in the string and what came before it (a
/// year seen, inside quotes or brackets, sentences so far, an "In" seen), the clause ("chunk") it sits in, and the
/// same for its neighbours.
/// </summary>
/// <remarks>
/// Speed: every text value is hashed once per token from spans (no lower-case, core or shape strings are built), and
/// a feature is that hash mixed with its template number; a token is looked up once in one table of every word list,
/// by the hash its word feature already computed. The parse's cost is this
/// and decoding, so nothing here allocates per feature.
/// </remarks>
public static class RefFeatures
{
    /// <summary>What is computed once per token and read by its own and its neighbours' features.</summary>
    internal struct TokenInfo
    {
        public ulong Lower;      // the token without surrounding punctuation, lower case
        public ulong Raw;        // the whole token, lower case
        public ulong Shape;      // Xx. / d-d, / (d). : character classes with runs collapsed
        public ulong Pre3, Suf3, Pre1, Suf2;
        public int LowerLength;
        public Flags Flags;
        public char First, Last;
        public bool InMark;      // "In", "In:", "Dans", "Im": what opens the container of a chapter or paper
        public bool Function;    // a bare lower-case "of", "the", "and"…: no phrase ends on it
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
        ContainerPhrase = 1u << 30,
        HanOrKana = 1u << 31,   // Chinese or Japanese: a word's length and place say what capitals say elsewhere
    }

    const ulong FnvOffset = 14695981039346656037UL;
    const ulong FnvPrime = 1099511628211UL;

    static ulong Fmix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53UL;
        k ^= k >> 33;
        return k;
    }

    internal static ulong Str(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s) h = (h ^ c) * FnvPrime;
        return h;
    }

    /// <summary>A feature: its template number and its value's hash, mixed.</summary>
    static ulong F(int template, ulong value) => Fmix(value + (ulong)(template + 1) * 0x9E3779B97F4A7C15UL);

    static ulong F(int template, int value) => F(template, (ulong)(long)value);

    static ulong F(int template, ulong a, ulong b) => F(template, Fmix(a) ^ b);

    static readonly ulong Start = Str("<s>");
    static readonly ulong End = Str("</s>");
    static readonly ulong Long = Str("*");

    [ThreadStatic] static char[]? t_chars;
    [ThreadStatic] static ulong[]? t_features;
    [ThreadStatic] static ulong[]? t_edges;

    /// <summary>Features of every token, and of every boundary between two tokens (what separates them).</summary>
    public static RefSequence Extract(IReadOnlyList<RefToken> tokens, RefLexicons lexicons) => Extract(tokens, lexicons, shared: false);

    /// <summary>
    /// The same, over this thread's buffers instead of arrays of its own: good only until the thread's next extraction,
    /// for a parse that decodes it at once (a reference's features are some 25 KB, written, copied and dropped per parse).
    /// </summary>
    internal static RefSequence ExtractShared(IReadOnlyList<RefToken> tokens, RefLexicons lexicons) => Extract(tokens, lexicons, shared: true);

    static RefSequence Extract(IReadOnlyList<RefToken> tokens, RefLexicons lexicons, bool shared)
    {
        var n = tokens.Count;
        var lists = lexicons.Words();
        var info = new TokenInfo[n];
        for (var i = 0; i < n; i++) info[i] = Describe(tokens[i].Text, lists);
        var phrasePlace = MarkContainerPhrases(info, lexicons.Phrases());

        var firstYear = -1;
        for (var i = 0; i < n; i++)
            if ((info[i].Flags & Flags.Year) != 0) { firstYear = i; break; }

        // Chunks: runs of tokens up to one ending a sentence or clause (".", ",", ";", ":"), the unit styles separate fields by.
        var chunkOf = new int[n];
        var chunkStarts = new int[n + 1];
        var chunkCount = 1;
        for (var i = 0; i < n; i++)
        {
            chunkOf[i] = chunkCount - 1;
            if (i + 1 < n && EndsChunk(info[i])) chunkStarts[chunkCount++] = i + 1;
        }
        chunkStarts[chunkCount] = n;
        var chunkFlags = new uint[chunkCount];
        var chunkShape = new int[chunkCount];   // capitalised share × journal-word share of the chunk's words
        for (var c = 0; c < chunkCount; c++)
        {
            int words = 0, caps = 0, journal = 0;
            for (var i = chunkStarts[c]; i < chunkStarts[c + 1]; i++)
            {
                var f = info[i].Flags;
                chunkFlags[c] |= (uint)f;
                if ((f & Flags.Letters) == 0) continue;
                words++;
                if ((f & (Flags.Capitalized | Flags.AllCaps)) != 0) caps++;
                if ((f & Flags.Journal) != 0) journal++;
            }
            chunkShape[c] = words == 0 ? 0 : 1 + (caps * 4 + words / 2) / words * 6 + (journal * 4 + words / 2) / words;
        }

        // Sentences: runs up to a "." that is not an initial's or an abbreviation's (or "?", "!"). Many styles give the
        // title a sentence of its own and the container the next, so what a sentence holds says which one it is.
        var sentenceOf = new int[n];
        var sentenceStarts = new int[n + 1];
        var sentenceCount = 1;
        for (var i = 0; i < n; i++)
        {
            sentenceOf[i] = sentenceCount - 1;
            if (i + 1 < n && EndsSentence(info[i])) sentenceStarts[sentenceCount++] = i + 1;
        }
        sentenceStarts[sentenceCount] = n;
        var sentenceFlags = new uint[sentenceCount];
        for (var i = 0; i < n; i++) sentenceFlags[sentenceOf[i]] |= (uint)info[i].Flags;
        // What a sentence looks like as a whole: a title is mostly a long run of words (in sentence or title case), a
        // journal a short run of capitalised abbreviations ("J. Mod. Phys."), a publisher's place "City: Name".
        var sentenceShape = new int[sentenceCount];
        for (var c = 0; c < sentenceCount; c++)
            sentenceShape[c] = ShapeOf(info, sentenceStarts[c], sentenceStarts[c + 1]);

        var scratch = t_features ??= new ulong[4096];
        var need = n * 170 + 64;
        if (scratch.Length < need) scratch = t_features = new ulong[need];
        var starts = new int[n + 1];
        var count = 0;

        var inQuote = false;
        var parenDepth = 0;
        var sentences = 0;
        var sentencesAtYear = 0;
        var commas = 0;
        var sinceBreak = 0;
        var inChunk = -1;
        for (var i = 0; i < n; i++)
        {
            starts[i] = count;
            ref readonly var t = ref info[i];
            scratch[count++] = F(0, 0);
            scratch[count++] = F(1, t.Lower);
            scratch[count++] = F(2, t.Raw);
            scratch[count++] = F(3, t.Shape);
            if (t.LowerLength > 0)
            {
                scratch[count++] = F(4, t.Pre3);
                scratch[count++] = F(5, t.Suf3);
                scratch[count++] = F(6, t.Pre1);
                scratch[count++] = F(7, t.Suf2);
            }
            scratch[count++] = F(8, PunctClass(t.Last));
            scratch[count++] = F(9, PunctClass(t.First));
            scratch[count++] = F(10, Math.Min(t.LowerLength, 8));
            for (var bits = (uint)t.Flags; bits != 0; bits &= bits - 1)
                scratch[count++] = F(11, BitOperations.TrailingZeroCount(bits));

            // Place in the string.
            var yearPlace = firstYear < 0 ? 3 : i < firstYear ? 0 : i == firstYear ? 1 : 2;
            if (phrasePlace[i] != 0) scratch[count++] = F(90, phrasePlace[i]);
            scratch[count++] = F(12, Math.Min(i, 6));
            scratch[count++] = F(13, n - 1 - i >= 4 ? 4 : n - 1 - i);
            scratch[count++] = F(14, i * 10 / n);
            scratch[count++] = F(15, yearPlace);
            scratch[count++] = F(16, (inQuote ? 1 : 0) + (parenDepth > 0 ? 2 : 0));
            scratch[count++] = F(17, Math.Min(sentences, 5));
            scratch[count++] = F(18, Math.Min(commas, 6));
            scratch[count++] = F(19, Math.Min(sinceBreak, 5));
            scratch[count++] = F(20, Math.Min(sentences, 4) * 8 + Math.Min(commas, 7));
            // Sentences since the year: APA-like styles put the title in the first sentence after "(2001).".
            scratch[count++] = F(73, yearPlace * 8 + Math.Min(yearPlace == 2 ? sentences - sentencesAtYear : sentences, 5));

            // The chunk: its place, its length, and what it holds.
            var chunk = chunkOf[i];
            var chunkStart = chunkStarts[chunk];
            var chunkEnd = chunkStarts[chunk + 1] - 1;
            var chunkLength = chunkEnd - chunkStart + 1;
            var ends = (i == chunkStart ? 1 : 0) + (i == chunkEnd ? 2 : 0);
            scratch[count++] = F(21, Math.Min(chunk, 8));
            scratch[count++] = F(22, Math.Min(chunkCount - 1 - chunk, 5));
            scratch[count++] = F(23, ends);
            scratch[count++] = F(24, chunkLength >= 8 ? 8 : chunkLength);
            for (var bits = chunkFlags[chunk] & ChunkFlagMask; bits != 0; bits &= bits - 1)
                scratch[count++] = F(25, BitOperations.TrailingZeroCount(bits));
            scratch[count++] = F(26, Math.Min(chunk, 5) * 16 + Math.Min(i - chunkStart, 15));
            scratch[count++] = F(27, t.Lower, (ulong)ends);
            if (chunk > 0)
            {
                for (var bits = chunkFlags[chunk - 1] & ChunkFlagMask; bits != 0; bits &= bits - 1)
                    scratch[count++] = F(28, BitOperations.TrailingZeroCount(bits));
                scratch[count++] = F(79, info[chunkStart - 1].Lower);                 // how the clause before ended
            }
            if (chunk + 1 < chunkCount)
            {
                for (var bits = chunkFlags[chunk + 1] & ChunkFlagMask; bits != 0; bits &= bits - 1)
                    scratch[count++] = F(29, BitOperations.TrailingZeroCount(bits));
                scratch[count++] = F(78, info[chunkEnd + 1].Lower);                   // how the next clause opens ("In", "Proc.")
                scratch[count++] = F(72, chunkShape[chunk + 1]);
            }
            scratch[count++] = F(77, info[chunkStart].Lower, (ulong)Math.Min(i - chunkStart, 2)); // how this clause opens
            scratch[count++] = F(71, chunkShape[chunk] * 16 + Math.Min(chunkLength, 9));           // Title Case / journal words
            // The sentence: its place from both ends, its length, what it and the next hold, how it opens.
            var sentence = sentenceOf[i];
            var sentenceStart = sentenceStarts[sentence];
            var sentenceLength = sentenceStarts[sentence + 1] - sentenceStart;
            scratch[count++] = F(80, Math.Min(sentence, 4) * 8 + Math.Min(sentenceCount - 1 - sentence, 4));
            scratch[count++] = F(81, sentenceLength <= 3 ? sentenceLength : sentenceLength <= 6 ? 4 : sentenceLength <= 12 ? 5 : 6);
            for (var bits = sentenceFlags[sentence] & ChunkFlagMask; bits != 0; bits &= bits - 1)
                scratch[count++] = F(82, BitOperations.TrailingZeroCount(bits));
            if (sentence + 1 < sentenceCount)
            {
                for (var bits = sentenceFlags[sentence + 1] & ChunkFlagMask; bits != 0; bits &= bits - 1)
                    scratch[count++] = F(83, BitOperations.TrailingZeroCount(bits));
                scratch[count++] = F(84, info[sentenceStarts[sentence + 1]].Lower);
            }
            else scratch[count++] = F(83, End);
            scratch[count++] = F(85, info[sentenceStart].Lower, (ulong)Math.Min(i - sentenceStart, 3));
            scratch[count++] = F(86, sentenceShape[sentence]);
            scratch[count++] = F(87, sentence + 1 < sentenceCount ? sentenceShape[sentence + 1] : -1);
            scratch[count++] = F(88, sentence > 0 ? sentenceShape[sentence - 1] : -1);
            scratch[count++] = F(89, PunctClass(info[sentenceStarts[sentence + 1] - 1].Last) * 4 + Math.Min(sentence, 3));
            // An "In" before: what follows it is the container of a chapter or paper, up to where that ends.
            if (t.InMark && (i == chunkStart || i == 0 || info[i - 1].Last is '.' or ',' or ')' or '”' or '"')) inChunk = chunk;
            scratch[count++] = F(70, inChunk < 0 ? 0 : inChunk == chunk ? (t.InMark ? 1 : 2) : 2 + Math.Min(chunk - inChunk, 3));

            // Neighbours.
            for (var d = -2; d <= 2; d++)
            {
                if (d == 0) continue;
                var j = i + d;
                var slot = d + 2;
                if (j < 0 || j >= n)
                {
                    scratch[count++] = F(30 + slot, j < 0 ? Start : End);
                    continue;
                }
                ref readonly var u = ref info[j];
                scratch[count++] = F(30 + slot, u.Lower);
                scratch[count++] = F(40 + slot, u.Shape);
                if (Math.Abs(d) == 1)
                    for (var bits = (uint)u.Flags; bits != 0; bits &= bits - 1)
                        scratch[count++] = F(50 + slot, BitOperations.TrailingZeroCount(bits));
            }
            if (i > 0)
            {
                scratch[count++] = F(60, PunctClass(info[i - 1].Last));
                scratch[count++] = F(61, (ulong)PunctClass(info[i - 1].Last), t.Shape);
                scratch[count++] = F(62, info[i - 1].Lower, t.Lower);
            }
            else scratch[count++] = F(60, Start);
            if (i + 1 < n) scratch[count++] = F(63, t.Lower, info[i + 1].Lower);
            scratch[count++] = F(64, PunctClass(t.Last) * 8 + Math.Min(i, 6) + 1);

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
            if (i == firstYear) sentencesAtYear = sentences;
        }
        starts[n] = count;
        var features = shared ? scratch : scratch.AsSpan(0, count).ToArray();

        // Boundary features weigh label changes: a field ends far more often after "." or "," than after a word.
        var edgeStarts = new int[n + 1];
        var edgeLength = Math.Max(0, n - 1) * 10;
        var edges = !shared ? new ulong[edgeLength]
            : t_edges is { } buffer && buffer.Length >= edgeLength ? buffer : t_edges = new ulong[Math.Max(edgeLength, 1024)];
        var e = 0;
        edgeStarts[0] = 0;
        for (var i = 1; i < n; i++)
        {
            edgeStarts[i] = e;
            ref readonly var a = ref info[i - 1];
            ref readonly var b = ref info[i];
            var left = (ulong)PunctClass(a.Last) << 8 | ((a.Flags & Flags.Initial) != 0 ? 'I' : (a.Flags & Flags.Abbrev) != 0 ? 'A' : '-');
            var right = (ulong)(b.First is '(' or '[' or '"' or '“' or '‘' or '«' or '\'' ? b.First
                : (b.Flags & Flags.Capitalized) != 0 ? 'C' : (b.Flags & Flags.LowerCase) != 0 ? 'l' : (b.Flags & Flags.Digits) != 0 ? '0' : '?');
            var next = (ulong)((b.Flags & Flags.Year) != 0 ? 'Y' : (b.Flags & Flags.Journal) != 0 ? 'J' : '-');
            edges[e++] = F(100, 0);
            edges[e++] = F(101, left);
            edges[e++] = F(102, right);
            edges[e++] = F(103, left, right);
            edges[e++] = F(104, b.LowerLength <= 4 ? b.Lower : Long);
            edges[e++] = F(105, left, next);
            edges[e++] = F(106, a.LowerLength <= 4 ? a.Lower : Long);
            // Inside a known journal name, into one, out of one: a field rarely changes inside "Nucl. Instrum. Methods".
            if (phrasePlace[i] is Inside or PhraseEnd) edges[e++] = F(110, 1);
            else if (phrasePlace[i] is PhraseBegin or PhraseSingle) edges[e++] = F(110, 2);
            else if (phrasePlace[i - 1] is PhraseEnd or PhraseSingle) edges[e++] = F(110, 3);
            // Where a sentence or clause begins, what it looks like weighs the change of field directly: a title gives
            // way to a container that reads like a journal, rarely to one that reads like more title.
            if (sentenceOf[i] != sentenceOf[i - 1])
            {
                edges[e++] = F(107, sentenceShape[sentenceOf[i]]);
                edges[e++] = F(108, sentenceShape[sentenceOf[i - 1]]);
            }
            else if (chunkOf[i] != chunkOf[i - 1])
                edges[e++] = F(109, (ulong)PunctClass(a.Last), (ulong)chunkShape[chunkOf[i]]);
        }
        edgeStarts[n] = e;

        // A title or container does not end on a bare "of", "the", "and" between two words ("No Room for | Man",
        // "Mission for the | 21st Century Church"): the tagger is held to that, whatever the words after look like.
        var midPhrase = new bool[n];
        for (var i = 2; i < n; i++)
            midPhrase[i] = info[i - 1].Function && char.IsLetterOrDigit(info[i - 2].Last) && char.IsLetter(info[i].First)
                && (info[i].Flags & Flags.Year) == 0;
        return new RefSequence(features, starts, edges, edgeStarts, midPhrase);
    }

    internal const byte PhraseSingle = 1, PhraseBegin = 2, Inside = 3, PhraseEnd = 4;

    /// <summary>
    /// Where each token sits in a known journal or series name (<see cref="RefLexicons.Containers"/>, the standard
    /// abbreviations): 0 outside, else single word, first, inside, last. Longest match from the left, words compared by
    /// their lower-case cores, so "Nucl .Instrum .Methods A" and "Nucl. Instrum. Methods A" read alike. A matched token is
    /// flagged <see cref="Flags.ContainerPhrase"/> too (its neighbours and its clause see it).
    /// </summary>
    internal static byte[] ContainerPhrasePlaces(IReadOnlyList<RefToken> tokens, RefLexicons lexicons)
    {
        var words = lexicons.Words();
        return MarkContainerPhrases([.. tokens.Select(t => Describe(t.Text, words))], lexicons.Phrases());
    }

    static byte[] MarkContainerPhrases(TokenInfo[] info, RefLexicons.PhraseTable phrases)
    {
        var n = info.Length;
        var place = new byte[n];
        if (phrases.IsEmpty) return place;
        for (var i = 0; i < n;)
        {
            var h = RefLexicons.PhraseTable.Seed;
            var end = -1;
            for (var j = i; j < n && j - i < RefLexicons.PhraseTable.MaxWords && info[j].LowerLength > 0; j++)
            {
                h = RefLexicons.PhraseTable.Next(h, info[j].Lower);
                var found = phrases.Find(h);
                if (found is null) break;
                if (found == true) end = j;
            }
            if (end < 0) { i++; continue; }
            for (var k = i; k <= end; k++)
            {
                place[k] = i == end ? PhraseSingle : k == i ? PhraseBegin : k == end ? PhraseEnd : Inside;
                info[k].Flags |= Flags.ContainerPhrase;
            }
            i = end + 1;
        }
        return place;
    }

    static readonly uint ChunkFlagMask = (uint)(Flags.ContainerPhrase | Flags.Year | Flags.Digits | Flags.Range | Flags.VolumeIssue | Flags.Initial | Flags.Journal
        | Flags.Publisher | Flags.Location | Flags.Given | Flags.Family | Flags.EditorMark | Flags.Url | Flags.Month | Flags.LowerCase
        | Flags.OpensQuote | Flags.ClosesQuote);

    /// <summary>
    /// A run of tokens' look in one number: the share of its words that are capitalised, abbreviations and journal
    /// words (in quarters, thirds, thirds) and its length (five buckets).
    /// </summary>
    static int ShapeOf(TokenInfo[] info, int from, int to)
    {
        int words = 0, caps = 0, abbrev = 0, journal = 0;
        for (var i = from; i < to; i++)
        {
            var f = info[i].Flags;
            if ((f & Flags.Letters) == 0) continue;
            words++;
            if ((f & (Flags.Capitalized | Flags.AllCaps)) != 0) caps++;
            if ((f & (Flags.Abbrev | Flags.Initial)) != 0) abbrev++;
            if ((f & Flags.Journal) != 0) journal++;
        }
        var length = to - from;
        var lengthBucket = length <= 1 ? 0 : length <= 3 ? 1 : length <= 6 ? 2 : length <= 12 ? 3 : 4;
        if (words == 0) return 200 + lengthBucket;
        var capsBucket = (caps * 4 + words / 2) / words;              // 0..4
        var abbrevBucket = (abbrev * 2 + words / 2) / words;          // 0..2
        var journalBucket = (journal * 2 + words / 2) / words;        // 0..2
        return ((capsBucket * 3 + abbrevBucket) * 3 + journalBucket) * 5 + lengthBucket;
    }

    static bool EndsChunk(in TokenInfo t) =>
        (t.Last == '.' && (t.Flags & Flags.Initial) == 0) || t.Last is ',' or ';' or ':' || (t.Flags & Flags.ClosesQuote) != 0;

    static bool EndsSentence(in TokenInfo t) =>
        (t.Last == '.' && (t.Flags & (Flags.Initial | Flags.Abbrev)) == 0) || t.Last is '?' or '!';

    static int PunctClass(char c) => char.IsLetter(c) ? 'a' : char.IsDigit(c) ? '0' : c;

    const string EdgeChars = ".,;:()[]{}\"'“”‘’«»<>*/「」『』【】《》〈〉";
    static readonly System.Buffers.SearchValues<char> EdgeCharSet = System.Buffers.SearchValues.Create(EdgeChars);

    /// <summary>The token without punctuation, quotes and brackets at its ends (<c>“Title,”</c> → <c>Title</c>).</summary>
    public static string Core(string raw)
    {
        var core = raw.Trim(EdgeChars.ToCharArray());
        return core.Length == 0 ? raw : core;
    }

    static ReadOnlySpan<char> CoreSpan(ReadOnlySpan<char> raw, out int offset)
    {
        // Trimming the edge characters, as one vectorised search from each end instead of a scan of the 22 per character.
        var start = raw.IndexOfAnyExcept(EdgeCharSet);
        var core = start < 0 ? [] : raw[start..];
        offset = raw.Length - core.Length;
        core = core[..(core.LastIndexOfAnyExcept(EdgeCharSet) + 1)];
        if (core.Length == 0) { offset = 0; return raw; }
        return core;
    }

    static TokenInfo Describe(string raw, RefLexicons.WordTable words)
    {
        var chars = t_chars ??= new char[256];
        if (chars.Length < raw.Length) chars = t_chars = new char[raw.Length * 2];
        var rawLower = chars.AsSpan(0, raw.Length);
        raw.AsSpan().ToLowerInvariant(rawLower);
        var core = CoreSpan(raw, out var offset);
        var lower = rawLower.Slice(offset, core.Length);
        var lowerHash = Str(lower);
        // The lists the word is on, once; months and editor marks are looked up without trailing periods.
        var kinds = words.Find(lowerHash, lower);
        var bare = lower.TrimEnd('.');
        var bareKinds = bare.Length == lower.Length ? kinds : words.Find(Str(bare), bare);

        var info = new TokenInfo
        {
            Raw = Str(rawLower),
            Lower = lowerHash,
            Shape = ShapeHash(raw),
            LowerLength = lower.Length,
            First = raw[0],
            Last = raw[^1],
            Flags = FlagsOf(raw, core, lower, kinds, bareKinds),
        };
        if (lower.Length > 0)
        {
            info.Pre3 = Str(lower[..Math.Min(3, lower.Length)]);
            info.Suf3 = Str(lower[^Math.Min(3, lower.Length)..]);
            info.Pre1 = Str(lower[..1]);
            info.Suf2 = Str(lower[^Math.Min(2, lower.Length)..]);
        }
        info.InMark = lower is "in" or "dans" or "im" or "en" && (char.IsUpper(core[0]) || raw[^1] == ':');
        // The function words are lower case: the raw token is one when it is its own lower case and that is one.
        info.Function = offset == 0 && core.Length == raw.Length && char.IsLower(raw[0])
            && (kinds & RefLexicons.Kind.Function) != 0 && raw.AsSpan().SequenceEqual(lower);
        return info;
    }

    static ulong ShapeHash(string raw)
    {
        var h = FnvOffset;
        var length = 0;
        var previous = '\0';
        foreach (var c in raw)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd'
                : c >= '\u3040' && Scripts.IsHanOrKana(c) ? 'C' : char.IsLetter(c) ? 'x' : c;
            if (k == previous && k is 'X' or 'x' or 'd' or 'C') continue;
            previous = k;
            if (length++ == 24) break;
            h = (h ^ k) * FnvPrime;
        }
        return h;
    }

    static Flags FlagsOf(ReadOnlySpan<char> raw, ReadOnlySpan<char> core, ReadOnlySpan<char> lower, RefLexicons.Kind kinds, RefLexicons.Kind bareKinds)
    {
        var flags = Flags.None;
        int digits = 0, letters = 0, upper = 0;
        var roman = true;
        foreach (var c in core)
        {
            if (char.IsDigit(c)) digits++;
            else if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++;
                if (c is not ('I' or 'V' or 'X' or 'L' or 'C' or 'i' or 'v' or 'x' or 'l' or 'c')) roman = false;
            }
        }
        if (digits > 0) flags |= Flags.Digits;
        if (letters > 0) flags |= Flags.Letters;
        if (digits > 0 && digits == core.Length) flags |= Flags.AllDigits;
        if (digits >= 4 && FirstYear(core) is not null) { flags |= Flags.Year; if (digits == 4) flags |= Flags.YearAlone; }
        if (digits > 0 && IsRange(core)) flags |= Flags.Range;
        if (digits > 0 && core.Contains('(') && core.Contains(')')) flags |= Flags.VolumeIssue;
        if (letters > 0 && upper == letters && letters >= 2) flags |= Flags.AllCaps;
        if (letters > 0 && char.IsUpper(core[0])) flags |= Flags.Capitalized;
        if (letters > 0 && char.IsLower(core[0])) flags |= Flags.LowerCase;
        if (letters > 0 && Scripts.IsHanOrKana(core[0])) flags |= Flags.HanOrKana;
        if (IsInitial(raw)) flags |= Flags.Initial;
        if (raw[^1] == '.' && letters > 0 && letters <= 5 && digits == 0 && core.Length <= 6) flags |= Flags.Abbrev;
        if (lower.Contains("http", StringComparison.Ordinal) || lower.StartsWith("www.") || lower.Contains(".org/", StringComparison.Ordinal)
            || lower.Contains(".com", StringComparison.Ordinal)) flags |= Flags.Url;
        if (lower.Contains("10.", StringComparison.Ordinal) && lower.Contains('/') || lower.StartsWith("doi")) flags |= Flags.Doi;
        if (lower.StartsWith("isbn")) flags |= Flags.Isbn;
        if ((bareKinds & RefLexicons.Kind.Month) != 0) flags |= Flags.Month;
        if ((bareKinds & RefLexicons.Kind.EditorMark) != 0) flags |= Flags.EditorMark;
        if ((kinds & RefLexicons.Kind.Conjunction) != 0) flags |= Flags.Conjunction;
        if ((kinds & RefLexicons.Kind.Particle) != 0) flags |= Flags.Particle;
        if ((kinds & RefLexicons.Kind.Given) != 0) flags |= Flags.Given;
        if ((kinds & RefLexicons.Kind.Family) != 0) flags |= Flags.Family;
        if ((kinds & RefLexicons.Kind.Journal) != 0) flags |= Flags.Journal;
        if ((kinds & RefLexicons.Kind.Publisher) != 0) flags |= Flags.Publisher;
        if ((kinds & RefLexicons.Kind.Location) != 0) flags |= Flags.Location;
        var f = raw[0];
        if (f is '"' or '“' or '‘' or '«' or '\'' || raw.StartsWith("``")) flags |= Flags.OpensQuote;
        var trimmed = raw.TrimEnd(".,;:");
        if (trimmed.Length > 0 && trimmed[^1] is '"' or '”' or '’' or '»' or '\'') flags |= Flags.ClosesQuote;
        if (f is '(' or '[') flags |= Flags.OpensParen;
        if (trimmed.Length > 0 && trimmed[^1] is ')' or ']') flags |= Flags.ClosesParen;
        if (digits > 0 && (lower.EndsWith("st") || lower.EndsWith("nd") || lower.EndsWith("rd") || lower.EndsWith("th") || lower.EndsWith("e")) && digits + 2 >= lower.Length) flags |= Flags.Ordinal;
        if (letters > 0 && roman && letters == core.Length && core.Length <= 6) flags |= Flags.Roman;
        return flags;
    }

    /// <summary>The years a reference's date can be (the year features and the assembler's date share them).</summary>
    internal const int MinYear = 1500, MaxYear = 2030;

    /// <summary>True when the text holds a four-digit number from 1500 to 2030 not inside a longer number.</summary>
    public static bool HasYear(string s) => FirstYear(s) is not null;

    public static int? FirstYear(string s) => FirstYear(s.AsSpan());

    public static int? FirstYear(ReadOnlySpan<char> s)
    {
        for (var i = 0; i + 4 <= s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) || (i > 0 && char.IsAsciiDigit(s[i - 1]))) continue;
            if (i + 4 < s.Length && char.IsAsciiDigit(s[i + 4])) { i += 3; continue; }
            if (!char.IsAsciiDigit(s[i + 1]) || !char.IsAsciiDigit(s[i + 2]) || !char.IsAsciiDigit(s[i + 3])) continue;
            var year = int.Parse(s.Slice(i, 4), CultureInfo.InvariantCulture);
            if (year is >= MinYear and <= MaxYear) return year;
        }
        return null;
    }

    static bool IsRange(ReadOnlySpan<char> s)
    {
        var dash = s.IndexOfAny("-–—‐‑");
        return dash > 0 && dash < s.Length - 1 && char.IsDigit(s[dash - 1]) && (char.IsDigit(s[dash + 1]) || char.IsLetter(s[dash + 1]));
    }

    /// <summary>An initial: <c>J.</c>, <c>J.A.</c>, <c>J.-P.</c>, <c>Th.</c>, or a Vancouver run of capitals <c>JA</c>.</summary>
    public static bool IsInitial(string raw) => IsInitial(raw.AsSpan());

    static bool IsInitial(ReadOnlySpan<char> raw)
    {
        var s = raw.TrimEnd(",;:");
        if (s.Length == 0) return false;
        if (s.Length <= 3)
        {
            var allUpper = true;
            foreach (var c in s) if (!char.IsUpper(c)) { allUpper = false; break; }
            if (allUpper) return true;
        }
        if (s[^1] != '.' && !(s.Length == 1 && char.IsUpper(s[0]))) return false;
        var parts = 0;
        foreach (var range in s.Split('.'))
        {
            var p = s[range].TrimStart('-');
            if (s[range].Length == 0) continue;
            parts++;
            if (p.Length == 0 || p.Length > 2 || !char.IsUpper(p[0])) return false;
            if (p.Length == 2 && !char.IsLower(p[1])) return false;
        }
        return parts > 0;
    }
}
