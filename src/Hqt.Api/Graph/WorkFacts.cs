using System.Text;
using Hqt.Extraction;
using Identity = Hqt.Extraction.Identity;
using Hqt.Extraction.Identity;
using Hqt.Extraction.References;
using Hqt.Upstream;

namespace Hqt.Api.Graph;

/// <summary>What one source says about a work: enough to find it among the reader's works and fill it in.</summary>
/// <param name="Container">The journal, book or proceedings it appeared in; with <paramref name="Volume"/>, <paramref name="Issue"/>,
/// <paramref name="Pages"/> and <paramref name="Publisher"/>, where it appeared (never an identity: a journal names many works).</param>
public sealed partial record WorkFacts(
    string Kind,
    string? Title,
    int? Year,
    string? Url,
    string? Doi,
    string? ArxivId,
    string? Isbn,
    string? Pmid,
    IReadOnlyList<string> Authors,
    int? CitedByCount = null,
    bool MatchByTitle = true,
    string? Container = null,
    string? Volume = null,
    string? Issue = null,
    string? Pages = null,
    string? Publisher = null)
{
    /// <summary>Longest container or publisher name kept; a volume, issue or page range is a short token.</summary>
    public const int MaxContainerLength = 300, MaxLocatorLength = 40;

    /// <summary>The facts with where the work appeared, each trimmed, blank ones dropped, over-long ones cut (a parse run wild is not a journal).</summary>
    public WorkFacts WithVenue(string? container, string? volume, string? issue, string? pages, string? publisher = null) => this with
    {
        Container = Bounded(container, MaxContainerLength), Volume = Bounded(volume, MaxLocatorLength), Issue = Bounded(issue, MaxLocatorLength),
        Pages = Bounded(pages, MaxLocatorLength), Publisher = Bounded(publisher, MaxContainerLength),
    };

    static string? Bounded(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        return text.Length > max ? text[..max].TrimEnd() : text;
    }

    /// <summary>The identities the work is known by, strongest first. Extracted identifiers arrive normalised.</summary>
    public IEnumerable<(string Scheme, string Value)> Identities()
    {
        if (!string.IsNullOrEmpty(Doi)) yield return ("doi", Doi.ToLowerInvariant());
        if (!string.IsNullOrEmpty(ArxivId)) yield return ("arxiv", ArxivId.ToLowerInvariant());
        if (!string.IsNullOrEmpty(Isbn)) yield return ("isbn", Isbn);
        if (!string.IsNullOrEmpty(Pmid)) yield return ("pmid", Pmid);
        // A Wayback Machine copy is the page it archives: one page citing the copy and another the page cite one work.
        if (!string.IsNullOrEmpty(Url)) yield return ("url", UrlCanonicalizer.ArchivedOriginal(Url) ?? Url);
        if (MatchByTitle && TitleKey(Title) is { } key) yield return ("title", key);
        // Where it appeared: journal, volume and first page (<see cref="WorkLocator"/>). The one identity of a work cited
        // without a title ("Phys. Rev. D 76, 056001 (2007)"); a titled work registers it too, so a later title-less citing
        // finds it, but is never found by it (see MatchesByLocator).
        if (LocatorKey is { } locator) yield return (LocatorScheme, locator);
    }

    public const string LocatorScheme = "locator";

    /// <summary>
    /// Whether these facts are matched to a known work by their locator: only when they have no title. Two titled works
    /// are told apart by their titles: a parse that misread a volume or page, or a supplement's abstracts sharing a page
    /// ("J Clin Oncol 27, 15s"), must not make them one. A title-less reference has nothing else to go by.
    /// </summary>
    public bool MatchesByLocator => string.IsNullOrWhiteSpace(Title);

    /// <summary>The locator identity (container + volume + first page, folded), when all three are known.</summary>
    public string? LocatorKey => WorkLocator.Key(Container, Volume, Pages);

    /// <summary>
    /// A title precise enough to identify a work on its own: letters and digits, lower case, at least four
    /// words and 24 characters ("Introduction" must not merge every introduction ever cited).
    /// </summary>
    public static string? TitleKey(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var key = new StringBuilder(title.Length);
        var words = 0;
        var inWord = false;
        foreach (var c in title.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord && key.Length > 0) key.Append(' ');
                if (!inWord) words++;
                key.Append(char.ToLowerInvariant(c));
                inWord = true;
            }
            else inWord = false;
        }
        return words >= 4 && key.Length >= 24 ? key.ToString() : null;
    }

    /// <summary>
    /// A cited work. A bare link has no title of its own; its anchor text, when it reads like one, stands in for
    /// display ("Attention Is All You Need" beats doi.org/10…), but never identifies the work. Whatever parser read the
    /// reference, its authors become people only where they are name-shaped (<see cref="NameForms"/>) and its title
    /// stays only where it is one (<see cref="WorkTitles"/>): this is where strings become the reader's people and works.
    /// </summary>
    /// <param name="citingHost">The host of the page that cites it: a page on an intranet's one-label host keeps its links there.</param>
    public static WorkFacts? FromReference(ExtractedReference reference, string? citingHost = null)
    {
        // A list item's further links (CAS, PMC, ADS beside its DOI) are where else its work is found: the item is the work.
        if (ReferenceSignals.IsOnlyAnAlternateLink(reference.Signals)) return null;
        var title = WorkTitles.Clean(reference.Title);
        var (url, doi, isbn, pmid, arxiv, anchor) = (reference.Url, reference.Doi, reference.Isbn, reference.Pmid, reference.ArxivId, reference.AnchorText);
        var lookup = LookupPages.Classify(url);
        if (lookup.IsLookup)
        {
            // A search or lookup link is the identifier it carries, or nothing; its anchor ("ISBN", "Google Scholar") names nothing.
            (url, anchor) = (null, null);
            (doi, isbn, pmid, arxiv) = (doi ?? lookup.Doi, isbn ?? lookup.Isbn, pmid ?? lookup.Pmid, arxiv ?? lookup.ArxivId);
        }
        else if (Identity.Doi.IsResolverUrl(url) && (doi ??= Identity.Doi.FromUrl(url)) is { } known) url = Identity.Doi.ResolverUrl(known);
        else if (IsNoWorkAddress(url, citingHost)) (url, anchor) = (null, null);
        var people = People(reference.Authors);
        // A reference cited without a title is a work when it says where it appeared (journal, volume, first page) and
        // whose or when: that locator is its identity. Its label is made where it is shown (WorkLabels), never stored as a title.
        var located = title is null && WorkLocator.Key(reference.Container, reference.Volume, reference.Pages) is not null
            && (people.Count > 0 || reference.Year is not null);
        if (url is null && title is null && doi is null && isbn is null && pmid is null && arxiv is null && !located) return null;
        return new WorkFacts(reference.Kind, title ?? (located ? null : TitleFromAnchor(anchor, url)), reference.Year, url, doi, arxiv, isbn, pmid,
            people, MatchByTitle: title is not null)
            // Where the entry says it appeared (the reference-string parser's container, volume, issue, pages and publisher).
            .WithVenue(JournalOf(reference.Container, reference.Volume), reference.Volume ?? VolumeEnding(reference.Container), reference.Issue, reference.Pages, reference.Publisher);
    }

    /// <summary>
    /// An address that stands for no work, though the page links it (and its extract reports it, as the page says it): one
    /// no reader can open (a tutorial's <c>https://3pp/oauth</c>, <c>http://localhost:3000</c>), or a platform's front page
    /// ("the company owns <c>Instagram</c>"). A reference that has a title or an identifier besides stays, without it.
    /// </summary>
    static bool IsNoWorkAddress(string? url, string? citingHost) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && ((SiteNames.IsUnqualified(uri) && !string.Equals(uri.Host, citingHost, StringComparison.OrdinalIgnoreCase)) || SiteNames.IsPlatformFrontPage(uri));

    // A journal written with its volume run on ("Int. J. Mod. Phys. A16", "Nucl. Phys. B591", "Phys. Rev. D76"), as the
    // parser reads physics styles: the volume's number is the volume and the series letter stays with the journal, so a
    // later citer's "Int. J. Mod. Phys. A" + "16" fills nothing twice ("A16 16") and the exports get a numeric volume.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<journal>.*\p{L}.*?)\s+(?<series>\p{Lu})?(?<volume>\d{1,5})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RunOnVolume();

    static string? JournalOf(string? container, string? volume) =>
        volume is null && container is not null && RunOnVolume().Match(container.Trim()) is { Success: true } m
            ? (m.Groups["journal"].Value + (m.Groups["series"].Success ? " " + m.Groups["series"].Value : "")).Trim()
            : container;

    static string? VolumeEnding(string? container) =>
        container is not null && RunOnVolume().Match(container.Trim()) is { Success: true } m ? m.Groups["volume"].Value : null;

    /// <summary>The people an author list names, each once, junk and "et al." left out.</summary>
    public static IReadOnlyList<string> People(IEnumerable<string> authors) =>
        authors.SelectMany(NameForms.People).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Anchor text worth showing as a title: a few words, not a URL, not a link label ("here", "PDF", "Google Scholar");
    /// or, for a link to a site's home page, the site's own name (<see cref="NamesTheSite"/>).
    /// </summary>
    static string? TitleFromAnchor(string? anchor, string? url)
    {
        if (string.IsNullOrWhiteSpace(anchor)) return null;
        var text = anchor.Trim();
        if (NamesTheSite(text, url)) return text;
        if (text.Length is < 4 or > 300 || text.Contains("://") || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || LooksLikeAddress(text)) return null;
        return text.Any(char.IsWhiteSpace) && WorkTitles.IsNamingAnchor(text) ? text : null;
    }

    /// <summary>
    /// A link to a site's home page whose text is that site's name ("RabbitMQ" → rabbitmq.com, "The Ubyssey" →
    /// ubyssey.ca): one word the title rules refuse (it could be any label), but here the address
    /// vouches for it, and the reader knows the site by that name, not by "rabbitmq.com". The name may be the registered
    /// name less a common head or tail ("Chai" → chaijs.com, "Vault" → vaultproject.io, "Sentry" → getsentry.com), one
    /// word of a hyphenated one ("Rust" → rust-lang.org), or a product on its maker's subdomain ("Kafka" →
    /// kafka.apache.org, "AnnoTate" → anno.tate.org.uk); never a word any site's part is called ("Shop" →
    /// shop.example.info, "Community", "Blog").
    /// </summary>
    static bool NamesTheSite(string text, string? url)
    {
        // Four letters at least: three ("NSQ", "DFJ") read as an abbreviation of anything, and the address tells the reader more.
        if (text.Length is < 4 or > 60 || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        if (uri.AbsolutePath is not ("/" or "" or "/index.html" or "/index.htm" or "/index.php") || uri.Query.Length > 1) return false;
        if (!uri.Host.Contains('.')) return false;
        var name = text.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
        var letters = string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
        if (letters.Length < 4 || PartsOfSites.Contains(letters)) return false;
        var registered = SiteNames.Registered(uri.Host).ToLowerInvariant();
        var flat = registered.Replace("-", "");
        if (letters == flat || registered.Split('-').Contains(letters)) return true;
        if (SiteNameTails.Any(tail => flat == letters + tail) || SiteNameHeads.Any(head => flat == head + letters)) return true;
        var labels = SiteNames.WithoutWww(uri.Host.ToLowerInvariant()).Split('.');
        var sub = Array.IndexOf(labels, registered) == 1 ? labels[0] : null;
        return sub is not null && (letters == sub || letters == sub + flat);
    }

    // What a site's own parts are called: a link saying one of these to its subdomain names the part, not the site.
    static readonly HashSet<string> PartsOfSites = new(StringComparer.Ordinal)
    {
        "shop", "store", "blog", "news", "docs", "help", "support", "community", "forum", "forums", "wiki", "home", "website", "site",
        "official", "app", "apps", "api", "developer", "developers", "status", "jobs", "careers", "about", "mail", "login", "download",
        "downloads", "events", "press", "media", "learn", "portal", "online", "web", "homepage", "here", "link", "page",
    };

    static readonly string[] SiteNameTails = ["js", "hq", "app", "io", "lang", "db", "project", "dev", "online", "official", "software", "labs"];
    static readonly string[] SiteNameHeads = ["get", "try", "use", "join", "go", "the", "my"];

    // "github.com/user/repo", "example.org": an address written out as the link's text.
    static bool LooksLikeAddress(string text) =>
        !text.Contains(' ') && text.Contains('.') && (text.Contains('/') || text.LastIndexOf('.') > text.Length - 6);

    /// <summary>
    /// The captured page itself; matched by URL and identifiers only, never by title (a post about a paper is not the
    /// paper). Its DOI, when the page declares one, is such an identifier: a page citing that DOI meets the capture
    /// instead of a second work.
    /// </summary>
    public static WorkFacts FromCapture(PageExtract extract) => new(
        extract.Doi is null ? ReferenceKinds.WebPage : ReferenceKinds.Paper, extract.Title, YearOf(extract.Published), extract.CanonicalUrl,
        extract.Doi, null, null, null, extract.Authors.Select(a => a.Name).ToList(), MatchByTitle: false);

    static int? YearOf(string? published) =>
        published is { Length: >= 4 } && int.TryParse(published.AsSpan(0, 4), out var year) && year is > 1000 and < 3000 ? year : null;
}
