using System.Text;

namespace Hqt.Api.Exports;

/// <summary>A reading list a person can paste anywhere: works with their authors, where they appeared and why, then people.</summary>
static class MarkdownWriter
{
    public static string Write(ExportContent content)
    {
        var text = new StringBuilder("# Upstream reading list\n");
        if (content.Works.Count > 0)
        {
            text.Append("\n## Works\n\n");
            foreach (var work in content.Works) Work(text, work);
        }
        if (content.People.Count > 0)
        {
            text.Append("\n## People\n\n");
            foreach (var person in content.People)
                text.Append("- **").Append(Escape(person.Name)).Append("**  \n  ").Append(Escape(person.Reason)).Append('\n');
        }
        return text.ToString();
    }

    static void Work(StringBuilder text, ExportedWork work)
    {
        var title = Escape(work.Title ?? work.Label);
        var link = work.Url ?? (work.Doi is { } doi ? "https://doi.org/" + doi : null);
        text.Append("- ").Append(link is null ? title : $"[{title}](<{link.Replace(">", "%3E")}>)");
        var (authors, truncated) = AuthorList.Read(work.Authors);
        if (authors.Count > 0)
        {
            var names = authors.Take(3).Select(a => a is AuthorList.Person p ? p.Name.Display : ((AuthorList.Literal)a).Text);
            text.Append(" — ").Append(Escape(string.Join(", ", names))).Append(authors.Count > 3 || truncated ? " et al." : "");
        }
        if (work.Year is { } year) text.Append(" (").Append(year).Append(')');
        if (work.Container is { } container)
        {
            text.Append(". *").Append(Escape(container)).Append('*');
            if (work.Volume is { } volume) text.Append(' ').Append(Escape(volume));
            if (work.Issue is { } issue) text.Append('(').Append(Escape(issue)).Append(')');
            if (work.Pages is { } pages) text.Append(", ").Append(Escape(pages));
        }
        if (work.Doi is { } id && work.Url is not null) text.Append(". doi:").Append(Escape(id));
        text.Append(" `").Append(work.Key).Append('`');
        text.Append("  \n  ").Append(Escape(work.Reason)).Append('\n');
    }

    static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if ("\\`*_{}[]()<>#|!".Contains(c)) text.Append('\\');
            text.Append(c is '\n' or '\r' ? ' ' : c);
        }
        return text.ToString();
    }
}
