namespace Hqt.Tests;

/// <summary>
/// Finds <c>../shared</c> (the corpus and the eval data, beside the repository; never copied into it).
/// <c>HQT_SHARED</c> overrides. Tests that need it call <see cref="Require"/>, which skips them loudly when it is missing.
/// </summary>
public static class SharedData
{
    // RepoRoot first: static initialisers run in order and Locate() needs it.
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string? Root { get; } = Locate();

    /// <summary>The shared folder, or a skip that names where it was looked for.</summary>
    public static string Require()
    {
        if (Root is null)
        {
            Console.Error.WriteLine($"*** ../shared NOT FOUND beside {RepoRoot}: corpus and eval tests are SKIPPED. Set HQT_SHARED to run them. ***");
            Skip.If(true, $"../shared not found beside {RepoRoot} (set HQT_SHARED): corpus/eval test skipped");
        }
        return Root!;
    }

    static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("HQT_SHARED");
        if (!string.IsNullOrEmpty(fromEnv)) return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
        var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(Path.Combine(beside, "corpus")) ? beside : null;
    }

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "hqt-api.sln"))) return dir.FullName;
        throw new InvalidOperationException("hqt-api.sln not found above " + AppContext.BaseDirectory);
    }
}
