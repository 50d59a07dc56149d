using System.Globalization;
using System.Text;
using Hqt.Extraction.Identity;

namespace Hqt.Api.Graph;

/// <summary>
/// The one place a work without a title gets the name a reader sees: who, when, and where it appeared —
/// <c>Polchinski 2001 · Int. J. Mod. Phys. A16, 707</c>. Every view (suggestions and their reasons and lineage, work and
/// person pages, the influence graph, page upstream, the exports' readable lines) shows this label; it is made when the
/// work is shown and never stored as the work's title, so nothing matches or ranks on it as if it were one.
/// </summary>
/// <remarks>
/// Why this form: physics, chemistry and astronomy cite by journal, volume and first page, and a reader recognises a
/// work that way ("Phys. Rev. D 76, 056001"); the people and the year first make it read as a name, not as a bare
/// journal citation (which is junk as a title). Up to three authors are named, more are "A and N more" (the reasons' own
/// way of counting names: "et al." would read as a stray fragment of a reference). The issue and last page are left
/// to the fields beside it.
/// </remarks>
public static class WorkLabels
{
    const int MaxContainer = 80;

    /// <summary>
    /// The label of a work with no title of its own that says where it appeared (a container naming a place, with a
    /// volume or a page), and whose or when; null when it has a title or says too little to be told apart.
    /// </summary>
    public static string? For(string? title, IReadOnlyList<string> authors, int? year, string? container, string? volume, string? pages)
    {
        if (!string.IsNullOrWhiteSpace(title) || !WorkLocator.NamesPlace(container)) return null;
        var firstPage = WorkLocator.FirstPageAsWritten(pages);
        var hasVolume = !string.IsNullOrWhiteSpace(volume);
        if (!hasVolume && firstPage is null && !WorkLocator.HasVolume(container, null)) return null;
        var who = Who(authors);
        if (who is null && year is null) return null;

        var text = new StringBuilder(96);
        if (who is not null) text.Append(who);
        // "Beneke and 3 more, 2007": a comma keeps the count and the year apart.
        if (year is { } y) text.Append(text.Length == 0 ? "" : who!.EndsWith(" more", StringComparison.Ordinal) ? ", " : " ").Append(y.ToString(CultureInfo.InvariantCulture));
        text.Append(" \u00b7 ");
        var place = Abbreviated(container!.Trim());
        if (place.Length > MaxContainer) place = place[..MaxContainer].TrimEnd() + "\u2026";
        text.Append(place);
        if (hasVolume) text.Append(' ').Append(volume!.Trim());
        if (firstPage is not null) text.Append(", ").Append(firstPage);
        return text.ToString();
    }

    /// <summary>
    /// The journal as abbreviated: a citer's "Phys. Rev" (its closing dot read as the end of the field) reads "Phys. Rev.",
    /// when an earlier word is an abbreviation with its dot and the last is a short capitalised word ("Soc", "Lett"). "ApJ"
    /// and "Nucl. Phys. B" stay.
    /// </summary>
    static string Abbreviated(string container)
    {
        var words = container.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || container.EndsWith('.')) return container;
        var last = words[^1];
        return words[..^1].Any(w => w.EndsWith('.')) && last.Length is >= 2 and <= 5 && char.IsUpper(last[0]) && last.All(char.IsLetter) && !last.All(char.IsUpper)
            ? container + "." : container;
    }

    /// <summary>"Polchinski", "Kempner and David", "Gubser, Klebanov and Polyakov", "Beneke and 3 more": family names as written.</summary>
    static string? Who(IReadOnlyList<string> authors)
    {
        var families = authors.Select(Family).OfType<string>().ToList();
        return families.Count switch
        {
            0 => null,
            1 => families[0],
            2 => $"{families[0]} and {families[1]}",
            3 => $"{families[0]}, {families[1]} and {families[2]}",
            _ => $"{families[0]} and {families.Count - 1} more",
        };
    }

    static string? Family(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        if (PersonName.TryParse(name, out var person) && person.FamilyWithParticle.Length > 0) return person.FamilyWithParticle;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : words[^1];
    }
}
