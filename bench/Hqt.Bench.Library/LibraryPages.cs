using System.Text;

namespace Hqt.Bench.Library;

/// <summary>
/// The generated reader's pages. References follow a Zipf-like law over a pool of works, so a few classics are
/// cited by many captures and most works once; every 10th reference carries a DOI; 2,000 writers.
/// </summary>
sealed class LibraryPages(int captures, int refsPerCapture, int seed = 42)
{
    readonly Random _random = new(seed);
    readonly int _pool = Math.Max(2, captures * refsPerCapture / 2);

    public int[] NextCitations()
    {
        lock (_random) return Enumerable.Range(0, refsPerCapture).Select(_ => Zipf(_random, _pool)).ToArray();
    }

    public static string Url(int i) => $"https://writers.example/{i % 2000}/post-{i}";

    public static string Page(int i, int[] cited)
    {
        var html = new StringBuilder($"<html><head><title>Post {i}</title><meta name=\"author\" content=\"Writer {i % 2000}\"></head><body><article><h1>Post {i}</h1>");
        foreach (var w in cited)
            html.Append(w % 10 == 0
                ? $"<p>See <a href=\"https://doi.org/10.5555/work.{w}\">work {w}</a> on this.</p>"
                : $"<p>As <a href=\"https://works.example/w/{w}\">work {w}</a> argued.</p>");
        return html.Append("</article></body></html>").ToString();
    }

    static int Zipf(Random random, int n) => (int)Math.Min(n - 1, Math.Floor(Math.Pow(n, random.NextDouble())));
}
