using System.Diagnostics;
using AngleSharp.Html.Parser;
using Hqt.Extraction;
using Hqt.Bench.CpuRatio;

namespace Hqt.Bench.Extraction;

/// <summary>
/// Per-page timings, the figures the bars are stated in. For each page, the best of a few runs of: AngleSharp's bare parse
/// (<c>new HtmlParser().ParseDocument(html)</c>, default options), the extractor's parse + metadata + authors (issue 3),
/// and the full <see cref="PageExtractor.Extract"/> (issue 4), interleaved so all three see the same machine. Then the
/// median of each over the corpus and the two ratios of medians.
/// </summary>
/// <remarks>
/// The warm-up matters more than it looks. .NET's tiered JIT promotes hot methods to optimised code only after 100 ms
/// without new methods being compiled; a page-by-page run keeps meeting new code paths, so with a short warm-up the parser
/// can run unoptimised for the whole measurement (we saw the bare parse median at 4.5-5.6 ms instead of ~1 ms). Two
/// passes over the whole corpus with a pause after each let every method reach its final tier before timing starts.
/// </remarks>
public static class PerPageMedians
{
    public static void Run(int rounds, bool backToBack = false)
    {
        var pages = CorpusPages.Load();
        var parser = new HtmlParser();
        (string Name, Action<string, string> Run)[] contenders =
        [
            ("bare parse", (html, _) => parser.ParseDocument(html)),
            ("parse+metadata+authors", (html, url) => PageExtractor.ExtractMetadataAndAuthors(html, url)),
            ("full Extract", (html, url) => PageExtractor.Extract(html, url)),
        ];
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (_, url, html) in pages)
                foreach (var contender in contenders) contender.Run(html, url);
            Thread.Sleep(1500);
        }

        var times = contenders.Select(_ => Enumerable.Repeat(double.MaxValue, pages.Count).ToArray()).ToArray();
        var cpu = contenders.Select(_ => Enumerable.Repeat(double.MaxValue, pages.Count).ToArray()).ToArray();
        var collections = new int[contenders.Length];
        // Spread (the default): rounds outside, pages inside, so a page's runs are spread over the whole measurement and
        // its best run is its best over many moments of a shared machine, each run after other pages (caches and branch
        // history hold someone else's work, as in a server). Back to back: a page's runs one after another, as a
        // microbenchmark of one page runs it (warm caches; a burst of other work on the machine can slow all of them).
        // The contenders take turns going first.
        var order = backToBack
            ? Enumerable.Range(0, pages.Count).SelectMany(i => Enumerable.Range(0, rounds).Select(round => (round, i)))
            : Enumerable.Range(0, rounds).SelectMany(round => Enumerable.Range(0, pages.Count).Select(i => (round, i)));
        foreach (var (round, i) in order)
            {
                var (_, url, html) = pages[i];
                for (var turn = 0; turn < contenders.Length; turn++)
                {
                    var c = (turn + round) % contenders.Length;
                    var gen0 = GC.CollectionCount(0);
                    var cpuStart = ThreadCpu.NowMs();
                    var start = Stopwatch.GetTimestamp();
                    contenders[c].Run(html, url);
                    collections[c] += GC.CollectionCount(0) - gen0;
                    times[c][i] = Math.Min(times[c][i], Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    cpu[c][i] = Math.Min(cpu[c][i], ThreadCpu.NowMs() - cpuStart);
                }
            }

        var parse = Percentile(times[0], 0.5);
        Console.WriteLine($"pages {pages.Count}, best of {rounds} runs per page ({(backToBack ? "back to back" : "one a round, rounds spread over the run")}), one thread, after two warm-up passes");
        Console.WriteLine($"{"",-24} {"median ms",10} {"p95 ms",8} {"max ms",8} {"pages/s",8} {"x parse",8}");
        for (var c = 0; c < contenders.Length; c++)
        {
            var median = Percentile(times[c], 0.5);
            Console.WriteLine($"{contenders[c].Name,-24} {median,10:F3} {Percentile(times[c], 0.95),8:F2} {times[c].Max(),8:F1} {pages.Count / (times[c].Sum() / 1000),8:F0} {median / parse,8:F2}");
        }
        Console.WriteLine($"ratio parse+metadata+authors / bare parse (bar 1.3): {Percentile(times[1], 0.5) / parse:F2}");
        Console.WriteLine($"ratio full Extract / bare parse (bar 1.6): {Percentile(times[2], 0.5) / parse:F2}");
        // Thread CPU time is not charged for the slices a busy shared machine gives to other processes: the same ratios, less noisy.
        var cpuParse = Percentile(cpu[0], 0.5);
        Console.WriteLine($"gen0 collections during the timed calls: {string.Join(", ", contenders.Select((x, c) => $"{x.Name} {collections[c]}"))} ({pages.Count * rounds} calls each)");
        // Where the references cost most over the rest: the pages to look at when the full ratio moves.
        var costliest = Enumerable.Range(0, pages.Count).OrderByDescending(i => times[2][i] - times[1][i]).Take(5);
        Console.WriteLine("references' costliest pages (full - parse+metadata+authors): " + string.Join(", ", costliest.Select(i => $"{pages[i].Id} {times[2][i] - times[1][i]:F1} ms (bare {times[0][i]:F1})")));
        Console.WriteLine($"thread CPU medians: bare parse {cpuParse:F3} ms, parse+metadata+authors {Percentile(cpu[1], 0.5):F3} ms ({Percentile(cpu[1], 0.5) / cpuParse:F2}x), full Extract {Percentile(cpu[2], 0.5):F3} ms ({Percentile(cpu[2], 0.5) / cpuParse:F2}x)");
    }

    static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }
}
