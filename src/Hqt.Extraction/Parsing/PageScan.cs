using System.Buffers;
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
                if (HasToken(element.GetAttribute("rel"), "canonical") && element.GetAttribute("href") is { } canonical) CanonicalHrefs.Add(canonical);
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
            case "style" or "noscript":
                return;
        }
        // One pass over the attributes: most elements have none or only a class, and this walk runs for every element.
        string? cls = null, id = null, itemprop = null, rel = null, href = null;
        var hasDatetime = false;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.Name)
            {
                case "class": cls = attribute.Value; break;
                case "id": id = attribute.Value; break;
                case "itemprop": itemprop = attribute.Value; break;
                case "rel": rel = attribute.Value; break;
                case "href": href = attribute.Value; break;
                case "datetime": hasDatetime = true; break;
            }
        }
        if (element.LocalName == "time" ? hasDatetime : itemprop is not null && itemprop.Contains("datePublished", StringComparison.OrdinalIgnoreCase))
            DateElements.Add(element);
        if (href is not null && AuthorLinks.Count < 60 && element.LocalName == "a" && href.AsSpan().IndexOfAny(AuthorPaths) >= 0) AuthorLinks.Add(element);
        var isAuthorish = (itemprop is not null && itemprop.AsSpan().IndexOfAny(AuthorProps) >= 0)
            || (rel is not null && HasToken(rel, "author"))
            || (cls is not null && (cls.AsSpan().IndexOfAny(AuthorMarks) >= 0 || HasToken(cls, "h-card") || HasToken(cls, "vcard")))
            || (id is not null && id.AsSpan().IndexOfAny(AuthorMarks) >= 0);
        if (isAuthorish) AuthorElements.Add(element);
        else if (BylineTextElements.Count < 40 && element.FirstChild is IText text && StartsLikeByline(text.Data)) BylineTextElements.Add(element);
    }

    static readonly SearchValues<string> AuthorProps = SearchValues.Create(["author", "creator"], StringComparison.OrdinalIgnoreCase);

    static readonly SearchValues<string> AuthorMarks = SearchValues.Create(["author", "byline", "byl-", "writer"], StringComparison.OrdinalIgnoreCase);

    static readonly SearchValues<string> AuthorPaths = SearchValues.Create(
        ["/author/", "/authors/", "/by/", "/editors/", "/staff/", "/people/", "/writers/", "/contributors/", "/autor/", "/autoren/", "/journalist/",
         "/journalists/", "/profile/", "/profiles/", "/reporters/", "/columnists/"], StringComparison.OrdinalIgnoreCase);

    static readonly string[] BylineLabels = ["by ", "by:", "von ", "par ", "por ", "door ", "written by", "posted by", "autor:", "autorin:", "author:", "text:", "texte:", "words by", "story by"];

    static readonly SearchValues<char> BylineInitials = SearchValues.Create("bBvVpPdDwWaAtTsS");

    static bool StartsLikeByline(string data)
    {
        var text = data.AsSpan().TrimStart();
        if (text.Length < 2 || !BylineInitials.Contains(text[0])) return false;
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
        if (key is null && meta.GetAttribute("itemprop") is { } itemprop && Ancestry.Closest(meta, "body") is null) key = itemprop;
        if (key is null) return;
        var value = meta.GetAttribute("content") ?? meta.GetAttribute("value");
        if (string.IsNullOrWhiteSpace(value)) return;
        Metas.Add((key.Trim().ToLowerInvariant(), value));
    }

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
