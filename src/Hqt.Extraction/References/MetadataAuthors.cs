using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.References;

/// <summary>
/// The author field of a reference's metadata (Highwire <c>citation_author</c>, COinS <c>rft.au</c>) as people, written
/// as a reader writes them. Publishers fill it in every style a bibliography uses: Vancouver <c>Türkkan S</c> (IOP, PubMed),
/// initials first <c>AA Romanovsky</c> (PLOS), comma lists <c>MC Thompson, TO Yeates</c> (Springer Nature), or one
/// <c>Le Guin, Ursula K.</c>; so it is read by the reference-string parser's name splitter (<see cref="ReferenceNames"/>),
/// which knows these, and not split at commas: <c>Türkkan S</c> is S. Türkkan, never a "Türkkan" named S.
/// </summary>
static class MetadataAuthors
{
    /// <summary>The people one author field names, each as <c>Given Family</c>, "et al." and editor marks left out.</summary>
    public static IEnumerable<string> Read(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)) yield break;
        foreach (var person in ReferenceNames.Split(field, out _))
            if (person.Display is { Length: >= 2 and <= 100 } name) yield return name;
    }

    /// <summary>Adds the people of <paramref name="field"/> to the draft's authors, in order (two people may share a name).</summary>
    public static void AddTo(ReferenceDraft draft, string? field) => draft.Authors.AddRange(Read(field));
}
