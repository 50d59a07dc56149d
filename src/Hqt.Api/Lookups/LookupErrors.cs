namespace Hqt.Api.Lookups;

/// <summary>A transient failure (429, 5xx, timeout): the job is tried again later, not before <see cref="After"/> when the server said so.</summary>
public class RetryLaterException(string message, TimeSpan? after = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? After { get; } = after;

    /// <summary>Why the job waits, as <c>GET /api/lookups</c> says it: <c>retry</c>, <c>host-backoff</c>, <c>host-busy</c> or <c>offline</c>.</summary>
    public string WaitReason { get; init; } = "retry";

    /// <summary>The host the job waits for, when it waits for one.</summary>
    public string? Host { get; init; }

    /// <summary>False when nothing was tried (a host left alone, a busy host, no network): the job keeps its attempts.</summary>
    public bool CountsAsAttempt { get; init; } = true;
}
