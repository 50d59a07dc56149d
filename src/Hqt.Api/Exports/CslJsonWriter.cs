using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hqt.Api.Exports;

/// <summary>
/// CSL-JSON, citeproc's input (Zotero, pandoc, Mendeley read it): an array of items with CSL variable names, the
/// citation key as <c>id</c> (so pandoc's <c>[@key]</c> matches the BibTeX export), names split into
/// <c>family</c>/<c>given</c>/<c>non-dropping-particle</c>/<c>suffix</c> or kept <c>literal</c>. The reason goes in
/// <c>annote</c>, which styles do not print (citeproc-js reads "key: value" lines in <c>note</c> as variables).
/// </summary>
static class CslJsonWriter
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ExportContent content)
    {
        var array = new JsonArray();
        foreach (var work in content.Works) array.Add(Item(work));
        return array.ToJsonString(Options) + "\n";
    }

    static JsonObject Item(ExportedWork work)
    {
        var item = new JsonObject { ["id"] = work.Key, ["type"] = Type(work) };
        Set(item, "title", work.Title);
        var (authors, _) = AuthorList.Read(work.Authors);
        if (authors.Count > 0) item["author"] = new JsonArray(authors.Select(Name).ToArray<JsonNode?>());
        if (work.Year is { } year) item["issued"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(year)) };
        Set(item, "container-title", work.AppearedIn);
        Set(item, "volume", work.Volume);
        Set(item, "issue", work.Issue);
        Set(item, "page", work.Pages?.Replace("--", "–"));
        // The graph keeps no place of publication, so no publisher-place.
        Set(item, "publisher", work.Issuer);
        Set(item, "DOI", work.Doi);
        Set(item, "ISBN", work.Isbn);
        Set(item, "PMID", work.Pmid);
        if (work.ArxivId is { } arxiv)
        {
            // As Zotero writes preprints: the repository as publisher, the id as number.
            if (work.IsPreprint && work.Publisher is null) Set(item, "publisher", "arXiv");
            Set(item, "number", "arXiv:" + arxiv);
        }
        Set(item, "URL", work.Url ?? (work.ArxivId is { } id ? "https://arxiv.org/abs/" + id : null));
        if (work.Accessed is { } accessed && item["URL"] is not null)
            item["accessed"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(accessed.Year, accessed.Month, accessed.Day)) };
        item["annote"] = "hqt: " + work.Reason;
        item["custom"] = new JsonObject { ["hqt-id"] = "work-" + work.Id };
        return item;
    }

    static string Type(ExportedWork work) => work.Kind switch
    {
        "book" => "book",
        "chapter" => work.IsConferencePaper ? "paper-conference" : "chapter",
        "thesis" => "thesis",
        "report" => "report",
        "webpage" => "webpage",
        _ when work.IsPreprint => "article",
        _ => "article-journal",
    };

    static JsonObject Name(AuthorList.Author author)
    {
        if (author is AuthorList.Literal literal) return new JsonObject { ["literal"] = literal.Text };
        var name = ((AuthorList.Person)author).Name;
        var json = new JsonObject { ["family"] = name.Family };
        if (name.Given.Length > 0) json["given"] = name.Given;
        if (name.Particle is not null) json["non-dropping-particle"] = name.Particle;
        if (name.Suffix is not null) json["suffix"] = name.Suffix;
        return json;
    }

    static void Set(JsonObject item, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) item[name] = value;
    }
}
