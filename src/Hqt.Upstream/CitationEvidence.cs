namespace Hqt.Upstream;

/// <summary>
/// The graph as dense arrays: every known work gets an index, and each keeps who cites it (captures, and the
/// other known works that list references) in compressed adjacency lists, so every pass is linear in the edges.
/// Built once per graph (<see cref="PreparedGraph"/>) and read-only afterwards, so concurrent queries can share it:
/// the per-query scratch (<see cref="WriterStamps"/>) lives with each query.
/// </summary>
sealed class CitationEvidence
{
    // Every id seen, to its node index; captures map to -1, so one lookup tells both.
    readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public List<string> Ids { get; } = [];
    public List<WorkNode?> Nodes { get; } = [];
    public List<WorkNode> Captures { get; } = [];
    public TopicProfile Topic { get; }

    /// <summary>The writers of each capture as interned normalised names: distinct writers are counted on these.</summary>
    public int[][] CaptureWriters { get; }
    public int WriterScale { get; }
    /// <summary>How many distinct writers the captures have: the size of a <see cref="WriterStamps"/>.</summary>
    public int WriterCount { get; }

    // Node i is cited by captures CaptureCiters[CaptureStart[i]..CaptureStart[i+1]] and by works WorkCiters[WorkStart[i]..].
    public int[] CaptureStart { get; private set; } = [];
    public int[] CaptureCiters { get; private set; } = [];
    public int[] WorkStart { get; private set; } = [];
    public int[] WorkCiters { get; private set; } = [];

    public int[] Writers { get; private set; } = [];
    public double[] CiterWeight { get; private set; } = [];
    public double[] MeanGap { get; private set; } = [];

    public CitationEvidence(ReaderGraph graph) : this(graph, TextChoices.Default) { }

    /// <param name="text">How titles are read (the tuner tries several; everything else takes <see cref="TextChoices.Default"/>).</param>
    public CitationEvidence(ReaderGraph graph, TextChoices text)
    {
        _index.EnsureCapacity(graph.Captures.Count + graph.Works.Count);
        foreach (var capture in graph.Captures)
            if (_index.TryAdd(capture.Id, Captured)) Captures.Add(capture);
        var neighbours = new List<WorkNode>(graph.Works.Count);
        foreach (var work in graph.Works)
        {
            var known = Resolve(work.Id);
            if (known == Captured) continue;
            if (Nodes[known] is { } seen)
            {
                // The same work seen twice: keep the sighting that knows its references.
                if (seen.References is null && work.References is not null) Nodes[known] = work;
                continue;
            }
            Nodes[known] = work;
            neighbours.Add(work);
        }
        Topic = new TopicProfile(Captures, neighbours, text);

        var authorIds = new Dictionary<string, int>(StringComparer.Ordinal);
        CaptureWriters = Captures.Select(c => c.Authors.Select(a => PersonNames.Normalize(a)).Where(a => a.Length > 0)
            .Select(a => authorIds.TryGetValue(a, out var id) ? id : authorIds[a] = authorIds.Count).Distinct().ToArray()).ToArray();
        WriterCount = authorIds.Count;
        _writerIds = authorIds;
        WriterScale = Math.Max(1, Math.Min(Captures.Count, RankWeights.WriterScaleCap));

        BuildEdges();
        CountWriters();
        WeighTwoHops();
    }

    const int Captured = -1;

    Dictionary<string, int>? _captureIndex;

    /// <summary>The index in <see cref="Captures"/> of a capture's id, or -1; built on first use (reasons need it only for a few rows).</summary>
    public int CaptureOf(string id)
    {
        var index = _captureIndex;
        if (index is null)
        {
            index = new Dictionary<string, int>(Captures.Count, StringComparer.Ordinal);
            for (var c = 0; c < Captures.Count; c++) index.TryAdd(Captures[c].Id, c);
            _captureIndex = index;
        }
        return index.GetValueOrDefault(id, -1);
    }

    public bool IsPerson(int node) => string.Equals(Nodes[node]?.Kind, "person", StringComparison.OrdinalIgnoreCase);

    public ReadOnlySpan<int> CapturesCiting(int node) => CaptureCiters.AsSpan(CaptureStart[node], CaptureStart[node + 1] - CaptureStart[node]);

    public ReadOnlySpan<int> WorksCiting(int node) => WorkCiters.AsSpan(WorkStart[node], WorkStart[node + 1] - WorkStart[node]);

    /// <summary>The node index of a known non-captured id; false for captures and unknown ids.</summary>
    public bool TryGetNode(string id, out int node) => _index.TryGetValue(id, out node) && node != Captured;

