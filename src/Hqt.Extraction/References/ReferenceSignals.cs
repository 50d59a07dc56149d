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

    static readonly string[] Order =
        [CitationReference, JsonLd, Coins, DistillCite, BibTex, ReferenceList, Cite, Quote, Identifier, Link, NamedPerson];

    internal static int Rank(string signal)
    {
        var index = Array.IndexOf(Order, signal);
        return index < 0 ? Order.Length : index;
    }
}
