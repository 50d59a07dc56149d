using Hqt.Extraction.Names;

namespace Hqt.Api.Exports;

/// <summary>How the formats read a work's author strings: as people (<see cref="PersonName"/>), as a literal
/// name (an organisation, a mononym), or as the "et al." that ends a truncated list.</summary>
static class ExportNames
{
    public abstract record Author;
    public sealed record Person(PersonName Name) : Author;
    public sealed record Literal(string Text) : Author;

    /// <summary>The authors in order, and whether the list was cut short ("et al.", "and others").</summary>
    public static (IReadOnlyList<Author> Authors, bool IsTruncated) Read(IReadOnlyList<string> names)
    {
        var authors = new List<Author>();
        var truncated = false;
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length == 0) continue;
            if (IsEtAl(name)) { truncated = true; continue; }
            // "Smith J, et al." (and junk glued after it, "P. Hohenberg et al.Inhomogeous…"): the person, then the cut.
            var etAl = name.IndexOf(" et al", StringComparison.OrdinalIgnoreCase);
            if (etAl >= 0)
            {
                truncated = true;
                name = name[..etAl].TrimEnd(',', ' ');
                if (!PersonName.TryParse(name, out _)) continue;
            }
            if (PersonName.TryParse(name, out var person)) authors.Add(new Person(person));
            // Initials alone ("M. J. A") are half a name cut from a reference, neither a person nor an organisation.
            else if (!name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => w.TrimEnd('.').Length == 1)) authors.Add(new Literal(name));
        }
        return (authors, truncated);
    }

    static bool IsEtAl(string name) =>
        name.Replace(".", "").Replace(" ", "").ToLowerInvariant() is "etal" or "others" or "andothers" or "etalii";
}
