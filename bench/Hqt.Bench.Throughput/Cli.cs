using System.Text.Json;

namespace Hqt.Bench.Throughput;

sealed record Cli(string CorpusDir, int Rounds, string? JsonOut, int FuzzCount, int Seed)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Cli Parse(string[] args)
    {
        string? corpus = null, json = null;
        int rounds = 3, fuzz = 0, seed = 20261128;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--corpus": corpus = Next(); break;
                case "--rounds": rounds = int.Parse(Next()); break;
                case "--json": json = Next(); break;
                case "--fuzz": fuzz = int.Parse(Next()); break;
                case "--seed": seed = int.Parse(Next()); break;
                default: throw new ArgumentException($"unknown argument {args[i]}; see Program.cs for usage");
            }
        }
        return new Cli(corpus ?? DefaultCorpus(), rounds, json, fuzz, seed);
    }

    /// <summary>HQT_SHARED/corpus/dev, else ../shared/corpus/dev beside the repository (never copied into it).</summary>
    static string DefaultCorpus()
    {
        var shared = Environment.GetEnvironmentVariable("HQT_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "hqt-api.sln")))
                {
                    shared = Path.Combine(dir.FullName, "..", "shared");
                    break;
                }
        }
        var corpus = Path.GetFullPath(Path.Combine(shared ?? "../shared", "corpus", "dev"));
        return Directory.Exists(corpus) ? corpus : throw new DirectoryNotFoundException($"{corpus} not found: pass --corpus or set HQT_SHARED");
    }

    /// <summary>"-" is stdout (for the peers script); anything else a file.</summary>
    public static void Write(string target, string text)
    {
        if (target == "-") Console.Out.WriteLine(text);
        else File.WriteAllText(target, text);
    }
}
