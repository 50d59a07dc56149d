using System.Buffers;
using AngleSharp.Dom;
using Hqt.Extraction.Parsing;
using Hqt.Extraction.Text;

namespace Hqt.Extraction.Authors;

/// <summary>Authors marked up in the page's body: microdata <c>itemprop=author</c>, h-entry <c>p-author</c>, <c>rel=author</c> links, and visible bylines.</summary>
public static class MarkupAuthorSources
{
    const int MaxBylineText = 240;

    /// <summary>Bylines sit near the top; a page with more author-ish elements than this is listing, not bylining.</summary>
    const int MaxBylineElements = 200;

    /// <summary>Containers whose authors are not the page's: comments, related stories, sidebars, navigation.</summary>
    static readonly string[] ForeignContainers =
    [
        "comment", "related", "recirc", "sidebar", "side-bar", "widget", "popular", "trending", "recommend", "more-from", "more-stories",
        "teaser", "promo", "newsletter", "footer", "nav", "menu", "breadcrumb", "reply", "respond", "discussion",
        "signup", "subscribe", "outbrain", "taboola", "carousel", "rail", "mostread", "most-read", "next-article", "read-next", "latest",
        "quote", "testimonial", "ranking", "infobox",
    ];

    /// <summary>
    /// Containers of what the page cites: a byline inside a reference, a footnote or a &lt;cite&gt; belongs to that reference
    /// ("Dylan, Bob (2017)" in a footnote of the article about him), never to the page.
    /// </summary>
    static readonly string[] ReferenceContainers = ["reference", "footnote", "citation", "cite", "reflist", "bibliograph", "endnote", "bib"];

