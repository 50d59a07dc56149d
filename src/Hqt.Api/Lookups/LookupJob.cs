namespace Hqt.Api.Lookups;

/// <summary>A claimed job: which work to look up for whom, how deep it is, and on whose budget.</summary>
public sealed class LookupJob
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public long WorkId { get; init; }
    public long? OriginCaptureId { get; init; }
    public int Depth { get; init; }
    public int Attempts { get; init; }

    /// <summary>When the lease runs out: the job's deadline (leases are never renewed).</summary>
    public string LeaseUntil { get; init; } = "";
}
