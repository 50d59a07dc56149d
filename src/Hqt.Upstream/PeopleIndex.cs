namespace Hqt.Upstream;

/// <summary>
/// The people of a graph, read once per graph (<see cref="PreparedGraph"/>): every candidate's names cleaned, keyed and
/// interned as ints, each written form read as family name and initials, each work's co-author keys, and per person the
/// captures and field works citing any of their works. Reading a name (<see cref="NameForms.Clean"/>, <see cref="NameForms.Read"/>)
/// costs regexes and splits; a query used to pay it for every author of its 600 pooled works, and again for every pair of
/// forms it compared, which made people most of a scenario's time. Read-only after construction, so queries share it.
/// </summary>
sealed class PeopleIndex
{
    /// <summary>Per node: the people it names, each once by key, with the form written on this node (in the node's order).</summary>
    public (int Person, string Name)[][] OfNode { get; }

    /// <summary>Per person: the normalised key (<see cref="PersonNames.Normalize"/>).</summary>
    public string[] Keys { get; }

    /// <summary>Per person: distinct captures and field works citing any of their works, and all distinct citers.</summary>
    public (int Field, int All)[] Citers { get; }

    /// <summary>
    /// Per person: ln(1 + Σ over their works of cited_by_count × the share of the work's visible citers in the field) (as
    /// <see cref="Feature.FieldShareCitations"/>, summed over the person): how often the field cites them in the wider world,
    /// beyond the few citers the graph shows.
    /// </summary>
    public double[] FieldCitations => LazyInitializer.EnsureInitialized(ref _fieldCitations, () => EstimateFieldCitations(_evidence, _inField, WorksOf));

    /// <summary>
    /// Per person: ln(1 + Σ over their works of that work's field citers (captures and field works citing it)): a saturating
    /// sum over all their upstream works, where <see cref="Citers"/> counts each citer once however many of their works it cites.
    /// </summary>
    public double[] FieldCiteSum => LazyInitializer.EnsureInitialized(ref _fieldCiteSum, () => SumFieldCites(credited: false));

    /// <summary>
    /// Per person: ln(1 + Σ over their works of the work's field citers ÷ its author count): fractional credit, so one
    /// citation of a forty-author paper lifts each of its authors less than a citation of their own paper does.
    /// </summary>
    public double[] CreditedCites => LazyInitializer.EnsureInitialized(ref _creditedCites, () => SumFieldCites(credited: true));

    /// <summary>
    /// Per person: ln(1 + the distinct writers you read who reach them: writers of captures citing one of their works, or
    /// citing a work that cites one of them (two hops)). A root person is cited across many of your writers, not by one.
    /// </summary>
    public double[] WriterReach => LazyInitializer.EnsureInitialized(ref _writerReach, () => CountWriterReach(_evidence, WorksOf));

    /// <summary>
    /// Per person: ln(1 + how many of their cited works are themselves of the field (their titles use the field's words)):
    /// the field's own authors, whom its later papers go on citing, over a famous name the field cites once in passing.
    /// </summary>
    public double[] FieldWorks => LazyInitializer.EnsureInitialized(ref _fieldWorks, CountFieldWorks);

    /// <summary>Per person: ln(1 + how many of their works the graph shows cited): a body of work, not one paper.</summary>
    public double[] WorkCount => LazyInitializer.EnsureInitialized(ref _workCount, () => [.. WorksOf.Select(works => Math.Log(1 + works.Length))]);

    /// <summary>Per person: ln(1 + Σ over their works of cited_by_count): how much the wider world cites them.</summary>
    public double[] WorldCitations => LazyInitializer.EnsureInitialized(ref _worldCitations, SumWorldCitations);

    /// <summary>
    /// Per person: how recent their newest cited work is, in decades before the newest capture (0 down to −3): the field's
    /// later papers go on citing the people active just before them, more than its founders.
    /// </summary>
    public double[] Recency => LazyInitializer.EnsureInitialized(ref _recency, ReadRecency);

    /// <summary>Per person: the nodes naming them (works they wrote, references to them), in node order.</summary>
    public int[][] WorksOf { get; }

    /// <summary>Every person with a field citer, most distinct field citers first (ties by key): people beyond the pooled works.</summary>
    public int[] ByFieldCiters => LazyInitializer.EnsureInitialized(ref _byFieldCiters, SortByFieldCiters);

