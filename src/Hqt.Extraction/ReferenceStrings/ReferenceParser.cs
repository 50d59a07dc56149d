using System.Text.RegularExpressions;
using Hqt.Extraction.Text;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Parses reference strings ("Carter, S. B. et al. Mycophenolic acid… Nature 223, 848–850 (1969).") into their fields
/// with a trained sequence labeller (<see cref="RefModel"/>, trained by <c>tools/Hqt.RefParse.Train</c> on AnyStyle's
/// labelled references; the model is an embedded resource, read once on first use).
/// </summary>
public static partial class ReferenceParser
{
    /// <summary>Longer strings are cut here: no reference runs to this, and the tagger's cost is linear in tokens.</summary>
    public const int MaxLength = 4000;

    const string ResourceName = "Hqt.Extraction.ReferenceStrings.refparse-model.bin.gz";

    static readonly Lazy<RefModel> Model = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The embedded model (loaded on first use).</summary>
    public static RefModel DefaultModel => Model.Value;

    static RefModel LoadEmbedded()
    {
        using var stream = typeof(ReferenceParser).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded model {ResourceName} is missing: run tools/Hqt.RefParse.Train");
        return RefModel.Load(stream);
    }

    /// <summary>Parses one reference string with the embedded model.</summary>
    public static ParsedReference Parse(string text) => Parse(text, Model.Value);

    public static ParsedReference Parse(string text, RefModel model)
    {
        text = WithoutAPointer(text);
        // Where each character the tagger reads came from, for a string in Chinese or Japanese (CjkText.AsWritten); null
        // for any other string.
        var cleaned = Prepare(text, mend: true, out var origins, out var original);
        var tokens = RefTokenizer.Tokenize(cleaned);
        if (tokens.Count == 0)
            return new ParsedReference(cleaned, null, [], false, [], null, null, null, null, null, null, null, null, null, null, null, null, null, ParsedReferenceTypes.Other, 0);
        // Prose (a footnote's argument, a reading list's paragraph) is no reference, however sure the tagger would be of
        // it: none of its words is a field, and only what the text itself names (an address, a DOI) is kept.
        if (origins is not null && CjkText.LooksLikeProse(text.Length > MaxLength ? text[..MaxLength] : text))
            return ReferenceAssembler.Assemble(cleaned, tokens, new RefLabel[tokens.Count], ProseConfidence, model.Lexicons);
        var labels = Label(tokens, model, out var margins);
        if (origins is null && ProseText.LooksLikeProse(cleaned, tokens, labels))
            return ReferenceAssembler.Assemble(cleaned, tokens, new RefLabel[tokens.Count], ProseConfidence, model.Lexicons);
        var parsed = ReferenceAssembler.Assemble(cleaned, tokens, labels, Confidence(labels, margins), model.Lexicons);
        return origins is null ? parsed : CjkText.AsWritten(parsed, cleaned, origins, original);
    }

    /// <summary>
    /// A footnote's pointer before the reference it points to (<c>See Shelton, R. No Direction Home…</c>, <c>Cf. Smith, J.
    /// (2001)…</c>, <c>Vgl. Müller, Hans: Einführung…</c>, <c>vergl Birgit Gehlen: Die Silexgeräte…</c>, <c>See, e.g.,
    /// Tversky, A.…</c>, <c>Quoted in: Pinker, S.…</c>, <c>Originally published as: Kuhn…</c>) is no part of it: the tagger,
    /// which never saw one (none of the 9,906 labelled strings opens so), read it as the first author's first name. "See"
    /// is taken only before a name of one to four words and its comma (<c>See Isaiah Berlin, The Hedgehog…</c>), as a title
    /// may open with it ("See No Evil"). A note's number before the pointer stays (<c>2. See Isaiah Berlin, …</c>: the
    /// tagger was trained with lists' numbers). So are the back-link marks a copy of a page's note keeps
    /// (<see cref="NoteBacklinks"/>: <c>^ a b Smith, John (2001).</c>, <c>↑ Dupont, Jean.</c>), with a number before them
    /// (<c>1.↵ Carter SB…</c>).
    /// </summary>
    internal static string WithoutAPointer(string text)
    {
        var number = LeadingNumber().Match(text);
        var rest = text[number.Length..];
        var marks = NoteBacklinks.End(rest);
        rest = rest[marks..];
        var pointer = LeadingPointer().Match(rest);
        if (marks == 0 && pointer.Length == 0) return text;
        // A number before a mark goes with it; a number before a pointer stays.
        return (marks > 0 ? "" : number.Value) + rest[pointer.Length..];
    }

