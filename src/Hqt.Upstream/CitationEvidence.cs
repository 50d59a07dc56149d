namespace Hqt.Upstream;

/// <summary>
/// The graph as dense arrays: every known work gets an index, and each keeps who cites it (captures, and the
/// other known works that list references) in compressed adjacency lists, so every pass is linear in the edges.
/// </summary>
sealed class CitationEvidence
{
    readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    readonly HashSet<string> _captured = new(StringComparer.Ordinal);

    public List<string> Ids { get; } = [];
    public List<WorkNode?> Nodes { get; } = [];
    public List<WorkNode> Captures { get; } = [];
    public TopicProfile Topic { get; }

    /// <summary>The writers of each capture as interned normalised names: distinct writers are counted on these.</summary>
    public int[][] CaptureWriters { get; }
    public int WriterScale { get; }

    // Node i is cited by captures CaptureCiters[CaptureStart[i]..CaptureStart[i+1]] and by works WorkCiters[WorkStart[i]..].
    public int[] CaptureStart { get; private set; } = [];
    public int[] CaptureCiters { get; private set; } = [];
    public int[] WorkStart { get; private set; } = [];
    public int[] WorkCiters { get; private set; } = [];

    public int[] Writers { get; private set; } = [];
    public double[] CiterWeight { get; private set; } = [];
    public double[] TwoHop { get; private set; } = [];
    public double[] MeanGap { get; private set; } = [];

    public CitationEvidence(ReaderGraph graph)
    {
        foreach (var capture in graph.Captures)
            if (_captured.Add(capture.Id)) Captures.Add(capture);
        var neighbours = new List<WorkNode>(graph.Works.Count);
        foreach (var work in graph.Works)
        {
            if (_captured.Contains(work.Id)) continue;
            if (_index.TryGetValue(work.Id, out var known))
            {
                // The same work seen twice: keep the sighting that knows its references.
                if (Nodes[known]!.References is null && work.References is not null) Nodes[known] = work;
                continue;
            }
            Intern(work.Id, work);
            neighbours.Add(work);
        }
        Topic = new TopicProfile(Captures, neighbours);

        var authorIds = new Dictionary<string, int>(StringComparer.Ordinal);
        CaptureWriters = Captures.Select(c => c.Authors.Select(a => PersonNames.Normalize(a)).Where(a => a.Length > 0)
            .Select(a => authorIds.TryGetValue(a, out var id) ? id : authorIds[a] = authorIds.Count).Distinct().ToArray()).ToArray();
        WriterScale = Math.Max(1, Math.Min(Captures.Count, RankWeights.WriterScaleCap));

        BuildEdges();
        CountWriters();
        WeighTwoHops();
    }

    public bool IsCaptured(string id) => _captured.Contains(id);

    public ReadOnlySpan<int> CapturesCiting(int node) => CaptureCiters.AsSpan(CaptureStart[node], CaptureStart[node + 1] - CaptureStart[node]);

    public ReadOnlySpan<int> WorksCiting(int node) => WorkCiters.AsSpan(WorkStart[node], WorkStart[node + 1] - WorkStart[node]);

    int Intern(string id, WorkNode? node)
    {
        if (_index.TryGetValue(id, out var index)) return index;
        index = Ids.Count;
        _index[id] = index;
        Ids.Add(id);
        Nodes.Add(node);
        return index;
    }

    void BuildEdges()
    {
        var captureEdges = new List<(int Cited, int Citer)>();
        var workEdges = new List<(int Cited, int Citer)>();
        var seen = new HashSet<int>();
        for (var c = 0; c < Captures.Count; c++)
        {
            seen.Clear();
            foreach (var reference in Captures[c].References ?? [])
                if (!_captured.Contains(reference) && seen.Add(Intern(reference, null))) captureEdges.Add((_index[reference], c));
        }
        var expandedCount = Nodes.Count;
        for (var h = 0; h < expandedCount; h++)
        {
            if (Nodes[h]?.References is not { } references) continue;
            seen.Clear();
            foreach (var reference in references)
            {
                if (_captured.Contains(reference)) continue;
                var cited = Intern(reference, null);
                if (cited != h && seen.Add(cited)) workEdges.Add((cited, h));
            }
        }
        (CaptureStart, CaptureCiters) = Compress(captureEdges, Nodes.Count);
        (WorkStart, WorkCiters) = Compress(workEdges, Nodes.Count);
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

    void CountWriters()
    {
        Writers = new int[Nodes.Count];
        var seen = new HashSet<int>();
        for (var i = 0; i < Nodes.Count; i++)
        {
            var citers = CapturesCiting(i);
            if (citers.Length == 0) continue;
            seen.Clear();
            Writers[i] = DistinctWriters(citers, seen, null);
        }
    }

    /// <summary>Citing captures that bring a writer not met yet: one writer citing a work from five pages counts once.</summary>
    public int DistinctWriters(ReadOnlySpan<int> citingCaptures, HashSet<int> seen, List<int>? newWriterCaptures)
    {
        var count = 0;
        foreach (var c in citingCaptures)
        {
            var writers = CaptureWriters[c];
            var isNew = writers.Length == 0;
            foreach (var w in writers) isNew |= seen.Add(w);
            if (!isNew) continue;
            count++;
            newWriterCaptures?.Add(c);
        }
        return count;
    }

    void WeighTwoHops()
    {
        CiterWeight = new double[Nodes.Count];
        TwoHop = new double[Nodes.Count];
        MeanGap = new double[Nodes.Count];
        for (var h = 0; h < Nodes.Count; h++)
            if (Nodes[h]?.References is not null)
                CiterWeight[h] = RankWeights.CiterWriters * Writers[h] / WriterScale + RankWeights.CiterTopic * Topic.Similarity(Nodes[h]!.Title);
        for (var i = 0; i < Nodes.Count; i++)
        {
            var year = Nodes[i]?.Year;
            double gapSum = 0;
            var gaps = 0;
            foreach (var c in CapturesCiting(i))
                if (year is { } y && Captures[c].Year is { } cy) { gapSum += cy - y; gaps++; }
            foreach (var h in WorksCiting(i))
            {
                TwoHop[i] += CiterWeight[h];
                if (year is { } y && Nodes[h]!.Year is { } hy) { gapSum += hy - y; gaps++; }
            }
            MeanGap[i] = gaps > 0 ? gapSum / gaps : 0;
        }
    }
}
