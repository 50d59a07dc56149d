using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Hqt.Bench.Library;

/// <summary>
/// The library page's server side on the generated library: GET /api/captures search (words, site, author),
/// GET /api/graph?limit=500, and a BibTeX import timed from upload to every work stored.
/// </summary>
static class LibraryPageBench
{
    public static async Task SearchAndGraphAsync(HttpClient http, int captures, int requests)
    {
        // Queries of the kinds a reader types: a title word and number, a prefix, a site, an author, a word and a site.
        string[] queries =
        [
            "q=post%20{0}", "q=work%20{0}", "q=argue", "site=writers.example&q=post%20{0}", "author=writer%20{1}", "q=see&site=writers.example",
        ];
        var times = new List<double>();
        var hits = 0;
        var random = new Random(18);
        for (var i = 0; i < requests; i++)
        {
            var query = string.Format(queries[i % queries.Length], random.Next(captures), random.Next(2000));
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/api/captures?limit=50&{query}");
            var body = await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(body);
            hits += json.RootElement.GetProperty("items").GetArrayLength();
        }
        times.Sort();

        var graph = new List<double>();
        int nodes = 0, edges = 0;
        for (var i = 0; i < 21; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync("/api/graph?limit=500");
            var body = await response.Content.ReadAsByteArrayAsync();
            graph.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(body);
            (nodes, edges) = (json.RootElement.GetProperty("nodes").GetArrayLength(), json.RootElement.GetProperty("edges").GetArrayLength());
        }
        var first = graph[0];
        graph.RemoveAt(0);
        graph.Sort();

        Console.WriteLine();
        Console.WriteLine($"| Library page API ({captures} captures) | value |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine($"| GET /api/captures search, p50 over {requests} (words, prefix, site, author; limit 50) | {P(times, 0.50):F1} ms |");
        Console.WriteLine($"| same, p95 | {P(times, 0.95):F1} ms |");
        Console.WriteLine($"| same, max | {times[^1]:F1} ms |");
        Console.WriteLine($"| results returned, mean a query | {hits / (double)requests:F1} |");
        Console.WriteLine($"| GET /api/graph?limit=500, first | {first:F1} ms ({nodes} nodes, {edges} edges) |");
        Console.WriteLine($"| same, p50 / p95 of 20 more | {P(graph, 0.50):F1} / {P(graph, 0.95):F1} ms |");
    }

    public static async Task ImportAsync(HttpClient http, int entries)
    {
        var file = new StringBuilder();
        for (var i = 0; i < entries; i++)
        {
            file.Append($"@article{{bench{i},\n  title = {{A benchmark study of topic {i} in {i % 97} parts}},\n  author = {{Writer{i % 400}, Ann and Coauthor{i % 50}, Bo}},\n  year = {{{1950 + i % 70}}},\n");
            if (i % 3 == 0) file.Append($"  doi = {{10.5555/bench.{i}}},\n");
            file.Append("}\n");
        }
        var watch = Stopwatch.StartNew();
        using var started = await http.PostAsync("/api/imports?name=bench.bib", new StringContent(file.ToString()));
        started.EnsureSuccessStatusCode();
        var accepted = watch.Elapsed.TotalMilliseconds;
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        JsonElement job;
        while (true)
        {
            job = await http.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
            if (job.GetProperty("state").GetString() is "done" or "failed") break;
            await Task.Delay(25);
        }
        var stored = watch.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"| BibTeX import ({entries} entries, {file.Length / 1024} KB) | value |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine($"| upload answered (parsed, job stored) | {accepted:F0} ms |");
        Console.WriteLine($"| upload to every work stored (state {job.GetProperty("state").GetString()}) | {stored:F2} s |");
        Console.WriteLine($"| added / merged / skipped | {job.GetProperty("added")} / {job.GetProperty("merged")} / {job.GetProperty("skipped")} |");
    }

    static double P(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
