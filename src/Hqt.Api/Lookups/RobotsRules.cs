using System.Net;
using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// robots.txt per origin, fetched through the guarded client and kept a day (RFC 9309: no longer than 24 hours).
/// A missing file (4xx) allows everything; an unreachable one (5xx, network) makes the job wait and retry.
/// </summary>
public sealed class RobotsRules(IHttpClientFactory clients, Outbound outbound, LookupCache cache, IOptions<LookupsOptions> options)
{
    public const string ProductToken = "hqt";
    const string Source = "robots";
    const int MaxRobotsBytes = 500 * 1024;
    static readonly TimeSpan Ttl = TimeSpan.FromHours(24);
    readonly int _maxRedirects = options.Value.MaxRedirects;

    public async Task<bool> IsAllowedAsync(Uri uri, CancellationToken ct)
    {
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var answer = await cache.GetOrFetchAsync(Source, origin, token => FetchAsync(new Uri(origin + "/robots.txt"), token), ct, Ttl);
        var rules = answer is { Status: 200, Body: { } body } ? RobotsTxt.Parse(body, ProductToken) : RobotsTxt.AllowAll;
        return rules.IsAllowed(uri.PathAndQuery);
    }

    async Task<CachedAnswer> FetchAsync(Uri uri, CancellationToken ct)
    {
        for (var hop = 0; hop <= _maxRedirects; hop++)
        {
            if (!SsrfGuard.IsAllowedScheme(uri)) return new CachedAnswer(404, null);
            var current = uri;
            // The request and its body under one deadline: a robots.txt that drips costs no more than a page.
            var (answer, next) = await outbound.SendAsync(current, async token =>
            {
                using var response = await clients.CreateClient(LookupsSetup.WebClient).GetAsync(current, HttpCompletionOption.ResponseHeadersRead, token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                    return ((CachedAnswer?)null, new Uri(current, location));
                if (response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
                    throw new RetryLaterException($"robots.txt of {current.Host} answered {(int)response.StatusCode}", ScholarlyHttp.RetryAfter(response)) { Host = current.Host };
                if (!response.IsSuccessStatusCode) return (new CachedAnswer(404, null), null);
                var text = await response.Content.ReadAsStringAsync(token);
                return (new CachedAnswer(200, text.Length > MaxRobotsBytes ? text[..MaxRobotsBytes] : text), (Uri?)null);
            }, ct);
            if (answer is not null) return answer;
            uri = next!;
        }
        return new CachedAnswer(404, null);
    }
}