    [GeneratedRegex(@"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s*")]
    private static partial Regex LeadingNumber();

    // Case spelt out: under IgnoreCase .NET's \p{Lu} matches lower-case letters too.
    [GeneratedRegex(@"^\s*(?:(?:[Cc]fr?|[Cc]ompare|[Vv]gl|[Vv]ergl|[Ss]iehe|[Vv]oir|[Zz]ie|[Vv]éase)\.?(?:\s+(?:also|auch|aussi|ook|también))?[,:]?\s+(?=\p{Lu})"
        + @"|[Ss]ee(?:\s+also)?,?\s+(?:e\.\s?g\.,?\s+)?(?=\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3},)|(?:[Ee]\.\s?g\.|[Ii]\.\s?e\.),?\s+(?=\p{Lu}[\p{L}'’-]+,)"
        + @"|(?:Quoted|Cited|Reprinted|Excerpted)\s+(?:in|from)\s*:?\s+(?=\p{Lu})|Originally\s+published\s+(?:as|in)\s*:?\s+(?=\p{Lu}))", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPointer();

    /// <summary>The label of every token.</summary>
    public static RefLabel[] Label(IReadOnlyList<RefToken> tokens, RefModel model, out float[] margins) =>
        model.Decode(RefFeatures.ExtractShared(tokens, model.Lexicons), out margins);

    /// <summary>
    /// The text the tagger reads: cut at <see cref="MaxLength"/>, trimmed, and Chinese or Japanese punctuation spaced
    /// (<see cref="CjkText"/>), any other string's PDF spacing mended (<see cref="WithoutStraySpaces"/>) and an elided
    /// byline's spaced dots written as the ellipsis training saw (<see cref="WithTheBylineElisionAsOneMark"/>).
    /// </summary>
    public static string Prepare(string text) => Prepare(text, mend: true, out _, out _);

    /// <summary>
    /// <see cref="Prepare(string)"/> without mending: how training reads the labelled strings. Their gold fields keep the
    /// spacing they were written with (41 of the 9,906 strings have a PDF's), and a model fitted on the mended strings
    /// measured no better on three held-out tenths of train (docs/benchmarks/refparse.md, twentieth session). The tagger
    /// learns typeset text; the mending makes text copied out of a PDF typeset before it is read.
    /// </summary>
    internal static string PrepareAsLabelled(string text) => Prepare(text, mend: false, out _, out _);

    /// <summary><see cref="Prepare(string)"/>, with the original it spaced (cut and trimmed) and, for a string in Chinese
    /// or Japanese, the index there of every character of the result (null for any other string).</summary>
    static string Prepare(string text, bool mend, out List<int>? origins, out string original)
    {
        original = (text.Length > MaxLength ? text[..MaxLength] : text).Trim();
        var spaced = CjkText.Spaced(original, out origins);
        var cleaned = spaced.Trim();
        if (origins is not null)
        {
            // The trim's cut, so the origins line up with the string the tagger reads.
            origins.RemoveRange(0, spaced.Length - spaced.TrimStart().Length);
            origins.RemoveRange(cleaned.Length, origins.Count - cleaned.Length);
        }
        else if (mend) cleaned = WithTheBylineElisionAsOneMark(WithoutStraySpaces(cleaned));
        return cleaned;
    }

    /// <summary>
    /// APA's seventh edition elides a long byline with spaced dots before its last name (<c>Nakano, S., . . . Kishimoto, T.
    /// (2005).</c>). The labelled strings elide with one character (<c>Reinke, C., … Elgin, S. C. R. (2014).</c>, eight of
    /// them in train, none with the dots), and the tagger, which had never seen the dots there, read them as nothing and
    /// everything after the date as the journal. The dots after a comma and before a capital are that mark; elsewhere
    /// (<c>Die vielen kleinen Schritte . . . Störungen…</c>, a title's) they are left as written.
    /// </summary>
    internal static string WithTheBylineElisionAsOneMark(string text) =>
        text.Contains(". . .", StringComparison.Ordinal) ? SpacedElision().Replace(text, "…") : text;

    [GeneratedRegex(@"(?<=,\s*)\.\s\.\s\.(?=\s+\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedElision();

    /// <summary>
    /// Text copied out of a PDF puts its spaces on the wrong side of the punctuation (<c>Lacombe, M., andR .de Tourreil
    /// ,Phys .Rev .C 21 ,861 ( 1980)</c>): the tagger, trained on typeset strings, then finds no journal, volume or pages.
    /// The spaces go back where type has them: after a full stop, a comma, an "and" or an "et" glued to the next word, none
    /// before a full stop or comma, none inside brackets, and one after an abbreviation or initial glued to the next word
    /// (<c>Mod.Phys .Lett .A</c>, <c>J.Stat .Mech</c>, <c>J.Elster</c>: a known journal's words then read as its name) or
    /// after a year glued to the next word (<c>2013Interferometer design of…</c>), and between a title's last word and the
    /// journal glued to it (<c>…wave detectorClass .Quantum Grav .32</c>). French spacing before a colon or semicolon
    /// (<c>Paris : PUF</c>) and an ellipsis (<c>. . .</c>) are left as written. Of the 9,906 labelled strings 41 have the
    /// shape, and 34 an abbreviation glued; of the GROBID check's 1,017, about 300.
    /// </summary>
    internal static string WithoutStraySpaces(string text) =>
        // No match (most strings) returns the text itself.
        StraySpace().Replace(text, static m =>
            m.Groups["glued"].Success ? m.Groups["glued"].Value + " "
            : m.Groups["abbreviation"].Success ? m.Groups["abbreviation"].Value + " "
            : m.Groups["year"].Success ? m.Groups["year"].Value + " "
            : m.Groups["split"].Success ? " "
            : m.Groups["closing"].Success ? m.Groups["closing"].Value
            : m.Value switch { "," => ", ", "and" or "et" => m.Value + " ", "( " => "(", _ => ")" });

    // A space before a full stop or comma after a word: glued to the next word, or closing before a space (not an
    // ellipsis's next dot) or the end; a space inside an opening or closing bracket; a comma, "and" or "et" glued to the
    // next word's capital ("Vinh Mau,Phys", "andR. de Tourreil"); a capitalised abbreviation of up to six letters, or an
    // initial, glued to a capitalised word ("Mod.Phys", "J.Stat"; not inside an address, an identifier or "J.A.Smith",
    // not before "McL." or a degree's "Sn", and not an editor's or translator's mark, which may be a publisher's "Ed."); a
    // year glued to the title's first word ("2013Interferometer design"); a title's last word glued to a journal's first,
    // which the copy's stray space before its full stop marks ("detectorClass .Quantum Grav", "modelsJ .Phys .A").
    [GeneratedRegex(@"(?<![\p{L}\p{N}./@:_-])(?!(?:Ed|Dir|Trans|Hg|Hrsg)\.)(?<abbreviation>\p{Lu}\p{Ll}{0,5}\.)(?=\p{Lu}\p{Ll}{2})"
        + @"|(?<![\p{L}\p{N}])(?<year>(?:1[5-9]|20)\d\d)(?=\p{Lu}\p{Ll}{2})|(?<=\p{Ll}\p{Ll})(?<split>)(?=\p{Lu}\p{Ll}{0,8} \.\p{L})"
        + @"|(?<=[\p{L}\p{N})]) (?<glued>[.,])(?=[\p{L}\p{N}(])|(?<=[\p{L}\p{N})]) (?<closing>[.,])(?= (?!\.)|$)|\( (?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.]) \)"
        + @"|(?<=\p{Ll}\p{Ll}),(?=\p{Lu})|\b(?:and|et)(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex StraySpace();

    /// <summary>
    /// How likely the parse's title and people are both right, 0..1: a logistic function, fitted on held-out tenths of
    /// train (<c>tools/Hqt.RefParse.Train/calibrate_confidence.py</c>), of what the labels say: the smallest margin by which
    /// an author token's label beat the next best, the same for the title's, and which fields the tagger found at all
    /// (no people, no title, no container, neither a title nor a container, no date, no volume or pages). A reference
    /// without a title but with people, a journal, a volume and a year (<c>Hirano S., … 2015, MNRAS, 448, 568</c>) is
    /// then as sure as its margins say, where the old rule (× 0.15 without a title or container, the least margin of
    /// title and author tokens alone) named no one.
    /// </summary>
    internal static double Confidence(RefLabel[] labels, float[] margins)
    {
        float author = float.PositiveInfinity, title = float.PositiveInfinity;
        bool container = false, date = false, numbers = false;
        for (var i = 0; i < labels.Length; i++)
            switch (labels[i])
            {
                case RefLabel.Author or RefLabel.Editor: author = Math.Min(author, margins[i]); break;
                case RefLabel.Title: title = Math.Min(title, margins[i]); break;
                case RefLabel.Container: container = true; break;
                case RefLabel.Date: date = true; break;
                case RefLabel.Volume or RefLabel.Pages: numbers = true; break;
            }
        var w = Calibration;
        var z = w.Bias
            + (float.IsPositiveInfinity(author) ? w.NoAuthor : w.AuthorMargin * Saturate(author))
            + (float.IsPositiveInfinity(title) ? w.NoTitle : w.TitleMargin * Saturate(title))
            + (container ? 0 : w.NoContainer)
            + (float.IsPositiveInfinity(title) && !container ? w.NoWork : 0)
            + (date ? 0 : w.NoDate)
            + (numbers ? 0 : w.NoNumbers);
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>A margin in the model's score units as 0..1 (150 gives 0.63): past a point a wider margin says no more.</summary>
    static double Saturate(float margin) => 1 - Math.Exp(-Math.Max(0, margin) / MarginScale);

    const double MarginScale = 150;

    /// <summary>What a parse of prose is worth: under <see cref="ParsedReference.ConfidentAt"/>, so it keeps its
    /// identifiers and links but names no work and no one, as an unparsed string did.</summary>
    const double ProseConfidence = 0.1;

    /// <summary>The confidence's logistic weights (the order of calibrate_confidence.py's inputs).</summary>
    internal sealed record Weights(double Bias, double AuthorMargin, double NoAuthor, double TitleMargin, double NoTitle, double NoContainer,
        double NoWork, double NoDate, double NoNumbers);

    /// <summary>
    /// Fitted on the held-out tenths 0 and 1 of train, each parsed by the model trained without it (1,584 parses; the eighth
    /// round in docs/benchmarks/refparse.md). A parse with neither people, title nor container comes out near 0.15, a
    /// title-less journal reference with sure names, a journal, a volume and a year about 0.55, a clean article about 0.85.
    /// "No people" raises it: a parse that names no one cannot name a wrong person.
    /// </summary>
    internal static readonly Weights Calibration = new(Bias: -2.419, AuthorMargin: 1.856, NoAuthor: 1.542, TitleMargin: 2.569,
        NoTitle: 0.826, NoContainer: -0.677, NoWork: -0.785, NoDate: -0.055, NoNumbers: -0.253);
}
