using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Hqt.Extraction.Text;

namespace Hqt.Extraction.Parsing;

/// <summary>A parsed page, the address its relative links resolve against, and one scan of what the rules read.</summary>
public sealed class PageDocument
{
    /// <summary>How long the parser may take before the page is read in its degraded form (head and the start of the body).</summary>
    public static readonly TimeSpan ParseBudget = TimeSpan.FromMilliseconds(800);

    /// <summary>The degraded parse reads little and in linear time; this only guards against the unforeseen.</summary>
    static readonly TimeSpan DegradedBudget = TimeSpan.FromMilliseconds(150);

    /// <summary>How much of an over-budget page the degraded parse reads: metadata sits at the top.</summary>
    const int DegradedHeadLength = 64 * 1024, DegradedTextLength = 1024 * 1024;

    static readonly HtmlParser Parser = WarmedParser();

    PageScan? _scan;
    DomIndex? _index;
    JsonLd? _jsonLd;

    PageDocument(IHtmlDocument document, int elementCount, Uri? pageUri, Uri? baseUri, bool isDegraded)
    {
        Document = document;
        ElementCount = elementCount;
        PageUri = pageUri;
        BaseUri = baseUri;
        IsDegraded = isDegraded;
    }

    public IHtmlDocument Document { get; }

    /// <summary>How many elements the parser created: the page walk sizes its arrays from it.</summary>
    internal int ElementCount { get; }

    /// <summary>The URL the page was captured at; null when it was not an absolute http(s) URL.</summary>
    public Uri? PageUri { get; }

    /// <summary><c>&lt;base href&gt;</c> resolved against the page URL, else the page URL.</summary>
    public Uri? BaseUri { get; }

    /// <summary>True when the full parse ran over <see cref="ParseBudget"/> and only the start of the page was read.</summary>
    public bool IsDegraded { get; }

    /// <summary>What the metadata and author rules read, gathered on the page's one walk (taken on first use).</summary>
    public PageScan Scan
    {
        get
        {
            if (_scan is null) Walk();
            return _scan!;
        }
    }

    /// <summary>The body's elements with their text and tag counts, which the reference rules read, from the same walk.</summary>
    internal DomIndex Index
    {
        get
        {
            if (_index is null) Walk();
            return _index!;
        }
    }

    void Walk()
    {
        var scan = new PageScan();
        _index = DomIndex.Build(Document, scan, ElementCount);
        _scan = scan;
    }

    /// <summary>The page's JSON-LD, parsed once.</summary>
    public JsonLd JsonLd => _jsonLd ??= JsonLd.Parse(Scan.JsonLd);

    public static PageDocument Load(string html, string url) => Load(html, url, ParseBudget);

    public static PageDocument Load(string html, string url, TimeSpan budget)
    {
        var (document, elementCount, isDegraded) = ParseWithin(html, budget);
        Uri.TryCreate(url, UriKind.Absolute, out var pageUri);
        if (pageUri is not null && pageUri.Scheme is not ("http" or "https")) pageUri = null;
        var baseHref = document.Head?.Children.FirstOrDefault(e => e.LocalName == "base" && e.HasAttribute("href"))?.GetAttribute("href");
        var baseUri = pageUri;
        if (!string.IsNullOrWhiteSpace(baseHref) && pageUri is not null && Uri.TryCreate(pageUri, baseHref.Trim(), out var resolved))
            baseUri = resolved;
        return new PageDocument(document, elementCount, pageUri, baseUri, isDegraded);
    }

    static (IHtmlDocument Document, int ElementCount, bool IsDegraded) ParseWithin(string html, TimeSpan budget)
    {
        var deadline = DeadlineAfter(budget);
        var outcome = TryParse(html, deadline, watchDepth: true, out var document, out var elementCount);
        // Absurd nesting is flattened only once the parser has met it: a pre-scan of every page for it cost an eighth
        // of the parse. The nesting is seen long before it gets expensive (the parser's cost per element grows with depth).
        if (outcome == ParseOutcome.TooDeep) outcome = TryParse(NestingFlattener.Flatten(html), deadline, watchDepth: false, out document, out elementCount);
        if (outcome == ParseOutcome.Done) return (document!, elementCount, false);
        // A hostile or pathological page: keep its head (where the metadata lives) and the body's text without tags,
        // which parses in linear time. Bylines in the body's markup are lost; the result is still a valid page.
        var headEnd = html.IndexOf("</head", StringComparison.OrdinalIgnoreCase);
        var head = html[..Math.Min(headEnd < 0 ? 0 : headEnd, DegradedHeadLength)];
        var text = NestingFlattener.StripTags(html.AsSpan(head.Length), DegradedTextLength);
        outcome = TryParse(head + "</head><body>" + text, DeadlineAfter(DegradedBudget), watchDepth: false, out document, out elementCount);
        if (outcome == ParseOutcome.Done) return (document!, elementCount, true);
        TryParse("", long.MaxValue, watchDepth: false, out document, out elementCount);
        return (document!, elementCount, true);
    }

