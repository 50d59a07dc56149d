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

    public static IReadOnlyList<RankedPerson> Rank(CitationEvidence evidence, PeopleIndex index, WriterStamps stamps, List<UpstreamRanker.Scored> pool, IReadOnlySet<string> excluded, int limit, RankWeights weights, bool explain = true)
    {
        // Re-normalised, so "person:Michael Collins" and "person:collins, michael" exclude the same person.
        HashSet<int>? excludedPeople = null;
        foreach (var e in excluded)
            if (e.StartsWith(PersonNames.KeyPrefix, StringComparison.Ordinal) && index.PersonOf(PersonNames.Normalize(e[PersonNames.KeyPrefix.Length..])) is var id and >= 0)
                (excludedPeople ??= []).Add(id);
        var people = new Dictionary<int, Person>();
        var scores = new Dictionary<int, double>(pool.Count);
        foreach (var work in pool)
        {
            scores[work.Node] = work.Score;
            var authors = index.OfNode[work.Node];
            // A work's credit is shared among its authors (a forty-author paper gives each less than a paper of their own).
            var lift = Math.Pow(Math.Max(0, work.Score), weights.PeoplePower)
                / (weights.PeopleAuthorShare == 0 || authors.Length <= 1 ? 1 : Math.Pow(authors.Length, weights.PeopleAuthorShare));
            foreach (var (id, name) in authors)
            {
                if (excludedPeople?.Contains(id) == true) continue;
                if (!people.TryGetValue(id, out var person)) people[id] = person = new Person(id, name);
                // The pool is best first, so each further work of a person counts a fixed share less than the one before:
                // a saturating sum, so twenty middling works of a prolific author do not outweigh the field's few roots.
                person.Score += lift * Math.Pow(weights.PeopleWorkDecay, person.Works.Count);
                person.Works.Add(work.Node);
            }
        }
        // The people the field cites most join even when none of their works made the pool: their works are listed
        // most-cited first, so the reason and lineage start from the one the field leans on.
        for (var i = 0; i < weights.PeopleReach && i < index.ByFieldCiters.Length; i++)
        {
            var id = index.ByFieldCiters[i];
            if (people.ContainsKey(id) || excludedPeople?.Contains(id) == true) continue;
            var works = index.WorksOf[id];
            var name = NameOn(index, works[0], id);
            var person = people[id] = new Person(id, name);
            person.Works.AddRange(works);
            person.Works.Sort((a, b) => CiterCount(evidence, b).CompareTo(CiterCount(evidence, a)));
        }
        var terms = Terms(index, weights);
        if (weights.PeopleCiters != 0 || weights.PeopleAllCiters != 0 || terms.Count > 0)
            foreach (var person in people.Values)
            {
                // Over every work of theirs in the graph, not only the pooled ones: a root author is cited across many.
                var (field, all) = index.Citers[person.Id];
                // Summed in the order the weights list them, then added: skipping a 0 term changes no bit of the score.
                var sum = weights.PeopleCiters * Math.Log(1 + field) + weights.PeopleAllCiters * Math.Log(1 + all);
                foreach (var (weight, of) in terms) sum += weight * of[person.Id];
                person.Score += sum;
            }
        // Forms of one person ("AA Romanovsky", "Andrej A Romanovsky") merge last: the fuller form keeps its citers.
        var citersSeen = new CitersSeen();
        return MergeForms(evidence, index, [.. people.Values], scores, weights)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => Ranked(evidence, stamps, citersSeen, p, explain))
            .ToList();
    }

    /// <summary>
    /// The person-level columns the weights use, each with its weight, in the weights' order. Only a column whose weight is
    /// not 0 is read: the index computes each on first use, so evidence the weights do not use costs nothing.
    /// <see cref="PreparedGraph"/> asks once, so the columns are computed with the graph, not by its first query.
    /// </summary>
    internal static List<(double Weight, double[] Of)> Terms(PeopleIndex index, RankWeights weights)
    {
        var terms = new List<(double Weight, double[] Of)>();
        void Term(double weight, Func<double[]> of) { if (weight != 0) terms.Add((weight, of())); }
        Term(weights.PeopleFieldCitations, () => index.FieldCitations);
        Term(weights.PeopleCiteSum, () => index.FieldCiteSum);
        Term(weights.PeopleCredited, () => index.CreditedCites);
        Term(weights.PeopleWriters, () => index.WriterReach);
        Term(weights.PeopleFieldWorks, () => index.FieldWorks);
        Term(weights.PeopleWorks, () => index.WorkCount);
        Term(weights.PeopleCitations, () => index.WorldCitations);
        Term(weights.PeopleRecency, () => index.Recency);
        if (weights.PeopleReach > 0) _ = index.ByFieldCiters;
        return terms;
    }

    static string NameOn(PeopleIndex index, int node, int id)
    {
        foreach (var (person, name) in index.OfNode[node]) if (person == id) return name;
        return index.Keys[id];
    }

    static int CiterCount(CitationEvidence evidence, int work) => evidence.CapturesCiting(work).Length + evidence.WorksCiting(work).Length;

    static RankedPerson Ranked(CitationEvidence evidence, WriterStamps stamps, CitersSeen citersSeen, Person person, bool explain)
    {
        var works = person.Works.Select(w => evidence.Ids[w]).ToList();
        if (!explain) return new RankedPerson(person.Name, Math.Round(person.Score, 4), "", works) { Lineage = [] };
        // The first work's strongest chain serves both the lineage and the reason: walked once.
        var first = person.Works.Count > 0 ? Lineage.ForWork(evidence, person.Works[0], wanted: 1) : [];
        return new RankedPerson(person.Name, Math.Round(person.Score, 4), Reason(evidence, stamps, citersSeen, person, first), works)
        {
            Lineage = Lineage.ForPerson(evidence, person.Name, person.Works, first),
        };
    }

    /// <summary>
    /// Forms of one name ("AA Romanovsky", "Romanovsky AA", "Andrej A Romanovsky") become one person when the evidence
    /// says so: the same family name, initials where one extends the other, and a work or a co-author in common. Forms
    /// that only share a family name and initial, with nothing else in common, stay apart.
    /// </summary>
    static List<Person> MergeForms(CitationEvidence evidence, PeopleIndex index, List<Person> people, Dictionary<int, double> scores, RankWeights weights)
    {
        var parts = people.Select(p => index.Parts(p.Name)).ToList();
        var merged = new bool[people.Count];
        // Each person's co-authors and citers, gathered at most once however many forms they are compared with.
        var coAuthors = new HashSet<string>?[people.Count];
        var citers = new HashSet<int>?[people.Count];
        HashSet<string> CoAuthorsOf(int i) => coAuthors[i] ??= CoAuthors(index, people[i], parts[i]!.Value);
        HashSet<int> CitersOf(int i) => citers[i] ??= Citers(evidence, people[i]);
        var families = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++)
            if (parts[i] is { Initials.Length: > 0 } read)
            {
                if (!families.TryGetValue(read.Family, out var list)) families[read.Family] = list = [];
                list.Add(i);
            }
        foreach (var members in families.Values)
        {
            if (members.Count < 2) continue;
            for (var a = 0; a < members.Count; a++)
                for (var b = a + 1; b < members.Count; b++)
                {
                    int i = members[a], j = members[b];
                    if (merged[i] || merged[j] || !NameForms.Compatible(parts[i]!.Value, parts[j]!.Value)) continue;
                    var shared = people[i].Works.Intersect(people[j].Works).Any()
                        || CoAuthorsOf(i).Overlaps(CoAuthorsOf(j))
                        || (CitersOf(i).Overlaps(CitersOf(j)) && IsOnlyFullerForm(members, parts, merged, i, j));
                    if (!shared) continue;
                    // The fuller form names the person: "Andrej A Romanovsky" over "AA Romanovsky".
                    var (keep, drop) = people[i].Name.Count(char.IsLetter) >= people[j].Name.Count(char.IsLetter) ? (i, j) : (j, i);
                    foreach (var work in people[drop].Works.Where(w => !people[keep].Works.Contains(w)).ToList())
                    {
                        people[keep].Score += Math.Pow(Math.Max(0, scores.GetValueOrDefault(work)), weights.PeoplePower)
                            * Math.Pow(weights.PeopleWorkDecay, people[keep].Works.Count);
                        people[keep].Works.Add(work);
                    }
                    merged[drop] = true;
                    coAuthors[keep] = null;
                    citers[keep] = null;
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

    static HashSet<string> CoAuthors(PeopleIndex index, Person person, NameForms.Parts self)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var work in person.Works)
            foreach (var (family, key) in index.CoAuthorsOf(work))
                if (family != self.Family) keys.Add(key);
        return keys;
    }

    /// <summary>One query's sets for gathering a person's citers, emptied per person: a root author's works are cited by
    /// hundreds, and fifty people a query each building their own sets was a third of what explaining allocated.</summary>
    sealed class CitersSeen
    {
        public readonly List<int> Captures = [];
        public readonly HashSet<int> CaptureSet = [];
        public readonly HashSet<int> Works = [];

        public void Clear()
        {
            Captures.Clear();
            CaptureSet.Clear();
            Works.Clear();
        }
    }

    static string Reason(CitationEvidence evidence, WriterStamps stamps, CitersSeen seen, Person person, IReadOnlyList<IReadOnlyList<LineageStep>> firstWorkChains)
    {
        seen.Clear();
        foreach (var work in person.Works)
        {
            foreach (var c in evidence.CapturesCiting(work)) if (seen.CaptureSet.Add(c)) seen.Captures.Add(c);
            foreach (var h in evidence.WorksCiting(work)) seen.Works.Add(h);
        }
        var citingWorks = seen.Works;
        var writers = evidence.DistinctWriters(stamps, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(seen.Captures), null);
        var written = person.Works.Where(w => !evidence.IsPerson(w)).ToList();
        // A work cited without a title is quoted by its label, which already says its year.
        var titles = written.Take(WorksNamed).Select(w => Reasons.Quote(evidence.Nodes[w], evidence.Ids[w])
            + (evidence.Nodes[w] is { Year: { } year, Title.Length: > 0 } ? $" ({year})" : "")).ToList();
        var reason = written.Count > 0 ? $"wrote {Reasons.NameList(titles, written.Count)}, cited" : "named";
        if (writers > 0) reason += $" by {Reasons.Count(writers, "writer", "writers")} you read";
        if (citingWorks.Count > 0) reason += $"{(writers > 0 ? " and" : "")} by {Reasons.Count(citingWorks.Count, "work", "works")} {(writers > 0 ? "they cite" : "your writers cite")}";
        // Who inspired the people you read: name the chain that leads to them when no writer you read cites them directly.
        if (writers == 0 && firstWorkChains is [{ Count: >= 3 } chain, ..])
            reason += $", most strongly through {Reasons.Through(evidence, chain)}";
        return reason;
    }

    sealed class Person(int id, string name)
    {
        public int Id { get; } = id;
        public string Name { get; } = name;
        public List<int> Works { get; } = [];
        public double Score { get; set; }
    }
}
