using System.Diagnostics;
using Hqt.Extraction.Authors;
using Hqt.Extraction.Metadata;
using Hqt.Extraction.Parsing;
using Hqt.Extraction.References;
using Hqt.Bench.CpuRatio;

namespace Hqt.Bench.Extraction;

/// <summary>Where the extraction's time goes: per-page best-of-N time of each stage, then the median over pages.</summary>
public static class StageProfile
{
    public static void Run(int rounds, bool tiny = false)
    {
        IReadOnlyList<(string Id, string Url, string Html)> pages = tiny
            ? Enumerable.Repeat(("tiny", "https://example.org/a", "<html><head><title>Tiny page</title><meta name=author content='Jane Doe'></head><body><p>Hello <a href='https://example.com/x'>there</a>.</p></body></html>"), 300).ToList()
            : CorpusPages.Load();
        string[] names = ["bare parse (default)", "flatten", "parse", "walk only", "all+visit", "walk (scan+index)", "jsonld", "metadata", "authors.structured", "authors.markup", "authors.merge", "refs.index (walked)", "refs.signals", "refs.lists", "refs.maincontent", "refs.links", "refs.set"];
        var times = names.Select(_ => new double[pages.Count]).ToArray();
        var bytes = new long[names.Length];
        foreach (var row in times) Array.Fill(row, double.MaxValue);
        var bare = new AngleSharp.Html.Parser.HtmlParser();
        for (var round = 0; round < rounds + 2; round++)
        {
            if (round < 3) Thread.Sleep(1000); // let the tiered JIT settle after each warm-up pass
            for (var p = 0; p < pages.Count; p++)
            {
                var (_, url, html) = pages[p];
                var t = new double[names.Length];
                var b = new long[names.Length];
                var s = ThreadCpu.NowMs();
                var a = GC.GetAllocatedBytesForCurrentThread();
                void Lap(int k) { var now = ThreadCpu.NowMs(); t[k] = now - s; s = now; var an = GC.GetAllocatedBytesForCurrentThread(); b[k] = an - a; a = an; }
                bare.ParseDocument(html); Lap(0);
                NestingFlattener.Flatten(html); Lap(1);
                var page = PageDocument.Load(html, url); Lap(2);
                var walked = 0;
                foreach (var _ in ElementWalk.Descendants(page.Document.DocumentElement)) walked++;
                Lap(3);
                foreach (var e in page.Document.All) if (e.LocalName == "zzz") walked++;
                Lap(4);
                _ = page.Scan; Lap(5);
                _ = page.JsonLd; Lap(6);
                var metadata = MetadataExtractor.Extract(page); Lap(7);
                var sightings = new List<AuthorSighting>();
                StructuredAuthorSources.Collect(page, sightings); Lap(8);
                MarkupAuthorSources.Collect(page, sightings); Lap(9);
                AuthorMerger.Merge(sightings, metadata, page.PageUri); Lap(10);
                ReferenceExtractor.ProfileStages(page, metadata, Lap, 11);
                if (round < 2) continue; // warm-up
                for (var k = 0; k < names.Length; k++) times[k][p] = Math.Min(times[k][p], t[k]);
                if (round == 2) for (var k = 0; k < names.Length; k++) bytes[k] += b[k];
            }
        }
        Console.WriteLine($"stage medians over {pages.Count} pages (best of {rounds}), thread CPU ms; 'parse' includes flatten");
        // The pages around the median bare parse: where the per-page median ratio is decided.
        var order = Enumerable.Range(0, pages.Count).OrderBy(p => times[0][p]).ToArray();
        var middle = order[(pages.Count * 3 / 10)..(pages.Count * 7 / 10)];
        Console.WriteLine($"middle 40% of pages by bare parse time ({middle.Length} pages), mean of each stage, ms:");
        for (var k = 0; k < names.Length; k++)
            Console.WriteLine($"  {names[k],-20} {middle.Average(p => times[k][p]),7:F3}");
        for (var k = 0; k < names.Length; k++)
            Console.WriteLine($"  {names[k],-20} median {Median(times[k]),7:F3}  mean {times[k].Average(),7:F3}  max {times[k].Max(),8:F2}  alloc {bytes[k] / pages.Count / 1024,6} KB/page");
    }

    static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}

/// <summary>
/// Each reference stage alone, repeated on the same parsed page: no clock read between stages, so small stages are not
/// drowned by the clock's own cost. Sums over the middle 40% of pages by size (those that decide the median), per page.
/// </summary>
public static class StageLoops
{
    /// <param name="pageId">One corpus page instead of the middle ones (to see why a page costs what it does).</param>
    public static void Run(int repeats, string? pageId = null)
    {
        var all = CorpusPages.Load().OrderBy(p => p.Html.Length).ToList();
        var pages = pageId is null ? all.GetRange(all.Count * 3 / 10, all.Count * 4 / 10) : all.Where(p => p.Id == pageId).ToList();
        var prepared = pages.Select(p =>
        {
            var page = PageDocument.Load(p.Html, p.Url);
            var metadata = MetadataExtractor.Extract(page);
            return (p.Url, p.Html, Page: page, Metadata: metadata, Dom: page.Index);
        }).ToList();
        var bare = new AngleSharp.Html.Parser.HtmlParser();
        (string Name, Action<(string Url, string Html, PageDocument Page, PageMetadata Metadata, DomIndex Dom)> Run)[] stages =
        [
            ("bare parse", x => bare.ParseDocument(x.Html)),
            ("Load (flatten+parse)", x => PageDocument.Load(x.Html, x.Url)),
            ("walk (scan+index)", x => DomIndex.Build(x.Page.Document, new PageScan(), x.Page.ElementCount)),
            ("metadata+authors", x => AuthorExtractor.Extract(x.Page, MetadataExtractor.Extract(x.Page))),
            ("refs.signals", x => ReferenceExtractor.ReadSignals(x.Page, x.Metadata, x.Dom)),
            ("refs.lists", x => ReferenceExtractor.ReadLists(x.Page, x.Metadata, x.Dom)),
            ("refs.maincontent", x => MainContent.Find(x.Dom)),
            ("refs.links", x => ReferenceExtractor.ReadLinks(x.Page, x.Metadata, x.Dom)),
            ("full Extract", x => Hqt.Extraction.PageExtractor.Extract(x.Html, x.Url)),
        ];
        // Enough calls of every stage for the tiered JIT to optimise it (30 calls, then a quiet 100 ms), even for one page.
        for (var warm = 0; warm < Math.Max(3, 60 / prepared.Count); warm++)
        {
            if (warm > 0 && warm % 20 == 0) Thread.Sleep(200);
            foreach (var x in prepared) foreach (var s in stages) s.Run(x);
            Thread.Sleep(1000);
        }
        Console.WriteLine($"{pages.Count} {(pageId is null ? "middle pages" : "page")}, each stage {repeats}x per page, thread CPU ms per page");
        foreach (var (name, run) in stages)
        {
            GC.Collect();
            var start = ThreadCpu.NowMs();
            foreach (var x in prepared) for (var r = 0; r < repeats; r++) run(x);
            Console.WriteLine($"  {name,-22} {(ThreadCpu.NowMs() - start) / repeats / prepared.Count,7:F3}");
        }
    }
}
