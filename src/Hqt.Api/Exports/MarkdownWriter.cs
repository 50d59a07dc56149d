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
        Where(text, work);
        if (work.Doi is { } id && work.Url is not null) text.Append(". doi:").Append(Escape(id));
        text.Append(" `").Append(work.Key).Append('`');
        text.Append("  \n  ").Append(Escape(work.Reason)).Append('\n');
    }

    /// <summary>Where it appeared, as a reading list says it for each kind: a journal in italics with its volume and pages,
    /// a chapter "In" its book, a thesis or report with who issued it, a book with its publisher.</summary>
    static void Where(StringBuilder text, ExportedWork work)
    {
        switch (work.Kind)
        {
            case "thesis" or "report" when work.Issuer is { } issuer:
                text.Append(". ").Append(work.Kind == "thesis" ? "Thesis" : "Report").Append(", ").Append(Escape(issuer));
                return;
            case "book" when work.Container is null:
                if (work.Publisher is { } publisher) text.Append(". ").Append(Escape(publisher));
                return;
        }
        if (work.AppearedIn is not { } container) return;
        text.Append(work.Kind == "chapter" ? ". In *" : ". *").Append(Escape(container)).Append('*');
        if (work.Volume is { } volume) text.Append(' ').Append(Escape(volume));
        if (work.Issue is { } issue) text.Append('(').Append(Escape(issue)).Append(')');
        if (work.Pages is { } pages) text.Append(work.Kind == "chapter" ? ", pp. " : ", ").Append(Escape(pages));
        if (work.Kind == "chapter" && work.Publisher is { } house) text.Append(". ").Append(Escape(house));
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
