using AngleSharp.Html.Parser;
using Hqt.Bench.CpuRatio;
using Hqt.Bench.Throughput;
using Hqt.Extraction;

// Full extraction against a bare AngleSharp parse, page by page, in thread CPU time: the least of N rounds for each
// page, then the median over pages. Complements Hqt.Bench.Throughput (wall time) on a loaded machine.
//   dotnet run -c Release --project bench/Hqt.Bench.CpuRatio -- [corpus dir] [rounds]
var dir = args.Length > 0 ? args[0] : "../shared/corpus/dev";
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var pages = Corpus.Load(dir);
var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
foreach (var page in pages) { parser.ParseDocument(page.Html); PageExtractor.Extract(page.Html, page.Url); }

var parse = Enumerable.Repeat(double.MaxValue, pages.Count).ToArray();
var extract = Enumerable.Repeat(double.MaxValue, pages.Count).ToArray();
for (var round = 0; round < rounds; round++)
    for (var i = 0; i < pages.Count; i++)
    {
        var start = ThreadCpu.NowMs();
        GC.KeepAlive(parser.ParseDocument(pages[i].Html));
        parse[i] = Math.Min(parse[i], ThreadCpu.NowMs() - start);
        start = ThreadCpu.NowMs();
        GC.KeepAlive(PageExtractor.Extract(pages[i].Html, pages[i].Url));
        extract[i] = Math.Min(extract[i], ThreadCpu.NowMs() - start);
    }

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

var slowest = Enumerable.Range(0, pages.Count).MaxBy(i => extract[i]);
Console.WriteLine($"{pages.Count} pages, least of {rounds} rounds, thread CPU time");
Console.WriteLine($"parse median {Median(parse):F2} ms, extract median {Median(extract):F2} ms");
Console.WriteLine($"extract/parse: {Median(extract) / Median(parse):F2}x the median page, median of per-page ratios {Median(parse.Zip(extract, (p, e) => e / p)):F2}x, {extract.Sum() / parse.Sum():F2}x the summed time");
Console.WriteLine($"slowest page {pages[slowest].Id}: {extract[slowest]:F1} ms (parse {parse[slowest]:F1} ms)");
