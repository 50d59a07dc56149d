using AngleSharp.Dom;

namespace Hqt.Extraction.Parsing;

/// <summary>
/// Everything the metadata and author rules look at, gathered in one walk over the DOM so that each
/// rule reads lists instead of querying the whole document again.
/// </summary>
public sealed class PageScan
{
    /// <summary>Head-level metas as (lower-case name/property, value) in document order; <c>content</c>, else <c>value</c>.</summary>
    public List<(string Key, string Value)> Metas { get; } = [];

    public List<string> JsonLd { get; } = [];

    /// <summary>Article front matter: distill's <c>d-front-matter</c> JSON and <c>text/front-matter</c> YAML.</summary>
    public List<string> FrontMatter { get; } = [];

    public List<string> CanonicalHrefs { get; } = [];

    /// <summary>Elements that may name an author: <c>itemprop</c>/<c>rel</c>/<c>class</c>/<c>id</c> saying author, byline, creator, or h-card.</summary>
    public List<IElement> AuthorElements { get; } = [];

    /// <summary>Elements whose own text starts like a byline ("By …", "Von …", "Par …"), for pages that mark bylines up with nothing else.</summary>
    public List<IElement> BylineTextElements { get; } = [];

    /// <summary>Links to an author's page (<c>/author/…</c>, <c>/by/…</c>, <c>/editors/…</c>), for bylines with no other mark.</summary>
    public List<IElement> AuthorLinks { get; } = [];

    /// <summary><c>time[datetime]</c> and <c>[itemprop=datePublished]</c> elements, for the published date.</summary>
    public List<IElement> DateElements { get; } = [];

    public string? TitleText { get; private set; }

    public string? Lang { get; private set; }

    public static PageScan Of(IDocument document)
    {
        var scan = new PageScan();
        var root = document.DocumentElement;
        if (root is null) return scan;
        scan.Lang = root.GetAttribute("lang") ?? root.GetAttribute("xml:lang");
        foreach (var element in ElementWalk.Descendants(root, SkipSubtree))
            scan.Visit(element);
        return scan;
    }

    static bool SkipSubtree(IElement element) => element.LocalName is "svg" or "math" or "select" or "template";

    void Visit(IElement element)
    {
        switch (element.LocalName)
        {
            case "meta":
                VisitMeta(element);
                return;
            case "link":
                if (HasToken(element.GetAttribute("rel"), "canonical") && element.GetAttribute("href") is { } href) CanonicalHrefs.Add(href);
                else if (HasToken(element.GetAttribute("rel"), "author")) AuthorElements.Add(element);
                return;
            case "script":
                var type = element.GetAttribute("type")?.Trim();
                if (string.Equals(type, "application/ld+json", StringComparison.OrdinalIgnoreCase)) JsonLd.Add(element.TextContent);
                else if (string.Equals(type, "text/front-matter", StringComparison.OrdinalIgnoreCase)
                    || element.ParentElement?.LocalName == "d-front-matter") FrontMatter.Add(element.TextContent);
                return;
            case "title":
                TitleText ??= element.TextContent;
                return;
            case "time":
                if (element.HasAttribute("datetime")) DateElements.Add(element);
                break;
            case "style" or "noscript":
                return;
            case "a":
                if (AuthorLinks.Count < 60 && element.GetAttribute("href") is { } link && IsAuthorPath(link)) AuthorLinks.Add(element);
                break;
        }
        var itemprop = element.GetAttribute("itemprop");
        if (itemprop is not null && itemprop.Contains("datePublished", StringComparison.OrdinalIgnoreCase) && element.LocalName != "time") DateElements.Add(element);
        if (IsAuthorish(element, itemprop)) AuthorElements.Add(element);
        else if (BylineTextElements.Count < 40 && element.FirstChild is IText text && StartsLikeByline(text.Data)) BylineTextElements.Add(element);
    }

    static readonly string[] AuthorPaths = ["/author/", "/authors/", "/by/", "/editors/", "/staff/", "/people/", "/writers/", "/contributors/", "/autor/", "/autoren/", "/journalist/", "/journalists/", "/profile/", "/profiles/", "/reporters/", "/columnists/"];

    static bool IsAuthorPath(string href)
    {
        foreach (var path in AuthorPaths)
            if (href.Contains(path, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    static readonly string[] BylineLabels = ["by ", "by:", "von ", "par ", "por ", "door ", "written by", "posted by", "autor:", "autorin:", "author:", "text:", "texte:", "words by", "story by"];

    static bool StartsLikeByline(string data)
    {
        var text = data.AsSpan().TrimStart();
        if (text.Length < 2) return false;
        foreach (var label in BylineLabels)
            if (text.StartsWith(label, StringComparison.OrdinalIgnoreCase) && (text.Length == label.TrimEnd().Length || !char.IsLower(NextLetter(text[label.Length..])))) return true;
        return false;
    }

    static char NextLetter(ReadOnlySpan<char> rest)
    {
        foreach (var c in rest)
            if (!char.IsWhiteSpace(c) && c != ':') return c;
        return 'A';
    }

    void VisitMeta(IElement meta)
    {
        var key = meta.GetAttribute("property") ?? meta.GetAttribute("name");
        // itemprop metas inside the body belong to microdata items (an author's name, a comment's date), not to the page.
        if (key is null && meta.GetAttribute("itemprop") is { } itemprop && meta.Closest("body") is null) key = itemprop;
        if (key is null) return;
        var value = meta.GetAttribute("content") ?? meta.GetAttribute("value");
        if (string.IsNullOrWhiteSpace(value)) return;
        Metas.Add((key.Trim().ToLowerInvariant(), value));
    }

    static bool IsAuthorish(IElement element, string? itemprop)
    {
        if (itemprop is not null && (itemprop.Contains("author", StringComparison.OrdinalIgnoreCase) || itemprop.Contains("creator", StringComparison.OrdinalIgnoreCase))) return true;
        if (element.GetAttribute("rel") is { } rel && HasToken(rel, "author")) return true;
        if (element.GetAttribute("class") is { } cls && (ContainsAuthorWord(cls) || HasToken(cls, "h-card") || HasToken(cls, "vcard"))) return true;
        return element.GetAttribute("id") is { } id && ContainsAuthorWord(id);
    }

    static bool ContainsAuthorWord(string value) =>
        value.Contains("author", StringComparison.OrdinalIgnoreCase) || value.Contains("byline", StringComparison.OrdinalIgnoreCase)
        || value.Contains("byl-", StringComparison.OrdinalIgnoreCase) || value.Contains("writer", StringComparison.OrdinalIgnoreCase);

    public static bool HasToken(string? list, string token)
    {
        if (list is null) return false;
        foreach (var part in list.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (part.Equals(token, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The first value of a meta key (lower case), or null.</summary>
    public string? Meta(string key)
    {
        foreach (var (k, v) in Metas)
            if (k == key && !string.IsNullOrWhiteSpace(v)) return v.Trim();
        return null;
    }

    public IEnumerable<string> MetaValues(string key)
    {
        foreach (var (k, v) in Metas)
            if (k == key && !string.IsNullOrWhiteSpace(v)) yield return v.Trim();
    }
}
