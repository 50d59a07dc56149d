namespace Hqt.Extraction.Metadata;

/// <summary>What the page says about itself; authors and references are read with it at hand.</summary>
public sealed record PageMetadata(string? Title, string CanonicalUrl, string? SiteName, string? Published, string? Language);
