using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Hqt.Api.Lookups;

public static class LookupsSetup
{
    public const string ScholarlyClient = "hqt-scholarly";
    public const string WebClient = "hqt-web";

    /// <summary>
    /// The queue always (captures ask it whether to enqueue); the worker, its sources and the outbound clients
    /// only when lookups are enabled, so a disabled server has no way to reach out.
    /// </summary>
    public static IServiceCollection AddLookups(this IServiceCollection services, LookupsOptions options)
    {
        services.AddSingleton<LookupQueue>();
        services.AddSingleton<HostHealth>();
        if (!options.Enabled) return services;

        services.AddSingleton<Outbound>();
        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<SsrfGuard>();
        services.AddSingleton<HostRateLimiter>();
        services.AddTransient<HostRateLimitHandler>();
        services.AddSingleton<LookupCache>();
        services.AddSingleton<OpenAlexClient>();
        services.AddSingleton<CrossrefClient>();
        services.AddSingleton<RobotsRules>();
        services.AddSingleton<WebFetcher>();
        services.AddSingleton<LookupRunner>();
        services.AddHostedService<LookupWorker>();

        var userAgent = string.IsNullOrWhiteSpace(options.ContactEmail)
            ? $"hqt/1.0 (reading-graph lookups; +{RobotsRules.ProductToken})"
            : $"hqt/1.0 (reading-graph lookups; mailto:{options.ContactEmail})";
        AddGuardedClient(services, ScholarlyClient, options, userAgent, followRedirects: true);
        AddGuardedClient(services, WebClient, options, userAgent, followRedirects: false);
        return services;
    }

    static void AddGuardedClient(IServiceCollection services, string name, LookupsOptions options, string userAgent, bool followRedirects)
    {
        var builder = services.AddHttpClient(name, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
                // The resilience pipeline owns timeouts (per attempt); the client's own would cut retries short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = options.MaxPageBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectCallback = provider.GetRequiredService<SsrfGuard>().ConnectAsync,
                // The web client follows redirects itself (each hop re-checked); the API clients only ever meet
                // same-API redirects, and every new connection still passes the ConnectCallback.
                AllowAutoRedirect = followRedirects,
                MaxAutomaticRedirections = Math.Max(1, options.MaxRedirects),
                UseCookies = false,
                Credentials = null,
                PreAuthenticate = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = options.RequestTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        // Outermost first: the retry pipeline wraps the rate limit, so every attempt waits its turn.
        builder.AddResilienceHandler(name, pipeline => ConfigurePipeline(pipeline, options));
        builder.AddHttpMessageHandler<HostRateLimitHandler>();
    }

    static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, LookupsOptions options)
    {
        if (options.HttpRetries > 0)
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.HttpRetries,
                Delay = options.HttpRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // Retry-After is honoured: waited for here when short, else the job is rescheduled for it.
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxInRequestRetryAfter)),
            });
        pipeline.AddTimeout(options.RequestTimeout);
    }

    static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter)
    {
        // A refused address stays refused: retrying would only knock again.
        if (outcome.Exception is { } e && WebFetcher.Blocked(e) is not null) return false;
        // Nobody there (no such name, refused, no route): knocking again at once will not change that; the host backs off.
        if (outcome.Exception is { } unreachable && HostHealth.IsUnreachable(unreachable)) return false;
        if (outcome.Result is { } response && ScholarlyHttp.RetryAfter(response) is { } after && after > maxRetryAfter) return false;
        return HttpClientResiliencePredicates.IsTransient(outcome);
    }
}
