using System.Buffers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Hqt.Extraction.Identity;
using Hqt.Extraction.Parsing;
using Hqt.Extraction.Text;

namespace Hqt.Extraction.References;

/// <summary>
/// Bibliographies written in the page: containers marked as references (<c>ol.references</c>, <c>.reflist</c>,
/// <c>.footnotes</c>, <c>role=doc-bibliography</c>, …) and lists under a References / Bibliography / Notes heading.
/// Each item is one reference; its further links (PubMed, Scholar, archive copies) are kept as alternate links.
/// </summary>
static partial class ReferenceLists
{
    // Drupal's "field--type-entity-reference-revisions" wraps an article's paragraphs (a field of references to other
    // entities), on every Drupal site: no bibliography.
    [GeneratedRegex(@"(?:^|[\s_-])(?:(?<!entity-)references?|reflist|refbegin|ref-?list|reference-?list|references-?small|bibliography|bibliografia|footnotes?|endnotes?|fn-group|works-cited|citations|csl-bib-body|literature|bibliographie|literaturverzeichnis)(?:$|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContainerClass();

    // A reference section's heading, by language: the words Wikipedia's editions and journals head them with. "Weblinks",
    // "External links" and "See also" head links to read, not sources, and are left out.
    const string HeadingNames =
        "references?|bibliography|works cited|literature cited|cited works|notes|end ?notes|foot ?notes|sources|further reading"
        + "|citations|notes and references|references and notes|sources and notes|literature"
        + "|références|références bibliographiques|bibliographie|notes et références|sources et bibliographie|notes et bibliographie|ouvrages cités"
        + "|einzelnachweise|literatur|literaturverzeichnis|quellen|quellenverzeichnis|quellen und literatur|anmerkungen|fußnoten|belege"
        + "|referencias|bibliografía|notas|fuentes|notas y referencias|obras citadas"
        + "|fonti|bibliografia|note|riferimenti|riferimenti bibliografici|note e riferimenti"
        + "|referências|referências bibliográficas|notas e referências|fontes"
        + "|bronnen|literatuur|noten|referenties|bronvermelding|voetnoten|bibliografie|referințe|referències"
        + "|przypisy|literatura|źródła|poznámky|zdroje|jegyzetek|források|irodalom"
        + "|referenser|källor|noter|litteratur|referanser|kilder|fotnoter|lähteet|viitteet|kaynakça|kaynaklar|notlar"
        + "|referensi|daftar pustaka|rujukan|tài liệu tham khảo|chú thích"
        + "|литература|примечания|источники|список литературы|библиография|джерела|примітки|література"
        + "|βιβλιογραφία|παραπομπές|σημειώσεις|מקורות|הערות שוליים|منابع|پانویس|المراجع|مراجع|المصادر"
        + "|参考文献|参考资料|參考文獻|參考資料|参考|注释|註釋|脚注|腳註|出典|注釈|引用文献|参照文献|참고문헌|참고 문헌|각주|출처";

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*\.?\s+)?(?:" + HeadingNames + @")\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingText();

    /// <summary>Reads every reference list into <paramref name="into"/>; marks the anchors it used in <paramref name="usedAnchors"/>.</summary>
    public static void Read(DomIndex dom, PageDocument page, ReferenceSet into, bool[] usedAnchors)
    {
        var n = dom.Count;
        var pageHost = page.PageUri?.Host;
        for (var i = 0; i < n; i++)
        {
            var element = dom.Elements[i];
            List<int>? items = null;
            int skipTo = -1;
            if (IsContainer(dom, i) && !IsHeadedAsAnotherSection(dom, i) && !IsALayoutBox(dom, i))
            {
                items = Items(dom, i, dom.End[i]);
                skipTo = dom.End[i];
            }
            else if (IsHeading(dom, i) && dom.Text[i] <= 40 && HeadingText().IsMatch(LinkText.CollapsedText(element, 60)))
            {
                (items, skipTo) = UnderHeading(dom, i);
            }
            if (items is null || items.Count == 0 || items.TrueForAll(item => IsASiteLink(dom, item, page, pageHost))) continue;
            foreach (var item in items) ReadItem(dom, item, page, pageHost, into, usedAnchors);
            i = Math.Max(i, skipTo - 1);
        }
    }

    static bool IsContainer(DomIndex dom, int i)
    {
        if (dom.Role[i] is "doc-bibliography" or "doc-endnotes" or "doc-footnotes") return true;
        // The regex only for a class or id holding one of the stems every container name has (the walk found them).
        var tag = dom.Tag[i];
        if ((dom.ClassLists[i] & ClassWords.Lists.ReferenceContainer) != 0 && ContainerClass().IsMatch(dom.Class[i]!))
            return tag is not ("a" or "sup" or "span" or "li") && !IsHeading(dom, i);
        return (dom.IdLists[i] & ClassWords.Lists.ReferenceContainer) != 0 && ContainerClass().IsMatch(dom.Id[i]!) && tag is "section" or "div" or "ol" or "ul" or "aside";
    }

    // JATS's fn-group holds every kind of note: PeerJ's "Competing Interests" and "Author Contributions" ("Heather
    // Piwowar, Jason Priem and Stefanie Haustein conceived and designed the experiments…") are fn-groups, whose items
    // became works by "Vincent" and "Juan Pablo". A container is no reference list when its own heading names another
    // section; one without a heading, or headed Notes or References, still is.
    static bool IsHeadedAsAnotherSection(DomIndex dom, int container)
    {
        for (var j = container + 1; j < dom.End[container] && j <= container + 4; j++)
        {
            if (dom.Tag[j] is "li" or "p") return false;
            if (!IsHeading(dom, j) || dom.Text[j] > 60) continue;
            var heading = LinkText.CollapsedText(dom.Elements[j], 80);
            return AnotherSection().IsMatch(heading);
        }
        return false;
    }

    // A class names a script's hook as often as a list: Atlas Obscura's whole footer is "container js-page-left-reference",
    // and its links (Privacy Policy, Terms of Use) became works. A reference list holds items, not sections: five or
    // more headings between its items make the container a box of the page's layout (a heading inside an item is the
    // item's: ScienceDirect sets each reference's title as one).
    static bool IsALayoutBox(DomIndex dom, int container)
    {
        var headings = 0;
        for (var j = container + 1; j < dom.End[container]; j++)
        {
            if (dom.Tag[j] == "li") j = dom.End[j] - 1;
            else if (IsHeading(dom, j) && ++headings >= 5) return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*\.?\s+)?(?:competing interests?|conflicts? of interests?|declarations? of (?:competing )?interests?|disclosures?|author(?:s'|s|'s)? contributions?|contributions|contributors|funding(?: statement| information)?|financial (?:support|disclosure)|data (?:availability|access)(?: statement)?|acknowledge?ments?|ethics(?: statement)?|ethical approval|grant disclosures|additional information(?: and declarations)?|supplementary (?:information|materials?)|abbreviations|articles citing this (?:paper|article)|cited by|related articles)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnotherSection();

    // Top-level list items, else entry-shaped children (.csl-entry, p, div) of the container.
    static List<int> Items(DomIndex dom, int start, int end)
    {
        var items = new List<int>();
        for (var j = start; j < end; j++)
        {
            if (dom.Tag[j] != "li" || dom.Text[j] == 0) continue;
            items.Add(j);
            j = dom.End[j] - 1;
        }
        if (items.Count > 0) return items;
        for (var j = start + 1; j < end; j++)
        {
            var element = dom.Elements[j];
            if (element.LocalName is "p" or "div" or "dd" && dom.Text[j] >= 20 && !dom.HasBlockChild[j])
            {
                items.Add(j);
                j = dom.End[j] - 1;
            }
        }
        return items;
    }

    // A heading's list: following siblings (of the heading, or of its wrapper) up to the next heading of its rank or higher.
    static (List<int> Items, int End) UnderHeading(DomIndex dom, int heading)
    {
        var rank = dom.Tag[heading][1] - '0';
        var anchor = heading;
        var parent = dom.Parent[anchor];
        // Wikipedia and many CMSs wrap the heading alone in a div.
        if (parent > 0 && dom.ElementChildren[parent] <= 2 && dom.Tag[parent] == "div" && dom.Text[parent] <= dom.Text[heading] + 20)
        {
            anchor = parent;
            parent = dom.Parent[anchor];
        }
        var items = new List<int>();
        if (parent < 0) return (items, heading + 1);
        var end = dom.End[anchor];
        for (var s = dom.End[anchor]; s < dom.End[parent]; s = dom.End[s])
        {
            if (StartsSection(dom, s, rank)) break;
            end = dom.End[s];
            var tag = dom.Tag[s];
            if (tag is "ol" or "ul") items.AddRange(Items(dom, s, dom.End[s]));
            else if (tag is "p" && dom.Text[s] >= 20) items.Add(s);
            else if (tag is "div" or "section") items.AddRange(Items(dom, s, dom.End[s]));
        }
        return (items, end);
    }

    static bool StartsSection(DomIndex dom, int s, int rank)
    {
        for (var j = s; j < dom.End[s] && j < s + 3; j++)
            if (IsHeading(dom, j)) return dom.Tag[j][1] - '0' <= rank;
        return false;
    }

    static bool IsHeading(DomIndex dom, int i) => (dom.Kind[i] & TagKind.Heading) != 0;

    static void ReadItem(DomIndex dom, int item, PageDocument page, string? pageHost, ReferenceSet into, bool[] usedAnchors)
    {
        var element = dom.Elements[item];
        var text = NoteBacklinks.Strip(LinkText.CollapsedText(element));
        if (text.Length < 4) return;
        var draft = new ReferenceDraft(ReferenceSignals.ReferenceList) { Context = text.Length <= 400 ? text : text[..400] };
        CitationText.Fill(draft, text);
        IdentifierText.Fill(draft, text);
        var textUrl = draft.Url is not null && !into.IsPage(draft.Url) ? draft.Url : null;
        draft.Url = null;

        var links = new List<(string Url, string Text)>();
        for (var j = item; j < dom.End[item]; j++)
        {
            var a = dom.Elements[j];
            if (dom.Tag[j] != "a") continue;
            usedAnchors[j] = true;
            var href = a.GetAttribute("href");
            if (href is null || href.StartsWith('#')) continue;
            var url = ContentLinks.Resolve(page, href);
            if (url is null || into.IsPage(url)) continue;
            links.Add((url, LinkText.CollapsedText(a, 300)));
            IdentifierText.FillFromUrl(draft, url);
        }
        if (textUrl is not null && !links.Exists(l => l.Url == textUrl)) links.Add((textUrl, textUrl));
        if (draft.Title is null && draft.Doi is null && draft.ArxivId is null && draft.Isbn is null && draft.Pmid is null && links.Count == 0 && !draft.IsLocatedWork) return;
        draft.Kind = draft.Title is not null && (draft.Doi ?? draft.ArxivId ?? draft.Pmid) is null && links.Count > 0 ? ReferenceKinds.WebPage : ReferenceKinds.Paper;

        var primary = Primary(links, draft, pageHost);
        if (primary >= 0)
        {
            draft.Url = links[primary].Url;
            draft.AnchorText = links[primary].Text.Length > 0 ? links[primary].Text : null;
        }
        // A title-less item whose link is a person's page (a note's "According to Robert Shelton, …") names that person,
        // as the same link in a paragraph does: no work titled with a name.
        if (draft.Title is null && draft.Url is not null && !draft.IsLocatedWork && draft.AnchorText is { } name
            && PersonNames.IsPersonLink(draft.Url, name) && PersonNames.LooksLikeName(name))
        {
            draft.Kind = ReferenceKinds.Person;
            draft.Title = name;
            draft.Authors = [];
        }
        // A title-less journal reference's link is its journal reference written out ("Phys. Rev. D 76, 056001"): no title.
        // Nor is a pointer one ("this excellent", a paragraph's link to its source).
        if (draft.Title is null && draft.Url is not null && draft.AnchorText is { Length: >= 12 } anchor && !anchor.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            && !draft.IsLocatedWork && WorkTitles.IsNamingAnchor(anchor))
            draft.Title = anchor;
        into.Add(draft);

        for (var k = 0; k < links.Count; k++)
        {
            if (k == primary) continue;
            var alternate = new ReferenceDraft(ReferenceSignals.ReferenceList)
            {
                Url = links[k].Url,
                AnchorText = links[k].Text.Length > 0 ? links[k].Text : null,
                Context = draft.Kind == ReferenceKinds.Person ? draft.Context : draft.Title ?? draft.Context,
                IsAlternateLink = true,
            };
            alternate.Signals.Add(ReferenceSignals.AlternateLink);
            into.Add(alternate);
        }
    }

    // A list whose every item is nothing but a link to the page's own site ("Forgot password?", "Get an Invitation" in
    // AO3's "footnote actions" list) is the site's navigation; its anchors are left for the content links to judge. One
    // such item among others is a reference to the site's own writing, as any other.
    static bool IsASiteLink(DomIndex dom, int item, PageDocument page, string? pageHost)
    {
        if (pageHost is null) return false;
        var anchor = -1;
        for (var j = item; j < dom.End[item]; j++)
        {
            if (dom.Tag[j] != "a" || dom.Elements[j].GetAttribute("href") is not { } href || href.StartsWith('#')) continue;
            if (anchor >= 0) return false;
            anchor = j;
        }
        if (anchor < 0 || ContentLinks.Resolve(page, dom.Elements[anchor].GetAttribute("href")!) is not { } url
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host != pageHost) return false;
        var text = NoteBacklinks.Strip(LinkText.CollapsedText(dom.Elements[item]));
        return LinkText.CollapsedText(dom.Elements[anchor], 300).Length >= text.TrimEnd('.', ' ').Length;
    }

    // The item's own link: the one titled like the item, else its DOI, else the first link off the page's site.
    static int Primary(List<(string Url, string Text)> links, ReferenceDraft draft, string? pageHost)
    {
        if (links.Count == 0) return -1;
        var titleKey = draft.Title is null ? null : ReferenceSet.TitleKey(draft.Title);
        for (var k = 0; k < links.Count; k++)
        {
            var textKey = ReferenceSet.TitleKey(links[k].Text);
            if (titleKey is { Length: >= 8 } && textKey.Length >= 8 && (titleKey.Contains(textKey) || textKey.Contains(titleKey))) return k;
        }
        if (draft.Doi is not null)
            for (var k = 0; k < links.Count; k++)
                if (Doi.FromUrl(links[k].Url) == draft.Doi) return k;
        for (var k = 0; k < links.Count; k++)
        {
            var host = HostOf(links[k].Url);
            if (host != pageHost && !host.Contains("scholar.google") && !host.Contains("archive.org")) return k;
        }
        return 0;
    }

    static string HostOf(string canonicalUrl)
    {
        var start = canonicalUrl.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = canonicalUrl.IndexOfAny(['/', ':', '?'], start);
        return end < 0 ? canonicalUrl[start..] : canonicalUrl[start..end];
    }
}
