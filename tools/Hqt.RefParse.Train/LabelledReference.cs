using System.Text.Json;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.RefParse.Train;

/// <summary>
/// One line of ../shared/eval/refparse/dev.jsonl: the reference text as the parser reads it
/// (<see cref="ReferenceParser.Prepare"/>) and its gold fields.
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
            var text = root.GetProperty("text").GetString()!;
            // The gold fields spaced as Prepare spaces the text (PDF spacing mended: "Phys .Rev .C" → "Phys. Rev. C"), so
            // that they align with it; a Chinese or Japanese string is spaced another way, and its fields are aligned as written.
            var cjk = CjkText.HasHanOrKana(text);
            string? Spaced(string? field) => field is null || cjk ? field : ReferenceParser.WithoutStraySpaces(field);
            string? S(string name) => g.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Spaced(v.GetString()) : null;
            List<string> L(string name) => g.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Select(x => Spaced(x.GetString()) ?? "").ToList() : [];
            int? year = g.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null;
            var gold = new Gold(L("authors"), L("editors"), S("title"), year, S("container"), S("volume"), S("issue"), S("pages"),
                S("publisher"), S("location"), S("doi"), S("url"), S("isbn"));
            items.Add(new LabelledReference(root.GetProperty("id").GetString()!, root.GetProperty("split").GetString()!, ReferenceParser.Prepare(text), gold));
        }
        return items;
    }
}

sealed record Gold(List<string> Authors, List<string> Editors, string? Title, int? Year, string? Container, string? Volume, string? Issue,
    string? Pages, string? Publisher, string? Location, string? Doi, string? Url, string? Isbn);
