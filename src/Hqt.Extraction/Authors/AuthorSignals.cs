namespace Hqt.Extraction.Authors;

/// <summary>Where an author name was seen, and how much that place is trusted when signals disagree.</summary>
public static class AuthorSignals
{
    public const string CitationAuthor = "citation_author";
    public const string FrontMatter = "front-matter";
    public const string JsonLd = "json-ld";
    public const string DublinCore = "dublin-core";
    public const string Microdata = "microdata";
    public const string HCard = "h-card";
    public const string MetaAuthor = "meta-author";
    public const string RelAuthor = "rel-author";
    public const string Byline = "byline";
    public const string JsonLdContributor = "json-ld-contributor";

    /// <summary>Scholarly metas and front matter list every author on purpose; JSON-LD is machine-written; meta and markup are often
    /// a CMS account or the site itself; a byline is read off visible text.</summary>
    public static int Weight(string signal) => signal switch
    {
        CitationAuthor or FrontMatter => 10,
        JsonLd => 8,
        DublinCore or Microdata or HCard => 6,
        MetaAuthor or RelAuthor => 5,
        Byline => 3,
        _ => 1,
    };
}

/// <summary>One raw sighting of an author before cleaning: the text, the profile URL next to it, what the page says it is.</summary>
/// <param name="IsOrganization">True/false when the markup says (schema.org type), null when it does not.</param>
public sealed record AuthorSighting(string Text, string? Url, bool? IsOrganization, string Signal);
