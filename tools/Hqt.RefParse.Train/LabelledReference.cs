using System.Text.Json;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.RefParse.Train;

/// <summary>
/// One line of ../shared/eval/refparse/dev.jsonl: the reference text as training reads it
/// (<see cref="ReferenceParser.PrepareAsLabelled"/>: as written, the gold fields' spacing) and its gold fields.
/// </summary>
sealed record LabelledReference(string Id, string Split, string Text, Gold Gold)
{
    public static List<LabelledReference> ReadAll(string path)
    {
        var items = new List<LabelledReference>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var g = root.GetProperty("gold");
            string? S(string name) => g.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            List<string> L(string name) => g.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
            int? year = g.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null;
            var gold = new Gold(L("authors"), L("editors"), S("title"), year, S("container"), S("volume"), S("issue"), S("pages"),
                S("publisher"), S("location"), S("doi"), S("url"), S("isbn"));
            items.Add(new LabelledReference(root.GetProperty("id").GetString()!, root.GetProperty("split").GetString()!, ReferenceParser.PrepareAsLabelled(root.GetProperty("text").GetString()!), gold));
        }
        return items;
    }
}

sealed record Gold(List<string> Authors, List<string> Editors, string? Title, int? Year, string? Container, string? Volume, string? Issue,
    string? Pages, string? Publisher, string? Location, string? Doi, string? Url, string? Isbn);
