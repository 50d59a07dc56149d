using System.Text.Json;

namespace Hqt.Extraction.Parsing;

/// <summary>The page's JSON-LD blocks as schema.org nodes: top-level objects, array items and <c>@graph</c> members, with an <c>@id</c> index.</summary>
public sealed class JsonLd
{
    static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    readonly Dictionary<string, JsonElement> _byId = new(StringComparer.Ordinal);

    /// <summary>The nodes a page states about itself, in document order.</summary>
    public List<JsonElement> Nodes { get; } = [];

    public static JsonLd Parse(IEnumerable<string> blocks)
    {
        var jsonLd = new JsonLd();
        foreach (var block in blocks)
            if (TryParse(block) is { } root) jsonLd.Add(root);
        return jsonLd;
    }

    static JsonElement? TryParse(string block)
    {
        var text = block.Trim();
        if (text.StartsWith("<!--", StringComparison.Ordinal)) text = text[4..];
        if (text.EndsWith("-->", StringComparison.Ordinal)) text = text[..^3];
        text = text.Replace("//<![CDATA[", "").Replace("//]]>", "").Replace("<![CDATA[", "").Replace("]]>", "").Trim().TrimEnd(';');
        if (text.Length == 0) return null;
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // CMSes often print raw line breaks and tabs inside strings; JSON forbids them, browsers' consumers shrug.
            try
            {
                using var document = JsonDocument.Parse(EscapeControlCharacters(text), Options);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    static string EscapeControlCharacters(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text) builder.Append(c < ' ' ? ' ' : c);
        return builder.ToString();
    }

    void Add(JsonElement root)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        var count = 0;
        while (pending.Count > 0 && count++ < 10_000)
        {
            var node = pending.Pop();
            if (node.ValueKind == JsonValueKind.Array)
            {
                for (var i = node.GetArrayLength() - 1; i >= 0; i--) pending.Push(node[i]);
                continue;
            }
            if (node.ValueKind != JsonValueKind.Object) continue;
            if (node.TryGetProperty("@graph", out var graph))
            {
                pending.Push(graph);
                continue;
            }
            Nodes.Add(node);
            Index(node);
        }
    }

    /// <summary>Indexes every object with an <c>@id</c> and more than a reference's worth of properties, however deep.</summary>
    void Index(JsonElement node)
    {
        var pending = new Stack<(JsonElement Element, int Depth)>();
        pending.Push((node, 0));
        while (pending.Count > 0)
        {
            var (element, depth) = pending.Pop();
            if (depth > 16) continue;
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) pending.Push((item, depth + 1));
                continue;
            }
            if (element.ValueKind != JsonValueKind.Object) continue;
            if (Text(element, "@id") is { } id && element.EnumerateObject().Count() > 1) _byId.TryAdd(id, element);
            foreach (var property in element.EnumerateObject())
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) pending.Push((property.Value, depth + 1));
        }
    }

    /// <summary>A node as written, or the fuller node its <c>@id</c> points at when it is only a reference.</summary>
    public JsonElement Resolve(JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.Object && Text(node, "@id") is { } id && _byId.TryGetValue(id, out var full)) return full;
        return node;
    }

    /// <summary>A string property, or the first string of an array property.</summary>
    public static string? Text(JsonElement node, string name)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Array)
            value = value.EnumerateArray().FirstOrDefault(v => v.ValueKind == JsonValueKind.String);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Whether the node's <c>@type</c> (string or array) ends with any of the given names.</summary>
    public static bool IsType(JsonElement node, params string[] types)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.String) return Matches(type.GetString());
        return type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && Matches(t.GetString()));

        bool Matches(string? value) => value is not null && types.Any(t => value.EndsWith(t, StringComparison.OrdinalIgnoreCase));
    }
}
