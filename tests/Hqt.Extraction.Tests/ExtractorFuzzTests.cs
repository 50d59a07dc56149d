using Hqt.Extraction.Tests.Corpus;
using Hqt.Extraction.Tests.Fuzz;

namespace Hqt.Extraction.Tests;

/// <summary>
/// Damaged real pages (cut, duplicated, nested deep, bytes swapped, stray markup: <see cref="PageMutator"/>)
/// never make the extractor throw, and what it returns is still well formed. A fixed seed and a modest count
/// keep CI fast and repeatable; bench/run-all.sh runs 10,000 mutations and reports the slowest page
/// (dotnet bench/Hqt.Bench.Throughput/bin/Release/net10.0/Hqt.Bench.Throughput.dll --fuzz 10000).
/// </summary>
public class ExtractorFuzzTests
{
    const int Seed = 20261128; // the bench's default seed: mutation i here is mutation i there
    const int Mutations = 60;

    [SkippableFact]
    public void MutatedCorpusPagesNeverThrowAndStayWellFormed()
    {
        var pages = DevCorpus.Pages();
        var failures = new List<string>();
        for (var i = 0; i < Mutations; i++)
        {
            var page = pages[i % pages.Count];
            var (html, mutation) = PageMutator.Mutate(page.ReadHtml(), new Random(Seed + i));
            try
            {
                var extract = PageExtractor.Extract(html, page.Url);
                if (string.IsNullOrEmpty(extract.CanonicalUrl)) failures.Add($"#{i} {page.Id} [{mutation}]: no canonical URL");
                if (extract.Authors.Any(a => string.IsNullOrWhiteSpace(a.Name))) failures.Add($"#{i} {page.Id} [{mutation}]: a blank author name");
            }
            catch (Exception e)
            {
                failures.Add($"#{i} {page.Id} [{mutation}]: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryKindOfMutationSurvivesOnASmallPage()
    {
        // Independent of ../shared, so CI without the corpus still exercises each mutation at least a few times.
        const string page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Small page</title>
            <meta name="author" content="Ada Example"><link rel="canonical" href="https://small.example/post">
            <script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Ada Example"}}</script></head>
            <body><article><h1>Small page</h1><p>See <a href="https://doi.org/10.1000/xyz">a paper</a> and
            <cite>Another Work</cite>.</p><ol class="references"><li>B. Author. A cited work. 2020.</li></ol></article></body></html>
            """;
        var random = new Random(Seed);
        foreach (var kind in Enum.GetValues<PageMutator.Kind>())
            for (var i = 0; i < 5; i++)
            {
                var html = PageMutator.Apply(kind, page, random, out var what);
                var extract = PageExtractor.Extract(html, "https://small.example/post");
                Assert.False(string.IsNullOrEmpty(extract.CanonicalUrl), what);
            }
    }

    [Fact]
    public void TheSameSeedMakesTheSameMutation()
    {
        const string page = "<html><head><title>t</title></head><body><p>one two three four five six</p></body></html>";

        var first = PageMutator.Mutate(page, new Random(42));
        var second = PageMutator.Mutate(page, new Random(42));

        Assert.Equal(first, second);
    }
}
