using System.ComponentModel.DataAnnotations;

namespace Hqt.Api.Lookups;

/// <summary>
/// The <c>Hqt:Lookups</c> section: how far and how politely hqt looks upstream of the captures
/// (env vars: <c>Hqt__Lookups__Enabled</c>, <c>Hqt__Lookups__ContactEmail</c>, …).
/// </summary>
public sealed class LookupsOptions : IValidatableObject
{
    public const string Section = "Hqt:Lookups";

    /// <summary>Off: no jobs are queued, no worker runs, nothing leaves the server.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rounds beyond the captures: 1 looks up what the captures cite; 2 also what those cite.</summary>
    [Range(0, 10)]
    public int MaxDepth { get; set; } = 1;

    /// <summary>The most lookups one capture may cause, over all rounds.</summary>
    [Range(0, 100_000)]
    public int MaxLookupsPerCapture { get; set; } = 150;

    /// <summary>Jobs run at once (per-host concurrency is 1 for web pages whatever this says).</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 2;

    /// <summary>How often an idle worker looks for due jobs; a new capture wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claimed job is the claimant's, and the job's deadline: a job still running at the end of its lease
    /// is cancelled and retried later, and a crashed worker's job is reclaimed once it passes. Never renewed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a job is given up on; between attempts the wait doubles from <see cref="RetryBackoff"/>.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 5;
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>In-request retries of transient answers (5xx, 408, 429 with a short Retry-After), before the job itself backs off.</summary>
    [Range(0, 20)]
    public int HttpRetries { get; set; } = 2;
    public TimeSpan HttpRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for in-request: the job is rescheduled for then.</summary>
    public TimeSpan MaxInRequestRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The deadline of one outbound request, body included (a page, robots.txt, an API answer), retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>After a host fails (unreachable, timed out, 429/5xx) it is not asked again for this long, doubling per failure up to the max.</summary>
    public TimeSpan HostBackoff { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxHostBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// When this many different hosts could not be reached with no success in between, the network is taken to be
    /// down: all lookups pause for <see cref="OfflineBackoff"/>, doubling per failed probe up to the max.
    /// </summary>
    [Range(1, 10_000)]
    public int OfflineAfterHosts { get; set; } = 3;
    public TimeSpan OfflineBackoff { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxOfflineBackoff { get; set; } = TimeSpan.FromMinutes(10);

    public string OpenAlexBaseUrl { get; set; } = "https://api.openalex.org";
    public string CrossrefBaseUrl { get; set; } = "https://api.crossref.org";

    /// <summary>Sent as <c>mailto</c> and in the User-Agent: it puts requests in OpenAlex's and Crossref's polite pools.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Scholarly answers (including "not found") are reused for this long.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Fetch cited pages that have no scholarly id.</summary>
    public bool FetchWebPages { get; set; } = true;
    [Range(1L, long.MaxValue)]
    public long MaxPageBytes { get; set; } = 4 * 1024 * 1024;
    [Range(0, 50)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Requests a second to one host, unless <see cref="HostRequestsPerSecond"/> names it; 0 or less: unlimited.</summary>
    public double RequestsPerSecond { get; set; } = 1;
    public Dictionary<string, double> HostRequestsPerSecond { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["api.openalex.org"] = 8,
        ["api.crossref.org"] = 5,
    };

    /// <summary>
    /// Addresses or CIDR networks outbound requests may reach even though they are loopback, private, link-local or
    /// metadata addresses, each with an optional port: <c>127.0.0.1:8080</c>, <c>[::1]:8080</c>, <c>10.0.0.0/8:443</c> open
    /// that port only; a bare <c>127.0.0.1</c> or <c>10.0.0.0/8</c> opens every port. Empty by default.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>What annotations cannot say: the API bases are absolute http(s) addresses, waits are not negative, every allow-list entry parses.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        foreach (var (name, url) in new[] { (nameof(OpenAlexBaseUrl), OpenAlexBaseUrl), (nameof(CrossrefBaseUrl), CrossrefBaseUrl) })
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return new ValidationResult($"'{url}' is not an absolute http or https address.", [name]);
        foreach (var (name, wait) in new[]
                 {
                     (nameof(PollInterval), PollInterval), (nameof(RetryBackoff), RetryBackoff), (nameof(HttpRetryDelay), HttpRetryDelay),
                     (nameof(MaxInRequestRetryAfter), MaxInRequestRetryAfter), (nameof(HostBackoff), HostBackoff), (nameof(MaxHostBackoff), MaxHostBackoff),
                     (nameof(OfflineBackoff), OfflineBackoff), (nameof(MaxOfflineBackoff), MaxOfflineBackoff), (nameof(CacheTtl), CacheTtl),
                 })
            if (wait < TimeSpan.Zero) yield return new ValidationResult($"{wait} is negative.", [name]);
        for (var i = 0; i < AllowedNetworks.Count; i++)
        {
            string? problem = null;
            try { AllowedNetwork.Parse(AllowedNetworks[i]); }
            catch (Microsoft.Extensions.Options.OptionsValidationException e) { problem = string.Join(" ", e.Failures); }
            if (problem is not null) yield return new ValidationResult(problem, [$"{nameof(AllowedNetworks)}:{i}"]);
        }
    }
}
