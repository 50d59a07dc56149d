using System.Text.Json;
using System.Text.RegularExpressions;
using Hqt.Extraction.Metadata;
using Hqt.Extraction.Parsing;
using Hqt.Extraction.Text;

namespace Hqt.Extraction.Authors;

/// <summary>Authors the page states for machines: Highwire and Dublin Core metas, author metas, JSON-LD, article front matter.</summary>
public static partial class StructuredAuthorSources
{
    static readonly string[] MetaAuthorKeys =
    [
        "author", "article:author", "og:article:author", "book:author", "byl", "parsely-author", "sailthru.author", "dc.author",
        "dcsext.author", "clmst", "rbauthors", "og:author", "twitter:data1:author", "cxenseparse:author", "author_name", "article.author",
    ];

    static readonly string[] DublinCoreKeys = ["dc.creator", "dcterms.creator", "dc.creator.personalname", "dc.contributor.author", "eprints.creators_name", "bepress_citation_author", "prism.author"];

    public static void Collect(PageDocument page, List<AuthorSighting> sightings)
    {
        var scan = page.Scan;
        var profileUrls = new List<string>();
        foreach (var (key, value) in scan.Metas)
        {
            if (key is "citation_author") sightings.Add(new(OnePerson(value), null, null, AuthorSignals.CitationAuthor));
            else if (key is "citation_authors") foreach (var name in value.Split(';')) sightings.Add(new(OnePerson(name), null, null, AuthorSignals.CitationAuthor));
            else if (DublinCoreKeys.Contains(key)) sightings.Add(new(OnePerson(value), null, null, AuthorSignals.DublinCore));
            else if (MetaAuthorKeys.Contains(key) || IsAuthorKey(key))
            {
                if (page.ResolveHttpUrl(value) is { } url && LooksLikeUrl(value)) profileUrls.Add(url);
                else sightings.Add(new(value, null, null, AuthorSignals.MetaAuthor));
            }
            else if (key is "parsely-page" or "parsely-metadata") ParselyJson(value, sightings);
        }
        // article:author often holds profile URLs only ("https://www.nytimes.com/by/al-baker"): keep them as URLs for the names found elsewhere.
        foreach (var url in profileUrls) sightings.Add(new("", url, null, AuthorSignals.MetaAuthor));
        JsonLdAuthors(page, sightings);
        foreach (var block in scan.FrontMatter) FrontMatterAuthors(page, block, sightings);
    }

    /// <summary>Namespaced author metas ("article:author_name", "og:book:author", "weibo:article:creator"), not Twitter's handles.</summary>
    static bool IsAuthorKey(string key) => !key.StartsWith("twitter:", StringComparison.Ordinal) && AuthorKey().IsMatch(key);

    [GeneratedRegex(@"^(?:[\w-]+[:.])+(?:author|authors|author_name|author-name|creator)$")]
    private static partial Regex AuthorKey();

    /// <summary>
    /// A creator meta names one person, "Family, Given" by convention: read it so before list splitting can take a family
    /// name of several words ("Schäfer Aguilar, Paloma") for a person of its own. Anything else is left as written.
    /// </summary>
    static string OnePerson(string value)
    {
        var parts = value.Split(',');
        if (parts.Length != 2 || value.Any(char.IsDigit) || value.Contains(';')) return value;
        var (family, given) = (parts[0].Trim(), parts[1].Trim());
        var familyWords = family.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var givenWords = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (familyWords.Length is 0 or > 3 || givenWords.Length is 0 or > 3) return value;
        if (AuthorNames.IsRole(given) || AuthorNames.IsOrganization(family) || AuthorNames.IsOrganization(given)) return value;
        return givenWords.All(w => char.IsUpper(w[0])) && familyWords.All(w => char.IsUpper(w[0]) || w is "de" or "van" or "von" or "der" or "da" or "del" or "la" or "le")
            ? $"{given} {family}" : value;
    }

    static bool LooksLikeUrl(string value) => value.Contains("://", StringComparison.Ordinal) || value.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || value.StartsWith('/');

    static void ParselyJson(string value, List<AuthorSighting> sightings)
    {
        try
        {
            using var json = JsonDocument.Parse(value);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return;
            foreach (var key in new[] { "author", "authors" })
                if (json.RootElement.TryGetProperty(key, out var author))
                    foreach (var name in Strings(author)) sightings.Add(new(name, null, null, AuthorSignals.MetaAuthor));
        }
        catch (JsonException)
        {
        }
    }

