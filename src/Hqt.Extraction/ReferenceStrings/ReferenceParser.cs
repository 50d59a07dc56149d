namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Parses reference strings ("Carter, S. B. et al. Mycophenolic acid… Nature 223, 848–850 (1969).") into their fields
/// with a trained sequence labeller (<see cref="RefModel"/>, trained by <c>tools/Hqt.RefParse.Train</c> on AnyStyle's
/// labelled references; the model is an embedded resource, read once on first use).
/// </summary>
public static class ReferenceParser
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
        var cleaned = Normalize(text);
        var tokens = RefTokenizer.Tokenize(cleaned);
        if (tokens.Count == 0)
            return new ParsedReference(cleaned, null, [], false, [], null, null, null, null, null, null, null, null, null, null, null, null, null, ParsedReferenceTypes.Other, 0);
        var labels = Label(tokens, model, out var margins);
        return ReferenceAssembler.Assemble(cleaned, tokens, labels, Confidence(labels, margins));
    }

    /// <summary>The label of every token.</summary>
    public static RefLabel[] Label(IReadOnlyList<RefToken> tokens, RefModel model, out float[] margins) =>
        model.Decode(RefFeatures.ExtractShared(tokens, model.Lexicons), out margins);

    static string Normalize(string text)
    {
        var s = text.Length > MaxLength ? text[..MaxLength] : text;
        return s.Trim();
    }

    /// <summary>
    /// How sure the labelling is, 0..1: the smallest margin by which a title or author token's label beat the next best
    /// (in the trained model's score units: a margin of 150 gives 0.63). Without a title or a container the string names
    /// no work ("Ibid.", a sentence of prose), and the parse is never confident.
    /// On the held-out tenth of train about 3 % of references fall under <see cref="ParsedReference.ConfidentAt"/>.
    /// </summary>
    static double Confidence(RefLabel[] labels, float[] margins)
    {
        var least = float.PositiveInfinity;
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] is RefLabel.Title or RefLabel.Author && margins[i] < least) least = margins[i];
        var c = float.IsPositiveInfinity(least) ? 0.6 : 1 - Math.Exp(-Math.Max(0, least) / MarginScale);
        var hasWork = labels.Any(l => l is RefLabel.Title or RefLabel.Container);
        return hasWork ? c : c * 0.15;
    }

    const double MarginScale = 150;
}
