using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Hqt.Extraction.Parsing;

/// <summary>
/// The body's elements in document order with their parent and the text, link text and tag counts under them,
/// built in one iterative walk (pages nest deeper than a recursion should go) and summed bottom-up.
/// Element <c>i</c>'s subtree is the range <c>[i, End[i])</c>.
/// </summary>
/// <remarks>
/// The same walk feeds <see cref="PageScan"/> (the lists the metadata and author rules read), reading each element's
/// attributes once for both: the page is walked once, whatever is extracted from it.
/// </remarks>
sealed class DomIndex
{
    public IElement[] Elements = [];

    /// <summary>Each element's local name, read once: the rules compare tags in every loop.</summary>
    public string[] Tag = [];

    /// <summary>What each element's tag is, as flags (the rules' set questions, answered once).</summary>
    public TagKind[] Kind = [];
    public int[] Parent = [];
    public int Count { get; private set; }
    public int[] End = [];
    public int[] Text = [];
    public int[] LinkText = [];
    public int[] Commas = [];
    public int[] OwnText = [];
    public int[] OwnCommas = [];
    public int[] ElementChildren = [];
    public int[] Paragraphs = [];
    public int[] Images = [];
    public int[] ListItems = [];
    public int[] Inputs = [];
    public int[] Embeds = [];
    public int[] HeadingText = [];
    public int[] ListText = [];
    public int[] Tables = [];
    public bool[] HasBlockChild = [];
    public bool[] Hidden = [];

    /// <summary>Each element's class, id and ARIA role attributes.</summary>
    public string?[] Class = [];
    public string?[] Id = [];
    public string?[] Role = [];

    /// <summary>The word lists each element's class and id hold (<see cref="ClassWords"/>), read on first use: only the
    /// reference rules ask, so a walk for metadata and authors alone does not pay for them.</summary>
    public ClassWords.Lists[] ClassLists => _classLists ?? ReadClassWords().Class;

    public ClassWords.Lists[] IdLists => _idLists ?? ReadClassWords().Id;

    ClassWords.Lists[]? _classLists, _idLists;

    /// <summary>Elements the reference sources read, met on the same walk: metas, JSON-LD and bibliography scripts, COinS spans, d-cite elements.</summary>
    public readonly List<IElement> CitationMetas = [];
    public readonly List<IElement> JsonLd = [];
    public readonly List<IElement> Bibliographies = [];
    public readonly List<IElement> Coins = [];
    public readonly List<IElement> DistillCites = [];