    static IEnumerable<string> Strings(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String) yield return element.GetString()!;
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray())
                if (item.ValueKind == JsonValueKind.String) yield return item.GetString()!;
    }

    /// <summary>schema.org author/creator of the page's own nodes (not of comments, reviews or listed items), resolving @id references.</summary>
    static void JsonLdAuthors(PageDocument page, List<AuthorSighting> sightings)
    {
        var jsonLd = page.JsonLd;
        var nodes = new List<JsonElement>();
        if (MetadataExtractor.ArticleNode(jsonLd) is { } article) nodes.Add(article);
        foreach (var node in jsonLd.Nodes)
            if (!JsonLd.IsType(node, "Comment", "Review", "Answer", "Question", "Rating", "WebSite", "Organization", "Person", "BreadcrumbList", "ItemList", "Product", "Event", "Offer"))
                nodes.Add(node);
        var seen = new HashSet<string>();
        foreach (var node in nodes)
        {
            foreach (var (property, signal) in new[] { ("author", AuthorSignals.JsonLd), ("creator", AuthorSignals.JsonLd), ("contributor", AuthorSignals.JsonLdContributor) })
            {
                if (!node.TryGetProperty(property, out var value)) continue;
                foreach (var person in Items(value))
                {
                    var sighting = Person(jsonLd.Resolve(person), signal);
                    if (sighting is not null && seen.Add(sighting.Signal + "\n" + sighting.Text)) sightings.Add(sighting);
                }
            }
        }
    }

    static IEnumerable<JsonElement> Items(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array) { yield return value; yield break; }
        foreach (var item in value.EnumerateArray())
            if (item.ValueKind == JsonValueKind.Array) foreach (var inner in item.EnumerateArray()) yield return inner;
            else yield return item;
    }

    static AuthorSighting? Person(JsonElement person, string signal)
    {
        if (person.ValueKind == JsonValueKind.String) return new(person.GetString()!, null, null, signal);
        if (person.ValueKind != JsonValueKind.Object) return null;
        var name = JsonLd.Text(person, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            var given = JsonLd.Text(person, "givenName");
            var family = JsonLd.Text(person, "familyName");
            name = string.Join(' ', new[] { given, JsonLd.Text(person, "additionalName"), family }.Where(p => !string.IsNullOrWhiteSpace(p)));
        }
        if (string.IsNullOrWhiteSpace(name)) return null;
        var url = JsonLd.Text(person, "url") ?? JsonLd.Text(person, "sameAs") ?? (JsonLd.Text(person, "@id") is { } id && id.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !id.Contains('#') ? id : null);
        bool? isOrganization = JsonLd.IsType(person, "Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization", "EducationalOrganization", "NGO", "LocalBusiness") ? true
            : JsonLd.IsType(person, "Person") ? false : null;
        return new(name, url, isOrganization, signal);
    }

    /// <summary>Article front matter, JSON (distill's d-front-matter) or YAML (text/front-matter): <c>authors</c> as names, "Name: url" pairs or objects.</summary>
    static void FrontMatterAuthors(PageDocument page, string block, List<AuthorSighting> sightings)
    {
        var text = block.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (var key in new[] { "authors", "author" })
                    if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(key, out var authors))
                        foreach (var item in Items(authors)) FrontMatterAuthor(page, item, sightings);
            }
            catch (JsonException)
            {
            }
            return;
        }
        var authorsIndent = -1;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            var indent = line.Length - line.TrimStart().Length;
            if (authorsIndent >= 0 && (indent > authorsIndent || (indent == authorsIndent && trimmed.StartsWith('-'))))
            {
                if (trimmed.StartsWith('-')) YamlAuthor(page, trimmed[1..].Trim(), sightings);
                continue;
            }
            authorsIndent = -1;
            if (trimmed.StartsWith('-') || YamlKey().Match(trimmed) is not { Success: true } keyMatch) continue;
            if (keyMatch.Groups[1].Value.ToLowerInvariant() is not ("authors" or "author")) continue;
            var inline = keyMatch.Groups[2].Value.Trim().Trim('"', '\'');
            if (inline.Length > 0) sightings.Add(new(inline, null, null, AuthorSignals.FrontMatter));
            else authorsIndent = indent;
        }
    }

    static void YamlAuthor(PageDocument page, string entry, List<AuthorSighting> sightings)
    {
        var pair = YamlPair().Match(entry);
        if (!pair.Success) sightings.Add(new(entry.Trim('"', '\''), null, null, AuthorSignals.FrontMatter));
        else if (pair.Groups[1].Value.Trim().Equals("name", StringComparison.OrdinalIgnoreCase))
            sightings.Add(new(pair.Groups[2].Value.Trim().Trim('"', '\''), null, null, AuthorSignals.FrontMatter));
        else sightings.Add(new(pair.Groups[1].Value.Trim().Trim('"', '\''), page.ResolveHttpUrl(pair.Groups[2].Value.Trim()), null, AuthorSignals.FrontMatter));
    }

    static void FrontMatterAuthor(PageDocument page, JsonElement item, List<AuthorSighting> sightings)
    {
        if (item.ValueKind == JsonValueKind.String) sightings.Add(new(item.GetString()!, null, null, AuthorSignals.FrontMatter));
        else if (item.ValueKind == JsonValueKind.Object)
        {
            var name = JsonLd.Text(item, "author") ?? JsonLd.Text(item, "name");
            var url = JsonLd.Text(item, "authorURL") ?? JsonLd.Text(item, "url");
            if (!string.IsNullOrWhiteSpace(name)) sightings.Add(new(name, page.ResolveHttpUrl(url), false, AuthorSignals.FrontMatter));
        }
    }

    [GeneratedRegex(@"^([A-Za-z_][\w-]*)\s*:(.*)$")]
    private static partial Regex YamlKey();

    /// <summary>"Chris Olah: http://colah.github.io" or "name: Chris Olah" (a name may hold spaces; the value starts after ": ").</summary>
    [GeneratedRegex(@"^([^:]+?)\s*:\s+(.+)$")]
    private static partial Regex YamlPair();
}
