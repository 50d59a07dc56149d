using Hqt.Extraction;

namespace Hqt.Api.Captures;

/// <summary>
/// Runs the extractor for a capture. An extractor bug must not cost the reader a capture: the page is
/// stored with a minimal extraction (its URL) and the raw HTML, so a fixed extractor can re-extract it.
/// </summary>
public sealed class CaptureExtraction(ILogger<CaptureExtraction> logger)
{
    public PageExtract Run(string html, string url)
    {
        try
        {
            return PageExtractor.Extract(html, url);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Extraction failed for a page from {Host}; storing it unextracted", new Uri(url).Host);
            return NewCapture.Unextracted(url);
        }
    }
}
