namespace Hqt.Upstream;

/// <summary>
/// People upstream, "who inspired the people you read": the authors of the best-scored works, each weighing the sum of a
/// power of their works' scores (<see cref="RankWeights.PeoplePower"/>), so one strong work counts more than several faint
/// ones, plus how many captures and works of the field cite any of their works (<see cref="RankWeights.PeopleCiters"/>): a root author
/// is one the field cites across many works. Both fitted by tools/Hqt.Ranking.Tune on author recall.
/// </summary>
static class PeopleRanker
{
    const int WorksNamed = 2;

    public static IReadOnlyList<RankedPerson> Rank(CitationEvidence evidence, IReadOnlyDictionary<string, (int Field, int All)> authorCiters, WriterStamps stamps, List<UpstreamRanker.Scored> pool, IReadOnlySet<string> excluded, int limit, RankWeights weights, bool explain = true)
    {
        // Re-normalised, so "person:Michael Collins" and "person:collins, michael" exclude the same person.
        var excludedPeople = excluded.Where(e => e.StartsWith(PersonNames.KeyPrefix, StringComparison.Ordinal))
            .Select(e => PersonNames.Normalize(e[PersonNames.KeyPrefix.Length..])).ToHashSet(StringComparer.Ordinal);
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        var scores = new Dictionary<int, double>();
        foreach (var work in pool)
        {
            scores[work.Node] = work.Score;
            foreach (var author in Names(evidence, work.Node))
            {
                var key = PersonNames.Normalize(author);
                if (key.Length == 0 || excludedPeople.Contains(key)) continue;
                if (!people.TryGetValue(key, out var person)) people[key] = person = new Person(author);
                if (person.Works.Contains(work.Node)) continue;
                person.Works.Add(work.Node);
                person.Score += Math.Pow(Math.Max(0, work.Score), weights.PeoplePower);
            }
        }
        if (weights.PeopleCiters != 0 || weights.PeopleAllCiters != 0)
            foreach (var (key, person) in people)
            {
                // Over every work of theirs in the graph, not only the pooled ones: a root author is cited across many.
                var (field, all) = authorCiters.GetValueOrDefault(key);
                person.Score += weights.PeopleCiters * Math.Log(1 + field) + weights.PeopleAllCiters * Math.Log(1 + all);
            }
        // Forms of one person ("AA Romanovsky", "Andrej A Romanovsky") merge last: the fuller form keeps its citers.
        return MergeForms(evidence, people.Values.ToList(), scores, weights.PeoplePower)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => new RankedPerson(p.Name, Math.Round(p.Score, 4), explain ? Reason(evidence, stamps, p) : "", p.Works.Select(w => evidence.Ids[w]).ToList())
            {
                Lineage = explain ? Lineage.ForPerson(evidence, p.Name, p.Works) : [],
            })
            .ToList();
    }

    /// <summary>
    /// Forms of one name ("AA Romanovsky", "Romanovsky AA", "Andrej A Romanovsky") become one person when the evidence
    /// says so: the same family name, initials where one extends the other, and a work or a co-author in common. Forms
    /// that only share a family name and initial, with nothing else in common, stay apart.
    /// </summary>
    static List<Person> MergeForms(CitationEvidence evidence, List<Person> people, Dictionary<int, double> scores, double power)
    {
        var parts = people.Select(p => NameForms.Read(p.Name)).ToList();
        var merged = new bool[people.Count];
        foreach (var group in Enumerable.Range(0, people.Count).Where(i => parts[i] is { Initials.Length: > 0 }).GroupBy(i => parts[i]!.Value.Family).Where(g => g.Count() > 1))
        {
            var members = group.ToList();
            for (var a = 0; a < members.Count; a++)
                for (var b = a + 1; b < members.Count; b++)
                {
                    int i = members[a], j = members[b];
                    if (merged[i] || merged[j] || !NameForms.Compatible(parts[i]!.Value, parts[j]!.Value)) continue;
                    var shared = people[i].Works.Intersect(people[j].Works).Any()
                        || CoAuthors(evidence, people[i], parts[i]!.Value).Overlaps(CoAuthors(evidence, people[j], parts[j]!.Value))
                        || (Citers(evidence, people[i]).Overlaps(Citers(evidence, people[j])) && IsOnlyFullerForm(members, parts, merged, i, j));
                    if (!shared) continue;
                    // The fuller form names the person: "Andrej A Romanovsky" over "AA Romanovsky".
                    var (keep, drop) = people[i].Name.Count(char.IsLetter) >= people[j].Name.Count(char.IsLetter) ? (i, j) : (j, i);
                    foreach (var work in people[drop].Works.Where(w => !people[keep].Works.Contains(w)).ToList())
                    {
                        people[keep].Works.Add(work);
                        people[keep].Score += Math.Pow(Math.Max(0, scores[work]), power);
                    }
                    merged[drop] = true;
                    parts[keep] = parts[keep]!.Value.Initials.Length >= parts[drop]!.Value.Initials.Length ? parts[keep] : parts[drop];
                }
        }
        return people.Where((_, i) => !merged[i]).ToList();
    }

    // The captures and works citing any of the person's works: forms cited side by side in one reference list.
    static HashSet<int> Citers(CitationEvidence evidence, Person person)
    {
        var citers = new HashSet<int>();
        foreach (var work in person.Works)
        {
            foreach (var c in evidence.CapturesCiting(work)) citers.Add(-1 - c);
            foreach (var h in evidence.WorksCiting(work)) citers.Add(h);
        }
        return citers;
    }

    // Cited side by side, "J Lipton" is "JM Lipton" only when no other fuller form ("JR Lipton") could be meant.
    static bool IsOnlyFullerForm(List<int> members, List<NameForms.Parts?> parts, bool[] merged, int i, int j)
    {
        var (shorter, fuller) = parts[i]!.Value.Initials.Length <= parts[j]!.Value.Initials.Length ? (i, j) : (j, i);
        return !members.Any(k => k != shorter && k != fuller && !merged[k] && NameForms.Compatible(parts[shorter]!.Value, parts[k]!.Value)
            && parts[k]!.Value.Initials != parts[fuller]!.Value.Initials);
    }

    static HashSet<string> CoAuthors(CitationEvidence evidence, Person person, NameForms.Parts self)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var work in person.Works)
            foreach (var author in evidence.Nodes[work]?.Authors ?? [])
                if (NameForms.Read(author) is { } other && other.Family != self.Family && other.FirstInitial is { } initial)
                    keys.Add(other.Family + " " + initial);
        return keys;
    }

    // A person reference names its person (its title, else its author); a work names its authors.
    static IEnumerable<string> Names(CitationEvidence evidence, int node)
    {
        var work = evidence.Nodes[node];
        if (work is null) return [];
        if (!evidence.IsPerson(node)) return work.Authors.Select(NameForms.Clean).OfType<string>();
        // Only a name-shaped label names a person: a bare id or "Instagram Account" names nobody.
        return new[] { work.Title, work.Authors.FirstOrDefault() }.Select(NameForms.Clean).OfType<string>().Take(1);
    }

    static string Reason(CitationEvidence evidence, WriterStamps stamps, Person person)
    {
        var citingCaptures = new List<int>();
        var seenCaptures = new HashSet<int>();
        var citingWorks = new HashSet<int>();
        foreach (var work in person.Works)
        {
            foreach (var c in evidence.CapturesCiting(work)) if (seenCaptures.Add(c)) citingCaptures.Add(c);
            foreach (var h in evidence.WorksCiting(work)) citingWorks.Add(h);
        }
        var writers = evidence.DistinctWriters(stamps, citingCaptures.ToArray(), null);
        var written = person.Works.Where(w => !evidence.IsPerson(w)).ToList();
        var titles = written.Take(WorksNamed).Select(w => Reasons.Quote(evidence.Nodes[w], evidence.Ids[w])
            + (evidence.Nodes[w]?.Year is { } year ? $" ({year})" : "")).ToList();
        var reason = written.Count > 0 ? $"wrote {Reasons.NameList(titles, written.Count)}, cited" : "named";
        if (writers > 0) reason += $" by {Reasons.Count(writers, "writer", "writers")} you read";
        if (citingWorks.Count > 0) reason += $"{(writers > 0 ? " and" : "")} by {Reasons.Count(citingWorks.Count, "work", "works")} {(writers > 0 ? "they cite" : "your writers cite")}";
        // Who inspired the people you read: name the chain that leads to them when no writer you read cites them directly.
        if (writers == 0 && person.Works.Count > 0 && Lineage.ForWork(evidence, person.Works[0]) is [{ Count: >= 3 } chain, ..])
            reason += $", most strongly through {Reasons.Through(evidence, chain)}";
        return reason;
    }

    /// <summary>
    /// Per author (normalised name): the distinct captures and field works citing any of their works, and all distinct
    /// citers, over every candidate. Once per graph: a generation stamp per citer, no sets.
    /// </summary>
    public static Dictionary<string, (int Field, int All)> CountCiters(CitationEvidence evidence, RankFeatures features, IReadOnlyList<int> candidates)
    {
        var works = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var node in candidates)
            foreach (var author in Names(evidence, node))
            {
                var key = PersonNames.Normalize(author);
                if (key.Length == 0) continue;
                if (!works.TryGetValue(key, out var list)) works[key] = list = [];
                list.Add(node);
            }
        var captures = evidence.Captures.Count;
        var stamp = new int[captures + evidence.Ids.Count];
        var generation = 0;
        var counts = new Dictionary<string, (int Field, int All)>(works.Count, StringComparer.Ordinal);
        foreach (var (key, list) in works)
        {
            generation++;
            int field = 0, all = 0;
            foreach (var work in list)
            {
                foreach (var c in evidence.CapturesCiting(work))
                    if (stamp[c] != generation) { stamp[c] = generation; field++; all++; }
                foreach (var h in evidence.WorksCiting(work))
                    if (stamp[captures + h] != generation)
                    {
                        stamp[captures + h] = generation;
                        all++;
                        if (features[h, Feature.InField] > 0) field++;
                    }
            }
            counts[key] = (field, all);
        }
        return counts;
    }

    sealed class Person(string name)
    {
        public string Name { get; } = name;
        public List<int> Works { get; } = [];
        public double Score { get; set; }
    }
}
