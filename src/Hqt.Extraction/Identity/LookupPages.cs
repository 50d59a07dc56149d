using System.Text.RegularExpressions;

namespace Hqt.Extraction.Identity;

/// <summary>
/// Search and lookup pages: a Scholar or search-engine query, a catalogue search, a wiki's <c>Special:</c> pages, its red
/// links (the form to write a missing article) and its
/// articles about identifiers (Wikipedia's "ISBN", "Digital object identifier"…). Citation templates link every reference
/// to them; none is the work cited. Such a link stands for the identifier it carries (an ISBN, a DOI, a PMID) or for
/// nothing.
/// </summary>
public static partial class LookupPages
{
    /// <summary>The identifiers a lookup URL carries; <see cref="IsLookup"/> false for any other URL.</summary>
    public readonly record struct Lookup(bool IsLookup, string? Doi, string? Isbn, string? Pmid, string? ArxivId);

    // Wiki namespaces that are never an article; "Special:BookSources/…" carries an ISBN.
    [GeneratedRegex(@"/(?:wiki/|w/index\.php\?title=)(?:Special|Help|Wikipedia|Template|Template_talk|Category|Portal|File|Image|Talk|User|User_talk|MOS|Module|Draft|Spezial|Spécial|Especial|Speciale|Speciaal|Hilfe|Aide|Ayuda|Vorlage|Kategorie|Catégorie|Categoría|Datei|Fichier|Archivo|Benutzer|Utilisateur|Usuario|Diskussion|Discussion|Discusión)(?:%3A|:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WikiNamespace();

    // Wikipedia's articles about identifiers and citation tools, which its templates link beside every reference.
    [GeneratedRegex(@"/wiki/(?:ISBN|International_Standard_Book_Number|Doi(?:_\(identifier\))?|Digital_object_identifier|PMID|PubMed(?:_Identifier)?|PMC(?:_\(identifier\))?|PubMed_Central|Bibcode|ArXiv|JSTOR|OCLC|OCLC_\(identifier\)|ISSN|International_Standard_Serial_Number|S2CID|S2CID_\(identifier\)|Semantic_Scholar|Hdl_\(identifier\)|Handle_System|LCCN|Library_of_Congress_Control_Number|ZbMATH|ZbMATH_Open|MR_\(identifier\)|Mathematical_Reviews|CiteSeerX|CiteSeerX_\(identifier\)|Wayback_Machine|Main_Page|ASIN|Amazon_Standard_Identification_Number|ISNI|VIAF|Wikidata|SSRN|ERIC|OSTI|ProQuest|Archive\.today|WebCite)(?:_\(identifier\))?(?:[?#]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WikiIdentifierArticle();

    // Hosts whose every page is a search: Google Scholar, search engines, library catalogues.
    [GeneratedRegex(@"^(?:scholar\.google\.[a-z.]+|(?:www\.)?(?:duckduckgo\.com|search\.yahoo\.com|yandex\.[a-z]+|search\.worldcat\.org|search\.crossref\.org|scholar\.archive\.org)|(?:www\.)?(?:semanticscholar\.org)(?=/search))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SearchHost();

    /// <summary>What a URL is as a reference: a lookup page (and the identifiers it carries) or not.</summary>
    public static Lookup Classify(string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return default;
        if (!IsLookupUri(uri, url)) return default;
        var query = Uri.UnescapeDataString(uri.Query.Replace('+', ' '));
        var decoded = Uri.UnescapeDataString(url);
        string? isbn = null;
        var sources = decoded.IndexOf("BookSources/", StringComparison.OrdinalIgnoreCase);
        if (sources >= 0) isbn = Isbn.ToIsbn13(decoded[(sources + 12)..].Split('?', '#', '&')[0]);
        isbn ??= Isbn.FindAll(query).FirstOrDefault() ?? IsbnParameter(query);
        string? doi = null;
        foreach (var found in Doi.FindAll(query)) { doi = found; break; }
        var pmid = PubMedId.FindAll(query).FirstOrDefault();
        var arxiv = ArxivId.FindAll(query).FirstOrDefault();
        return new Lookup(true, doi, isbn, pmid, arxiv);
    }

    /// <summary>Whether a URL is a search or lookup page rather than a work.</summary>
    public static bool IsLookup(string? url) => Classify(url).IsLookup;

    static bool IsLookupUri(Uri uri, string url)
    {
        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath;
        var query = uri.Query;
        if (SearchHost().IsMatch(host)) return true;
        if (WikiNamespace().IsMatch(url) || (host.Contains("wiki") && WikiIdentifierArticle().IsMatch(uri.AbsolutePath))) return true;
        if (path.Contains("/index.php", StringComparison.OrdinalIgnoreCase) && HasParameter(query, "search")) return true;
        // A wiki's red link: the form to write an article that does not exist ("…index.php?title=X&action=edit&redlink=1").
        if (path.Contains("/index.php", StringComparison.OrdinalIgnoreCase) && HasParameter(query, "redlink")) return true;
        var search = path.Equals("/search", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/search/", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/scholar", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/search", StringComparison.OrdinalIgnoreCase);
        var engine = SiteNames.Registered(host) is "google" or "bing" or "baidu" or "yahoo" or "ecosia" or "qwant" or "startpage" or "yandex";
        if (engine && (search || path is "/" or "" || path.StartsWith("/url", StringComparison.OrdinalIgnoreCase))) return true;
        // Google Books: a volume is a work (id=…), a query is not.
        if (host.StartsWith("books.google.", StringComparison.Ordinal) && !HasParameter(query, "id") && !path.StartsWith("/books/edition/", StringComparison.OrdinalIgnoreCase)) return true;
        // PubMed and NCBI queries; catalogues (WorldCat, a library's OPAC) answering a query.
        if ((host.Contains("ncbi.nlm.nih.gov") || host.Contains("pubmed")) && (HasParameter(query, "term") || HasParameter(query, "db"))) return true;
        if (host.Contains("worldcat.org") && (search || path.StartsWith("/search", StringComparison.OrdinalIgnoreCase) || HasParameter(query, "q"))) return true;
        // A site's own search: /search?q=…, /?s=…, and the like.
        if (search && (HasParameter(query, "q") || HasParameter(query, "query") || HasParameter(query, "term") || HasParameter(query, "s") || HasParameter(query, "search"))) return true;
        if (path is "/" or "" && (HasParameter(query, "s") || HasParameter(query, "q"))) return true;
        return false;
    }

    static bool HasParameter(string query, string name)
    {
        if (query.Length < 2) return false;
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase) && eq >= 0 && eq < pair.Length - 1) return true;
        }
        return false;
    }

    // "isbn=0262033844" in a catalogue query.
    static string? IsbnParameter(string query)
    {
        var at = query.IndexOf("isbn=", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var value = query[(at + 5)..].Split('&', '#')[0];
        return Isbn.ToIsbn13(value);
    }
}
