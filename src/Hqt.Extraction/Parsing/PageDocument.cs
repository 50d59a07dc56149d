using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Hqt.Extraction.Parsing;

/// <summary>A parsed page and the address its relative links resolve against.</summary>
public sealed class PageDocument
{
    static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    PageDocument(IHtmlDocument document, Uri? pageUri, Uri? baseUri)
    {
        Document = document;
        PageUri = pageUri;
        BaseUri = baseUri;
    }

    public IHtmlDocument Document { get; }

    /// <summary>The URL the page was captured at; null when it was not an absolute http(s) URL.</summary>
    public Uri? PageUri { get; }

    /// <summary><c>&lt;base href&gt;</c> resolved against the page URL, else the page URL.</summary>
    public Uri? BaseUri { get; }

    public static PageDocument Load(string html, string url)
    {
        var document = Parser.ParseDocument(html);
        Uri.TryCreate(url, UriKind.Absolute, out var pageUri);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var baseUri = pageUri;
        if (!string.IsNullOrWhiteSpace(baseHref) && pageUri is not null && Uri.TryCreate(pageUri, baseHref.Trim(), out var resolved))
            baseUri = resolved;
        return new PageDocument(document, pageUri, baseUri);
    }

    /// <summary>An href as an absolute http(s) URL, or null for anything else (javascript:, mailto:, broken).</summary>
    public string? ResolveHttpUrl(string? href)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = href.Trim();
        Uri? uri;
        if (BaseUri is not null) Uri.TryCreate(BaseUri, href, out uri);
        else Uri.TryCreate(href, UriKind.Absolute, out uri);
        return uri is { Scheme: "http" or "https" } ? uri.AbsoluteUri : null;
    }
}
