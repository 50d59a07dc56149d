using BenchmarkDotNet.Running;
using Hqt.Bench.Extraction;

// --medians [rounds]: per-page medians of bare parse, parse+metadata+authors and full extraction, with both ratios.
// --stages [rounds]: per-stage medians of the extraction (where the time goes). --loop N [full|authors|parse]: N passes, for a profiler.
// Anything else goes to BenchmarkDotNet (e.g. --filter '*' --job short).
if (args.Length > 0 && args[0] == "--medians")
{
    PerPageMedians.Run(args.Length > 1 && int.TryParse(args[1], out var rounds) ? rounds : 5);
    return;
}
if (args.Length > 1 && args[0] == "--loop")
{
    var loopPages = CorpusPages.Load();
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
if (args.Length > 0 && args[0] == "--parse-variants")
{
    ParseVariants.Run(args.Length > 1 && int.TryParse(args[1], out var parseRounds) ? parseRounds : 3);
    return;
}
if (args.Length > 0 && args[0] == "--stages")
{
    StageProfile.Run(args.Length > 1 && int.TryParse(args[1], out var stageRounds) ? stageRounds : 3);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