    /// <summary>Indexes the body (element 0), collects the head's citation metas and scripts, and shows every element of head and body to <paramref name="scan"/>.</summary>
    /// <param name="elementCount">How many elements the document has (the parser's count): every array is sized once from it.</param>
    public static DomIndex Build(IDocument document, PageScan scan, int elementCount)
    {
        var index = new DomIndex();
        if (document.DocumentElement is { } html) scan.ReadRoot(html);
        if (document.Head is { } head) WalkHead(index, scan, head);
        var root = (IElement?)document.Body ?? document.DocumentElement;
        if (root is null) return Summed(index, 0, [], [], [], []);
        var capacity = elementCount + 1;
        index.Elements = new IElement[capacity];
        index.Tag = new string[capacity];
        index.Kind = new TagKind[capacity];
        index.Parent = new int[capacity];
        index.Class = new string?[capacity];
        index.Id = new string?[capacity];
        index.Role = new string?[capacity];
        var ownText = new int[capacity];
        var linkOwn = new int[capacity];
        var commaOwn = new int[capacity];
        var hidden = new bool[capacity];
        var inAnchor = new bool[capacity];
        var stack = new Stack<(IElement Node, int Parent)>();
        stack.Push((root, -1));
        var n = 0;
        while (stack.Count > 0)
        {
            var (element, parent) = stack.Pop();
            var tag = element.LocalName;
            var kind = TagKinds.Of(tag);
            Collect(index, element, tag);
            if ((kind & TagKind.Opaque) != 0 && parent >= 0)
            {
                // Not indexed, but the scan still sees the element itself (a script's JSON-LD, a meta in the body).
                if (tag is not ("head" or "svg" or "math" or "template")) scan.Visit(element, tag, ElementAttributes.Read(element));
                continue;
            }
            if (n == index.Elements.Length) Grow(index, ref ownText, ref linkOwn, ref commaOwn, ref hidden, ref inAnchor);
            var id = n++;
            index.Elements[id] = element;
            index.Tag[id] = tag;
            index.Kind[id] = kind;
            index.Parent[id] = parent;
            var attributes = ElementAttributes.Read(element);
            scan.Visit(element, tag, attributes);
            // COinS spans, tested on the class already read (a span is never opaque, so every one passes here).
            if (tag == "span" && attributes.Class is { } spanClass && spanClass.Contains("Z3988", StringComparison.Ordinal)) index.Coins.Add(element);
            index.Class[id] = attributes.Class;
            index.Id[id] = attributes.Id;
            index.Role[id] = attributes.Role;
            hidden[id] = (parent >= 0 && hidden[parent]) || attributes.Hidden;
            inAnchor[id] = (parent >= 0 && inAnchor[parent]) || (tag == "a" && attributes.Href is not null);
            // ChildNodes by index: AngleSharp's PreviousSibling/NextSibling search the parent's list on every call.
            var children = element.ChildNodes;
            for (var k = children.Length - 1; k >= 0; k--)
            {
                var child = children[k];
                if (child is IElement childElement) stack.Push((childElement, id));
                else if (child is IText text)
                {
                    // Text belongs to its parent; order does not matter for sums.
                    var (length, commas) = Measure(text.Data);
                    ownText[id] += length;
                    commaOwn[id] += commas;
                    if (inAnchor[id]) linkOwn[id] += length;
                }
            }
        }
        return Summed(index, n, ownText, linkOwn, commaOwn, hidden);
    }

    // The head is small and not indexed: every element in it is shown to the scan, and its metas and scripts collected.
    static void WalkHead(DomIndex index, PageScan scan, IElement head)
    {
        scan.Visit(head, head.LocalName, ElementAttributes.Read(head));
        foreach (var element in ElementWalk.Descendants(head, skip: e => e is IHtmlTemplateElement || e.LocalName is "svg" or "math"))
        {
            var tag = element.LocalName;
            if (element is IHtmlTemplateElement || !ReferenceEquals(element.NamespaceUri, NamespaceNames.HtmlUri) && element.NamespaceUri != NamespaceNames.HtmlUri) continue;
            Collect(index, element, tag);
            scan.Visit(element, tag, ElementAttributes.Read(element));
        }
    }

    // The sums over each subtree, bottom-up.
    static DomIndex Summed(DomIndex index, int n, int[] ownText, int[] linkOwn, int[] commaOwn, bool[] hidden)
    {
        index.Count = n;
        index.End = new int[n];
        index.Text = ownText.AsSpan(0, n).ToArray();
        index.OwnText = ownText;
        index.LinkText = linkOwn;
        index.Commas = commaOwn.AsSpan(0, n).ToArray();
        index.OwnCommas = commaOwn;
        index.ElementChildren = new int[n];
        index.Paragraphs = new int[n];
        index.Images = new int[n];
        index.ListItems = new int[n];
        index.Inputs = new int[n];
        index.Embeds = new int[n];
        index.HeadingText = new int[n];
        index.ListText = new int[n];
        index.Tables = new int[n];
        index.HasBlockChild = new bool[n];
        index.Hidden = hidden;
        for (var i = n - 1; i >= 0; i--)
        {
            var kind = index.Kind[i];
            if ((kind & TagKind.Paragraph) != 0) index.Paragraphs[i]++;
            if ((kind & TagKind.Image) != 0) index.Images[i]++;
            if ((kind & TagKind.ListItem) != 0) index.ListItems[i]++;
            if ((kind & TagKind.Input) != 0) index.Inputs[i]++;
            if ((kind & TagKind.Embed) != 0) index.Embeds[i]++;
            if ((kind & TagKind.Table) != 0) index.Tables[i]++;
            if ((kind & TagKind.Heading) != 0) index.HeadingText[i] = index.Text[i];
            if ((kind & TagKind.List) != 0) index.ListText[i] = index.Text[i];
            if (index.End[i] == 0) index.End[i] = i + 1;
            var p = index.Parent[i];
            if (p < 0) continue;
            index.ElementChildren[p]++;
            index.End[p] = Math.Max(index.End[p], index.End[i]);
            index.Text[p] += index.Text[i];
            index.LinkText[p] += index.LinkText[i];
            index.Commas[p] += index.Commas[i];
            index.Paragraphs[p] += index.Paragraphs[i];
            index.Images[p] += index.Images[i];
            index.ListItems[p] += index.ListItems[i];
            index.Inputs[p] += index.Inputs[i];
            index.Embeds[p] += index.Embeds[i];
            index.Tables[p] += index.Tables[i];
            if ((kind & TagKind.Heading) == 0) index.HeadingText[p] += index.HeadingText[i];
            if ((kind & TagKind.List) == 0) index.ListText[p] += index.ListText[i];
            if ((kind & TagKind.Block) != 0) index.HasBlockChild[p] = true;
        }
        return index;
    }

