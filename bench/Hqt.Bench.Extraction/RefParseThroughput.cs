using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using Hqt.Bench.CpuRatio;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Bench.Extraction;

/// <summary>
/// References parsed per second on one thread: every reference string of ../shared/eval/refparse/dev.jsonl (9,906,
/// every style), parsed <c>rounds</c> times once the code is warm, timed by the thread's CPU clock and the wall clock.
/// Run it pinned to one core: <c>taskset -c 1 dotnet bench/…/Hqt.Bench.Extraction.dll --refparse 5</c>.
/// </summary>
/// <remarks>
/// Warm means the JIT is done: warm-up passes run until one compiles no method (<see cref="JitInfo"/>), at most 30.
/// One warm-up pass was not enough, and pinning made it worse: a process that may use one CPU only multiplies the
/// runtime's tiering delay by ten (<c>TC_DelaySingleProcMultiplier</c>: call counting starts 1 s after the last new
/// tier-0 method instead of 100 ms), so under <c>taskset -c 1</c> the parser ran its first five to eight passes as
/// unoptimised tier-0 code (about 4,000/s, then 9,000–13,000/s) and the figure measured how many rounds were asked
/// for. A rate that stops changing does not tell the two apart (tier-0 is steady too); the JIT's own count does.
/// The warm-up passes are printed as well: they are what a freshly started process pays.
/// </remarks>
static class RefParseThroughput
{
    public static void Run(int rounds)
    {
        var path = Path.Combine(CorpusPages.SharedRoot(), "eval", "refparse", "dev.jsonl");
        var texts = File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        var checksum = 0L;
        var warmUp = new List<double>();
        for (long jitted = -1; jitted != JitInfo.GetCompiledMethodCount() && warmUp.Count < 30;)
        {
            jitted = JitInfo.GetCompiledMethodCount();
            var c0 = ThreadCpu.NowMs();
            foreach (var t in texts) checksum += ReferenceParser.Parse(t).Authors.Count;
            warmUp.Add(texts.Count / ((ThreadCpu.NowMs() - c0) / 1000));
            Thread.Sleep(1100); // the tiering delay, pinned: a pause lets call counting start (as PerPageMedians' does)
        }
        Console.WriteLine($"  warm-up passes (model load, JIT tiers): {string.Join(", ", warmUp.Select(r => r.ToString("N0")))} references/s");

        var perRound = new List<double>();
        var wall = Stopwatch.StartNew();
        var cpuStart = ThreadCpu.NowMs();
        for (var r = 0; r < rounds; r++)
        {
            var c0 = ThreadCpu.NowMs();
            foreach (var t in texts) checksum += ReferenceParser.Parse(t).Authors.Count;
            perRound.Add(texts.Count / ((ThreadCpu.NowMs() - c0) / 1000));
        }
        var cpuMs = ThreadCpu.NowMs() - cpuStart;
        if (Environment.GetEnvironmentVariable("REFPARSE_STAGES") is not null)
        {
            // Each stage by difference, every result dropped at once as in a real parse (a stage that kept every
            // reference's features would be charged for the collector copying them): tokens alone, tokens and features,
            // those and decoding, the whole parse (the rest is assembling the fields); and the gen-0 collections a round
            // of parses costs.
            var model = ReferenceParser.DefaultModel;
            var cleaned = texts.Select(t => t.Trim()).ToList();
            var s0 = ThreadCpu.NowMs();
            foreach (var t in cleaned) checksum += RefTokenizer.Tokenize(t).Count;
            var s1 = ThreadCpu.NowMs();
            foreach (var t in cleaned) checksum += RefFeatures.Extract(RefTokenizer.Tokenize(t), model.Lexicons).Length;
            var s2 = ThreadCpu.NowMs();
            foreach (var t in cleaned) checksum += model.Decode(RefFeatures.Extract(RefTokenizer.Tokenize(t), model.Lexicons), out _).Length;
            var s3 = ThreadCpu.NowMs();
            var gc0 = GC.CollectionCount(0);
            foreach (var t in texts) checksum += ReferenceParser.Parse(t).Authors.Count;
            var s4 = ThreadCpu.NowMs();
            var gcs = GC.CollectionCount(0) - gc0;
            string Us(double ms) => $"{ms * 1000 / texts.Count:F0} µs";
            Console.WriteLine($"  stages: tokens {Us(s1 - s0)}, features {Us(s2 - s1 - (s1 - s0))}, decode {Us(s3 - s2 - (s2 - s1))}, "
                + $"assemble {Us(s4 - s3 - (s3 - s2))} a reference; {gcs} gen-0 collections a round of {texts.Count} parses");
        }
        var total = (double)texts.Count * rounds;
        Console.WriteLine($"  rounds in order: {string.Join(", ", perRound.Select(r => r.ToString("N0")))} references/s");
        perRound.Sort();
        Console.WriteLine($"refparse: {texts.Count} references x {rounds} rounds, mean length {texts.Average(t => t.Length):F0} chars");
        Console.WriteLine($"  {total / (cpuMs / 1000):N0} references/s of thread CPU (median round {perRound[perRound.Count / 2]:N0}/s), "
            + $"{total / wall.Elapsed.TotalSeconds:N0}/s wall; {cpuMs * 1000 / total:F0} µs CPU a reference; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (checksum {checksum})");
    }
}
