using System.Diagnostics;
using AngleSharp.Html.Parser;
using Hqt.Extraction;

namespace Hqt.Bench.Extraction;

/// <summary>
/// Per-page timings, the figure the bar is stated in: for each page the best of a few runs of the bare parse and of the
/// full extraction, interleaved so both see the same machine; then medians, p95 and pages per second over the corpus.
/// </summary>
public static class PerPageMedians
{
    public static void Run(int rounds)
    {
        var pages = CorpusPages.Load();
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        foreach (var (_, url, html) in pages.Take(40)) { parser.ParseDocument(html); PageExtractor.Extract(html, url); }

        var parse = new double[pages.Count];
        var extract = new double[pages.Count];
        var ratios = new double[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            var (_, url, html) = pages[i];
            parse[i] = extract[i] = double.MaxValue;
            for (var round = 0; round < rounds; round++)
            {
                var start = Stopwatch.GetTimestamp();
                parser.ParseDocument(html);
                parse[i] = Math.Min(parse[i], Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                PageExtractor.Extract(html, url);
                extract[i] = Math.Min(extract[i], Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            ratios[i] = extract[i] / parse[i];
        }
        Console.WriteLine($"pages {pages.Count}, best of {rounds} runs each, interleaved");
        Console.WriteLine($"bare parse : median {Percentile(parse, 0.5):F2} ms  p95 {Percentile(parse, 0.95):F2} ms  {pages.Count / (parse.Sum() / 1000):F0} pages/s");
        Console.WriteLine($"extract    : median {Percentile(extract, 0.5):F2} ms  p95 {Percentile(extract, 0.95):F2} ms  {pages.Count / (extract.Sum() / 1000):F0} pages/s  max {extract.Max():F1} ms");
        Console.WriteLine($"ratio of medians {Percentile(extract, 0.5) / Percentile(parse, 0.5):F2}, median per-page ratio {Percentile(ratios, 0.5):F2}, total time ratio {extract.Sum() / parse.Sum():F2}");
    }

    static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }
}
