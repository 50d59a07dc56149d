using BenchmarkDotNet.Running;
using Hqt.Bench.Extraction;

// --medians [rounds] [back-to-back]: per-page medians of bare parse, parse+metadata+authors and full extraction, with both
// ratios; a page's runs spread over the whole run (default) or taken one after another.
// --stages [rounds]: per-stage medians of the extraction (where the time goes). --stage-loops [repeats] [page id]: each
// reference stage repeated alone, over the middle pages or one page (precise where --stages' clock reads are not). --loop N [full|authors|parse]: N passes, for a profiler.
// --snapshot FILE: every page's extraction as a JSON line, to diff before and after a change.
// Anything else goes to BenchmarkDotNet (e.g. --filter '*' --job short).
// --refparse [rounds]: reference strings parsed per second on one thread (run under taskset -c 1).
if (args.Length > 0 && args[0] == "--refparse")
{
    RefParseThroughput.Run(args.Length > 1 && int.TryParse(args[1], out var refRounds) ? refRounds : 5);
    return;
}
// --refparse-dump FILE: every reference of dev.jsonl through the parser (features hash, labels, margins, parse), to cmp.
if (args.Length > 1 && args[0] == "--refparse-dump")
{
    RefParseDump.Run(args[1]);
    return;
}
if (args.Length > 0 && args[0] == "--medians")
{
    PerPageMedians.Run(args.Length > 1 && int.TryParse(args[1], out var rounds) ? rounds : 5, args.Contains("back-to-back"));
    return;
}
if (args.Length > 1 && args[0] == "--loop")
{
    var loopPages = CorpusPages.Load();
    if (args.Contains("middle"))
    {
        // The middle 40% by size: the pages that decide the per-page median.
        var bySize = loopPages.OrderBy(p => p.Html.Length).ToList();
        loopPages = bySize.GetRange(bySize.Count * 3 / 10, bySize.Count * 4 / 10);
    }
    var what = args.Length > 2 ? args[2] : "full";
    var loopParser = new AngleSharp.Html.Parser.HtmlParser();
    for (var pass = 0; pass < int.Parse(args[1]); pass++)
        foreach (var (_, url, html) in loopPages)
            _ = what switch
            {
                "parse" => loopParser.ParseDocument(html).ChildElementCount,
                "authors" => Hqt.Extraction.PageExtractor.ExtractMetadataAndAuthors(html, url).Authors.Count,
                _ => Hqt.Extraction.PageExtractor.Extract(html, url).References.Count,
            };
    return;
}
if (args.Length > 1 && args[0] == "--page")
{
    // One corpus page's extraction as JSON, for reading what a rule did.
    var (_, pageUrl, pageHtml) = CorpusPages.Load().First(p => p.Id == args[1]);
    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(Hqt.Extraction.PageExtractor.Extract(pageHtml, pageUrl), new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    return;
}
if (args.Length > 1 && args[0] == "--snapshot")
{
    // Every corpus page's extraction, one JSON line a page: diff two snapshots to see what a speed change altered.
    using var snapshot = new StreamWriter(args[1]);
    foreach (var (id, url, html) in CorpusPages.Load())
        snapshot.WriteLine(id + "\t" + System.Text.Json.JsonSerializer.Serialize(Hqt.Extraction.PageExtractor.Extract(html, url)));
    return;
}
if (args.Length > 0 && args[0] == "--alloc")
{
    // Bytes allocated over the corpus by each contender (second pass, after warm-up).
    var allocPages = CorpusPages.Load();
    var allocParser = new AngleSharp.Html.Parser.HtmlParser();
    foreach (var (name, run) in new (string, Action<string, string>)[] { ("bare parse", (h, _) => allocParser.ParseDocument(h)), ("Load only", (h, u) => Hqt.Extraction.Parsing.PageDocument.Load(h, u)), ("Load + scan", (h, u) => _ = Hqt.Extraction.Parsing.PageDocument.Load(h, u).Scan), ("metadata+authors", (h, u) => Hqt.Extraction.PageExtractor.ExtractMetadataAndAuthors(h, u)), ("full", (h, u) => Hqt.Extraction.PageExtractor.Extract(h, u)) })
    {
        foreach (var (_, u, h) in allocPages) run(h, u);
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (_, u, h) in allocPages) run(h, u);
        Console.WriteLine($"{name,-18} {(GC.GetAllocatedBytesForCurrentThread() - before) / 1024 / 1024,6} MB");
    }
    return;
}
if (args.Length > 0 && args[0] == "--hostile")
{
    // The hostile shapes the 1 s bound is about, each timed once after a warm-up of the extractor.
    var corpus = CorpusPages.Load();
    var big = corpus.MaxBy(p => p.Html.Length);
    Hqt.Extraction.PageExtractor.Extract(corpus[0].Html, corpus[0].Url);
    (string Name, string Html)[] hostile =
    [
        ("100,000 nested <div>", "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>deep <a href='https://deep.example/x'>x</a></p>" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>"),
        ("20,000 <b><i>x</b></i>", "<html><body><p>" + string.Concat(Enumerable.Repeat("<b><i>x</b></i>", 20_000)) + "</p></body></html>"),
        ($"10 MB: {big.Id} repeated", "<html><head><title>Big</title></head><body>" + string.Concat(Enumerable.Repeat(big.Html, 10 * 1024 * 1024 / big.Html.Length + 1)) + "</body></html>"),
    ];
    foreach (var (name, html) in hostile)
    {
        var s0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = Hqt.Extraction.PageExtractor.Extract(html, "https://hostile.example/page");
        Console.WriteLine($"{name,-48} {html.Length / 1024,6} KB  {System.Diagnostics.Stopwatch.GetElapsedTime(s0).TotalMilliseconds,7:F0} ms  {result.References.Count} references");
    }
    return;
}
if (args.Length > 0 && args[0] == "--split-parts")
{
    var t = typeof(Hqt.Extraction.Authors.AuthorNames);
    foreach (var m in t.GetMethods(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static).Where(m => m.ReturnType == typeof(System.Text.RegularExpressions.Regex) && m.GetParameters().Length == 0))
    {
        var rx = (System.Text.RegularExpressions.Regex)m.Invoke(null, null)!;
        for (var k = 0; k < 20000; k++) rx.Replace("Jane Doe", "|");
        var s0 = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var k = 0; k < 20000; k++) rx.Replace("Jane Doe", "|");
        Console.WriteLine($"{m.Name,-20} {System.Diagnostics.Stopwatch.GetElapsedTime(s0).TotalMilliseconds * 1000 / 20000:F2} us");
    }
    foreach (var (name, f) in new (string, Func<object?>)[] { ("IsRole", () => Hqt.Extraction.Authors.AuthorNames.IsRole("Jane Doe")), ("Clean", () => Hqt.Extraction.Authors.AuthorNames.Clean("Jane Doe")), ("IsOrganization", () => Hqt.Extraction.Authors.AuthorNames.IsOrganization("Jane Doe")) })
    {
        for (var k = 0; k < 20000; k++) f();
        var s0 = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var k = 0; k < 20000; k++) f();
        Console.WriteLine($"{name,-20} {System.Diagnostics.Stopwatch.GetElapsedTime(s0).TotalMilliseconds * 1000 / 20000:F2} us");
    }
    return;
}
if (args.Length > 0 && args[0] == "--split-loop")
{
    for (var k = 0; k < 400000; k++) Hqt.Extraction.Authors.AuthorNames.Split("Jane Doe");
    return;
}
if (args.Length > 0 && args[0] == "--tiny")
{
    // Fixed per-page costs: a page with almost nothing in it, many times.
    const string tiny = "<html><head><title>Tiny page</title><meta name=author content='Jane Doe'></head><body><p>Hello <a href='https://example.com/x'>there</a>.</p></body></html>";
    var tinyParser = new AngleSharp.Html.Parser.HtmlParser();
    for (var w = 0; w < 20000; w++) { tinyParser.ParseDocument(tiny); Hqt.Extraction.PageExtractor.Extract(tiny, "https://example.org/a"); }
    Thread.Sleep(1000);
    foreach (var (name, run) in new (string, Action)[] { ("split", () => Hqt.Extraction.Authors.AuthorNames.Split("Jane Doe")), ("bare parse", () => tinyParser.ParseDocument(tiny)), ("authors", () => Hqt.Extraction.PageExtractor.ExtractMetadataAndAuthors(tiny, "https://example.org/a")), ("full", () => Hqt.Extraction.PageExtractor.Extract(tiny, "https://example.org/a")) })
    {
        var best = double.MaxValue;
        for (var r = 0; r < 5; r++)
        {
            var s0 = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var k = 0; k < 2000; k++) run();
            best = Math.Min(best, System.Diagnostics.Stopwatch.GetElapsedTime(s0).TotalMilliseconds * 1000 / 2000);
        }
        Console.WriteLine($"{name,-12} {best,8:F1} us per page");
    }
    return;
}
if (args.Length > 0 && args[0] == "--parse-variants")
{
    ParseVariants.Run(args.Length > 1 && int.TryParse(args[1], out var parseRounds) ? parseRounds : 3);
    return;
}
if (args.Length > 0 && args[0] == "--stage-loops")
{
    StageLoops.Run(args.Length > 1 && int.TryParse(args[1], out var loopRepeats) ? loopRepeats : 20, args.Length > 2 ? args[2] : null);
    return;
}
if (args.Length > 0 && args[0] == "--stages")
{
    StageProfile.Run(args.Length > 1 && int.TryParse(args[1], out var stageRounds) ? stageRounds : 3, args.Contains("tiny"));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
