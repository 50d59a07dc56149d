using System.Text.Json;

namespace Hqt.Extraction.Imports;

/// <summary>CSL-JSON (Zotero's "Better CSL JSON", citeproc, pandoc): an array of items, or one item.</summary>
public static class CslJsonImport
{
    public static IReadOnlyList<ImportEntry> Read(string text)
    {
        using var document = ParseOrThrow(text);
        var root = document.RootElement;
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object when root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array => list.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => throw new ImportFormatException("CSL-JSON is an array of items (or one item)."),
        };
        var read = new List<ImportEntry>(items.Count);
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                read.Add(new ImportEntry(read.Count, ReferenceKinds.Paper, null, [], null, null, null, null, null, null, null, Skip: "The item is not a JSON object."));
                continue;
            }
            string? Text(string name) => item.TryGetProperty(name, out var v) ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            } : null;
            var kind = Text("type") switch
            {
                "book" => ReferenceKinds.Book,
                "chapter" => ReferenceKinds.Chapter,
                "thesis" => ReferenceKinds.Thesis,
                "report" => ReferenceKinds.Report,
                "webpage" or "post" or "post-weblog" => ReferenceKinds.WebPage,
                null or "document" => null,
                _ => ReferenceKinds.Paper,
            };
            read.Add(ImportEntries.Make(read.Count, kind, Text("title"), Names(item, "author").Concat(Names(item, "editor").Take(0)),
                Year(item), Text("DOI"), null, Text("ISBN"), Text("PMID"), Text("URL"), Text("id") ?? Text("citation-key")));
        }
        return read;
    }

    static JsonDocument ParseOrThrow(string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ImportFormatException($"The file is not valid JSON: {e.Message}");
        }
    }

    static IEnumerable<string> Names(JsonElement item, string role)
    {
        if (!item.TryGetProperty(role, out var people) || people.ValueKind != JsonValueKind.Array) yield break;
        foreach (var person in people.EnumerateArray())
        {
            if (person.ValueKind != JsonValueKind.Object) continue;
            string? Part(string name) => person.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (Part("literal") is { } literal) yield return literal;
            else if (Part("family") is { } family) yield return Part("given") is { } given ? $"{given} {family}" : family;
        }
    }

    static int? Year(JsonElement item)
    {
        foreach (var name in new[] { "issued", "original-date", "accessed" })
        {
            if (!item.TryGetProperty(name, out var date) || date.ValueKind != JsonValueKind.Object) continue;
            if (date.TryGetProperty("date-parts", out var parts) && parts.ValueKind == JsonValueKind.Array && parts.GetArrayLength() > 0
                && parts[0].ValueKind == JsonValueKind.Array && parts[0].GetArrayLength() > 0)
            {
                var y = parts[0][0];
                if (y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var year)) return year;
                if (y.ValueKind == JsonValueKind.String && int.TryParse(y.GetString(), out year)) return year;
            }
            if (date.TryGetProperty("raw", out var raw) && raw.ValueKind == JsonValueKind.String) return ImportEntries.YearIn(raw.GetString());
            if (name == "issued") break;
        }
        return null;
    }
}
