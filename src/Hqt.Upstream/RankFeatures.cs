namespace Hqt.Upstream;

/// <summary>The evidence a candidate is scored on, one column each; its score is the weighted sum (<see cref="RankWeights"/>).</summary>
enum Feature
{
    /// <summary>Distinct writers you read who cite it, as a share of your writers (capped, see <see cref="RankWeights.WriterScaleCap"/>).</summary>
    Writers,
    /// <summary>Sum over the known works citing it of their own writer share: two hops through the works your writers cite.</summary>
    TwoHopWriters,
    /// <summary>Sum over the known works citing it of their title closeness to what you read: citations from inside your field.</summary>
    TwoHopTopic,
    /// <summary>log(1 + cited_by_count): popularity in the wider world.</summary>
    Popularity,
    /// <summary>log(1 + mean years between the works citing it and it): upstream means earlier.</summary>
    Age,
    /// <summary>Its own title closeness to what you read.</summary>
    Topic,
    /// <summary>log(1 + how many captures and known works cite it): the local citation count, unweighted.</summary>
    LocalCitations,
    /// <summary>Personalized PageRank walking upstream from your captures, as a share of the best candidate's.</summary>
    PageRank,
    /// <summary>Reference-publication-year spectroscopy: how far its year's citations stand above the neighbouring years' median.</summary>
    YearPeak,
    /// <summary>log(1 + citations to its authors' other works here): a root's author cited across many works.</summary>
    AuthorSupport,
    /// <summary>Popularity against the works of its year around you: log(1 + cited_by_count) minus that year's mean.</summary>
    FieldPopularity,
    /// <summary>Co-citation: how much of the citing works' reference lists is what your captures cite, summed over them.</summary>
    CoCitation,
    /// <summary>Bibliographic coupling: the share of its own references that your captures cite too (works a lookup expanded).</summary>
    Coupling,
    /// <summary>
    /// Field-normalised popularity: log(1 + cited_by_count × the share of its visible citers that are in your field), the
    /// share being captures (in the field by definition) and citing works weighed by their title closeness. It estimates
    /// how many citations it has from your field, which is what makes a root of that field.
    /// </summary>
    FieldCitations,
    /// <summary>Sum over the known works citing it of the square of their title closeness: only clearly in-field citers count.</summary>
    TwoHopTopicSquared,
    /// <summary>Captures citing it plus the known works citing it whose titles use the field's words (<see cref="TopicProfile.InField"/>).</summary>
    FieldCiters,
    /// <summary>log(1 + cited_by_count × the share of its visible citers in the field, (captures + field works + ½) / (all citers + 1)).</summary>
    FieldShareCitations,
    /// <summary>1 when its own title uses the field's words.</summary>
    InField,
    /// <summary>
    /// ln(1 + the captures and field works citing its best-cited author's other works, beyond its own field citers): a
    /// root's author is one the field cites across many works, so a work of such an author is likelier a root.
    /// </summary>
    AuthorField,
    /// <summary>
    /// Distinct writers you read who cite it from pages none of its authors wrote, as a share of your writers: the
    /// writers' citations without their self-citations (a writer citing their own earlier work names no root of the field).
    /// </summary>
    OtherWriters,
}

/// <summary>
/// Every candidate's features, computed once per graph (<see cref="PreparedGraph"/>): linear passes over the
/// citation edges and a short power iteration, so a 10k-capture library stays within its prepare budget.
/// </summary>
sealed class RankFeatures
{
    public const int Count = (int)Feature.OtherWriters + 1;

    const double PageRankDamping = 0.85;
    const int PageRankIterations = 20;

    readonly double[] _values;