    /// <summary>The node index of an id, added on first sight; <see cref="Captured"/> for a capture.</summary>
    int Resolve(string id)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_index, id, out var exists);
        if (exists) return slot;
        slot = Ids.Count;
        Ids.Add(id);
        Nodes.Add(null);
        return slot;
    }

    void BuildEdges()
    {
        var captureEdges = new List<(int Cited, int Citer)>();
        var workEdges = new List<(int Cited, int Citer)>();
        var cited = new List<int>();
        for (var c = 0; c < Captures.Count; c++)
            foreach (var node in DistinctReferences(Captures[c].References, -1, cited)) captureEdges.Add((node, c));
        var expandedCount = Nodes.Count;
        for (var h = 0; h < expandedCount; h++)
            if (Nodes[h]?.References is { } references)
                foreach (var node in DistinctReferences(references, h, cited)) workEdges.Add((node, h));
        (CaptureStart, CaptureCiters) = Compress(captureEdges, Nodes.Count);
        (WorkStart, WorkCiters) = Compress(workEdges, Nodes.Count);
    }

    // A citer's references as node indices, each once, never a capture nor the citer itself. Sorting dedupes
    // without a set whose clearing would cost its largest size on every citer.
    List<int> DistinctReferences(IReadOnlyList<string>? references, int citer, List<int> into)
    {
        into.Clear();
        foreach (var reference in references ?? [])
            if (Resolve(reference) is var node and not Captured) into.Add(node);
        into.Sort();
        var kept = 0;
        for (var i = 0; i < into.Count; i++)
            if ((i == 0 || into[i] != into[i - 1]) && into[i] != citer) into[kept++] = into[i];
        into.RemoveRange(kept, into.Count - kept);
        return into;
    }

    // Counting sort into offsets: edges keep their discovery order within each node.
    static (int[] Start, int[] Citers) Compress(List<(int Cited, int Citer)> edges, int nodes)
    {
        var start = new int[nodes + 1];
        foreach (var (cited, _) in edges) start[cited + 1]++;
        for (var i = 0; i < nodes; i++) start[i + 1] += start[i];
        var next = start[..nodes];
        var citers = new int[edges.Count];
        foreach (var (cited, citer) in edges) citers[next[cited]++] = citer;
        return (start, citers);
    }

    readonly Dictionary<string, int> _writerIds;

    /// <summary>
    /// Per node: distinct writers citing it from captures none of whose writers wrote it: a writer citing their own
    /// earlier paper says less about the field's roots than one citing someone else's. Computed on first use (every
    /// cited work's authors keyed): the fitted weights give <see cref="Feature.OtherWriters"/> no weight today, so a
    /// ranking graph never pays for it; the tuning command does. Safe to read concurrently (a race computes it twice).
    /// </summary>
    public int[] OtherWriters => LazyInitializer.EnsureInitialized(ref _otherWriters, CountOtherWriters);

    int[]? _otherWriters;

    void CountWriters()
    {
        Writers = new int[Nodes.Count];
        var stamps = new WriterStamps(WriterCount);
        for (var i = 0; i < Nodes.Count; i++)
        {
            var citers = CapturesCiting(i);
            if (citers.Length > 0) Writers[i] = DistinctWriters(stamps, citers, null);
        }
    }

    int[] CountOtherWriters()
    {
        var otherWriters = new int[Nodes.Count];
        var stamps = new WriterStamps(WriterCount);
        var others = new List<int>();
        var own = new List<int>(4);
        for (var i = 0; i < Nodes.Count; i++)
        {
            var citers = CapturesCiting(i);
            if (citers.Length == 0) continue;
            own.Clear();
            foreach (var author in Nodes[i]?.Authors ?? [])
                if (_writerIds.TryGetValue(PersonNames.Normalize(author), out var id)) own.Add(id);
            if (own.Count == 0) { otherWriters[i] = Writers[i]; continue; }
            others.Clear();
            foreach (var c in citers)
            {
                var self = false;
                foreach (var w in CaptureWriters[c]) if (own.Contains(w)) { self = true; break; }
                if (!self) others.Add(c);
            }
            otherWriters[i] = others.Count == 0 ? 0 : DistinctWriters(stamps, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(others), null);
        }
        return otherWriters;
    }

    /// <summary>Citing captures that bring a writer not met yet: one writer citing a work from five pages counts once.</summary>
    public int DistinctWriters(WriterStamps stamps, ReadOnlySpan<int> citingCaptures, List<int>? newWriterCaptures)
    {
        var generation = stamps.Next();
        var seen = stamps.Seen;
        var count = 0;
        foreach (var c in citingCaptures)
        {
            var writers = CaptureWriters[c];
            var isNew = writers.Length == 0;
            foreach (var w in writers)
            {
                if (seen[w] == generation) continue;
                seen[w] = generation;
                isNew = true;
            }
            if (!isNew) continue;
            count++;
            newWriterCaptures?.Add(c);
        }
        return count;
    }

    // How strongly a citing work speaks for what it cites, for naming the strongest citers and lineage: its writers
    // count, and its closeness to what you read counts more (the hand weights of issue 5, not fitted: they only order names).
    const double CiterWriters = 0.5, CiterTopic = 2.0;

    void WeighTwoHops()
    {
        CiterWeight = new double[Nodes.Count];
        MeanGap = new double[Nodes.Count];
        for (var h = 0; h < Nodes.Count; h++)
            if (Nodes[h]?.References is not null)
                CiterWeight[h] = CiterWriters * Writers[h] / WriterScale + CiterTopic * Topic.Similarity(Nodes[h]!.Title);
        for (var i = 0; i < Nodes.Count; i++)
        {
            var year = Nodes[i]?.Year;
            double gapSum = 0;
            var gaps = 0;
            foreach (var c in CapturesCiting(i))
                if (year is { } y && Captures[c].Year is { } cy) { gapSum += cy - y; gaps++; }
            foreach (var h in WorksCiting(i))
            {
                if (year is { } y && Nodes[h]!.Year is { } hy) { gapSum += hy - y; gaps++; }
            }
            MeanGap[i] = gaps > 0 ? gapSum / gaps : 0;
        }
    }
}


/// <summary>
/// A generation stamp per writer instead of a set: clearing a set that once grew large costs its capacity, on
/// every call. One per query (or per preparation), never shared between threads.
/// </summary>
sealed class WriterStamps(int[] seen)
{
    int _generation;

    public WriterStamps(int writers) : this(new int[writers]) { }

    /// <summary>At least one slot per writer, all zero at the start.</summary>
    public int[] Seen { get; } = seen;

    public int Next() => ++_generation;
}
