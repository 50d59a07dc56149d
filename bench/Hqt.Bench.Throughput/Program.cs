using System.Text.Json;
using AngleSharp.Html.Parser;
using Hqt.Bench.Throughput;
using Hqt.Extraction;

// Single-threaded throughput of PageExtractor.Extract beside a bare AngleSharp parse over the same corpus pages,
// and (with --fuzz N) the extractor over N mutated pages, reporting the slowest.
//   dotnet run -c Release --project bench/Hqt.Bench.Throughput -- [--corpus DIR] [--rounds N] [--json FILE|-] [--fuzz N --seed S] [--nested DEPTH]
var cli = Cli.Parse(args);
if (cli.NestedDepth > 0)
{
    // One page whose body is N nested <div>s: where the time goes for pathological depth (issue 8's 100k case).
    var html = "<html><head><title>Deep</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", cli.NestedDepth))
        + "<p>bottom <a href=\"https://deep.example/cited\">cited</a></p>" + string.Concat(Enumerable.Repeat("</div>", cli.NestedDepth)) + "</body></html>";
    var deepParser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
    var s = System.Diagnostics.Stopwatch.StartNew();
    deepParser.ParseDocument(html);
    var parseMs = s.Elapsed.TotalMilliseconds;
    s.Restart();
    PageExtractor.Extract(html, "https://deep.example/nested");
    Console.WriteLine($"nested depth {cli.NestedDepth}: AngleSharp parse {parseMs:F0} ms, full extraction {s.Elapsed.TotalMilliseconds:F0} ms");
    return 0;
}
var pages = Corpus.Load(cli.CorpusDir);
Console.Error.WriteLine($"{pages.Count} pages, {pages.Sum(p => (long)p.Html.Length) / 1024 / 1024} MiB of HTML, from {cli.CorpusDir}");

if (Environment.GetEnvironmentVariable("HQT_FUZZ_REPLAY") is { Length: > 0 } replay)
{
    // One fuzz mutation again, with its full exception: HQT_FUZZ_REPLAY=<index> (same --seed).
    var index = int.Parse(replay);
    var replayPage = pages[index % pages.Count];
    var (replayHtml, replayMutation) = Hqt.Extraction.Tests.Fuzz.PageMutator.Mutate(replayPage.Html, new Random(cli.Seed + index));
    Console.WriteLine($"#{index} {replayPage.Id} [{replayMutation}]");
    PageExtractor.Extract(replayHtml, replayPage.Url);
    Console.WriteLine("ok");
    return 0;
}
if (cli.FuzzCount > 0)
{
    var fuzz = Fuzz.Run(pages, cli.FuzzCount, cli.Seed);
    fuzz.Print(Console.Out);
    if (cli.JsonOut is { } fuzzOut) Cli.Write(fuzzOut, JsonSerializer.Serialize(fuzz, Cli.Json));
    // An exception is a failure; the 1 s bar is reported in the text (wall time depends on the machine's load).
    return fuzz.Failures.Count == 0 ? 0 : 1;
}

var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
var runs = Timing.Measure(pages, cli.Rounds,
    new Contender("anglesharp-parse", p => parser.ParseDocument(p.Html)),
    new Contender("hqt-extract", p => PageExtractor.Extract(p.Html, p.Url)));
var (parse, extract) = (runs[0], runs[1]);
var result = new ThroughputResult(pages.Count, cli.Rounds, runs, extract.MedianMs / parse.MedianMs, parse.PagesPerSecond / extract.PagesPerSecond);

Console.WriteLine($"{"what",-18} {"pages/s",10} {"median ms",10} {"p95 ms",10} {"max ms",10}");
foreach (var t in result.Runs)
    Console.WriteLine($"{t.Name,-18} {t.PagesPerSecond,10:F1} {t.MedianMs,10:F2} {t.P95Ms,10:F2} {t.MaxMs,10:F1}");
Console.WriteLine($"extract/parse: {result.MedianRatio:F2}x the median page time, {result.ThroughputRatio:F2}x the summed time ({pages.Count} pages x {cli.Rounds} rounds, one thread)");
if (cli.JsonOut is { } outPath) Cli.Write(outPath, JsonSerializer.Serialize(result, Cli.Json));
return 0;

namespace Hqt.Bench.Throughput
{
    public sealed record ThroughputResult(int Pages, int Rounds, IReadOnlyList<TimingResult> Runs, double MedianRatio, double ThroughputRatio);
}
