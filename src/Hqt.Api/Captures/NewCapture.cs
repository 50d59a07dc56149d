using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hqt.Extraction;
using Hqt.Extraction.Identity;

namespace Hqt.Api.Captures;

/// <summary>
/// A validated capture ready to store: everything computed before the transaction opens. Without an
/// <see cref="Extract"/> it is stored as pending (extractor version 0) and extracted behind the response.
/// </summary>
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
    string ExtractJson,
    bool IsExtracted)
{
    /// <summary>The capture as it arrived: hashed, compressed, filed under its own URL until extracted.</summary>
    public static NewCapture Create(CreateCaptureRequest request, string? idempotencyKey, DateTimeOffset now)
    {
        var url = request.Url.Trim();
        var content = Encoding.UTF8.GetBytes(request.Html);
        var unextracted = Unextracted(url);
        return new(
            url,
            unextracted.CanonicalUrl,
            ExtractLimits.Clip(NullIfBlank(request.Title), ExtractLimits.MaxTitleLength),
            NullIfBlank(request.Selection),
            request.CapturedAt ?? now,
            Convert.ToHexStringLower(SHA256.HashData(content)),
            Gzip(content),
            request.Html.Length,
            idempotencyKey,
            unextracted,
            JsonSerializer.Serialize(unextracted, CaptureJson.Options),
            IsExtracted: false);
    }

    /// <summary>This capture with its extraction: the page's own canonical URL and title win.</summary>
    public NewCapture WithExtract(PageExtract extract) => this with
    {
        CanonicalUrl = extract.CanonicalUrl,
        Title = extract.Title ?? Title,
        Extract = extract,
        ExtractJson = JsonSerializer.Serialize(extract, CaptureJson.Options),
        IsExtracted = true,
    };

    /// <summary>
    /// What is known of a page before (or without) extraction: its URL, normalised. A pending capture is filed
    /// under this canonical URL until extraction finds the page's own (<c>link rel=canonical</c>).
    /// </summary>
    public static PageExtract Unextracted(string url) => new(null, UrlCanonicalizer.Canonicalize(url) ?? url, null, null, null, [], []);

    static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream(content.Length / 4);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(content);
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
