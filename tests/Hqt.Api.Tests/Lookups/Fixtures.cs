using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Hqt.Api.Tests.Lookups;

/// <summary>
/// Answers shaped like the public APIs' documented ones (docs.openalex.org Work object; api.crossref.org /works/{doi}),
/// trimmed to the fields hqt reads plus a few it ignores, and HTML pages like a publisher's.
/// </summary>
public static class Fixtures
{
    public static object OpenAlexWork(string id, string? doi, string title, int year, int citedBy, string[] authors, string[]? referenced = null) => new Dictionary<string, object?>
    {
        ["id"] = $"https://openalex.org/{id}",
        ["doi"] = doi is null ? null : $"https://doi.org/{doi}",
        ["title"] = title,
        ["display_name"] = title,
        ["publication_year"] = year,
        ["type"] = "article",
        ["cited_by_count"] = citedBy,
        ["ids"] = new Dictionary<string, string?> { ["openalex"] = $"https://openalex.org/{id}", ["doi"] = doi is null ? null : $"https://doi.org/{doi}" },
        ["authorships"] = authors.Select((a, i) => new
        {
            author_position = i == 0 ? "first" : "middle",
            author = new { id = $"https://openalex.org/A{Math.Abs(a.GetHashCode()) % 100000}", display_name = a, orcid = (string?)null },
            raw_author_name = a,
        }).ToList(),
        ["referenced_works"] = referenced?.Select(r => $"https://openalex.org/{r}").ToList(),
        ["referenced_works_count"] = referenced?.Length ?? 0,
        // Where it appeared: the journal (a source of type journal) and its publisher, volume, issue and page range.
        ["primary_location"] = new { is_oa = false, source = new { id = "https://openalex.org/S4210", display_name = "Journal of Upstream Studies", host_organization_name = "Upstream Press", type = "journal" } },
        ["biblio"] = new { volume = "7", issue = "2", first_page = "100", last_page = "120" },
    };

    public static object OpenAlexList(IEnumerable<object> works) => new
    {
        meta = new { count = works.Count(), db_response_time_ms = 12, page = 1, per_page = 50 },
        results = works,
        group_by = Array.Empty<object>(),
    };

    /// <summary>A Crossref work: a journal article in "Crossref Quarterly", or with <paramref name="type"/> <c>book</c> a book (no container).</summary>
    public static object CrossrefWork(string doi, string title, int year, int referencedBy, object[] references, string type = "journal-article") => new
    {
        status = "ok",
        message_type = "work",
        message_version = "1.0.0",
        message = new Dictionary<string, object>
        {
            ["DOI"] = doi,
            ["type"] = type,
            ["container-title"] = type == "book" ? Array.Empty<string>() : new[] { "Crossref Quarterly" },
            ["publisher"] = "Registry Press",
            ["volume"] = "3",
            ["issue"] = "1",
            ["page"] = "1-9",
            ["title"] = new[] { title },
            ["author"] = new[] { new { given = "Grace", family = "Hopper", sequence = "first" } },
            ["issued"] = new Dictionary<string, object> { ["date-parts"] = new[] { new[] { year, 3 } } },
            ["is-referenced-by-count"] = referencedBy,
            ["reference-count"] = references.Length,
            ["reference"] = references,
        },
    };

    /// <summary>A page with Highwire citation metas and a reference list linking to <paramref name="cites"/>.</summary>
    public static string Page(string title, string author, int year, params string[] cites) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{title}</title>
        <meta name="citation_title" content="{title}">
        <meta name="citation_author" content="{author}">
        <meta name="citation_publication_date" content="{year}/01/01">
        </head><body><article><h1>{title}</h1><p>By {author}.</p>
        <ol class="references">{string.Concat(cites.Select(c => $"<li><a href=\"{c}\">{CitedTitle(c)}</a></li>"))}</ol>
        </article></body></html>
        """;

    /// <summary>A title of its own for each cited address ("Notes on source-a and its sources"), as reference lists give.</summary>
    public static string CitedTitle(string url) => $"Notes on {url.TrimEnd('/')[(url.TrimEnd('/').LastIndexOf('/') + 1)..]} and its sources";

    public static IResult Json(object body, int status = 200) => Results.Json(body, JsonSerializerOptions.Web, statusCode: status);

    public static IResult TooManyRequests(HttpContext context, string retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds;
        return Results.Text("Too many requests", statusCode: 429);
    }

    public static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");
}
