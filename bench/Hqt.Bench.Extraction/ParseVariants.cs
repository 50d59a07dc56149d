using AngleSharp;
using AngleSharp.Html.Parser;
using Hqt.Bench.CpuRatio;

namespace Hqt.Bench.Extraction;

/// <summary>Per-page medians (thread CPU time) of AngleSharp parse variants: what the extractor's parse options buy beside the bare default parse.</summary>
public static class ParseVariants
{
    public static void Run(int rounds)
    {
        var pages = CorpusPages.Load();
        var quiet = BrowsingContext.New(Configuration.Default.Without<AngleSharp.Dom.IAttributeObserver>());
        HtmlParser Make(Action<HtmlParserOptions> set, IBrowsingContext? context = null)
        {
            var o = new HtmlParserOptions { DisableElementPositionTracking = true };
            set(o);
            return context is null ? new HtmlParser(o) : new HtmlParser(o, context);
        }
        var deadline = 0L;
        (string Name, HtmlParser Parser)[] variants =
        [
            ("untracked async", Make(_ => { })),
            ("default", new HtmlParser()),
            ("untracked", Make(_ => { })),
            ("untracked+oncreated", Make(o => o.OnCreated = (_, _) => { if (Environment.TickCount64 > deadline) throw new OperationCanceledException(); })),
            ("untracked+no observer", Make(_ => { }, quiet)),
            ("+oncreated+no observer", Make(o => o.OnCreated = (_, _) => { if (Environment.TickCount64 > deadline) throw new OperationCanceledException(); }, quiet)),
        ];
        var bytes = new long[variants.Length];
        var times = variants.Select(_ => Enumerable.Repeat(double.MaxValue, pages.Count).ToArray()).ToArray();
        for (var w = 0; w < 2; w++) { foreach (var p in pages) foreach (var v in variants) v.Parser.ParseDocument(p.Html); Thread.Sleep(1000); }
        for (var round = 0; round < rounds; round++)
            for (var p = 0; p < pages.Count; p++)
                for (var v = 0; v < variants.Length; v++)
                {
                    deadline = Environment.TickCount64 + 800;
                    var a = GC.GetAllocatedBytesForCurrentThread();
                    var s = ThreadCpu.NowMs();
                    if (v == 0) { using var cts = new CancellationTokenSource(800); variants[v].Parser.ParseDocumentAsync(pages[p].Html, cts.Token).GetAwaiter().GetResult(); }
                    else variants[v].Parser.ParseDocument(pages[p].Html);
                    times[v][p] = Math.Min(times[v][p], ThreadCpu.NowMs() - s);
                    if (round == 0) bytes[v] += GC.GetAllocatedBytesForCurrentThread() - a;
                }
        for (var v = 0; v < variants.Length; v++)
            Console.WriteLine($"{variants[v].Name,-24} median {times[v].Order().ElementAt(pages.Count / 2):F3} ms  sum {times[v].Sum():F0} ms  alloc {bytes[v] / pages.Count / 1024} KB/page");
    }
}
