using Hqt.Upstream;

namespace Hqt.Api.Graph;

/// <summary>A work as the suggestion endpoints show it.</summary>
public sealed record WorkInfo(
    long Id, string Kind, string? Title, int? Year, string? Url, string? Doi, string? ArxivId, string? Isbn,
    IReadOnlyList<string> Authors, int? CitedByCount, bool IsCaptured)
{
    /// <summary>Where a reader can open it: its own URL, else its DOI or arXiv page.</summary>
    public string? Link => Url ?? (Doi is not null ? $"https://doi.org/{Doi}" : ArxivId is not null ? $"https://arxiv.org/abs/{ArxivId}" : null);
}

/// <summary>
/// One user's whole graph in memory, as of <see cref="Version"/>: loaded once per change and shared by
/// every read until the next write, so ranking never waits on SQL.
/// </summary>
public sealed class LoadedGraph
{
    public LoadedGraph(long version, IReadOnlyDictionary<long, WorkInfo> works, IReadOnlyDictionary<long, List<long>> cites)
    {
        Version = version;
        Works = works;
        Cites = cites;
        var citedBy = new Dictionary<long, List<long>>();
        foreach (var (citing, cited) in cites)
            foreach (var target in cited)
                (citedBy.TryGetValue(target, out var list) ? list : citedBy[target] = []).Add(citing);
        CitedBy = citedBy;
        Reader = new ReaderGraph(
            works.Values.Where(w => w.IsCaptured).Select(ToNode).ToList(),
            works.Values.Where(w => !w.IsCaptured).Select(ToNode).ToList());
        _prepared = new Lazy<PreparedGraph>(() => UpstreamRanker.Prepare(Reader), LazyThreadSafetyMode.ExecutionAndPublication);
        foreach (var work in works.Values)
            foreach (var key in IdentityKeys(work.Url, work.Doi, work.ArxivId, work.Isbn))
                _byIdentity.TryAdd(key, work.Id);
    }

    readonly Dictionary<string, long> _byIdentity = new(StringComparer.Ordinal);
    readonly Lazy<PreparedGraph> _prepared;

    public long Version { get; }
    public IReadOnlyDictionary<long, WorkInfo> Works { get; }
    /// <summary>Work id → the works it cites (distinct).</summary>
    public IReadOnlyDictionary<long, List<long>> Cites { get; }
    /// <summary>Work id → the works that cite it.</summary>
    public IReadOnlyDictionary<long, List<long>> CitedBy { get; }
    /// <summary>The ranker's view: captured works as captures, everything else as known works.</summary>
    public ReaderGraph Reader { get; }
    /// <summary>
    /// <see cref="Reader"/> prepared for ranking, built on first use (once, however many requests race for it) and
    /// kept with this version: each query then costs the per-query step only.
    /// </summary>
    public PreparedGraph Prepared => _prepared.Value;

    public WorkNode ToNode(WorkInfo work) => new(
        work.Id.ToString(), work.Title, work.Year, work.Authors,
        Cites.TryGetValue(work.Id, out var cited) ? cited.Select(c => c.ToString()).ToList() : work.IsCaptured ? [] : null,
        work.CitedByCount, work.Kind);

    /// <summary>The known work with one of these identities, if any.</summary>
    public long? FindWork(string? url, string? doi, string? arxivId, string? isbn)
    {
        foreach (var key in IdentityKeys(url, doi, arxivId, isbn))
            if (_byIdentity.TryGetValue(key, out var id)) return id;
        return null;
    }

    static IEnumerable<string> IdentityKeys(string? url, string? doi, string? arxivId, string? isbn)
    {
        if (doi is not null) yield return "doi:" + doi.ToLowerInvariant();
        if (arxivId is not null) yield return "arxiv:" + arxivId.ToLowerInvariant();
        if (isbn is not null) yield return "isbn:" + isbn;
        if (url is not null) yield return "url:" + url;
    }
}