    /// <summary>
    /// Every feature of every candidate; given the <paramref name="weights"/> it will be scored with, a column those weights
    /// give nothing that costs a pass of its own (<see cref="Feature.OtherWriters"/>: every cited work's authors keyed) is
    /// left at 0, which scores the same. The tuning command passes none: it tries every weight.
    /// </summary>
    public RankFeatures(CitationEvidence evidence, RankWeights? weights = null)
    {
        var n = evidence.Ids.Count;
        _values = new double[n * Count];
        var scale = (double)evidence.WriterScale;
        // Every title read once: its closeness to your captures and whether it uses the field's words.
        var topic = new double[n];
        var inField = new bool[n];
        for (var i = 0; i < n; i++) (topic[i], inField[i]) = evidence.Topic.Read(evidence.Nodes[i]?.Title);

        People = new PeopleIndex(evidence, inField);
        var directlyCited = new bool[n];
        for (var i = 0; i < n; i++) directlyCited[i] = evidence.CapturesCiting(i).Length > 0;
        // The share of each expanded work's references that the captures cite as well (its coupling with your reading).
        var coupling = new double[n];
        var referenceCount = new int[n];
        for (var i = 0; i < n; i++)
            foreach (var h in evidence.WorksCiting(i))
            {
                referenceCount[h]++;
                if (directlyCited[i]) coupling[h]++;
            }
        for (var h = 0; h < n; h++) if (referenceCount[h] > 0) coupling[h] /= referenceCount[h];

        var pageRank = PersonalizedPageRank(evidence);
        var yearPeak = YearPeaks(evidence);
        var authorSupport = AuthorSupport(evidence);
        var fieldPopularity = FieldPopularity(evidence);
        var bestRank = 0.0;
        for (var i = 0; i < n; i++) bestRank = Math.Max(bestRank, pageRank[i]);
        var otherWriters = weights is null || weights[Feature.OtherWriters] != 0 ? evidence.OtherWriters : null;

        for (var i = 0; i < n; i++)
        {
            var works = evidence.WorksCiting(i);
            double twoHopWriters = 0, twoHopTopic = 0, twoHopTopicSquared = 0, coCitation = 0;
            var fieldWorks = 0;
            foreach (var h in works)
            {
                if (inField[h]) fieldWorks++;
                twoHopWriters += evidence.Writers[h] / scale;
                // Only works with known references cite anything, so topic[h] is a citing work's closeness.
                twoHopTopic += topic[h];
                twoHopTopicSquared += topic[h] * topic[h];
                coCitation += coupling[h];
            }
            var citingCaptures = evidence.CapturesCiting(i).Length;
            var fieldShare = citingCaptures + works.Length > 0 ? (citingCaptures + twoHopTopic) / (citingCaptures + works.Length) : 0;
            var row = _values.AsSpan(i * Count, Count);
            row[(int)Feature.Writers] = evidence.Writers[i] / scale;
            row[(int)Feature.TwoHopWriters] = twoHopWriters;
            row[(int)Feature.TwoHopTopic] = twoHopTopic;
            row[(int)Feature.Popularity] = Math.Log(1 + Math.Max(0, evidence.Nodes[i]?.CitedByCount ?? 0));
            row[(int)Feature.Age] = Math.Log(1 + Math.Max(0, evidence.MeanGap[i]));
            row[(int)Feature.Topic] = topic[i];
            row[(int)Feature.LocalCitations] = Math.Log(1 + evidence.CapturesCiting(i).Length + works.Length);
            row[(int)Feature.PageRank] = bestRank > 0 ? pageRank[i] / bestRank : 0;
            row[(int)Feature.YearPeak] = yearPeak[i];
            row[(int)Feature.AuthorSupport] = authorSupport[i];
            row[(int)Feature.FieldPopularity] = fieldPopularity[i];
            row[(int)Feature.CoCitation] = coCitation;
            row[(int)Feature.Coupling] = coupling[i];
            row[(int)Feature.FieldCitations] = Math.Log(1 + Math.Max(0, evidence.Nodes[i]?.CitedByCount ?? 0) * fieldShare);
            row[(int)Feature.TwoHopTopicSquared] = twoHopTopicSquared;
            row[(int)Feature.FieldCiters] = citingCaptures + fieldWorks;
            row[(int)Feature.FieldShareCitations] = Math.Log(1 + Math.Max(0, evidence.Nodes[i]?.CitedByCount ?? 0)
                * (citingCaptures + fieldWorks + 0.5) / (citingCaptures + works.Length + 1.0));
            row[(int)Feature.InField] = inField[i] ? 1 : 0;
            var authorField = 0;
            foreach (var (person, _) in People.OfNode[i]) authorField = Math.Max(authorField, People.Citers[person].Field);
            row[(int)Feature.AuthorField] = Math.Log(1 + Math.Max(0, authorField - citingCaptures - fieldWorks));
            if (otherWriters is not null) row[(int)Feature.OtherWriters] = otherWriters[i] / scale;
        }
    }

    /// <summary>The graph's people, read once here: the field-word test they need is computed here.</summary>
    public PeopleIndex People { get; }

    public ReadOnlySpan<double> Row(int node) => _values.AsSpan(node * Count, Count);

    public double this[int node, Feature feature] => _values[node * Count + (int)feature];

    public double Score(int node, RankWeights weights)
    {
        var row = Row(node);
        var sum = 0.0;
        for (var f = 0; f < Count; f++) sum += weights.Of[f] * row[f];
        return sum;
    }

    /// <summary>
    /// What a work is, rather than who cites it: its age, year and popularity. A work known only by its address gets no
    /// lift from these (<see cref="ScoreWithoutPriors"/>): a reader cannot recognise it, so it never outranks a titled
    /// work on equal citation evidence.
    /// </summary>
    static readonly bool[] Priors = PriorFlags();

    static bool[] PriorFlags()
    {
        var flags = new bool[Count];
        foreach (var f in new[] { Feature.Popularity, Feature.Age, Feature.YearPeak, Feature.FieldPopularity, Feature.FieldCitations, Feature.FieldShareCitations })
            flags[(int)f] = true;
        return flags;
    }

    public double ScoreWithoutPriors(int node, RankWeights weights)
    {
        var row = Row(node);
        var sum = 0.0;
        for (var f = 0; f < Count; f++)
            if (!Priors[f]) sum += weights.Of[f] * row[f];
        return sum;
    }