    static long DeadlineAfter(TimeSpan budget) => Environment.TickCount64 + (long)budget.TotalMilliseconds;

    enum ParseOutcome { Done, OverBudget, TooDeep }

    /// <summary>Parses, stopping at <paramref name="deadline"/> and, when <paramref name="watchDepth"/>, at nesting past <see cref="NestingFlattener.MaxDepth"/>.</summary>
    static ParseOutcome TryParse(string html, long deadline, bool watchDepth, out IHtmlDocument? document, out int elementCount)
    {
        // A synchronous parse with the budget checked as each element is created: every superlinear path in the tree
        // builder (adoption agency, reconstructing formatting elements, deep nesting) creates elements as it goes, and
        // the work between two creations is linear in the input. ParseDocumentAsync with a cancellation token bounded it
        // the same way but cost about a tenth more on every page (async state machines, a token check per token).
        t_deadline = deadline;
        t_watchDepth = watchDepth;
        t_created = 0;
        document = null;
        try
        {
            document = Parser.ParseDocument(html);
            return ParseOutcome.Done;
        }
        catch (ParseBudgetExceeded)
        {
            return ParseOutcome.OverBudget;
        }
        catch (NestedTooDeep)
        {
            return ParseOutcome.TooDeep;
        }
        finally
        {
            elementCount = t_created;
            t_previous = null; // the thread must not keep the last page's tree alive
        }
    }

    /// <summary>When the current thread's parse must stop (milliseconds of <see cref="Environment.TickCount64"/>).</summary>
    [ThreadStatic]
    static long t_deadline;

    /// <summary>How many elements the current thread's parse has created, and the last of them.</summary>
    [ThreadStatic]
    static int t_created;

    [ThreadStatic]
    static IElement? t_previous;

    /// <summary>Whether the current thread's parse stops at nesting past <see cref="NestingFlattener.MaxDepth"/>.</summary>
    [ThreadStatic]
    static bool t_watchDepth;

    sealed class ParseBudgetExceeded : Exception;

    sealed class NestedTooDeep : Exception;

    static void OnCreated(IElement element, AngleSharp.Text.TextPosition position)
    {
        var previous = t_previous;
        t_previous = element;
        // The clock and the depth every 32 elements: cheap, and far finer than either bound. The depth is read from the
        // element created before this one (this one is not in the tree yet); nesting grows by about one level an element,
        // so no more than a few dozen levels past the limit go unseen.
        if ((++t_created & 31) != 0) return;
        if (Environment.TickCount64 > t_deadline) throw new ParseBudgetExceeded();
        if (t_watchDepth && previous is not null && IsDeeperThan(previous, NestingFlattener.MaxDepth)) throw new NestedTooDeep();
    }

    static bool IsDeeperThan(IElement element, int depth)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
            if (--depth < 0) return true;
        return false;
    }

    /// <summary>
    /// The parser, after one small parse: the first parse in a process pays for compiling the parser, which on a busy
    /// machine can exceed the budget and would degrade a perfectly ordinary first page.
    /// </summary>
    static HtmlParser WarmedParser()
    {
        var options = new HtmlParserOptions
        {
            IsScripting = false,
            // Element positions are never read here, and tracking them costs a tenth of the parse.
            DisableElementPositionTracking = true,
            // No rule reads comments, nor the raw text of style, xmp, iframe, noembed and noframes (style sheets, mostly):
            // skipping them also keeps CSS out of the text of the blocks that hold an inline style element.
            SkipComments = true,
            SkipRawText = true,
            OnCreated = OnCreated,
        };
        // AngleSharp's default attribute observers keep live objects in step with attributes as they are set (link
        // relations with their parsed URLs, class and rel token lists, the base URL, styles). Nothing here reads those
        // objects (token lists are built from the attribute when first asked for), and the observers cost about a tenth
        // of the parse.
        var context = BrowsingContext.New(Configuration.Default.Without<IAttributeObserver>());
        var parser = new HtmlParser(options, context);
        t_deadline = long.MaxValue;
        parser.ParseDocument("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t &amp; t</title><meta name="author" content="a">
            <script type="application/ld+json">{"a":1}</script><style>p{}</style><link rel="canonical" href="/x"></head>
            <body><div class="c" id="d"><p>x<b>y<i>z</b></i><a href="#">q</a><br><img src="i"></p><ul><li>1<li>2</ul>
            <table><tr><td>c</td></tr></table><form><input name="n"><select><option>o</select></form><!-- c --></div></body></html>
            """);
        t_previous = null;
        return parser;
    }

    /// <summary>An href as an absolute http(s) URL, or null for anything else (javascript:, mailto:, broken).</summary>
    public string? ResolveHttpUrl(string? href)
    {
        href = TextTools.Collapse(href);
        if (href is null) return null;
        Uri? uri;
        if (BaseUri is not null) Uri.TryCreate(BaseUri, href, out uri);
        else Uri.TryCreate(href, UriKind.Absolute, out uri);
        return uri is { Scheme: "http" or "https" } ? uri.AbsoluteUri : null;
    }
}