    /// <summary>
    /// A node's authors' (family, "family initial") pairs, for telling forms of one name apart by their co-authors. Read
    /// on first use: only the pooled people of a family with several forms are ever compared, a few nodes a query, and
    /// reading every author's name of every node up front was most of the index's time. Safe to call concurrently (a
    /// race computes the same pairs twice and stores either).
    /// </summary>
    public (string Family, string Key)[] CoAuthorsOf(int node)
    {
        if (Volatile.Read(ref _coAuthors[node]) is { } known) return known;
        var authors = _evidence.Nodes[node]?.Authors ?? [];
        var pairs = new List<(string, string)>(authors.Count);
        foreach (var author in authors)
            if (Parts(author) is { FirstInitial: { } initial } other) pairs.Add((other.Family, other.Family + " " + initial));
        var read = pairs.ToArray();
        Volatile.Write(ref _coAuthors[node], read);
        return read;
    }

    readonly CitationEvidence _evidence;
    readonly bool[] _inField;
    // The person-level evidence beyond Citers, each read on first use: a weight of 0 (PeopleRanker asks only for what its
    // weights use) costs nothing, and the committed weights use none of it; the tuning command reads them all.
    double[]? _fieldCitations, _fieldCiteSum, _creditedCites, _writerReach, _fieldWorks, _workCount, _worldCitations, _recency;
    int[]? _byFieldCiters;
    readonly (string, string)[]?[] _coAuthors;
    // Names read as family and initials on first use (a query reads its pooled people's; most names never are).
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, NameForms.Parts?> _parts = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _byKey;

    public int Count => Keys.Length;

    public PeopleIndex(CitationEvidence evidence, bool[] inField)
    {
        var n = evidence.Ids.Count;
        var cleaned = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Clean(string? raw)
        {
            if (raw is null) return null;
            if (!cleaned.TryGetValue(raw, out var clean)) cleaned[raw] = clean = NameForms.Clean(raw);
            return clean;
        }
        _evidence = evidence;
        _coAuthors = new (string, string)[]?[n];
        _byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        var keyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var worksOf = new List<List<int>>();
        var ofNode = new (int, string)[n][];
        var names = new List<string>(8);
        var people = new List<(int Person, string Name)>(8);
        for (var node = 0; node < n; node++)
        {
            ofNode[node] = [];
            if (evidence.CapturesCiting(node).Length == 0 && evidence.WorksCiting(node).Length == 0) continue;
            var work = evidence.Nodes[node];
            if (work is null) continue;
            names.Clear();
            // A person reference names its person (its title, else its author); a work names its authors.
            if (!evidence.IsPerson(node))
            {
                foreach (var author in work.Authors) if (Clean(author) is { } name) names.Add(name);
            }
            else if (Clean(work.Title) is { } title) names.Add(title);
            else if (Clean(work.Authors.FirstOrDefault()) is { } first) names.Add(first);
            people.Clear();
            foreach (var name in names)
            {
                if (!keyOf.TryGetValue(name, out var key)) keyOf[name] = key = PersonNames.Normalize(name);
                if (key.Length == 0) continue;
                if (!_byKey.TryGetValue(key, out var id))
                {
                    _byKey[key] = id = keys.Count;
                    keys.Add(key);
                    worksOf.Add([]);
                }
                if (Contains(people, id)) continue;
                people.Add((id, name));
                worksOf[id].Add(node);
            }
            ofNode[node] = [.. people];
        }
        OfNode = ofNode;
        Keys = [.. keys];
        _inField = inField;
        Citers = CountCiters(evidence, inField, worksOf);
        WorksOf = new int[worksOf.Count][];
        for (var person = 0; person < worksOf.Count; person++) WorksOf[person] = [.. worksOf[person]];
    }

    double[] SumWorldCitations()
    {
        var result = new double[Count];
        for (var person = 0; person < result.Length; person++)
        {
            var cited = 0.0;
            foreach (var work in WorksOf[person]) cited += Math.Max(0, _evidence.Nodes[work]?.CitedByCount ?? 0);
            result[person] = Math.Log(1 + cited);
        }
        return result;
    }

    double[] ReadRecency()
    {
        var newestCapture = int.MinValue;
        foreach (var capture in _evidence.Captures) if (capture.Year is { } y) newestCapture = Math.Max(newestCapture, y);
        var result = new double[Count];
        for (var person = 0; person < result.Length; person++)
        {
            var newest = int.MinValue;
            foreach (var work in WorksOf[person]) if (_evidence.Nodes[work]?.Year is { } y) newest = Math.Max(newest, y);
            result[person] = newest == int.MinValue || newestCapture == int.MinValue ? -3 : Math.Clamp((newest - newestCapture) / 10.0, -3, 0);
        }
        return result;
    }

    double[] CountFieldWorks()
    {
        var result = new double[Count];
        for (var person = 0; person < result.Length; person++)
        {
            var fieldWorks = 0;
            foreach (var work in WorksOf[person]) if (_inField[work]) fieldWorks++;
            result[person] = Math.Log(1 + fieldWorks);
        }
        return result;
    }

