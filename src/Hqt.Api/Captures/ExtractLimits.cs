using Hqt.Extraction;

namespace Hqt.Api.Captures;

/// <summary>
/// Bounds what one page may put into the database: at most <c>MaxReferencesPerCapture</c> references (in the
/// page's order; the rest dropped), and text fields cut at fixed lengths, so a 200,000-character title or a
/// page with 50,000 references costs what an ordinary page does.
/// </summary>
public static class ExtractLimits
{
    /// <summary>Titles (the page's, its references') are stored and returned at most this long; longer ones end in "…".</summary>
    public const int MaxTitleLength = 1000;
    public const int MaxNameLength = 300;
    public const int MaxAnchorLength = 1000;
    public const int MaxContextLength = 2000;
    public const int MaxUrlLength = 8192;

    /// <summary>The extract within the limits, and how many references were dropped.</summary>
    public static (PageExtract Extract, int Dropped) Bound(PageExtract extract, int maxReferences)
    {
        var references = extract.References.Take(maxReferences)
            .Where(r => r.Url is null || r.Url.Length <= MaxUrlLength)
            .Select(r => r with
            {
                Title = Clip(r.Title, MaxTitleLength),
                AnchorText = Clip(r.AnchorText, MaxAnchorLength),
                Context = Clip(r.Context, MaxContextLength),
                Authors = r.Authors.Count > 100 ? r.Authors.Take(100).Select(a => Clip(a, MaxNameLength)!).ToList() : r.Authors.Select(a => Clip(a, MaxNameLength)!).ToList(),
            }).ToList();
        var bounded = extract with
        {
            Title = Clip(extract.Title, MaxTitleLength),
            SiteName = Clip(extract.SiteName, MaxNameLength),
            Authors = extract.Authors.Take(200).Select(a => a with { Name = Clip(a.Name, MaxNameLength)! }).ToList(),
            References = references,
        };
        return (bounded, extract.References.Count - references.Count);
    }

    public static string? Clip(string? text, int max) =>
        text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");
}
