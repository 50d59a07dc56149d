using System.ComponentModel.DataAnnotations;

namespace Hqt.Api.Hosting;

/// <summary>The <c>Hqt</c> configuration section (env vars: <c>Hqt__DataDirectory</c>, …).</summary>
public sealed class HqtOptions
{
    public const string Section = "Hqt";

    /// <summary>Where the SQLite file and the generated token live; relative paths are under the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// The key tokens are hashed with (64 hex digits); unset, it is made once and kept in the data directory's
    /// <c>token-key</c> file. Instances sharing one PostgreSQL database must share it: give each the same value.
    /// </summary>
    public string? TokenKey { get; set; }

    /// <summary>When set, a user with this bearer token exists at start (scripts, tests, CI).</summary>
    public string? ApiToken { get; set; }

    /// <summary>The largest capture request body on the wire, compressed or not.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxCaptureBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The largest request body for <c>POST /api/extract</c> (a page in, its extraction out; nothing stored).</summary>
    [Range(1L, long.MaxValue)]
    public long MaxExtractBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The largest request body for <c>POST /api/upstream</c> (a reading list to rank).</summary>
    [Range(1L, long.MaxValue)]
    public long MaxUpstreamBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// References kept from one page (a capture, or a cited page a lookup fetched); the rest are dropped and the drop
    /// is logged. Bounds how long one capture holds the database's write turn (50,000 references took 8.9 s).
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxReferencesPerCapture { get; set; } = 1000;

    /// <summary>CPU-heavy requests (extract, upstream, reextract, page upstream) one user may have running at once, and waiting; past both, 429.</summary>
    [Range(1, 1000)]
    public int CpuConcurrencyPerUser { get; set; } = 2;
    [Range(0, 100_000)]
    public int CpuQueuePerUser { get; set; } = 8;

    /// <summary>Browser origins allowed to call the API (<c>Hqt:Cors</c>).</summary>
    public CorsOptions Cors { get; set; } = new();

    /// <summary>The largest body after gzip decompression: bounds a gzip bomb.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxDecompressedCaptureBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Captures a user may send in a burst, and how many more a second after that.</summary>
    [Range(1, int.MaxValue)]
    public int CaptureBurst { get; set; } = 600;
    [Range(1, int.MaxValue)]
    public int CapturesPerSecond { get; set; } = 100;

    /// <summary>
    /// Extract a capture before answering when the server is idle (the answer then carries its authors). Off,
    /// every capture is acknowledged once stored and extracted moments later in the background; under load that
    /// happens anyway, so the server keeps taking captures at the speed of storing them.
    /// </summary>
    public bool ExtractInlineWhenIdle { get; set; } = true;

    /// <summary>
    /// Run the background extraction worker in this process. Off, the captures it defers wait for a read (which
    /// extracts the reader's own within <see cref="PendingReadBudget"/>) or for another instance's worker: for
    /// instances meant only to take captures and answer reads beside instances that extract.
    /// </summary>
    public bool BackgroundExtraction { get; set; } = true;

    /// <summary>
    /// How long a read of captures, works, people or suggestions spends extracting the reader's pending captures
    /// before it answers with what is done (and says how many are left in a <c>Hqt-Pending-Captures</c> header).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan PendingReadBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim on a pending capture holds without renewal (the instance extracting it renews it every third
    /// of that). A claim whose lease ran out (its instance crashed or stopped) returns the capture to the queue.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PendingExtractionLease { get; set; } = TimeSpan.FromMinutes(2);

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);
    public string DatabasePath => Path.Combine(ResolvedDataDirectory, "hqt.db");
    public string TokenFilePath => Path.Combine(ResolvedDataDirectory, "api-token");
}

/// <summary>
/// <c>Hqt:Cors:ExtensionOrigins</c>: the exact extension origins (<c>chrome-extension://&lt;id&gt;</c>,
/// <c>moz-extension://&lt;uuid&gt;</c>) that may call the API from a browser. Empty (the default) in production: the
/// extension reaches the server through its host permission, which needs no CORS. In Development, any extension
/// origin passes when none is configured (an unpacked extension's id depends on its folder). Web pages never do.
/// </summary>
public sealed class CorsOptions
{
    public List<string> ExtensionOrigins { get; set; } = [];
}
