using System.Text.Json;

namespace Hqt.Bench.Throughput;

public sealed record Page(string Id, string Url, string Html);

public static class Corpus
{
    /// <summary>
    /// Every page of the manifest with the URL the peers' runner gives it (the manifest URL when it is a valid
    /// http(s) one, else https://example.org/article), so both sides work on identical input.
    /// </summary>
    public static IReadOnlyList<Page> Load(string dir)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        return manifest.RootElement.EnumerateArray().Select(entry =>
        {
            var id = entry.GetProperty("id").GetString()!;
            var url = entry.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
                && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri.AbsoluteUri : "https://example.org/article";
            return new Page(id, url, File.ReadAllText(Path.Combine(dir, id, "page.html")));
        }).ToList();
    }
}
