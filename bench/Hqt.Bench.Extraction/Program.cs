using BenchmarkDotNet.Running;
using Hqt.Bench.Extraction;

// --medians [rounds]: per-page medians of bare parse vs extraction (quick, prints the figures the bar is stated in).
// Anything else goes to BenchmarkDotNet (e.g. --filter '*' --job short).
if (args.Length > 0 && args[0] == "--medians")
{
    PerPageMedians.Run(args.Length > 1 && int.TryParse(args[1], out var rounds) ? rounds : 5);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
