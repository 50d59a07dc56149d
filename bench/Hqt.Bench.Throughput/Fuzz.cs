using System.Diagnostics;
using Hqt.Extraction;
using Hqt.Extraction.Tests.Fuzz;

namespace Hqt.Bench.Throughput;

public sealed record FuzzFailure(int Index, string PageId, string Mutation, string Error);

public sealed record FuzzResult(int Mutations, int Seed, double SlowestMs, string SlowestPage, string SlowestMutation, double MedianMs, IReadOnlyList<FuzzFailure> Failures)
{
    public void Print(TextWriter o)
    {
        o.WriteLine($"fuzz: {Mutations} mutated pages (seed {Seed}), {Failures.Count} exceptions, median {MedianMs:F2} ms, slowest {SlowestMs:F1} ms ({SlowestPage}: {SlowestMutation}); bar: none over 1000 ms -> {(SlowestMs <= 1000 ? "HOLDS" : "FAILS")}");
        foreach (var f in Failures.Take(20)) o.WriteLine($"  #{f.Index} {f.PageId} [{f.Mutation}]: {f.Error}");
    }
}

public static class Fuzz
{
    /// <summary>Mutation i is page (i mod pages) under Random(seed + i): any one can be replayed alone.</summary>
    public static FuzzResult Run(IReadOnlyList<Page> pages, int count, int seed)
    {
        var failures = new List<FuzzFailure>();
        var times = new List<(double Ms, string Id)>(count);
        (double Ms, string Id, string Mutation) slowest = (0, "", "");
        foreach (var page in pages.Take(3)) PageExtractor.Extract(page.Html, page.Url); // JIT warm-up
        for (var i = 0; i < count; i++)
        {
            var page = pages[i % pages.Count];
            var (html, mutation) = PageMutator.Mutate(page.Html, new Random(seed + i));
            var start = Stopwatch.GetTimestamp();
            try
            {
                PageExtractor.Extract(html, page.Url);
            }
            catch (Exception e)
            {
                failures.Add(new FuzzFailure(i, page.Id, mutation, $"{e.GetType().Name}: {e.Message}"));
            }
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            times.Add((ms, page.Id));
            if (ms > slowest.Ms) slowest = (ms, $"#{i} {page.Id}", mutation);
            if ((i + 1) % 1000 == 0) Console.Error.WriteLine($"  fuzz {i + 1}/{count}, slowest so far {slowest.Ms:F1} ms");
        }
        var sorted = times.OrderBy(t => t.Ms).ToList();
        return new FuzzResult(count, seed, slowest.Ms, slowest.Id, slowest.Mutation, Timing.Percentile(sorted, 0.5), failures);
    }
}
