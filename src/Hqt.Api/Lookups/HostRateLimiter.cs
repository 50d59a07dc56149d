using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// Spaces requests to each host by its configured rate (every attempt, retries included), so hqt stays
/// in the polite pools. One limiter per host, shared by every outbound client.
/// </summary>
public sealed class HostRateLimiter(IOptions<LookupsOptions> options) : IDisposable
{
    readonly LookupsOptions _options = options.Value;
    readonly ConcurrentDictionary<string, RateLimiter?> _limiters = new(StringComparer.OrdinalIgnoreCase);

    public async Task WaitAsync(Uri uri, CancellationToken ct)
    {
        if (_limiters.GetOrAdd(uri.Host, Create) is not { } limiter) return;
        using var lease = await limiter.AcquireAsync(1, ct);
    }

    RateLimiter? Create(string host)
    {
        var perSecond = _options.HostRequestsPerSecond.TryGetValue(host, out var configured) ? configured : _options.RequestsPerSecond;
        if (perSecond <= 0) return null;
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter?.Dispose();
    }
}

/// <summary>The rate limit as a handler inside the retry pipeline, so every attempt waits its turn.</summary>
public sealed class HostRateLimitHandler(HostRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        await limiter.WaitAsync(request.RequestUri!, ct);
        return await base.SendAsync(request, ct);
    }
}
