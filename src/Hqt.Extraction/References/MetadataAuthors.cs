using Hqt.Extraction.ReferenceStrings;
using Hqt.Names;

namespace Hqt.Extraction.References;

/// <summary>
/// The author field of a reference's metadata (Highwire <c>citation_author</c>, COinS <c>rft.au</c>, a JSON-LD author's
/// name) as people, written as a reader writes them. Publishers fill it in every style a bibliography uses: Vancouver
/// <c>Türkkan S</c> (IOP, PubMed), initials first <c>AA Romanovsky</c> (PLOS), comma lists <c>MC Thompson, TO Yeates</c>
/// (Springer Nature), or one <c>Le Guin, Ursula K.</c>; so it is not split at commas but read by the two name readers that
/// exist: <c>Türkkan S</c> is S. Türkkan, never a "Türkkan" named S.
/// </summary>
/// <remarks>
/// The reference-string parser's splitter (<see cref="ReferenceNames"/>) finds the people of a field (where one ends and
/// the next begins, "Chu T-M G" as T.-M. G. Chu). A field it reads as one person is also read by the shared name model
/// (<see cref="PersonName"/>), which keeps what a span of a reference list may drop: a suffix ("Martin Luther King Jr."),
/// initials that look like a word ("IN Shindyalov"), initials outside ASCII ("Šikalo Š"); it is taken then, and when the
/// splitter's family name is a lone letter.
/// </remarks>
static class MetadataAuthors
{
    /// <summary>The people one author field names, each as <c>Given Family</c>, "et al." and editor marks left out.</summary>
    public static IEnumerable<string> Read(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)) return [];
        var people = ReferenceNames.Split(field, out _);
        if (people.Count <= 1 && PersonName.TryParse(field, out var name) && name.Family.Length > 0)
        {
            if (people.Count == 0 || people[0].Family.Count(char.IsLetter) < 2) return Bounded([name.Display]);
            // The same person: the model's reading where it holds more (a suffix, initials the span dropped); else the
            // splitter's, which writes initials as a reader does ("N Sugimoto" is N. Sugimoto).
            if (SameFamily(people[0].Family, name.FamilyWithParticle) && (name.Suffix is not null || string.IsNullOrEmpty(people[0].Given)))
                return Bounded([name.Display]);
        }
        return Bounded(people.Select(p => p.Display));
    }

    /// <summary>Adds the people of <paramref name="field"/> to the draft's authors, in order (two people may share a name).</summary>
    public static void AddTo(ReferenceDraft draft, string? field) => draft.Authors.AddRange(Read(field));

    static bool SameFamily(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    static IEnumerable<string> Bounded(IEnumerable<string> names) => names.Where(n => n.Length is >= 2 and <= 100);
}
