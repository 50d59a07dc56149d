using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hqt.Extraction;

namespace Hqt.Api.Captures;

/// <summary>A validated, extracted capture ready to store: everything computed before the transaction opens.</summary>
public sealed record NewCapture(
    string Url,
    string CanonicalUrl,
    string? Title,
    string? Selection,
    DateTimeOffset CapturedAt,
    string ContentHash,
    byte[] HtmlGzip,
    int HtmlLength,
    string? IdempotencyKey,
    PageExtract Extract,
    string ExtractJson)
{
    public static NewCapture Create(CreateCaptureRequest request, PageExtract extract, string? idempotencyKey, DateTimeOffset now) => new(
        request.Url.Trim(),
        extract.CanonicalUrl,
        extract.Title ?? NullIfBlank(request.Title),
        NullIfBlank(request.Selection),
        request.CapturedAt ?? now,
        HashHtml(request.Html),
        Gzip(request.Html),
        request.Html.Length,
        idempotencyKey,
        extract,
        JsonSerializer.Serialize(extract, CaptureJson.Options));

    public static string HashHtml(string html) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)));

    public static byte[] Gzip(string html)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(html));
        return buffer.ToArray();
    }

    public static string Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