    static readonly SearchValues<string> ReferenceContainersAnywhere = SearchValues.Create(ReferenceContainers, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parts of an author box that are not the name: photos, bios, follow buttons, dates.</summary>
    static readonly string[] NonNameParts =
    [
        "bio", "avatar", "image", "img", "photo", "pic", "desc", "social", "follow", "twitter", "email", "mail", "date", "time", "job",
        "position", "role", "label", "count", "more", "list-title", "authorship", "thumb", "about",
    ];

    public static void Collect(PageDocument page, List<AuthorSighting> sightings)
    {
        var bylines = new List<IElement>();
        var microdata = new List<IElement>();
        var relAuthors = new List<IElement>();
        foreach (var element in page.Scan.AuthorElements)
        {
            var itemprop = element.GetAttribute("itemprop");
            var isMicrodata = itemprop is not null && (itemprop.Contains("author", StringComparison.OrdinalIgnoreCase) || itemprop.Contains("creator", StringComparison.OrdinalIgnoreCase));
            var isByline = !isMicrodata && !PageScan.HasToken(element.GetAttribute("class"), "p-author") && !PageScan.HasToken(element.GetAttribute("rel"), "author");
            // Microdata says whose item it describes, so only comments, reviews and pictures disqualify it; other markup also loses
            // sidebars. Bylines are checked when read, since the first good one ends the search.
            if (!isByline && InForeignContainer(element, onlyOtherItems: isMicrodata)) continue;
            if (isMicrodata)
                microdata.Add(element);
            else if (PageScan.HasToken(element.GetAttribute("class"), "p-author"))
                HCard(page, element, sightings);
            else if (PageScan.HasToken(element.GetAttribute("rel"), "author"))
            {
                if (element.LocalName == "a") relAuthors.Add(element);
                else if (element.LocalName == "link" && page.ResolveHttpUrl(element.GetAttribute("href")) is { } url) sightings.Add(new("", url, null, AuthorSignals.RelAuthor));
            }
            else if (IsBylineElement(element)) bylines.Add(element);
        }
        foreach (var element in OneBlock(relAuthors))
            sightings.Add(new(Text(element), page.ResolveHttpUrl(element.GetAttribute("href")), null, AuthorSignals.RelAuthor));
        foreach (var element in PageItemAuthors(microdata)) Microdata(page, element, sightings);
        if (!Bylines(page, bylines, sightings) && !TextBylines(page, sightings)) AuthorLinks(page, sightings);
    }

    /// <summary>
    /// The rel=author links of the page's own byline: the first one (inside the article first) and those in its block. A list
    /// of teasers links every teaser's writer with rel=author too ("… by Sami Fathi" under each related story).
    /// </summary>
    static IEnumerable<IElement> OneBlock(List<IElement> links)
    {
        if (links.Count <= 1) return links;
        var first = links.FirstOrDefault(e => Ancestry.IsInArticle(e)) ?? links[0];
        var block = first.ParentElement?.ParentElement ?? first;
        return links.Where(l => l == first || block.Contains(l));
    }

    /// <summary>Links to author pages whose text is a name: the first such link, and the others beside it in the same block.</summary>
    static void AuthorLinks(PageDocument page, List<AuthorSighting> sightings)
    {
        var links = page.Scan.AuthorLinks.Where(e => !InForeignContainer(e)).ToList();
        var inArticle = links.Where(e => Ancestry.IsInArticle(e)).ToList();
        foreach (var group in new[] { inArticle, links })
            foreach (var link in group)
            {
                if (AuthorNames.Split(Text(link)) is not { Count: 1 } names) continue;
                var block = link.ParentElement?.ParentElement ?? link;
                foreach (var other in group.Where(o => o != link && block.Contains(o)).Prepend(link))
                    foreach (var name in AuthorNames.Split(Text(other)).Take(1))
                        sightings.Add(new(name, page.ResolveHttpUrl(other.GetAttribute("href")), null, AuthorSignals.Byline));
                return;
            }
    }

    /// <summary>Bylines known only by their words ("By Jane Doe"): the first short one, inside the article first, that yields a name.</summary>
    static bool TextBylines(PageDocument page, List<AuthorSighting> sightings)
    {
        var candidates = page.Scan.BylineTextElements.Where(e => !InForeignContainer(e)).ToList();
        var inArticle = candidates.Where(e => Ancestry.IsInArticle(e)).ToList();
        foreach (var group in new[] { inArticle, candidates })
            foreach (var element in group)
            {
                // "<span>By</span> <a>Jane Doe</a>": the label alone, the name beside it.
                var root = Text(element).Length <= 12 && element.ParentElement is { } parent ? parent : element;
                // "Von Einheimischen, Gästen und ganz viel Kühen" as a link's text is another story's headline, not a byline.
                if (Ancestry.Closest(root, "a") is { } link && TextTools.CountWords(Text(link)) >= 5) continue;
                if (ShortText(root) is not { } text || AuthorNames.Split(text) is not { Count: > 0 } names) continue;
                foreach (var name in names) sightings.Add(new(name, ProfileUrl(page, root, name), null, AuthorSignals.Byline));
                return true;
            }
        return false;
    }

    /// <summary>
    /// The microdata authors of the page's own item: lists of teasers mark up every teaser's author too, so authors are
    /// grouped by the item they belong to, and the article's item (else the first) wins.
    /// </summary>
    static IEnumerable<IElement> PageItemAuthors(List<IElement> authors)
    {
        if (authors.Count == 0) return [];
        var groups = authors.GroupBy(a => (a.ParentElement is { } parent ? Ancestry.ClosestWithAttribute(parent, "itemscope") : null)).ToList();
        var article = groups.FirstOrDefault(g => g.Key is null || (g.Key.GetAttribute("itemtype") is { } type
            && (type.Contains("Article", StringComparison.OrdinalIgnoreCase) || type.Contains("Posting", StringComparison.OrdinalIgnoreCase) || type.Contains("WebPage", StringComparison.OrdinalIgnoreCase))));
        var chosen = (article ?? groups[0]).ToList();
        // Without a containing item the teasers' authors look like the article's: keep the first byline block only.
        var block = chosen[0];
        for (var level = 0; level < 3 && block.ParentElement is { LocalName: not ("article" or "main" or "body") } parent; level++) block = parent;
        return chosen.Where(block.Contains);
    }

    static void Microdata(PageDocument page, IElement element, List<AuthorSighting> sightings)
    {
        if (element.LocalName == "meta")
        {
            if (element.GetAttribute("content") is { } content && page.ResolveHttpUrl(content) is null) sightings.Add(new(content, null, null, AuthorSignals.Microdata));
            return;
        }
        if (element.LocalName == "link") return;
        string? name = null, url = null;
        if (element.HasAttribute("itemscope"))
        {
            var nameElement = element.QuerySelector("[itemprop~=name]");
            name = nameElement is null ? null : nameElement.GetAttribute("content") ?? Text(nameElement);
            var urlElement = element.QuerySelector("[itemprop~=url]");
            url = page.ResolveHttpUrl(urlElement?.GetAttribute("href") ?? urlElement?.GetAttribute("content"));
        }
        name ??= element.GetAttribute("content") ?? Text(element);
        url ??= page.ResolveHttpUrl(element.LocalName == "a" ? element.GetAttribute("href") : element.QuerySelector("a[href]")?.GetAttribute("href"));
        bool? isOrganization = element.GetAttribute("itemtype") is { } type ? type.Contains("Organization", StringComparison.OrdinalIgnoreCase) : null;
        sightings.Add(new(name, url, isOrganization, AuthorSignals.Microdata));
    }

    static void HCard(PageDocument page, IElement element, List<AuthorSighting> sightings)
    {
        var nameElement = element.QuerySelector(".p-name") ?? element.QuerySelector(".fn");
        var name = nameElement is null ? Text(element) : Text(nameElement);
        var urlElement = element.LocalName == "a" ? element : element.QuerySelector("a.u-url[href]") ?? element.QuerySelector("a[href]");
        sightings.Add(new(name, page.ResolveHttpUrl(urlElement?.GetAttribute("href")), null, AuthorSignals.HCard));
    }

    static bool IsBylineElement(IElement element)
    {
        if (element.LocalName is "link" or "meta" or "img" or "script" or "body" or "html" or "article" or "main" or "section") return false;
        var marks = (element.GetAttribute("class") ?? "") + " " + (element.GetAttribute("id") ?? "");
        return !NamesNonNamePart(marks);
    }

    /// <summary>"author-bio" or "byline__date" name a part of the byline that is not the name.</summary>
    static bool NamesNonNamePart(string marks)
    {
        foreach (var token in marks.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = token.ToLowerInvariant();
            if (!lower.Contains("author") && !lower.Contains("byline") && !lower.Contains("writer")) continue;
            foreach (var part in NonNameParts)
                if (lower.Contains(part)) return true;
        }
        return false;
    }

    /// <summary>
    /// The first byline that yields a name, preferring those inside the article: a byline block is read as a whole
    /// (its outermost author-ish element), so "By A, B and C" keeps all three.
    /// </summary>
    static bool Bylines(PageDocument page, List<IElement> bylines, List<AuthorSighting> sightings)
    {
        if (bylines.Count == 0) return false;
        // A byline block is read whole: each author-ish element is replaced by its outermost author-ish ancestor that is still short.
        var candidates = bylines.Take(MaxBylineElements).ToHashSet();
        var shortTexts = new Dictionary<IElement, string?>();
        string? Short(IElement element) => shortTexts.TryGetValue(element, out var text) ? text : shortTexts[element] = ShortText(element);
        var roots = new List<IElement>();
        foreach (var element in candidates)
        {
            var root = element;
            var ancestor = element.ParentElement;
            for (var level = 0; ancestor is not null && level < 8; level++, ancestor = ancestor.ParentElement)
                if (candidates.Contains(ancestor) && Short(ancestor) is not null) root = ancestor;
            if (!roots.Contains(root)) roots.Add(root);
        }
        var inArticle = roots.Where(r => Ancestry.IsInArticle(r)).ToList();
        foreach (var group in new[] { inArticle, roots })
        {
            foreach (var root in group)
            {
                if (InForeignContainer(root) || IsCitedOrInfobox(root) || Short(root) is not { } text || AuthorNames.Split(text) is not { Count: > 0 } names) continue;
                foreach (var name in names) sightings.Add(new(name, ProfileUrl(page, root, name), null, AuthorSignals.Byline));
                return true;
            }
        }
        return false;
    }

    /// <summary>The link around a name in a byline, when its text is that name.</summary>
    static string? ProfileUrl(PageDocument page, IElement root, string name)
    {
        var key = TextTools.LooseKey(name);
        var anchors = root.LocalName == "a" ? [root] : ElementWalk.Descendants(root).Where(e => e.LocalName == "a" && e.HasAttribute("href"));
        foreach (var anchor in anchors)
            if (TextTools.LooseKey(anchor.TextContent).Contains(key) && page.ResolveHttpUrl(anchor.GetAttribute("href")) is { } url) return url;
        return null;
    }

    static readonly string[] OtherItems = ["comment", "review", "reply", "respond", "testimonial", "quote"];

    static readonly SearchValues<string> OtherItemsAnywhere = SearchValues.Create(OtherItems, StringComparison.OrdinalIgnoreCase);

    static readonly SearchValues<string> ForeignContainersAnywhere = SearchValues.Create(ForeignContainers, StringComparison.OrdinalIgnoreCase);

    static bool InForeignContainer(IElement element, bool onlyOtherItems = false)
    {
        var depth = 0;
        for (var current = element.ParentElement; current is not null && depth < 30; current = current.ParentElement, depth++)
        {
            var name = current.LocalName;
            if (!onlyOtherItems && name is "aside" or "nav" or "footer" && Ancestry.Closest(current, "article") is null) return true;
            if (name is "figure" or "figcaption" or "blockquote" or "cite") return true;
            if (InReferences(current)) return true;
            if (current.GetAttribute("itemtype") is { } itemtype && (itemtype.Contains("ImageObject", StringComparison.Ordinal) || itemtype.Contains("VideoObject", StringComparison.Ordinal))) return true;
            if (name is "article" or "main" or "body") return false;
            var (markers, anywhere) = onlyOtherItems ? (OtherItems, OtherItemsAnywhere) : (ForeignContainers, ForeignContainersAnywhere);
            if (HasMarkWord(current.GetAttribute("class"), markers, anywhere) || HasMarkWord(current.GetAttribute("id"), markers, anywhere)) return true;
            if (current.GetAttribute("itemprop") is { } itemprop && (itemprop.Contains("comment", StringComparison.OrdinalIgnoreCase) || itemprop.Contains("review", StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }

    static readonly string[] Infobox = ["infobox"];
    static readonly SearchValues<string> InfoboxAnywhere = SearchValues.Create(Infobox, StringComparison.OrdinalIgnoreCase);

    // A byline block read whole may itself be the infobox or the reference ("table.infobox.vcard"), not only sit inside one.
    static bool IsCitedOrInfobox(IElement root) =>
        root.LocalName == "cite" || InReferences(root) || HasMarkWord(root.GetAttribute("class"), Infobox, InfoboxAnywhere);

    // A "reference" wrapper holding the page's headline is the article itself (a site's "sticky-reference" layout), not a list.
    static bool InReferences(IElement current) =>
        (HasMarkWord(current.GetAttribute("class"), ReferenceContainers, ReferenceContainersAnywhere)
            || HasMarkWord(current.GetAttribute("id"), ReferenceContainers, ReferenceContainersAnywhere))
        && current.QuerySelector("h1") is null;

    /// <summary>Whether a class or id list has a word (split at spaces, dashes, underscores and case changes) starting with one of the markers.</summary>
    static bool HasMarkWord(string? marks, string[] markers, SearchValues<string> anywhere)
    {
        // A word can only start with a marker the string holds somewhere: one vectorised scan rules most ancestors out.
        if (string.IsNullOrEmpty(marks) || marks.AsSpan().IndexOfAny(anywhere) < 0) return false;
        var start = 0;
        for (var i = 0; i <= marks.Length; i++)
        {
            var atEnd = i == marks.Length || !char.IsLetterOrDigit(marks[i]) || (i > start && char.IsUpper(marks[i]) && char.IsLower(marks[i - 1]));
            if (!atEnd) continue;
            if (i > start)
            {
                var word = marks.AsSpan(start, i - start);
                foreach (var marker in markers)
                    if (word.StartsWith(marker, StringComparison.OrdinalIgnoreCase)) return true;
            }
            start = i < marks.Length && char.IsLetterOrDigit(marks[i]) ? i : i + 1;
        }
        return false;
    }

    /// <summary>The element's visible text when it is short enough to be a byline, else null.</summary>
    static string? ShortText(IElement element)
    {
        var text = VisibleText.Of(element, MaxBylineText * 2, AuthorNames.Boundary);
        return TextTools.Collapse(text) is { Length: <= MaxBylineText } ? text : null;
    }

    static string Text(IElement element) => VisibleText.Of(element, MaxBylineText, AuthorNames.Boundary).Trim();
}
