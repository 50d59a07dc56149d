using System.Text.Json;
using AngleSharp.Dom;
using Hqt.Extraction.Identity;

namespace Hqt.Extraction.References;

/// <summary>schema.org <c>citation</c> in JSON-LD: a string, a CreativeWork, or an array of either, at any depth.</summary>
static class JsonLdReferences
{
    public static void Read(IEnumerable<IElement> scripts, ReferenceSet into)
    {
        foreach (var script in scripts)
        {
            var json = script.TextContent;
            if (json.IndexOf("\"citation\"", StringComparison.Ordinal) < 0) continue;
            try
            {
                using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                Walk(document.RootElement, into);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the page's other signals still count.
            }
        }
    }

    static void Walk(JsonElement root, ReferenceSet into)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray()) stack.Push(item);
                continue;
            }
            if (node.ValueKind != JsonValueKind.Object) continue;
            foreach (var property in node.EnumerateObject())
            {
                if (property.NameEquals("citation"))
                {
                    if (property.Value.ValueKind == JsonValueKind.Array)
                        foreach (var item in property.Value.EnumerateArray()) AddCitation(item, into);
                    else AddCitation(property.Value, into);
                }
                else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) stack.Push(property.Value);
            }
        }
    }

    static void AddCitation(JsonElement citation, ReferenceSet into)
    {
        var draft = new ReferenceDraft(ReferenceSignals.JsonLd) { Kind = ReferenceKinds.Paper };
        if (citation.ValueKind == JsonValueKind.String)
        {
            var text = citation.GetString()!;
            if (UrlCanonicalizer.Canonicalize(text) is { } url && !text.Contains(' ')) { draft.Url = url; IdentifierText.FillFromUrl(draft, url); }
            else { CitationText.Fill(draft, text); IdentifierText.Fill(draft, text); }
            into.Add(draft);
            return;
        }
        if (citation.ValueKind != JsonValueKind.Object) return;
        draft.Title = CitationText.Clean(String(citation, "name") ?? String(citation, "headline") ?? String(citation, "alternativeHeadline"));
        draft.Year = CitationText.YearOf(String(citation, "datePublished") ?? String(citation, "dateCreated") ?? String(citation, "copyrightYear"));
        if (String(citation, "@type") is "Book") draft.Kind = ReferenceKinds.Book;
        draft.Isbn = Isbn.ToIsbn13(String(citation, "isbn"));
        if (citation.TryGetProperty("author", out var authors))
        {
            foreach (var author in authors.ValueKind == JsonValueKind.Array ? authors.EnumerateArray().ToArray() : [authors])
                MetadataAuthors.AddTo(draft, author.ValueKind == JsonValueKind.String ? author.GetString() : String(author, "name") ?? NameParts(author));
        }
        Venue(citation, draft);
        foreach (var field in new[] { "url", "@id", "sameAs", "identifier", "doi" })
        {
            if (!citation.TryGetProperty(field, out var value)) continue;
            foreach (var item in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value])
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString() : String(item, "value") ?? String(item, "@id");
                if (string.IsNullOrWhiteSpace(text)) continue;
                draft.Doi ??= Doi.Normalize(text);
                if (UrlCanonicalizer.Canonicalize(text) is { } url) { draft.Url ??= url; IdentifierText.FillFromUrl(draft, url); }
            }
        }
        into.Add(draft);
    }

    static string? NameParts(JsonElement person) =>
        String(person, "familyName") is { Length: > 0 } family ? (String(person, "givenName") is { Length: > 0 } given ? $"{family}, {given}" : family) : null;

    /// <summary>
    /// Where the cited work appeared: schema.org nests it as <c>isPartOf</c> (an issue, in a volume, in a periodical or a
    /// book), with the pages on the work. A citation without a <c>name</c> is then still a work known by its place.
    /// </summary>
    static void Venue(JsonElement citation, ReferenceDraft draft)
    {
        draft.Volume ??= String(citation, "volumeNumber");
        draft.Issue ??= String(citation, "issueNumber");
        var part = citation;
        for (var depth = 0; depth < 4 && part.ValueKind == JsonValueKind.Object && part.TryGetProperty("isPartOf", out var parent); depth++)
        {
            part = parent.ValueKind == JsonValueKind.Array && parent.GetArrayLength() > 0 ? parent[0] : parent;
            if (part.ValueKind == JsonValueKind.String) { draft.Container ??= Plain(part.GetString()); break; }
            switch (String(part, "@type"))
            {
                case "PublicationIssue": draft.Issue ??= String(part, "issueNumber"); break;
                case "PublicationVolume": draft.Volume ??= String(part, "volumeNumber"); break;
                default: draft.Container ??= Plain(String(part, "name") ?? String(part, "headline")); break;
            }
        }
        var start = String(citation, "pageStart");
        var end = String(citation, "pageEnd");
        draft.Pages ??= String(citation, "pagination") ?? (start is null ? null : end is null || end == start ? start : $"{start}-{end}");
    }

    static string? Plain(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Length > 300 ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
                _ => null,
            }
            : null;
}