    // Only when the parser's count was short (it always covers the body; this is a guard, not a path).
    static void Grow(DomIndex index, ref int[] ownText, ref int[] linkOwn, ref int[] commaOwn, ref bool[] hidden, ref bool[] inAnchor)
    {
        var size = index.Elements.Length * 2;
        Array.Resize(ref index.Elements, size);
        Array.Resize(ref index.Tag, size);
        Array.Resize(ref index.Kind, size);
        Array.Resize(ref index.Parent, size);
        Array.Resize(ref index.Class, size);
        Array.Resize(ref index.Id, size);
        Array.Resize(ref index.Role, size);
        Array.Resize(ref ownText, size);
        Array.Resize(ref linkOwn, size);
        Array.Resize(ref commaOwn, size);
        Array.Resize(ref hidden, size);
        Array.Resize(ref inAnchor, size);
    }

    static void Collect(DomIndex index, IElement element, string tag)
    {
        switch (tag)
        {
            case "script":
                var type = element.GetAttribute("type");
                if (type is null) break;
                if (type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) index.JsonLd.Add(element);
                else if (type.Contains("bibliography", StringComparison.OrdinalIgnoreCase) || type.Contains("bibtex", StringComparison.OrdinalIgnoreCase)) index.Bibliographies.Add(element);
                break;
            case "meta":
                if (string.Equals(element.GetAttribute("name"), "citation_reference", StringComparison.OrdinalIgnoreCase)) index.CitationMetas.Add(element);
                break;
            case "d-cite" or "dt-cite":
                index.DistillCites.Add(element);
                break;
        }
    }

    (ClassWords.Lists[] Class, ClassWords.Lists[] Id) ReadClassWords()
    {
        _classLists = new ClassWords.Lists[Count];
        _idLists = new ClassWords.Lists[Count];
        // Pages repeat a few class names on thousands of elements: each distinct value is read once.
        var known = new Dictionary<string, ClassWords.Lists>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            _classLists[i] = ListsOf(Class[i], known);
            _idLists[i] = ListsOf(Id[i], known);
        }
        return (_classLists, _idLists);
    }

    static ClassWords.Lists ListsOf(string? value, Dictionary<string, ClassWords.Lists> known)
    {
        if (string.IsNullOrEmpty(value)) return ClassWords.Lists.None;
        if (!known.TryGetValue(value, out var lists)) known[value] = lists = ClassWords.Of(value);
        return lists;
    }

    public double LinkDensity(int i) => Text[i] == 0 ? 0 : (double)LinkText[i] / Text[i];

    // Text length with runs of whitespace counted once, and Readability's comma set.
    static (int Length, int Commas) Measure(string data)
    {
        int length = 0, commas = 0;
        var space = true;
        foreach (var c in data)
        {
            // ASCII letters, digits and punctuation first: most of any page's text.
            if (c > ' ' && c < '\u007f')
            {
                space = false;
                length++;
                if (c == ',') commas++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (!space) { length++; space = true; }
                continue;
            }
            space = false;
            length++;
            if (c is ',' or '\u060C' or '\uFE50' or '\uFE10' or '\uFE11' or '\u2E41' or '\u2E34' or '\u2E32' or '\uFF0C') commas++;
        }
        return (length, commas);
    }
}