    /// <summary>
    /// Walks from the captures to what they cite, and on from expanded works to theirs, restarting at the captures
    /// (uniformly) with probability 1 − damping and whenever a walk reaches a work nobody expanded. The walk never
    /// leaves the reader's neighbourhood: only the works around the captures exist here.
    /// </summary>
    static double[] PersonalizedPageRank(CitationEvidence evidence)
    {
        var n = evidence.Ids.Count;
        var captures = evidence.Captures.Count;
        // Out-degrees: a capture's distinct cited nodes, an expanded work's distinct cited nodes.
        var captureOut = new int[captures];
        var workOut = new int[n];
        for (var i = 0; i < n; i++)
        {
            foreach (var c in evidence.CapturesCiting(i)) captureOut[c]++;
            foreach (var h in evidence.WorksCiting(i)) workOut[h]++;
        }
        var rank = new double[n];
        var next = new double[n];
        var restart = 1.0 / Math.Max(1, captures);
        // Mass on each capture is the restart share: captures are never cited within the graph (they map to no node).
        double captureMass = restart;
        for (var iteration = 0; iteration < PageRankIterations; iteration++)
        {
            var dangling = 0.0;
            for (var h = 0; h < n; h++) if (workOut[h] == 0) dangling += rank[h];
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                foreach (var c in evidence.CapturesCiting(i)) sum += captureMass / captureOut[c];
                foreach (var h in evidence.WorksCiting(i)) sum += rank[h] / workOut[h];
                next[i] = PageRankDamping * sum;
            }
            captureMass = restart * (1 - PageRankDamping + PageRankDamping * dangling);
            (rank, next) = (next, rank);
        }
        return rank;
    }

    /// <summary>
    /// RPYS: count the citations (from captures and expanded works) per cited year; a year whose count stands above the
    /// median of the five years around it is a peak, and every work of that year gets the peak's excess as a share of the
    /// largest count. Roots pile up in the years their fields began.
    /// </summary>
    static double[] YearPeaks(CitationEvidence evidence)
    {
        var n = evidence.Ids.Count;
        var perYear = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
            if (evidence.Nodes[i]?.Year is { } year)
            {
                var cites = evidence.CapturesCiting(i).Length + evidence.WorksCiting(i).Length;
                if (cites > 0) perYear[year] = perYear.GetValueOrDefault(year) + cites;
            }
        var result = new double[n];
        if (perYear.Count == 0) return result;
        var largest = perYear.Values.Max();
        var window = new int[5];
        var peak = new Dictionary<int, double>();
        foreach (var (year, count) in perYear)
        {
            for (var d = -2; d <= 2; d++) window[d + 2] = perYear.GetValueOrDefault(year + d);
            Array.Sort(window);
            peak[year] = Math.Max(0, count - window[2]) / (double)largest;
        }
        for (var i = 0; i < n; i++)
            if (evidence.Nodes[i]?.Year is { } year) result[i] = peak.GetValueOrDefault(year);
        return result;
    }

    /// <summary>For each candidate, the most-cited of its authors' other works here (their local citations summed), logged.</summary>
    static double[] AuthorSupport(CitationEvidence evidence)
    {
        var n = evidence.Ids.Count;
        var byAuthor = new Dictionary<string, double>(StringComparer.Ordinal);
        var cites = new int[n];
        for (var i = 0; i < n; i++)
        {
            cites[i] = evidence.CapturesCiting(i).Length + evidence.WorksCiting(i).Length;
            if (cites[i] == 0) continue;
            foreach (var author in evidence.Nodes[i]?.Authors ?? [])
                byAuthor[author] = byAuthor.GetValueOrDefault(author) + cites[i];
        }
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (cites[i] == 0) continue;
            var best = 0.0;
            foreach (var author in evidence.Nodes[i]?.Authors ?? [])
                best = Math.Max(best, byAuthor.GetValueOrDefault(author) - cites[i]);
            result[i] = Math.Log(1 + best);
        }
        return result;
    }

    /// <summary>log(1 + cited_by_count) minus the mean of the cited works of the same year that report a count.</summary>
    static double[] FieldPopularity(CitationEvidence evidence)
    {
        var n = evidence.Ids.Count;
        var sums = new Dictionary<int, (double Sum, int Count)>();
        for (var i = 0; i < n; i++)
            if (evidence.Nodes[i] is { CitedByCount: { } cited, Year: { } year })
            {
                var (sum, count) = sums.GetValueOrDefault(year);
                sums[year] = (sum + Math.Log(1 + Math.Max(0, cited)), count + 1);
            }
        var result = new double[n];
        for (var i = 0; i < n; i++)
            if (evidence.Nodes[i] is { CitedByCount: { } cited, Year: { } year })
            {
                var (sum, count) = sums[year];
                result[i] = Math.Log(1 + Math.Max(0, cited)) - sum / count;
            }
        return result;
    }
}
