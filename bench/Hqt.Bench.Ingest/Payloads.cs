using System.Text;
using System.Text.Json;
using Hqt.Bench.Throughput;

namespace Hqt.Bench.Ingest;

/// <summary>
/// Capture bodies made from corpus pages. Request n is page (n mod pages) with a query mark on its URL and a
/// comment at the end of its HTML, so every request is a new capture (a new content hash), never the cheap
/// "already have it" answer. Each page's JSON-escaped HTML is encoded once; a body is three copies.
/// </summary>
public sealed class Payloads(IReadOnlyList<Page> pages)
{
    readonly (byte[] Head, string Url)[] _encoded = pages.Select(p =>
    {
        var quoted = JsonSerializer.Serialize(p.Html);
        return (Encoding.UTF8.GetBytes(quoted[..^1]), p.Url);
    }).ToArray();

    public int Count => _encoded.Length;

    public ByteArrayContentWithType Body(long n, string run)
    {
        var (html, url) = _encoded[n % _encoded.Length];
        var mark = $"hqt-bench={run}-{n}";
        var prefix = Encoding.UTF8.GetBytes($"{{\"url\":{JsonSerializer.Serialize(url + (url.Contains('?') ? "&" : "?") + mark)},\"html\":");
        var suffix = Encoding.UTF8.GetBytes($"<!-- {mark} -->\"}}");
        var body = new byte[prefix.Length + html.Length + suffix.Length];
        prefix.CopyTo(body, 0);
        html.CopyTo(body, prefix.Length);
        suffix.CopyTo(body, prefix.Length + html.Length);
        return new ByteArrayContentWithType(body);
    }
}

public sealed class ByteArrayContentWithType : ByteArrayContent
{
    public ByteArrayContentWithType(byte[] body) : base(body) =>
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
}
