using System.Diagnostics;

namespace Hqt.Bench.Throughput;

public sealed record TimingResult(string Name, int Samples, double PagesPerSecond, double MedianMs, double P95Ms, double MaxMs, string SlowestPage);

public sealed record Contender(string Name, Func<Page, object?> Work);

public static class Timing
{
    /// <summary>
    /// One warm-up pass (JIT, caches; not timed), then <paramref name="rounds"/> timed passes over every page on
    /// this thread. The contenders take turns on each page (the order flips every round), so a moment when the
    /// shared machine takes the core away lands on both alike and the ratio stays honest. Pages/s is pages over
    /// the summed time of that contender's calls; median and p95 are of the per-page times.
    /// </summary>
    public static IReadOnlyList<TimingResult> Measure(IReadOnlyList<Page> pages, int rounds, params Contender[] contenders)
    {
        foreach (var c in contenders)
            foreach (var page in pages) GC.KeepAlive(c.Work(page));
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var times = contenders.Select(_ => new List<(double Ms, string Id)>(pages.Count * rounds)).ToArray();
        for (var round = 0; round < rounds; round++)
            foreach (var page in pages)
                for (var k = 0; k < contenders.Length; k++)
                {
                    var i = round % 2 == 0 ? k : contenders.Length - 1 - k;
                    var start = Stopwatch.GetTimestamp();
                    GC.KeepAlive(contenders[i].Work(page));
                    times[i].Add((Stopwatch.GetElapsedTime(start).TotalMilliseconds, page.Id));
                }
        return contenders.Select((c, i) =>
        {
            var sorted = times[i].OrderBy(t => t.Ms).ToList();
            return new TimingResult(c.Name, sorted.Count, sorted.Count / (sorted.Sum(t => t.Ms) / 1000),
                Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1].Ms, sorted[^1].Id);
        }).ToList();
    }

    /// <summary>Nearest-rank percentile, the same rule as the peers' runner.</summary>
    public static double Percentile(IReadOnlyList<(double Ms, string Id)> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)].Ms;
}
