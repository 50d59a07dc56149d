using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Hqt.Api.Graph;
using Hqt.Api.Hosting;
using Hqt.Extraction;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// Fetches a cited page the way a polite crawler does (robots.txt, one request at a time per host, a size cap,
/// HTML only) and reads it with the same extractor as captures. Redirects are followed here, one hop at a
/// time, so each new URL meets the scheme check and, on connecting, the address check.
/// </summary>
public sealed class WebFetcher(IHttpClientFactory clients, RobotsRules robots, Outbound outbound, IOptions<LookupsOptions> options,
    IOptions<HqtOptions> hqt)
{
    public const string Source = "web";
    readonly LookupsOptions _options = options.Value;
    readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<LookupResult> FetchAsync(string url, string kind, CancellationToken ct)
    {
        var (finalUri, html) = await FetchHtmlAsync(url, ct);
        return Read(url, finalUri, kind, html);
    }

    /// <summary>
    /// The page's HTML as served, under the same guards (scheme and address checks, robots.txt, one request at a
    /// time per host, the host's rate, the size cap, HTML only, one deadline a request): imported bookmarks become
    /// captures through this.
    /// </summary>
    public async Task<(Uri FinalUri, string Html)> FetchHtmlAsync(string url, CancellationToken ct)
    {
        var uri = new Uri(url);
        for (var hop = 0; hop <= _options.MaxRedirects; hop++)
        {
            if (!SsrfGuard.IsAllowedScheme(uri)) throw new LookupMiss("blocked", $"Scheme {uri.Scheme} is not fetched.");
            var gate = _hosts.GetOrAdd(uri.Host, _ => new SemaphoreSlim(1, 1));
            // One request at a time per host, but never by holding a worker slot in a queue behind a slow host:
            // the job steps aside and another (another user's, another host's) takes the slot.
            if (!await gate.WaitAsync(TimeSpan.Zero, ct))
                throw new RetryLaterException($"{uri.Host} is busy with another lookup", _options.RequestTimeout)
                { WaitReason = "host-busy", Host = uri.Host, CountsAsAttempt = false };
            try
            {
                if (!await robots.IsAllowedAsync(uri, ct)) throw new LookupMiss("robots-disallowed", $"robots.txt disallows {uri.AbsolutePath}.");
                var current = uri;
                var (html, next) = await outbound.SendAsync(current, async token =>
                {
                    using var response = await SendAsync(current, token);
                    if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location) return ((string?)null, new Uri(current, location));
                    return (await ReadHtmlAsync(current, response, token), (Uri?)null);
                }, ct);
                if (html is not null) return (current, html);
                uri = next!;
            }
            finally
            {
                gate.Release();
            }
        }
        throw new LookupMiss("not-found", $"More than {_options.MaxRedirects} redirects.");
    }

    async Task<HttpResponseMessage> SendAsync(Uri uri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd("text/html, application/xhtml+xml;q=0.9");
        return await clients.CreateClient(LookupsSetup.WebClient).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    async Task<string> ReadHtmlAsync(Uri finalUri, HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            throw new RetryLaterException($"{finalUri.Host} answered {(int)response.StatusCode}", ScholarlyHttp.RetryAfter(response)) { Host = finalUri.Host };
        if (!response.IsSuccessStatusCode) throw new LookupMiss("not-found", $"{finalUri} answered {(int)response.StatusCode}.");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not ("text/html" or "application/xhtml+xml")) throw new LookupMiss("not-html", $"{finalUri} is {mediaType ?? "untyped"}.");
        if (response.Content.Headers.ContentLength > _options.MaxPageBytes) throw new LookupMiss("too-large", $"{finalUri} is {response.Content.Headers.ContentLength} bytes.");

        var bytes = await ReadCappedAsync(response, ct) ?? throw new LookupMiss("too-large", $"{finalUri} is over {_options.MaxPageBytes} bytes.");
        return Decode(bytes, response.Content.Headers.ContentType?.CharSet);
    }

    LookupResult Read(string citedUrl, Uri finalUri, string kind, string html)
    {
        // A fetched page is bounded as a captured one is: it writes its references in the same write turn.
        var (extract, _) = Hqt.Api.Captures.ExtractLimits.Bound(PageExtractor.Extract(html, finalUri.AbsoluteUri), hqt.Value.MaxReferencesPerCapture);

        var self = new WorkFacts(kind, extract.Title, Year(extract.Published), citedUrl, null, null, null, null,
            extract.Authors.Select(a => a.Name).ToList(), MatchByTitle: false);
        var references = extract.References
            .Where(r => r.Kind != ReferenceKinds.Person)
            .Select(r => (Reference: r, Facts: WorkFacts.FromReference(r, finalUri.Host))).Where(p => p.Facts is not null)
            .Select(p => new CitedWork(p.Facts!, p.Reference.Signal, p.Reference.AnchorText, p.Reference.Context)).ToList();
        return new LookupResult(Source, self, extract.Authors.Select(a => new AuthorFacts(a.Name, a.Url, a.Kind)).ToList(), references,
            CanonicalUrl: extract.CanonicalUrl, SiteHost: finalUri.Host);
    }

    /// <summary>The body, or null when it is bigger than the cap (a missing or lying Content-Length included).</summary>
    async Task<byte[]?> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > _options.MaxPageBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    static string Decode(byte[] bytes, string? charset)
    {
        try
        {
            if (charset is { Length: > 0 }) return Encoding.GetEncoding(charset.Trim('"')).GetString(bytes);
        }
        catch (ArgumentException) { }
        return Encoding.UTF8.GetString(bytes);
    }

    static int? Year(string? published) =>
        published is { Length: >= 4 } && int.TryParse(published.AsSpan(0, 4), out var year) && year is > 1000 and < 3000 ? year : null;

    static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    internal static BlockedAddressException? Blocked(Exception e) => e as BlockedAddressException ?? (e.InnerException is { } inner ? Blocked(inner) : null);
}
