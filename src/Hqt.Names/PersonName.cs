namespace Hqt.Names;

/// <summary>
/// One person's name split the way reference managers need it: given names, family name, the particle that
/// sorts with the family name ("van", "de la", "d'", "al-") and a generational suffix ("Jr.", "III").
/// </summary>
/// <remarks>
/// The one name model (project Hqt.Names, docs/architecture.md "Names"): the extractor's reference-string parser, the
/// graph's name gate and merging (<see cref="NameForms"/>) and the exports (<see cref="AuthorList"/>) all read names here.
/// <see cref="TryParse"/> answers false for text that is not one person's name ("et al.", a lone initial, "Editor",
/// "J. Biol. Chem.", an organisation, two people): callers then keep the text as a literal name.
/// </remarks>
public readonly record struct PersonName(string Given, string Family, string? Particle = null, string? Suffix = null)
{
    /// <summary>Reads one name written as "Last, First", "Last, F. M.", "First Last", "F. M. Last", Vancouver
    /// "Monto AS", all-capitals "MONTO A.S." / "DUPONT Jean", BibTeX "Last, Jr., First", with particles, suffixes,
    /// hyphenated and multi-word family names, and CJK names ("王小明", "山田 太郎").</summary>
    public static bool TryParse(string? text, out PersonName name) => PersonNameParser.TryParse(text, out name);

    /// <summary>The name parsed, or null when the text is not one person's name.</summary>
    public static PersonName? Parse(string? text) => TryParse(text, out var name) ? name : null;

    /// <summary>True when the text names an organisation, not a person ("World Health Organization", "Bank of
    /// England"): callers keep it whole as a literal name, never split into given and family names.</summary>
    public static bool IsOrganization(string? text) =>
        !string.IsNullOrWhiteSpace(text) && PersonNameParser.IsOrganization(text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary><see cref="IsOrganization(string?)"/> on a name already cut into words.</summary>
    public static bool IsOrganization(IReadOnlyList<string> words) => PersonNameParser.IsOrganization(words);

    /// <summary>True when one of the words is one only organisations carry ("Organization", "Agency", "Institut").</summary>
    public static bool HasOrganizationWord(IReadOnlyList<string> words) => PersonNameParser.HasOrganizationWord(words);

    /// <summary>True for a generational suffix as it ends a name: "Jr.", "Jr", "Sr.", "III", "2nd" (not "Junior", a family name too).</summary>
    public static bool IsSuffix(string word) => PersonNameParser.SuffixOf(word) is not null;

    /// <summary>True for a name written in a CJK script: family name first, no space ("山田太郎").</summary>
    public bool IsFamilyFirst => PersonNameParser.IsCjk(Family);

    /// <summary>The family name with its particle, as it is cited: "van Gogh", "d'Alembert", "Le Guin".</summary>
    public string FamilyWithParticle => Particle is null ? Family : JoinParticle(Particle, Family);

    /// <summary>The name as people read it: "Vincent van Gogh", "Martin Luther King Jr.", "山田太郎".</summary>
    public string Display
    {
        get
        {
            if (IsFamilyFirst) return Family + Given;
            var display = Given.Length == 0 ? FamilyWithParticle : Given + " " + FamilyWithParticle;
            return Suffix is null ? display : display + " " + Suffix;
        }
    }

    /// <summary>The name as lists sort it: "Gogh, Vincent van"-style sorting is left to tools; this is
    /// "van Gogh, Vincent", "King, Martin Luther, Jr.", "山田, 太郎".</summary>
    public string Inverted
    {
        get
        {
            var inverted = Given.Length == 0 ? FamilyWithParticle : FamilyWithParticle + ", " + Given;
            return Suffix is null ? inverted : inverted + ", " + Suffix;
        }
    }

    /// <summary>The initials of the given names: "Arnold S." → "A. S.", "Jean-Paul" → "J.-P."; empty for none.</summary>
    public string Initials => PersonNameParser.Initials(Given);

    public override string ToString() => Display;

    /// <summary>"d'" and "al-" attach to the family name; other particles are words of their own.</summary>
    internal static string JoinParticle(string particle, string family) =>
        particle.EndsWith('\'') || particle.EndsWith('’') || particle.EndsWith('-') ? particle + family : particle + " " + family;
}
