using System.Text.Json;
using Hqt.Tests;

namespace Hqt.Extraction.Tests.Corpus;

/// <summary>One page of ../shared/corpus/dev with its manifest entry (expected authors, citation ground truth).</summary>
public sealed record CorpusPage(string Id, string Url, string HtmlPath, JsonElement Entry)
{
    public string ReadHtml() => File.ReadAllText(HtmlPath);
}

/// <summary>
/// The corpus suites run one at a time: each parses all 311 pages, and side by side on a loaded two-core machine a big
/// page can overrun the parser's time budget and be read degraded, which would make the figures flaky.
/// </summary>
[CollectionDefinition(DevCorpus.Collection, DisableParallelization = true)]
public sealed class DevCorpusCollection
{
}

/// <summary>The dev corpus, read from ../shared (never copied into the repo); skips loudly when it is absent.</summary>
public static class DevCorpus
{
    public const string Collection = "Dev corpus";

    static readonly Lazy<IReadOnlyList<CorpusPage>> Loaded = new(Load);

    /// <summary>Every page; calling it skips the test when ../shared is missing.</summary>
    public static IReadOnlyList<CorpusPage> Pages()
    {
        SharedData.Require();
        return Loaded.Value;
    }

    static IReadOnlyList<CorpusPage> Load()
    {
        var dir = Path.Combine(SharedData.Root!, "corpus", "dev");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        return manifest.RootElement.EnumerateArray().Select(entry =>
        {
            var id = entry.GetProperty("id").GetString()!;
            // The scorer sends pages without a URL as https://example.org/article, and links against links_base_url.
            var url = entry.TryGetProperty("links_base_url", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()!
                : entry.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()!
                : $"https://example.org/article";
            return new CorpusPage(id, url, Path.Combine(dir, id, "page.html"), entry.Clone());
        }).ToList();
    }
}
