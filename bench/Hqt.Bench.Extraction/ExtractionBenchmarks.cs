using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Hqt.Extraction;

namespace Hqt.Bench.Extraction;

/// <summary>
/// One operation is the whole dev corpus (311 pages): AngleSharp's bare parse (default options) against the extractor's
/// parse + metadata + authors (issue 3) and the full PageExtractor.Extract (issue 4), so each ratio is a whole cost.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    IReadOnlyList<(string Id, string Url, string Html)> _pages = [];
    readonly HtmlParser _parser = new(); // default options: what a plain user of AngleSharp writes

    [GlobalSetup]
    public void Setup() => _pages = CorpusPages.Load();

    [Benchmark(Baseline = true, Description = "AngleSharp bare parse, 311 pages")]
    public int BareParse()
    {
        var elements = 0;
        foreach (var (_, _, html) in _pages) elements += _parser.ParseDocument(html).All.Length > 0 ? 1 : 0;
        return elements;
    }

    [Benchmark(Description = "parse + metadata + authors, 311 pages")]
    public int MetadataAndAuthors()
    {
        var authors = 0;
        foreach (var (_, url, html) in _pages) authors += PageExtractor.ExtractMetadataAndAuthors(html, url).Authors.Count;
        return authors;
    }

    [Benchmark(Description = "PageExtractor.Extract, 311 pages")]
    public int Extract()
    {
        var authors = 0;
        foreach (var (_, url, html) in _pages) authors += PageExtractor.Extract(html, url).Authors.Count;
        return authors;
    }
}
