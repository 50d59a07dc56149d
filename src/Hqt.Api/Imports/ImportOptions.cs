namespace Hqt.Api.Imports;

/// <summary>The <c>Hqt:Imports</c> section (env vars: <c>Hqt__Imports__BatchSize</c>, …).</summary>
public sealed class ImportOptions
{
    public const string Section = "Hqt:Imports";

    /// <summary>The largest file accepted (a ten-year bookmarks file is a few megabytes; a 5,000-entry BibTeX file about 3).</summary>
    [System.ComponentModel.DataAnnotations.Range(1L, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 32 * 1024 * 1024;

    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>
    /// Entries stored per transaction. Each batch commits with the job's cursor, so a crash loses no stored entry
    /// and stores none twice; between batches captures and lookups get their turn to write.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>The pause between two bookmarked pages fetched (on top of the per-host rate and robots.txt).</summary>
    public TimeSpan FetchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tries of a bookmarked page that failed for a passing reason (timeout, 5xx, 429) before it is reported failed.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100)]
    public int MaxFetchAttempts { get; set; } = 3;
}
