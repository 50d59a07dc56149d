using System.Text.Json;

namespace Hqt.Upstream.Tests;

/// <summary>One line of ../shared/eval/suggest/scenarios-*.jsonl: the request as a graph, and its truth.</summary>
public sealed record EvalScenario(string Id, string Topic, ReaderGraph Graph, int Limit, EvalTruth Truth);

public sealed record EvalRoot(string Id, double Gain, int? Hops);

public sealed record EvalTruth(IReadOnlyList<EvalRoot> Roots, IReadOnlyList<string> RootAuthors, IReadOnlySet<string> SeedIds);

/// <summary>Reads the scenarios the way the harness sends them: "capture" drops the lookup works, "lookup" keeps them.</summary>
public static class EvalScenarios
{
    public static IEnumerable<EvalScenario> Load(string path, string track)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var request = root.GetProperty("request");
            yield return new EvalScenario(
                root.GetProperty("scenario_id").GetString()!,
                root.GetProperty("truth").GetProperty("topic").GetString()!,
                ToGraph(request, track == "lookup"),
                request.TryGetProperty("limit", out var limit) ? limit.GetInt32() : 50,
                ToTruth(root.GetProperty("truth")));
        }
    }

    static ReaderGraph ToGraph(JsonElement request, bool withLookup)
    {
        var captures = new List<WorkNode>();
        var works = new Dictionary<string, WorkNode>(StringComparer.Ordinal);
        foreach (var capture in request.GetProperty("captures").EnumerateArray())
        {
            var references = capture.GetProperty("references").EnumerateArray().ToList();
            captures.Add(Node(capture, references.Select(r => r.GetProperty("id").GetString()!).ToList()));
            foreach (var reference in references)
                works.TryAdd(reference.GetProperty("id").GetString()!, Node(reference, null));
        }
        if (withLookup && request.TryGetProperty("lookup", out var lookup))
            foreach (var work in lookup.GetProperty("works").EnumerateArray())
            {
                var references = work.TryGetProperty("references", out var r) && r.ValueKind == JsonValueKind.Array
                    ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : null;
                works[work.GetProperty("id").GetString()!] = Node(work, references);
            }
        return new ReaderGraph(captures, works.Values.ToList());
    }

    static WorkNode Node(JsonElement e, IReadOnlyList<string>? references) => new(
        e.GetProperty("id").GetString()!,
        e.TryGetProperty("title", out var t) ? t.GetString() : null,
        e.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
        e.TryGetProperty("authors", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
        references,
        e.TryGetProperty("cited_by_count", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null);

    static EvalTruth ToTruth(JsonElement truth) => new(
        truth.GetProperty("roots").EnumerateArray().Select(r => new EvalRoot(
            r.GetProperty("id").GetString()!,
            r.GetProperty("gain").GetDouble(),
            r.GetProperty("hops").ValueKind == JsonValueKind.Number ? r.GetProperty("hops").GetInt32() : null)).ToList(),
        truth.TryGetProperty("root_authors", out var ra) ? ra.EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList() : [],
        truth.GetProperty("seed_ids").EnumerateArray().Select(s => s.GetString()!).ToHashSet(StringComparer.Ordinal));
}