    int[] SortByFieldCiters()
    {
        var citers = Citers;
        var withField = new List<int>();
        for (var person = 0; person < Count; person++) if (citers[person].Field > 0) withField.Add(person);
        int[] sorted = [.. withField];
        var keysOf = Keys;
        Array.Sort(sorted, (a, b) => citers[a].Field != citers[b].Field ? citers[b].Field.CompareTo(citers[a].Field) : string.CompareOrdinal(keysOf[a], keysOf[b]));
        return sorted;
    }

    static int FieldCitersOf(CitationEvidence evidence, bool[] inField, int work)
    {
        var field = evidence.CapturesCiting(work).Length;
        foreach (var h in evidence.WorksCiting(work)) if (inField[h]) field++;
        return field;
    }

    double[] SumFieldCites(bool credited)
    {
        var result = new double[Count];
        for (var person = 0; person < result.Length; person++)
        {
            var sum = 0.0;
            foreach (var work in WorksOf[person])
            {
                var field = FieldCitersOf(_evidence, _inField, work);
                if (field == 0) continue;
                sum += credited ? (double)field / Math.Max(1, OfNode[work].Length) : field;
            }
            result[person] = Math.Log(1 + sum);
        }
        return result;
    }

    /// <summary>Distinct writers of the captures citing a person's works directly or through one work between. Once per graph, stamps, no sets.</summary>
    static double[] CountWriterReach(CitationEvidence evidence, int[][] worksOf)
    {
        var reach = new double[worksOf.Length];
        var stamp = new int[Math.Max(1, evidence.WriterCount)];
        for (var person = 0; person < worksOf.Length; person++)
        {
            var generation = person + 1;
            var writers = 0;
            void Count(int capture)
            {
                foreach (var w in evidence.CaptureWriters[capture])
                    if (stamp[w] != generation) { stamp[w] = generation; writers++; }
            }
            foreach (var work in worksOf[person])
            {
                foreach (var c in evidence.CapturesCiting(work)) Count(c);
                foreach (var h in evidence.WorksCiting(work))
                    foreach (var c in evidence.CapturesCiting(h)) Count(c);
            }
            reach[person] = Math.Log(1 + writers);
        }
        return reach;
    }

    static bool Contains(List<(int Person, string Name)> people, int id)
    {
        foreach (var (person, _) in people) if (person == id) return true;
        return false;
    }

    /// <summary>The person of a normalised key, or -1.</summary>
    public int PersonOf(string key) => _byKey.GetValueOrDefault(key, -1);

    /// <summary>A written form (one of <see cref="OfNode"/>'s names) read as family name and initials.</summary>
    public NameForms.Parts? Parts(string name) => _parts.GetOrAdd(name, static n => NameForms.Read(n));

    static double[] EstimateFieldCitations(CitationEvidence evidence, bool[] inField, int[][] worksOf)
    {
        var result = new double[worksOf.Length];
        for (var person = 0; person < worksOf.Length; person++)
        {
            var sum = 0.0;
            foreach (var work in worksOf[person])
            {
                var cited = evidence.Nodes[work]?.CitedByCount ?? 0;
                if (cited <= 0) continue;
                var captures = evidence.CapturesCiting(work).Length;
                var works = evidence.WorksCiting(work);
                var field = 0;
                foreach (var h in works) if (inField[h]) field++;
                sum += (double)cited * (captures + field + 0.5) / (captures + works.Length + 1.0);
            }
            result[person] = Math.Log(1 + sum);
        }
        return result;
    }

    /// <summary>
    /// Per person: the distinct captures and field works (<see cref="Feature.InField"/>) citing any of their works, and all
    /// distinct citers. Once per graph: a generation stamp per citer, no sets.
    /// </summary>
    static (int Field, int All)[] CountCiters(CitationEvidence evidence, bool[] inField, List<List<int>> worksOf)
    {
        var captures = evidence.Captures.Count;
        var stamp = new int[captures + evidence.Ids.Count];
        var counts = new (int, int)[worksOf.Count];
        for (var person = 0; person < worksOf.Count; person++)
        {
            var generation = person + 1;
            int field = 0, all = 0;
            foreach (var work in worksOf[person])
            {
                foreach (var c in evidence.CapturesCiting(work))
                    if (stamp[c] != generation) { stamp[c] = generation; field++; all++; }
                foreach (var h in evidence.WorksCiting(work))
                    if (stamp[captures + h] != generation)
                    {
                        stamp[captures + h] = generation;
                        all++;
                        if (inField[h]) field++;
                    }
            }
            counts[person] = (field, all);
        }
        return counts;
    }
}
