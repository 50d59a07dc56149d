using Hqt.Api.Hosting;
using Hqt.Extraction;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Captures;

/// <summary>
/// Runs the extractor for a capture. An extractor bug must not cost the reader a capture: the page is
/// stored with a minimal extraction (its URL) and the raw HTML, so a fixed extractor can re-extract it.
/// What is stored is bounded (<see cref="ExtractLimits"/>): references past the cap are dropped, and logged.
/// </summary>
public sealed class CaptureExtraction(IOptions<HqtOptions> options, ILogger<CaptureExtraction> logger)
{
    readonly int _maxReferences = options.Value.MaxReferencesPerCapture;

    public PageExtract Run(string html, string url)
    {
        try
        {
            var (extract, dropped) = ExtractLimits.Bound(PageExtractor.Extract(html, url), _maxReferences);
            if (dropped > 0)
                logger.LogInformation("A page from {Host} cited more than {Max} works; {Dropped} references were not kept", new Uri(url).Host, _maxReferences, dropped);
            return extract;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Extraction failed for a page from {Host}; storing it unextracted", new Uri(url).Host);
            return NewCapture.Unextracted(url);
        }
    }
}
