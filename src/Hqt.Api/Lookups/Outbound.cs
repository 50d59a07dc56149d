using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// Every outbound request goes through here: a host that is backing off is not asked at all, and the request,
/// body included, has one deadline (<see cref="LookupsOptions.RequestTimeout"/>), so a host that answers a byte at a
/// time costs a worker slot for at most that long. Failures are recorded with <see cref="HostHealth"/> and come out
/// as a <see cref="RetryLaterException"/> with a one-line message (expected failures carry no stack trace).
/// </summary>
public sealed class Outbound(HostHealth health, TimeProvider time, IOptions<LookupsOptions> options)
{
    readonly TimeSpan _timeout = options.Value.RequestTimeout;

    public async Task<T> SendAsync<T>(Uri uri, Func<CancellationToken, Task<T>> request, CancellationToken ct)
    {
        var host = uri.Host;
        if (health.BackingOffUntil(host) is { } until)
            throw new RetryLaterException($"{host} is left alone until {until:O}", until - time.GetUtcNow())
            { WaitReason = "host-backoff", Host = host, CountsAsAttempt = false };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_timeout);
        try
        {
            var result = await request(deadline.Token);
            health.RecordSuccess(host);
            return result;
        }
        catch (LookupMiss miss)
        {
            // The host answered (404, not HTML, too large, robots): reachable. A refused address never connected.
            if (miss.Outcome != "blocked") health.RecordSuccess(host);
            throw;
        }
        catch (RetryLaterException e)
        {
            // It answered 429 or 5xx: leave it alone for a while (the job itself waits for any Retry-After).
            health.RecordFailure(host, HostFailure.Failed, e.Message);
            throw;
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            var why = $"{host}: no complete answer within {_timeout.TotalSeconds:0.#} s";
            health.RecordFailure(host, HostFailure.Failed, why);
            throw new RetryLaterException(why, inner: e) { Host = host };
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is HttpRequestException or IOException)
        {
            // The caller's own deadline (the job's lease) or shutdown cut the request off; a cut in the middle of a body
            // surfaces from the transport as an I/O error, not a cancellation. It says nothing about the host, and the
            // caller must see it as the cancellation it is (LookupRunner: "overran its lease").
            throw new OperationCanceledException(e.Message, e, ct);
        }
        catch (Exception e) when (WebFetcher.Blocked(e) is { } blocked)
        {
            throw new LookupMiss("blocked", blocked.Message);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or Polly.ExecutionRejectedException)
        {
            var unreachable = HostHealth.IsUnreachable(e);
            var why = $"{host}: {OneLine(e)}";
            health.RecordFailure(host, unreachable ? HostFailure.Unreachable : HostFailure.Failed, why);
            // Failures while the network is down say nothing about the work: they do not use up its attempts.
            var offline = health.IsOffline;
            throw new RetryLaterException(why, inner: e)
            { Host = host, WaitReason = offline ? "offline" : "retry", CountsAsAttempt = !offline };
        }
    }

    /// <summary>"Connection refused (127.0.0.1:9)", "Name or service not known (example.org:443)": one line, no trace.</summary>
    static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ");
}
