using System.Text.Json;

namespace Hqt.Bench.Extraction;

/// <summary>The dev corpus pages (HTML and the URL the scorer sends), read from ../shared beside the repository or HQT_SHARED.</summary>
public static class CorpusPages
{
    public static IReadOnlyList<(string Id, string Url, string Html)> Load()
    {
        var dir = Path.Combine(SharedRoot(), "corpus", "dev");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        return manifest.RootElement.EnumerateArray().Select(entry =>
        {
            var id = entry.GetProperty("id").GetString()!;
            var url = Text(entry, "links_base_url") ?? Text(entry, "url") ?? "https://example.org/article";
            return (id, url, File.ReadAllText(Path.Combine(dir, id, "page.html")));
        }).ToList();
    }

    static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static string SharedRoot()
    {
        if (Environment.GetEnvironmentVariable("HQT_SHARED") is { Length: > 0 } fromEnv) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "hqt-api.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        throw new InvalidOperationException("hqt-api.sln not found above " + AppContext.BaseDirectory + "; set HQT_SHARED");
    }
}
