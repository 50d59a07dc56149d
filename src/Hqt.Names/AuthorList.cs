namespace Hqt.Names;

/// <summary>
/// A work's author strings read as the formats need them: people (<see cref="PersonName"/>), organisations kept whole
/// ("World Health Organization"), other literal names (a mononym, a name the model cannot split), and the "et al." that
/// ends a truncated list.
/// </summary>
public static class AuthorList
{
    public abstract record Author;

    /// <summary>One person, split into given, family, particle and suffix.</summary>
    public sealed record Person(PersonName Name) : Author;

    /// <summary>A name kept as written: an organisation (<see cref="IsOrganization"/>) or a name that is no person's
    /// split ("Plato", "Anonymous"). BibTeX writes it in double braces, CSL-JSON as <c>literal</c>.</summary>
    public sealed record Literal(string Text, bool IsOrganization) : Author;

    /// <summary>The authors in order, and whether the list was cut short ("et al.", "and others").</summary>
    public static (IReadOnlyList<Author> Authors, bool IsTruncated) Read(IEnumerable<string> names)
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
            // An organisation first: "World Health Organization" would not parse as a person, but "Cochrane Group" might.
            if (PersonName.IsOrganization(name)) authors.Add(new Literal(name, IsOrganization: true));
            else if (PersonName.TryParse(name, out var person)) authors.Add(new Person(person));
            // Initials alone ("M. J. A") are half a name cut from a reference, neither a person nor an organisation.
            else if (!name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => w.TrimEnd('.').Length == 1)) authors.Add(new Literal(name, IsOrganization: false));
        }
        return (authors, truncated);
    }

    static bool IsEtAl(string name) =>
        name.Replace(".", "").Replace(" ", "").ToLowerInvariant() is "etal" or "others" or "andothers" or "etalii";
}
