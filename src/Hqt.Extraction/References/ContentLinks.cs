using System.Buffers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Hqt.Extraction.Identity;
using Hqt.Extraction.Parsing;

namespace Hqt.Extraction.References;

/// <summary>
/// What the article itself points at: outbound links inside the main content (with anchor text and sentence),
/// <c>&lt;cite&gt;</c>, <c>blockquote[cite]</c>, <c>q[cite]</c>, identifiers written in its text, and people it
/// quotes by name.
/// </summary>
static partial class ContentLinks
{
    public static void Read(DomIndex dom, bool[] content, PageDocument page, ReferenceSet into, bool[] usedAnchors)
    {
        var blockText = new Dictionary<int, string>();
        for (var i = 0; i < dom.Count; i++)
        {
            if (!content[i]) continue;
            var element = dom.Elements[i];
            switch (dom.Tag[i])
            {
                case "a" when !usedAnchors[i]:
                    Link(dom, i, page, into, blockText);
                    break;
                case "blockquote" or "q":
                    if (element.GetAttribute("cite") is { } source && Resolve(page, source) is { } quoted && !into.IsPage(quoted))
                    {
                        var draft = new ReferenceDraft(ReferenceSignals.Quote) { Url = quoted, Context = LinkText.CollapsedText(element, 400) };
                        IdentifierText.FillFromUrl(draft, quoted);
                        into.Add(draft);
                    }
                    break;
                case "cite":
                    Cite(dom, i, into);
                    break;
            }
            if (dom.OwnText[i] >= 20 && dom.Tag[i] is not ("a" or "script" or "style"))
                Text(element, into);
        }
    }

    static void Link(DomIndex dom, int i, PageDocument page, ReferenceSet into, Dictionary<int, string> blockText)
    {
        var anchor = dom.Elements[i];
        var href = anchor.GetAttribute("href");
        if (string.IsNullOrWhiteSpace(href) || href.TrimStart().StartsWith('#')) return;
        var url = Resolve(page, href);
        if (url is null || into.IsPage(url)) return;
        // The punctuation of the sentence the link sits in is not its name's ("hype around 5G wireless technology,").
        var text = LinkText.CollapsedText(anchor, 300).TrimEnd(',', ';', ':', '(', '[', ' ');
        var draft = new ReferenceDraft(ReferenceSignals.Link)
        {
            Url = url,
            AnchorText = NamingText(anchor, text),
            Context = Context(dom, i, text, blockText),
        };
        IdentifierText.FillFromUrl(draft, url);
        // A link whose text is a whole citation ("Pain and stress responses in farmed fish. Rev. Sci. Tech. Off. Int. Epiz.,
        // Vol. 33(1), S. 245-253") is read as one: its title names the work, not the citation written out.
        if (ReadsAsACitation(text))
        {
            CitationText.Fill(draft, text);
            if (draft.Title is { } parsed) draft.AnchorText = parsed;
        }
        if (PersonNames.IsPersonLink(url, text))
        {
            draft.Kind = ReferenceKinds.Person;
            draft.Title = PersonNames.LooksLikeName(text) ? text : null;
            // An ORCID icon beside a byline names no one the reader could be shown: its iD ("0000-0003-4292-5856") is no name.
            if (draft.Title is null && PersonNames.IsResearcherRecord(url)) return;
        }
        if (InCite(dom, i)) draft.Signals.Add(ReferenceSignals.Cite);
        into.Add(draft);
    }

