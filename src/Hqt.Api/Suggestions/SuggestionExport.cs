using Hqt.Upstream;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hqt.Api.Suggestions;

/// <summary>Suggestions as files reference managers import (Zotero reads all three).</summary>
public abstract class SuggestionExport
{
    public abstract string ContentType { get; }
    public abstract string Write(IReadOnlyList<Suggestion> items);

    public static SuggestionExport? Find(string format) => format.ToLowerInvariant() switch
    {
        "bibtex" or "bib" => new BibTeX(),
        "csljson" or "csl-json" or "csl" => new CslJson(),
        "markdown" or "md" => new Markdown(),
        _ => null,
    };

    /// <summary>BibTeX: works only (people are not entries); the reason goes in <c>note</c>.</summary>
    sealed class BibTeX : SuggestionExport
    {
        public override string ContentType => "application/x-bibtex; charset=utf-8";

        public override string Write(IReadOnlyList<Suggestion> items)
        {
            var text = new StringBuilder();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items.Where(i => i.Kind == "work"))
            {
                var key = UniqueKey(item, keys);
                var type = item.Url?.Contains("doi.org/", StringComparison.Ordinal) == true ? "article" : "misc";
                text.Append('@').Append(type).Append('{').Append(key).Append(",\n");
                Field(text, "title", item.Title);
                if (item.Authors.Count > 0) Field(text, "author", string.Join(" and ", item.Authors.Select(NameForms.FamilyFirst)));
                if (item.Year is { } year) Field(text, "year", year.ToString());
                if (item.Url is { } url)
                {
                    Field(text, "url", url, escape: false);
                    if (url.StartsWith("https://doi.org/", StringComparison.Ordinal)) Field(text, "doi", url["https://doi.org/".Length..], escape: false);
                }
                Field(text, "note", "hqt: " + item.Reason);
                text.Append("}\n\n");
            }
            return text.ToString();
        }

        static void Field(StringBuilder text, string name, string value, bool escape = true) =>
            text.Append("  ").Append(name).Append(" = {").Append(escape ? Escape(value) : value.Replace("}", "%7D").Replace("{", "%7B")).Append("},\n");

        /// <summary>TeX's special characters as TeX spells them, so titles survive any BibTeX reader.</summary>
        static string Escape(string value)
        {
            var text = new StringBuilder(value.Length);
            foreach (var c in value)
                text.Append(c switch
                {
                    '\\' => @"\textbackslash{}",
                    '{' or '}' or '%' or '&' or '$' or '#' or '_' => "\\" + c,
                    '~' => @"\textasciitilde{}",
                    '^' => @"\textasciicircum{}",
                    '\n' or '\r' => " ",
                    _ => c.ToString(),
                });
            return text.ToString();
        }

        static string UniqueKey(Suggestion item, HashSet<string> keys)
        {
            var surname = item.Authors.FirstOrDefault() is { } first
                ? (first.Contains(',') ? first[..first.IndexOf(',')] : first.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
                : item.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            var stem = new string(surname.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
            if (stem.Length == 0) stem = "ref";
            stem += item.Year?.ToString() ?? "";
            var key = stem;
            for (var n = 0; !keys.Add(key); n++) key = stem + (char)('a' + n % 26) + (n >= 26 ? (n / 26).ToString() : "");
            return key;
        }
    }

    /// <summary>CSL-JSON (citeproc's input): an array of items with CSL variable names.</summary>
    sealed class CslJson : SuggestionExport
    {
        public override string ContentType => "application/vnd.citationstyles.csl+json; charset=utf-8";

        public override string Write(IReadOnlyList<Suggestion> items)
        {
            var array = new JsonArray();
            foreach (var item in items.Where(i => i.Kind == "work"))
            {
                var entry = new JsonObject
                {
                    ["id"] = item.Id,
                    ["type"] = item.Url?.Contains("doi.org/", StringComparison.Ordinal) == true ? "article-journal" : "webpage",
                    ["title"] = item.Title,
                    ["note"] = "hqt: " + item.Reason,
                };
                if (item.Authors.Count > 0) entry["author"] = new JsonArray(item.Authors.Select(Name).ToArray<JsonNode?>());
                if (item.Year is { } year) entry["issued"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(year)) };
                if (item.Url is { } url)
                {
                    entry["URL"] = url;
                    if (url.StartsWith("https://doi.org/", StringComparison.Ordinal)) entry["DOI"] = url["https://doi.org/".Length..];
                }
                array.Add(entry);
            }
            return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }

        /// <summary>"Last, First" and "First Last" become family/given; a single word stays a literal name.</summary>
        static JsonObject Name(string name)
        {
            // "Miller W" is family Miller: Vancouver names are read family first, as the BibTeX export writes them.
            name = NameForms.FamilyFirst(name);
            var comma = name.IndexOf(',');
            if (comma > 0) return new JsonObject { ["family"] = name[..comma].Trim(), ["given"] = name[(comma + 1)..].Trim() };
            var space = name.Trim().LastIndexOf(' ');
            return space > 0
                ? new JsonObject { ["family"] = name.Trim()[(space + 1)..], ["given"] = name.Trim()[..space] }
                : new JsonObject { ["literal"] = name.Trim() };
        }
    }

    /// <summary>A reading list a person can paste anywhere.</summary>
    sealed class Markdown : SuggestionExport
    {
        public override string ContentType => "text/markdown; charset=utf-8";

        public override string Write(IReadOnlyList<Suggestion> items)
        {
            var text = new StringBuilder("# Upstream reading list\n");
            Section(text, "Works", items.Where(i => i.Kind == "work"));
            Section(text, "People", items.Where(i => i.Kind == "person"));
            return text.ToString();
        }

        static void Section(StringBuilder text, string heading, IEnumerable<Suggestion> items)
        {
            var list = items.ToList();
            if (list.Count == 0) return;
            text.Append("\n## ").Append(heading).Append("\n\n");
            foreach (var item in list)
            {
                var title = EscapeMarkdown(item.Title);
                text.Append("- ").Append(item.Url is null ? title : $"[{title}](<{item.Url}>)");
                if (item.Authors.Count > 0) text.Append(" — ").Append(EscapeMarkdown(string.Join(", ", item.Authors.Take(3)))).Append(item.Authors.Count > 3 ? " et al." : "");
                if (item.Year is { } year) text.Append(" (").Append(year).Append(')');
                text.Append("  \n  ").Append(EscapeMarkdown(item.Reason)).Append('\n');
            }
        }

        static string EscapeMarkdown(string value) =>
            new StringBuilder(value.Length).AppendJoin("", value.Select(c => "\\`*_{}[]()<>#|!".Contains(c) ? "\\" + c : c == '\n' ? " " : c.ToString())).ToString();
    }
}
