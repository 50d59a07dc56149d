using Microsoft.Net.Http.Headers;

namespace Hqt.Api.Exports;

/// <summary>A file format suggestions export to: its name in <c>format=</c>, its media type and file name.</summary>
/// <param name="IncludesPeople">Markdown lists people too; the bibliographic formats hold works only, so their
/// <c>limit</c> counts works.</param>
public sealed record ExportFormat(string Name, string MediaType, string Extension, bool IncludesPeople, Func<ExportContent, string> Write)
{
    public static readonly ExportFormat BibTeX = new("bibtex", "application/x-bibtex", "bib", false, BibTeXWriter.Write);
    public static readonly ExportFormat CslJson = new("csljson", "application/vnd.citationstyles.csl+json", "json", false, CslJsonWriter.Write);
    public static readonly ExportFormat Markdown = new("markdown", "text/markdown", "md", true, MarkdownWriter.Write);
    public static readonly ExportFormat Ris = new("ris", "application/x-research-info-systems", "ris", false, RisWriter.Write);

    public static readonly IReadOnlyList<ExportFormat> All = [Markdown, BibTeX, CslJson, Ris];

    /// <summary>The names <c>format=</c> takes, as the OpenAPI document lists them.</summary>
    public const string Names = "bibtex, csljson, markdown or ris";

    public string FileName => "hqt-suggestions." + Extension;

    public string ContentType => MediaType + "; charset=utf-8";

    // Other names the same files go by in Accept headers.
    static readonly Dictionary<string, ExportFormat> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/x-bibtex"] = BibTeX, ["application/x-bibtex"] = BibTeX, ["text/x-markdown"] = Markdown, ["text/markdown"] = Markdown,
        ["application/vnd.citationstyles.csl+json"] = CslJson, ["application/json"] = CslJson,
        ["application/x-research-info-systems"] = Ris,
    };

    public static ExportFormat? Named(string name) => All.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The format an <c>Accept</c> header asks for: the acceptable media type with the highest quality, ties going
    /// to the first listed; <see cref="Markdown"/> for no header or only wildcards; null when nothing listed is ours.
    /// </summary>
    public static ExportFormat? Negotiate(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0) return Markdown;
        ExportFormat? best = null;
        var bestQuality = 0.0;
        var wildcard = false;
        foreach (var value in accept)
        {
            var quality = value.Quality ?? 1.0;
            if (quality <= 0) continue;
            var type = value.MediaType.Value ?? "";
            if (type is "*/*" or "text/*" or "application/*") { wildcard = true; continue; }
            if (Aliases.TryGetValue(type, out var format) && quality > bestQuality) { best = format; bestQuality = quality; }
        }
        return best ?? (wildcard ? Markdown : null);
    }
}
