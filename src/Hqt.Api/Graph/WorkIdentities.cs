namespace Hqt.Api.Graph;

/// <summary>
/// The loaded works by DOI, arXiv id, ISBN, URL and locator (journal + volume + first page), strongest first. One dictionary per scheme keyed by the
/// works' own strings (DOIs and arXiv ids compared ignoring case, as they are), so indexing 100k works
/// allocates no key strings.
/// </summary>
sealed class WorkIdentities
{
    readonly Dictionary<string, long> _doi = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, long> _arxiv = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, long> _isbn = new(StringComparer.Ordinal);
    readonly Dictionary<string, long> _url = new(StringComparer.Ordinal);
    readonly Dictionary<string, long> _locator = new(StringComparer.Ordinal);

    public WorkIdentities(IEnumerable<WorkInfo> works)
    {
        foreach (var work in works)
        {
            if (work.Doi is { } doi) _doi.TryAdd(doi, work.Id);
            if (work.ArxivId is { } arxiv) _arxiv.TryAdd(arxiv, work.Id);
            if (work.Isbn is { } isbn) _isbn.TryAdd(isbn, work.Id);
            if (work.Url is { } url) _url.TryAdd(url, work.Id);
            if (work.LocatorKey is { } locator) _locator.TryAdd(locator, work.Id);
        }
    }

    public long? Find(string? url, string? doi, string? arxivId, string? isbn, string? locator = null)
    {
        if (doi is not null && _doi.TryGetValue(doi, out var id)) return id;
        if (arxivId is not null && _arxiv.TryGetValue(arxivId, out id)) return id;
        if (isbn is not null && _isbn.TryGetValue(isbn, out id)) return id;
        if (url is not null && _url.TryGetValue(url, out id)) return id;
        if (locator is not null && _locator.TryGetValue(locator, out id)) return id;
        return null;
    }
}
