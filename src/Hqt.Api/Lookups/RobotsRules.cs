using System.Net;
using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// robots.txt per origin, fetched through the guarded client and kept a day (RFC 9309: no longer than 24 hours).
/// A missing file (4xx) allows everything; an unreachable one (5xx, network) makes the job wait and retry.
/// </summary>
public sealed class RobotsRules(IHttpClientFactory clients, LookupCache cache, IOptions<HqtOptions> options)
{
    public const string ProductToken = "hqt";
    const string Source = "robots";
    const int MaxRobotsBytes = 500 * 1024;
    static readonly TimeSpan Ttl = TimeSpan.FromHours(24);
    readonly int _maxRedirects = options.Value.Lookups.MaxRedirects;

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
            HttpResponseMessage response;
            try
            {
                response = await clients.CreateClient(LookupsSetup.WebClient).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (HttpRequestException e) when (WebFetcher.Blocked(e) is { } blocked)
            {
                throw new LookupMiss("blocked", blocked.Message);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException)
            {
                throw new RetryLaterException($"robots.txt of {uri.Host}: {e.Message}", inner: e);
            }
            using (response)
            {
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    uri = new Uri(uri, location);
                    continue;
                }
                if (response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
                    throw new RetryLaterException($"robots.txt of {uri.Host} answered {(int)response.StatusCode}", ScholarlyHttp.RetryAfter(response));
                if (!response.IsSuccessStatusCode) return new CachedAnswer(404, null);
                var text = await response.Content.ReadAsStringAsync(ct);
                return new CachedAnswer(200, text.Length > MaxRobotsBytes ? text[..MaxRobotsBytes] : text);
            }
        }
        return new CachedAnswer(404, null);
    }
}
