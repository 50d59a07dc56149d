namespace Hqt.Extraction.References;

/// <summary>The names of the places a reference was seen, strongest first.</summary>
public static class ReferenceSignals
{
    public const string CitationReference = "citation_reference";
    public const string JsonLd = "json-ld";
    public const string Coins = "coins";
    public const string DistillCite = "d-cite";
    public const string BibTex = "bibtex";
    public const string ReferenceList = "reference-list";
    public const string Cite = "cite";
    public const string Quote = "quote";
    public const string Identifier = "identifier";
    public const string Link = "link";
    public const string NamedPerson = "named-person";

    /// <summary>
    /// A reference-list item's further link (PubMed, PMC, CAS, ADS, Scholar beside the item's DOI): the page says where
    /// else the item's work can be found, not that it cites another work. Kept in the extract (no location is lost) and
    /// beside <see cref="ReferenceList"/>, never a work of its own in the reader's graph.
    /// </summary>
    public const string AlternateLink = "alternate-link";

    static readonly string[] Order =
        [CitationReference, JsonLd, Coins, DistillCite, BibTex, ReferenceList, Cite, Quote, Identifier, Link, NamedPerson, AlternateLink];

    /// <summary>Whether a reference is only a list item's further link: named by nothing but the list it sits in.</summary>
    public static bool IsOnlyAnAlternateLink(IReadOnlyList<string> signals) =>
        signals.Contains(AlternateLink) && signals.All(s => s is ReferenceList or AlternateLink);

    internal static int Rank(string signal)
    {
        var index = Array.IndexOf(Order, signal);
        return index < 0 ? Order.Length : index;
    }
}
