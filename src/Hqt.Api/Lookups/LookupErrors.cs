namespace Hqt.Api.Lookups;

/// <summary>A transient failure (429, 5xx, timeout): the job is tried again later, not before <see cref="After"/> when the server said so.</summary>
public sealed class RetryLaterException(string message, TimeSpan? after = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? After { get; } = after;
}
