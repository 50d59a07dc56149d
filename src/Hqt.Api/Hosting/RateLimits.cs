using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Hqt.Api.Hosting;

public static class RateLimits
{
    public const string Captures = "captures";

    /// <summary>CPU-heavy routes (extract, upstream, reextract, page upstream): a few at once per user, a short queue, then 429.</summary>
    public const string Cpu = "cpu";

    /// <summary>A token bucket per user on capture: bursts from a queue flush pass, a runaway script gets 429.</summary>
    public static IServiceCollection AddHqtRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<HqtOptions>>((limiter, bound) =>
        {
            var options = bound.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Captures, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.CaptureBurst,
                    TokensPerPeriod = options.CapturesPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            // Concurrency, not a rate: a scorer calling one page after another never waits, but one user cannot
            // keep every core busy with 10 MB bodies while others' requests queue behind them.
            limiter.AddPolicy(Cpu, context => RateLimitPartition.GetConcurrencyLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.CpuConcurrencyPerUser),
                    QueueLimit = Math.Max(0, options.CpuQueuePerUser),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
        });
        return services;
    }
}