    // Where a citation says it appeared: "Vol. 33", "33(1)", "pp. 245", "S. 245-253", "12:34-56".
    [GeneratedRegex(@"\b(?:vol\.?\s*\d+|\d+\s*\(\d+\)|pp?\.\s*\d+|S\.\s*\d+\s*[-–]\s*\d+|\d+\s*:\s*\d+\s*[-–]\s*\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Locator();

    /// <summary>Link text that reads as a citation: a sentence and more, and where it appeared.</summary>
    static bool ReadsAsACitation(string text) =>
        text.Length is >= 40 and <= 300 && text.Contains(". ", StringComparison.Ordinal) && Locator().IsMatch(text);

    /// <summary>
    /// The best name the citing page gives a link: its heading, or its text, unless that is the address written out, in
    /// which case the link's title attribute (or its image's alt text) says more about what it points to.
    /// </summary>
    static string? NamingText(IElement anchor, string text)
    {
        // A card (a link around a picture, a heading, a date and a summary, as "related articles" are laid out) is named
        // by its heading: "Finding My Voice", not "Finding My Voice. May 28, 2021".
        if (anchor.ChildElementCount > 0 && anchor.QuerySelector("h1,h2,h3,h4,h5,h6") is { } heading
            && LinkText.CollapsedText(heading, 300) is { Length: > 0 } named) return named;
        var isAddress = text.Contains("://", StringComparison.Ordinal) || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || (!text.Contains(' ') && text.Contains('/') && text.Contains('.'));
        if (text.Length > 0 && !isAddress) return text;
        if (NameBeforeTheBracket(anchor) is { } name) return name;
        var title = LinkText.Collapse(anchor.GetAttribute("title") ?? "", 300);
        if (title.Length > 0 && title.Contains(' ')) return title;
        return text.Length > 0 ? text : anchor.QuerySelector("img[alt]")?.GetAttribute("alt");
    }

    /// <summary>
    /// Software and data cited by address are named just before the bracket that holds it: "Data analysis used Python
    /// v.3.6 (https://www.python.org/), NumPy v.1.16.4 (https://github.com/numpy/numpy)". The name is the words right
    /// before the bracket that each hold a capital (up to four: "used" and "seaborn" end it), with the version after them.
    /// </summary>
    static string? NameBeforeTheBracket(IElement anchor)
    {
        if (anchor.PreviousSibling is not IText before) return null;
        var text = before.Data.TrimEnd();
        if (text.Length < 3 || text[^1] != '(') return null;
        var words = text[..^1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var k = words.Length;
        var start = k;
        if (k > 0 && VersionWord().IsMatch(words[k - 1])) start = --k;
        var nameWords = 0;
        while (k > 0 && nameWords < 4 && words[k - 1] is var w && char.IsLetterOrDigit(w[0]) && char.IsLetterOrDigit(w[^1]) && w.Any(char.IsUpper))
        {
            start = --k;
            nameWords++;
        }
        return nameWords == 0 ? null : string.Join(' ', words[start..]);
    }

    // A version written after a name: "v.3.6", "v2", "v.2020_01", "v.925AF".
    [GeneratedRegex(@"^v\.?\d[\w.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionWord();

    static void Cite(DomIndex dom, int i, ReferenceSet into)
    {
        // A cite holding a link is read with that link; a bare cite names a work (or a person) by text alone.
        for (var j = i + 1; j < dom.End[i]; j++)
            if (dom.Tag[j] == "a") return;
        var text = LinkText.CollapsedText(dom.Elements[i], 400);
        if (text.Length < 3) return;
        var draft = new ReferenceDraft(ReferenceSignals.Cite) { Context = text };
        if (PersonNames.LooksLikeName(text.TrimStart('—', '-', '–', ' '))) { draft.Kind = ReferenceKinds.Person; draft.Title = text.TrimStart('—', '-', '–', ' '); }
        else
        {
            CitationText.Fill(draft, text);
            // A bare cite is its work's title, unless it reads as a title-less journal reference (then it is where the work appeared).
            if (!draft.IsLocatedWork) draft.Title ??= CitationText.Clean(text.Trim('"', '\u201c', '\u201d'));
            IdentifierText.Fill(draft, text);
        }
        into.Add(draft);
    }

    // Identifiers written in prose (doi:…, arXiv:…, ISBN …, PMID …) and people quoted by name.
    static void Text(IElement element, ReferenceSet into)
    {
        var children = element.ChildNodes;
        for (var k = 0; k < children.Length; k++)
        {
            if (children[k] is not IText textNode || textNode.Data.Length < 10) continue;
            var text = textNode.Data;
            if (text.AsSpan().IndexOfAny(IdentifierMarks) < 0 && !PersonNames.MayCite(text)) continue;
            foreach (var doi in Doi.FindAll(text)) Add(into, text, doi, d => d.Doi = doi);
            foreach (var arxiv in ArxivId.FindAll(text)) Add(into, text, arxiv, d => d.ArxivId = arxiv);
            foreach (var isbn in Isbn.FindAll(text)) Add(into, text, isbn, d => d.Isbn = isbn);
            foreach (var pmid in PubMedId.FindAll(text)) Add(into, text, pmid, d => d.Pmid = pmid);
            foreach (var (name, sentence) in PersonNames.Cited(text))
                into.Add(new ReferenceDraft(ReferenceSignals.NamedPerson) { Kind = ReferenceKinds.Person, Title = name, Context = LinkText.Collapse(sentence, 400) });
        }
    }

    // One vectorised scan decides whether a text node can hold an identifier at all.
    static readonly SearchValues<string> IdentifierMarks = SearchValues.Create(["10.", "arxiv", "isbn", "pmid"], StringComparison.OrdinalIgnoreCase);

    static void Add(ReferenceSet into, string text, string id, Action<ReferenceDraft> set)
    {
        var draft = new ReferenceDraft(ReferenceSignals.Identifier) { Kind = ReferenceKinds.Paper, Context = LinkText.Sentence(LinkText.Collapse(text, 2000), null) };
        set(draft);
        into.Add(draft);
    }

    /// <summary>An href resolved against the page's base and canonicalised, parsed once.</summary>
    internal static string? Resolve(PageDocument page, string href)
    {
        href = href.Trim();
        Uri? uri;
        if (page.BaseUri is not null) Uri.TryCreate(page.BaseUri, href, out uri);
        else Uri.TryCreate(href, UriKind.Absolute, out uri);
        return uri is null ? null : UrlCanonicalizer.Canonicalize(uri);
    }

    static bool InCite(DomIndex dom, int i)
    {
        for (var a = dom.Parent[i]; a >= 0; a = dom.Parent[a])
        {
            var tag = dom.Tag[a];
            if (tag == "cite") return true;
            if (tag is "p" or "li" or "div" or "blockquote") return false;
        }
        return false;
    }

    // The sentence around the link, read from its nearest block ancestor (cached: a paragraph often holds several links).
    static string? Context(DomIndex dom, int i, string anchorText, Dictionary<int, string> blockText)
    {
        var block = dom.Parent[i];
        while (block > 0 && (dom.Kind[block] & TagKind.TextBlock) == 0) block = dom.Parent[block];
        if (block < 0) return null;
        if (!blockText.TryGetValue(block, out var text))
        {
            text = dom.Text[block] > 4000 ? "" : LinkText.CollapsedText(dom.Elements[block], 4000);
            blockText[block] = text;
        }
        return text.Length == 0 ? null : LinkText.Sentence(text, anchorText.Length > 0 ? anchorText : null);
    }
}
