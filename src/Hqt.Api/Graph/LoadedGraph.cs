using Hqt.Upstream;

namespace Hqt.Api.Graph;

/// <summary>A work as the suggestion endpoints show it.</summary>
/// <param name="Container">Where it appeared, with <paramref name="Volume"/> and <paramref name="Pages"/>: what names a work cited without a title.</param>
public sealed record WorkInfo(
    long Id, string Kind, string? Title, int? Year, string? Url, string? Doi, string? ArxivId, string? Isbn,
    IReadOnlyList<string> Authors, int? CitedByCount, bool IsCaptured,
    string? Container = null, string? Volume = null, string? Pages = null)
{
    /// <summary>A work with no title is shown by who, when and where it appeared (<see cref="WorkLabels"/>); null when titled.</summary>
    public string? Label => WorkLabels.For(Title, Authors, Year, Container, Volume, Pages);

    /// <summary>Its locator identity (journal + volume + first page), when known.</summary>
    public string? LocatorKey => Hqt.Extraction.Identity.WorkLocator.Key(Container, Volume, Pages);

    /// <summary>Where a reader can open it: its own URL, else its DOI or arXiv page.</summary>
    public string? Link => Url ?? (Doi is not null ? $"https://doi.org/{Doi}" : ArxivId is not null ? $"https://arxiv.org/abs/{ArxivId}" : null);
}

/// <summary>
/// One user's whole graph in memory, as of <see cref="Version"/>: loaded once per change and shared by
/// every read until the next write, so ranking never waits on SQL.
/// </summary>
/// <remarks>
/// Held for as long as the user reads, so it is kept lean (a 10k-capture library is ~100k works and 300k
/// edges): edges are arrays, not lists; each work's id is formatted once and that one string stands for it in
/// every reference list the ranker reads; the identity index used by pages not yet captured is built on first use.
/// </remarks>
public sealed class LoadedGraph
{
    public LoadedGraph(long version, IReadOnlyDictionary<long, WorkInfo> works, IReadOnlyDictionary<long, long[]> cites)
    {
        Version = version;
        Works = works;
        Cites = cites;
        var ids = new Dictionary<long, string>(works.Count);
        foreach (var id in works.Keys) ids[id] = id.ToString();
        var captures = new List<WorkNode>();
        var known = new List<WorkNode>(works.Count);
        foreach (var work in works.Values)
            (work.IsCaptured ? captures : known).Add(ToNode(work, ids));
        Reader = new ReaderGraph(captures, known);
        _identities = new Lazy<WorkIdentities>(() => new WorkIdentities(works.Values), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    readonly Lazy<WorkIdentities> _identities;
    readonly Lock _preparing = new();
    (long[] Read, PreparedGraph Graph)? _prepared;

    public long Version { get; }

    /// <summary>Every capture up to this id was extracted into this version; later ones may be missing from it.</summary>
    public long LastCaptureId { get; init; }

    /// <summary>Captured work id → its newest capture's id: a lineage's capture step names the capture a reader can open.</summary>
    public IReadOnlyDictionary<long, long> CaptureOfWork { get; init; } = new Dictionary<long, long>();

    /// <summary>The user's citation rows when this version was read (duplicates and all): a deletion since shows as fewer.</summary>
    public long CitationRows { get; init; }

    /// <summary>The newest citation row of this version: rows after it are the ones added since.</summary>
    public long LastCitationId { get; init; }

    /// <summary>This version reused the previous one's edges and read only the rows added since.</summary>
    public bool IsIncremental { get; init; }
    public IReadOnlyDictionary<long, WorkInfo> Works { get; }
    /// <summary>Work id → the works it cites (distinct).</summary>
    public IReadOnlyDictionary<long, long[]> Cites { get; }
    /// <summary>The ranker's view: captured works as captures, everything else as known works.</summary>
    public ReaderGraph Reader { get; }
    /// <summary><see cref="Reader"/> prepared for ranking: <see cref="PreparedWith"/> no works read.</summary>
    public PreparedGraph Prepared => PreparedWith([]);

    /// <summary>Whether a preparation of this version has been built (a ranking has been asked of it).</summary>
    public bool IsPrepared => _prepared is not null;

    /// <summary>The read works the kept preparation counts as part of the library.</summary>
    public IReadOnlyList<long> PreparedReadWorks => _prepared?.Read ?? [];

    /// <summary>
    /// The library with <paramref name="readWorks"/> (works marked read) counted as captures, prepared for ranking.
    /// The last preparation is kept with this version, so each query costs the per-query step only until the graph
    /// or the read works change; one preparation runs at a time, and requests that race for the same one share it.
    /// </summary>
    public PreparedGraph PreparedWith(IEnumerable<long> readWorks)
    {
        var read = readWorks.Where(id => Works.TryGetValue(id, out var work) && !work.IsCaptured).Distinct().Order().ToArray();
        lock (_preparing)
        {
            if (_prepared is { } kept && kept.Read.AsSpan().SequenceEqual(read)) return kept.Graph;
            var prepared = UpstreamRanker.Prepare(read.Length == 0 ? Reader : WithRead(read));
            _prepared = (read, prepared);
            return prepared;
        }
    }

    // Read works join the captures: what the reader has read is part of the library.
    ReaderGraph WithRead(long[] read)
    {
        var texts = new HashSet<string>(read.Select(id => id.ToString()), StringComparer.Ordinal);
        return new ReaderGraph(
            [.. Reader.Captures, .. Reader.Works.Where(w => texts.Contains(w.Id))],
            Reader.Works.Where(w => !texts.Contains(w.Id)).ToList());
    }

    public WorkNode ToNode(WorkInfo work) => ToNode(work, null);

    WorkNode ToNode(WorkInfo work, Dictionary<long, string>? ids) => new(
        Text(work.Id, ids), work.Title, work.Year, work.Authors,
        Cites.TryGetValue(work.Id, out var cited) ? Texts(cited, ids) : work.IsCaptured ? [] : null,
        work.CitedByCount, work.Kind) { Label = work.Label };

    static string[] Texts(long[] cited, Dictionary<long, string>? ids)
    {
        var texts = new string[cited.Length];
        for (var i = 0; i < cited.Length; i++) texts[i] = Text(cited[i], ids);
        return texts;
    }

    static string Text(long id, Dictionary<long, string>? ids) => ids is not null && ids.TryGetValue(id, out var text) ? text : id.ToString();

    /// <summary>The known work with one of these identities, if any.</summary>
    public long? FindWork(string? url, string? doi, string? arxivId, string? isbn, string? locator = null) => _identities.Value.Find(url, doi, arxivId, isbn, locator);
}
