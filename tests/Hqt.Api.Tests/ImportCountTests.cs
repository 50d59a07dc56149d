using System.Text;
using Hqt.Api.Tests.Lookups;

namespace Hqt.Api.Tests;

/// <summary>
/// An import's "added" and "merged" come from each work's own insert (issue 17): two imports of one reader with
/// overlapping entries, uploaded at once and stored in small batches while the same reader's captures write the graph
/// too, count every work added exactly once between them and every other entry merged.
/// </summary>
public class ImportCountTests(ImportCountTests.SmallBatchFactory factory) : IClassFixture<ImportCountTests.SmallBatchFactory>
{
    public sealed class SmallBatchFactory : HqtApiFactory
    {
        // Small batches: many transactions of the two jobs, interleaved with the captures' own.
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Hqt:Imports:BatchSize", "3")];
    }

    [Fact]
    public async Task TwoConcurrentImportsOfOverlappingEntriesCountEachNewWorkAddedOnceAndTheRestMerged()
    {
        var token = "import-count-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("reader", token, null, default);
        using var client = factory.CreateClient(token);
        // Already in the graph: ten works a capture cites.
        var known = Enumerable.Range(0, 10).Select(i => $"10.7777/known.{i}").ToArray();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://reader.example/known",
            Fixtures.Page("What I read before", "Some Writer", 2020, known.Select(d => "https://doi.org/" + d).ToArray())))).StatusCode);

        // A: five known, the twenty both files share, ten of its own; B: the other five known, the shared, ten of its own.
        var shared = Enumerable.Range(0, 20).Select(i => $"10.7777/shared.{i}").ToArray();
        var first = BibTex("a", known[..5].Concat(shared).Concat(Enumerable.Range(0, 10).Select(i => $"10.7777/only-a.{i}")));
        var second = BibTex("b", known[5..].Concat(shared.Reverse()).Concat(Enumerable.Range(0, 10).Select(i => $"10.7777/only-b.{i}")));
        var uploads = new[] { first, second }.Select(async file =>
            (await (await client.PostAsync("/api/imports", new StringContent(file, Encoding.UTF8, "application/x-bibtex"))).Content.ReadFromJsonAsync<ImportJobDto>())!);
        // Meanwhile the same reader's captures write new works of their own into the graph.
        var captures = Enumerable.Range(0, 8).Select(i => client.PostAsJsonAsync("/api/captures", TestPages.Capture($"https://reader.example/meanwhile-{i}",
            Fixtures.Page($"Read meanwhile {i}", "Some Writer", 2021, $"https://doi.org/10.7777/meanwhile.{i}", $"https://doi.org/10.7777/meanwhile.{i}.b"))));
        var jobs = await Task.WhenAll(uploads);
        Assert.All(await Task.WhenAll(captures), c => Assert.Equal(HttpStatusCode.Created, c.StatusCode));
        var done = await Task.WhenAll(jobs.Select(j => ImportFiles.WaitAsync(client, j.Id, x => x.State is "done" or "failed", TimeSpan.FromSeconds(60))));

        Assert.All(done, j => Assert.Equal("done", j.State));
        Assert.All(done, j => Assert.Equal(35, j.Processed));
        // 20 shared + 10 + 10 of their own are new works, each added once; the ten known and the shared twenty's second sighting merged.
        Assert.Equal(40, done.Sum(j => j.Added));
        Assert.Equal(30, done.Sum(j => j.Merged));
        Assert.All(done, j => Assert.InRange(j.Added, 10, 30));
        var merged = done.SelectMany(j => j.Items!).Where(i => i.Outcome == "merged").ToList();
        Assert.Equal(30, merged.Count);
        Assert.All(merged, i => Assert.Contains("already in your graph", i.Reason));
        // Each merged entry met a different work: no work was counted as merged twice, nor as added by both.
        Assert.Equal(30, merged.Select(i => i.WorkId).Distinct().Count());
    }

    static string BibTex(string prefix, IEnumerable<string> dois)
    {
        var text = new StringBuilder();
        foreach (var (doi, i) in dois.Select((d, i) => (d, i)))
            text.Append($"@article{{{prefix}{i},\n  title = {{Work registered as {doi}}},\n  author = {{Writer, Ann}},\n  year = {{2001}},\n  doi = {{{doi}}},\n}}\n");
        return text.ToString();
    }
}
