namespace Hqt.Upstream;

/// <summary>
/// What the reader's captures are about, from their titles: each term weighs the share of captures that
/// use it times its rarity among the works around them (tf·idf). <see cref="Similarity"/> is 1 for a title
/// as on-topic as the most on-topic capture, 0 for one sharing nothing. It tells which cited works belong to
/// the reader's field, as citations from inside a field (HistCite's local citation score) count most.
/// </summary>
sealed class TopicProfile
{
    // Enough titles for stable word rarities; more only costs time on a large library.
    const int RaritySample = 4096;

    readonly Dictionary<ulong, double> _weights = [];
    readonly List<ulong> _scratch = [];
    readonly double _scale = 1;

    readonly int _stemLength;

    public TopicProfile(IReadOnlyList<WorkNode> captures, IReadOnlyList<WorkNode> neighbours, TextChoices text)
    {
        _stemLength = text.StemLength;
        if (captures.Count == 0) return;
        var share = new Dictionary<ulong, int>();
        var captureTerms = new (ulong[] Terms, int Words)[captures.Count];
        for (var c = 0; c < captures.Count; c++)
        {
            var words = TitleTerms.Collect(captures[c].Title, _scratch, _stemLength);
            captureTerms[c] = (_scratch.ToArray(), words);
            foreach (var term in _scratch) share[term] = share.GetValueOrDefault(term) + 1;
        }
        var documentFrequency = new Dictionary<ulong, int>(share);
        var sampled = Math.Min(neighbours.Count, RaritySample);
        for (var i = 0; i < sampled; i++)
        {
            TitleTerms.Collect(neighbours[i].Title, _scratch, _stemLength);
            foreach (var term in _scratch)
                if (documentFrequency.TryGetValue(term, out var df)) documentFrequency[term] = df + 1;
        }
        var documents = captures.Count + sampled;
        foreach (var (term, count) in share)
            _weights[term] = (double)count / captures.Count * Math.Log((documents + 1) / (documentFrequency[term] + 0.5));

        var best = 0.0;
        foreach (var (terms, words) in captureTerms) best = Math.Max(best, Raw(terms, words));
        _scale = best > 0 ? best : 1;
        _fieldTerms = CoverCaptures(captureTerms.Select(c => c.Terms).ToArray(), documentFrequency, documents, text);
    }

    readonly HashSet<ulong> _fieldTerms = [];

    // The field's words: a greedy cover of the captures' titles by the terms they share, each pick the term that covers
    // most captures not covered yet (to a power, cubed by default, so coverage dominates) times its rarity around them; picks
    // stop when the best covers under 2 captures or under a share (30 % by default) of those left, and at 4 (TextChoices). "active learning" papers give {active learning};
    // "sentiment" ones {polarity, opinion}: the words that make the reader's pages one field.
    const int MaxFieldTerms = 4;

    static HashSet<ulong> CoverCaptures(ulong[][] captureTerms, Dictionary<ulong, int> documentFrequency, int documents, TextChoices text)
    {
        var chosen = new HashSet<ulong>();
        var uncovered = Enumerable.Range(0, captureTerms.Length).ToHashSet();
        var coverage = new Dictionary<ulong, int>();
        while (uncovered.Count > 0 && chosen.Count < MaxFieldTerms)
        {
            coverage.Clear();
            foreach (var c in uncovered)
                foreach (var term in captureTerms[c]) coverage[term] = coverage.GetValueOrDefault(term) + 1;
            ulong bestTerm = 0;
            var bestCount = 0;
            var bestScore = double.NegativeInfinity;
            foreach (var (term, count) in coverage)
            {
                var score = Math.Pow(count, text.CoverPower) * Math.Log((documents + 1.0) / (documentFrequency.GetValueOrDefault(term) + 1.0));
                if (score > bestScore || (score == bestScore && term < bestTerm)) (bestTerm, bestCount, bestScore) = (term, count, score);
            }
            if (bestCount == 0 || (chosen.Count > 0 && bestCount < Math.Max(2, text.CoverStop * uncovered.Count))) break;
            chosen.Add(bestTerm);
            uncovered.RemoveWhere(c => captureTerms[c].Contains(bestTerm));
        }
        return chosen;
    }

    /// <summary>Whether a title uses one of the field's words (see <see cref="CoverCaptures"/>): a paper of the reader's field.</summary>
    public bool InField(string? title)
    {
        if (_fieldTerms.Count == 0) return false;
        TitleTerms.Collect(title, _scratch, _stemLength);
        foreach (var term in _scratch) if (_fieldTerms.Contains(term)) return true;
        return false;
    }

    public double Similarity(string? title) => _weights.Count == 0 ? 0 : Math.Min(1, Raw(title) / _scale);

    /// <summary><see cref="Similarity"/> and <see cref="InField"/> from one pass over the title.</summary>
    public (double Similarity, bool InField) Read(string? title)
    {
        if (_weights.Count == 0) return (0, false);
        var words = TitleTerms.Collect(title, _scratch, _stemLength);
        var inField = false;
        foreach (var term in _scratch) if (_fieldTerms.Contains(term)) { inField = true; break; }
        return (Math.Min(1, Raw(_scratch, words) / _scale), inField);
    }

    double Raw(string? title) => Raw(_scratch, TitleTerms.Collect(title, _scratch, _stemLength));

    double Raw(IReadOnlyList<ulong> terms, int words)
    {
        if (words == 0) return 0;
        var sum = 0.0;
        foreach (var term in terms)
            if (_weights.TryGetValue(term, out var weight)) sum += weight;
        return sum / Math.Sqrt(words);
    }
}
