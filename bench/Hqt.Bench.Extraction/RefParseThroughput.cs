using System.Diagnostics;
using System.Text.Json;
using Hqt.Bench.CpuRatio;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Bench.Extraction;

/// <summary>
/// References parsed per second on one thread: every reference string of ../shared/eval/refparse/dev.jsonl (9,906,
/// every style), parsed <c>rounds</c> times after a warm-up pass, timed by the thread's CPU clock and the wall clock.
/// Run it pinned to one core: <c>taskset -c 1 dotnet bench/…/Hqt.Bench.Extraction.dll --refparse 5</c>.
/// </summary>
static class RefParseThroughput
{
    public static void Run(int rounds)
    {
        var path = Path.Combine(CorpusPages.SharedRoot(), "eval", "refparse", "dev.jsonl");
        var texts = File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        var checksum = 0L;
        foreach (var t in texts) checksum += ReferenceParser.Parse(t).Authors.Count; // warm-up: model load, JIT

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
            var model = ReferenceParser.DefaultModel;
            var tokens = texts.Select(RefTokenizer.Tokenize).ToList();
            var s0 = ThreadCpu.NowMs();
            var seqs = tokens.Select(t => RefFeatures.Extract(t, model.Lexicons)).ToList();
            var s1 = ThreadCpu.NowMs();
            foreach (var q in seqs) checksum += (int)model.Decode(q, out _)[0];
            var s2 = ThreadCpu.NowMs();
            Console.WriteLine($"  stages: features {(s1 - s0) * 1000 / texts.Count:F0} µs, decode {(s2 - s1) * 1000 / texts.Count:F0} µs a reference");
        }
        var total = (double)texts.Count * rounds;
        perRound.Sort();
        Console.WriteLine($"refparse: {texts.Count} references x {rounds} rounds, mean length {texts.Average(t => t.Length):F0} chars");
        Console.WriteLine($"  {total / (cpuMs / 1000):N0} references/s of thread CPU (median round {perRound[perRound.Count / 2]:N0}/s), "
            + $"{total / wall.Elapsed.TotalSeconds:N0}/s wall; {cpuMs * 1000 / total:F0} µs CPU a reference; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (checksum {checksum})");
    }
}
