using System.Net;

namespace Hqt.Api.Lookups;

/// <summary>GETs a JSON API answer for the cache: 200 with its body, 404/410 as "not found", anything transient as <see cref="RetryLaterException"/>.</summary>
public static class ScholarlyHttp
{
    const int MaxJsonBytes = 8 * 1024 * 1024;

    /// <summary>The GET and the body under one deadline, through <see cref="Outbound"/> (backoff, host health).</summary>
    public static Task<CachedAnswer> GetJsonAsync(HttpClient http, Outbound outbound, Uri uri, CancellationToken ct) =>
        outbound.SendAsync(uri, async token =>
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, token);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone) return new CachedAnswer(404, null);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500)
                throw new RetryLaterException($"{uri.Host} answered {(int)response.StatusCode}", RetryAfter(response)) { Host = uri.Host };
            // Other 4xx (a malformed identifier): a definite "no", cached like a 404.
            if (!response.IsSuccessStatusCode) return new CachedAnswer(404, null);
            if (response.Content.Headers.ContentLength > MaxJsonBytes) return new CachedAnswer(404, null);
            return new CachedAnswer(200, await response.Content.ReadAsStringAsync(token));
        }, ct);

    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>A query string value, with <c>mailto</c> appended when a contact address is configured.</summary>
    public static string WithMailto(string pathAndQuery, string? contactEmail) =>
        string.IsNullOrWhiteSpace(contactEmail) ? pathAndQuery
        : pathAndQuery + (pathAndQuery.Contains('?') ? '&' : '?') + "mailto=" + Uri.EscapeDataString(contactEmail);

    /// <summary>A DOI in a URL path: escaped, but its slashes kept (both APIs route on them).</summary>
    public static string EscapeDoi(string doi) => Uri.EscapeDataString(doi).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
