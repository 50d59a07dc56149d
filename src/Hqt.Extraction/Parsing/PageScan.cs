using System.Buffers;
using AngleSharp.Dom;

namespace Hqt.Extraction.Parsing;

/// <summary>
/// Everything the metadata and author rules look at, gathered on the page's one walk (<see cref="DomIndex.Build"/>)
/// so that each rule reads lists instead of querying the whole document again.
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

    internal PageScan() { }

    internal void ReadRoot(IElement html) => Lang = html.GetAttribute("lang") ?? html.GetAttribute("xml:lang");

    /// <summary>
    /// Sees one element of the head or body, in document order, with its attributes already read (by <see cref="DomIndex"/>'s
    /// walk, which shows it every element but those of SVG, MathML, templates and the other subtrees it does not index).
    /// </summary>
    internal void Visit(IElement element, string tag, in ElementAttributes attributes)
    {
        switch (tag)
        {
            case "meta":
                VisitMeta(element);
                return;
            case "link":
                if (HasToken(attributes.Rel, "canonical") && attributes.Href is { } canonical) CanonicalHrefs.Add(canonical);
                else if (HasToken(attributes.Rel, "author")) AuthorElements.Add(element);
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
            case "style" or "noscript" or "html" or "option" or "optgroup":
                return;
        }
        var (cls, id, itemprop, rel, href) = (attributes.Class, attributes.Id, attributes.ItemProp, attributes.Rel, attributes.Href);
        if (tag == "time" ? attributes.HasDatetime : itemprop is not null && itemprop.Contains("datePublished", StringComparison.OrdinalIgnoreCase))
            DateElements.Add(element);
        if (href is not null && AuthorLinks.Count < 60 && tag == "a" && href.AsSpan().IndexOfAny(AuthorPaths) >= 0) AuthorLinks.Add(element);
        var isAuthorish = (itemprop is not null && itemprop.AsSpan().IndexOfAny(AuthorProps) >= 0)
            || (rel is not null && HasToken(rel, "author"))
            || (cls is not null && cls.AsSpan().IndexOfAny(ClassMarks) >= 0
                && (cls.AsSpan().IndexOfAny(AuthorMarks) >= 0 || HasToken(cls, "h-card") || HasToken(cls, "vcard")))
            || (id is not null && id.AsSpan().IndexOfAny(AuthorMarks) >= 0);
        if (isAuthorish) AuthorElements.Add(element);
        else if (BylineTextElements.Count < 40 && element.FirstChild is IText text && StartsLikeByline(text.Data)) BylineTextElements.Add(element);
    }

    static readonly SearchValues<string> AuthorProps = SearchValues.Create(["author", "creator"], StringComparison.OrdinalIgnoreCase);

    static readonly SearchValues<string> AuthorMarks = SearchValues.Create(["author", "byline", "byl-", "writer"], StringComparison.OrdinalIgnoreCase);

    // Author marks and h-card/vcard together: most classes hold none, and one scan says so.
    static readonly SearchValues<string> ClassMarks = SearchValues.Create(["author", "byline", "byl-", "writer", "h-card", "vcard"], StringComparison.OrdinalIgnoreCase);

    static readonly SearchValues<string> AuthorPaths = SearchValues.Create(
        ["/author/", "/authors/", "/by/", "/editors/", "/staff/", "/people/", "/writers/", "/contributors/", "/autor/", "/autoren/", "/journalist/",
         "/journalists/", "/profile/", "/profiles/", "/reporters/", "/columnists/"], StringComparison.OrdinalIgnoreCase);

    // The labels by their initial, so a text node is compared with at most three of them.
    static readonly string[] LabelsB = ["by ", "by:"], LabelsV = ["von "], LabelsP = ["par ", "por ", "posted by"], LabelsD = ["door "],
        LabelsW = ["written by", "words by"], LabelsA = ["autor:", "autorin:", "author:"], LabelsT = ["text:", "texte:"], LabelsS = ["story by"];

    static bool StartsLikeByline(string data)
    {
        var text = data.AsSpan().TrimStart();
        if (text.Length < 2) return false;
        var labels = (text[0] | 0x20) switch
        {
            'b' => LabelsB, 'v' => LabelsV, 'p' => LabelsP, 'd' => LabelsD, 'w' => LabelsW, 'a' => LabelsA, 't' => LabelsT, 's' => LabelsS,
            _ => null,
        };
        if (labels is null) return false;
        foreach (var label in labels)
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

    /// <summary>Whether a space-separated token list (class, rel) holds <paramref name="token"/>, case-insensitively; no allocation.</summary>
    public static bool HasToken(string? list, string token)
    {
        if (list is null) return false;
        var rest = list.AsSpan();
        while (true)
        {
            var at = rest.IndexOf(token, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            var end = at + token.Length;
            if ((at == 0 || char.IsWhiteSpace(rest[at - 1])) && (end == rest.Length || char.IsWhiteSpace(rest[end]))) return true;
            rest = rest[(at + 1)..];
        }
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
