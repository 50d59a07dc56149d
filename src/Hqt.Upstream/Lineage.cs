namespace Hqt.Upstream;

/// <summary>One step of a chain of evidence: a capture you read, a work, or (at the end of a person's chain) the person.</summary>
/// <param name="Id">The graph's id of the step (for a person, <see cref="PersonNames.Key"/>).</param>
/// <param name="Kind"><c>capture</c>, <c>work</c> or <c>person</c>.</param>
public sealed record LineageStep(string Id, string Kind, string? Title, int? Year)
{
    /// <summary>
    /// On a capture's step, the capture itself (<c>GET /api/captures/{captureId}</c>) where the caller knows it: the ranker
    /// knows works, so the API fills it in from the library (its newest capture of that work); null elsewhere.
    /// </summary>
    public long? CaptureId { get; init; }
}

/// <summary>
/// The strongest chains from what the reader read to a suggestion: "you read A (2021) → it cites B (2014) → which
/// cites C (1987)". Each chain starts at a capture and ends at the suggestion; direct citations come first (the
/// strongest evidence), then chains through the cited works that weigh most (<see cref="CitationEvidence.CiterWeight"/>:
/// your writers and your field), then three-step chains. Work is bounded by <see cref="MaxChains"/> per step, so a
/// work cited by thousands costs the same as one cited by three.
/// </summary>
static class Lineage
{
    public const int MaxChains = 3;

    /// <param name="wanted">How many chains to return (at most <see cref="MaxChains"/>): the first chains are the same
    /// whatever the number asked, so a caller that shows one asks for one.</param>
    public static IReadOnlyList<IReadOnlyList<LineageStep>> ForWork(CitationEvidence evidence, int node, int wanted = MaxChains)
    {
        var chains = new List<IReadOnlyList<LineageStep>>(wanted);
        var target = Work(evidence, node);
        // Direct: each citing capture, a new writer first, the most recent first among equals.
        foreach (var c in BestCaptures(evidence, evidence.CapturesCiting(node), wanted))
            chains.Add([Capture(evidence, c), target]);
        if (chains.Count >= wanted) return chains;

        var citers = Strongest(evidence, evidence.WorksCiting(node), MaxChains * 2);
        foreach (var h in citers)
        {
            if (chains.Count >= wanted) return chains;
            if (NewestCapture(evidence, evidence.CapturesCiting(h)) is var c and >= 0)
                chains.Add([Capture(evidence, c), Work(evidence, h), target]);
        }
        foreach (var h in citers)
            foreach (var h2 in Strongest(evidence, evidence.WorksCiting(h), MaxChains))
            {
                if (chains.Count >= wanted) return chains;
                if (h2 != node && NewestCapture(evidence, evidence.CapturesCiting(h2)) is var c and >= 0)
                    chains.Add([Capture(evidence, c), Work(evidence, h2), Work(evidence, h), target]);
            }
        return chains;
    }

    /// <summary>A person's chains: the strongest chain of each of their best works, then the work, then the person.</summary>
    /// <param name="firstWorkChains">The chains of <paramref name="works"/>[0], when the caller has walked them already.</param>
    public static IReadOnlyList<IReadOnlyList<LineageStep>> ForPerson(CitationEvidence evidence, string name, IReadOnlyList<int> works,
        IReadOnlyList<IReadOnlyList<LineageStep>>? firstWorkChains = null)
    {
        var person = new LineageStep(PersonNames.Key(name), "person", PersonNames.Display(name), null);
        var chains = new List<IReadOnlyList<LineageStep>>(MaxChains);
        for (var i = 0; i < works.Count; i++)
        {
            if (chains.Count >= MaxChains) break;
            var work = works[i];
            // A reference to the person themselves (a link to their page) ends at the person, not at a work.
            var forWork = i == 0 && firstWorkChains is not null ? firstWorkChains : ForWork(evidence, work, wanted: 1);
            if (forWork.Count == 0) continue;
            var chain = evidence.IsPerson(work) ? forWork[0].Take(forWork[0].Count - 1) : forWork[0];
            chains.Add([.. chain, person]);
        }
        return chains;
    }

    static LineageStep Capture(CitationEvidence evidence, int capture)
    {
        var node = evidence.Captures[capture];
        return new LineageStep(node.Id, "capture", node.Title, node.Year);
    }

    static LineageStep Work(CitationEvidence evidence, int node)
    {
        var work = evidence.Nodes[node];
        return new LineageStep(evidence.Ids[node], evidence.IsPerson(node) ? "person" : "work", work?.Title ?? work?.Label, work?.Year);
    }

    /// <summary>Up to <paramref name="count"/> captures, each bringing a writer not yet named where possible, newest first.</summary>
    static List<int> BestCaptures(CitationEvidence evidence, ReadOnlySpan<int> captures, int count)
    {
        var picked = new List<int>(count);
        if (captures.Length == 0) return picked;
        var seenWriters = new HashSet<int>();
        // Two sweeps: captures with a new writer first, then the rest, each sweep newest first.
        var order = captures.ToArray();
        Array.Sort(order, (a, b) => NewestFirst(evidence, a, b));
        foreach (var c in order)
        {
            if (picked.Count >= count) return picked;
            var writers = evidence.CaptureWriters[c];
            if (writers.Length > 0 && writers.All(seenWriters.Contains)) continue;
            foreach (var w in writers) seenWriters.Add(w);
            picked.Add(c);
        }
        foreach (var c in order)
        {
            if (picked.Count >= count) break;
            if (!picked.Contains(c)) picked.Add(c);
        }
        return picked;
    }

    /// <summary>
    /// <see cref="BestCaptures"/> of one: the newest capture (the first of equals by index), or −1. The first pick of a sweep
    /// has no writer named before it, so it is simply the first in that order: no set, copy or sort.
    /// </summary>
    static int NewestCapture(CitationEvidence evidence, ReadOnlySpan<int> captures)
    {
        var best = -1;
        foreach (var c in captures)
            if (best < 0 || NewestFirst(evidence, c, best) < 0) best = c;
        return best;
    }

    /// <summary>The order captures are offered in: the newest year first, then the first by index.</summary>
    static int NewestFirst(CitationEvidence evidence, int a, int b) =>
        (evidence.Captures[b].Year ?? 0).CompareTo(evidence.Captures[a].Year ?? 0) is var byYear and not 0 ? byYear : a.CompareTo(b);

    /// <summary>The <paramref name="count"/> citing works that weigh most, ties by id: a partial selection, not a sort of all.</summary>
    static List<int> Strongest(CitationEvidence evidence, ReadOnlySpan<int> works, int count)
    {
        var best = new List<int>(count + 1);
        foreach (var h in works)
        {
            var at = best.Count;
            while (at > 0 && Stronger(evidence, h, best[at - 1])) at--;
            if (at >= count) continue;
            best.Insert(at, h);
            if (best.Count > count) best.RemoveAt(count);
        }
        return best;
    }

    static bool Stronger(CitationEvidence evidence, int a, int b) =>
        evidence.CiterWeight[a] != evidence.CiterWeight[b]
            ? evidence.CiterWeight[a] > evidence.CiterWeight[b]
            : string.CompareOrdinal(evidence.Ids[a], evidence.Ids[b]) < 0;
}
