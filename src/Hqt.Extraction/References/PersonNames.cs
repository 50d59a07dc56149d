using System.Buffers;
using System.Text.RegularExpressions;

namespace Hqt.Extraction.References;

/// <summary>When a reference names a person rather than a work: profile links, biography links, "as Hamming said".</summary>
static partial class PersonNames
{
    [GeneratedRegex(@"\b(?:[Aa]s|[Aa]ccording to)\s+(?<name>\p{Lu}[\p{Ll}'\-]+(?:\s+(?:\p{Lu}\.\s*)?\p{Lu}[\p{Ll}'\-]+){0,2})\s+(?:once\s+)?(?:said|says|put it|wrote|writes|noted|notes|argued|argues|observed|remarked|explained|explains|pointed out|famously said)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsSaid();

    [GeneratedRegex(@"^\p{Lu}[\p{Ll}'\-]+(?:\s+(?:\p{Lu}\.\s*)?(?:(?:van|von|de|der|da|di|le|la)\s+)?\p{Lu}[\p{Ll}'\-]+){1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();

    static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "Of", "And", "For", "New", "University", "College", "Institute", "Times", "Post", "News", "Press", "Records", "Company",
        "Inc", "Street", "Journal", "Magazine", "Review", "Museum", "Library", "Party", "Church", "School", "River", "City", "County",
        "State", "States", "United", "National", "International", "Society", "Association", "Band", "Festival", "Award", "Awards",
        "Hall", "Park", "Center", "Centre", "Group", "Foundation", "Studios", "Records", "Festival", "Theatre", "Theater", "Project",
        "Music", "Album", "Song", "Film", "Show", "Tour", "War", "Day", "Year", "Prize", "Wikipedia", "Google", "Twitter", "Facebook",
    };

    static readonly SearchValues<string> WorkDisambiguators = SearchValues.Create(
        ["album", "song", "single", "film", "band", "novel", "book", "magazine", "newspaper", "series", "show", "play", "musical", "opera",
         "EP", "soundtrack", "video", "game", "company", "label", "ship", "building", "venue", "journal", "poem", "painting", "tour"], StringComparison.OrdinalIgnoreCase);

    // orcid.org/0000-0003-4292-5856 is a researcher's record: a person, never a work titled by the iD.
    static readonly string[] ProfileHosts = ["twitter.com", "x.com", "github.com", "mastodon.social", "linkedin.com", "bsky.app", "threads.net", "instagram.com", "orcid.org"];
    static readonly HashSet<string> NotProfiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "intent", "home", "search", "explore", "hashtag", "i", "settings", "login", "signup", "about", "features", "pricing",
        "topics", "orgs", "sponsors", "marketplace", "collections", "trending", "notifications", "messages", "compose", "tos", "privacy",
    };

    static readonly SearchValues<string> Verbs = SearchValues.Create(
        ["said", "says", "put it", "wrote", "writes", "noted", "notes", "argued", "argues", "observed", "remarked", "explain", "pointed out"], StringComparison.Ordinal);

    // The regex only runs on text that has one of its verbs: most paragraphs have none.
    internal static bool MayCite(string text) => MentionsSaying(text);

    static bool MentionsSaying(string text) => text.AsSpan().IndexOfAny(Verbs) >= 0;

    /// <summary>"Ada Lovelace"-shaped: two or three capitalised words, none of them an organisation's.</summary>
    public static bool LooksLikeName(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 40 || !NameShape().IsMatch(text)) return false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (NotNames.Contains(word.TrimEnd('.'))) return false;
        return true;
    }

    /// <summary>True for a link to a person: a profile page (one path segment on a social host, LinkedIn /in/) or a
    /// Wikipedia article whose title is the name in the anchor.</summary>
    /// <param name="canonicalUrl">A URL as <see cref="Identity.UrlCanonicalizer.Canonicalize(string?)"/> writes it (scheme, lower-case host, path, query).</param>
    public static bool IsPersonLink(string canonicalUrl, string? anchorText)
    {
        // Read from the canonical spelling instead of parsing it into a Uri again: this runs for every link in an article.
        var hostStart = canonicalUrl.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = canonicalUrl.IndexOf('/', hostStart);
        if (hostStart < 3 || pathStart < 0) return false;
        var host = canonicalUrl.AsSpan(hostStart, pathStart - hostStart);
        if (host.IndexOf('@') is var at and >= 0) host = host[(at + 1)..];
        if (host.IndexOf(':') is var colon and >= 0) host = host[..colon];
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var isWikipedia = host.EndsWith("wikipedia.org", StringComparison.OrdinalIgnoreCase);
        var profileHost = -1;
        for (var k = 0; k < ProfileHosts.Length && profileHost < 0; k++)
            if (host.SequenceEqual(ProfileHosts[k])) profileHost = k;
        if (!isWikipedia && profileHost < 0) return false;
        var queryStart = canonicalUrl.IndexOf('?', pathStart);
        var path = canonicalUrl[pathStart..(queryStart < 0 ? canonicalUrl.Length : queryStart)];
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (isWikipedia && segments.Length == 2 && segments[0] == "wiki" && !segments[1].Contains(':'))
        {
            var title = Uri.UnescapeDataString(segments[1]).Replace('_', ' ');
            var paren = title.IndexOf(" (", StringComparison.Ordinal);
            if (paren > 0)
            {
                // "(Bob Dylan album)", "(song)", "(film)": the article is about a work, not its maker.
                if (title.AsSpan(paren).IndexOfAny(WorkDisambiguators) >= 0) return false;
                title = title[..paren];
            }
            return LooksLikeName(title) && anchorText is not null && (anchorText == title || title.EndsWith(anchorText, StringComparison.Ordinal));
        }
        if (profileHost < 0) return false;
        if (ProfileHosts[profileHost] == "linkedin.com") return segments.Length == 2 && segments[0] == "in";
        return segments.Length == 1 && !NotProfiles.Contains(segments[0]) && queryStart < 0;
    }

    /// <summary>Whether the address is a researcher's ORCID record (<c>https://orcid.org/0000-0003-4292-5856</c>).</summary>
    public static bool IsResearcherRecord(string canonicalUrl) =>
        canonicalUrl.StartsWith("https://orcid.org/", StringComparison.OrdinalIgnoreCase) || canonicalUrl.StartsWith("http://orcid.org/", StringComparison.OrdinalIgnoreCase)
        || canonicalUrl.StartsWith("https://www.orcid.org/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The names a paragraph cites as sources: "as Hamming said", "according to Jane Jacobs wrote".</summary>
    public static IEnumerable<(string Name, string Sentence)> Cited(string text)
    {
        if (!MentionsSaying(text)) yield break;
        foreach (Match match in AsSaid().Matches(text))
        {
            var name = match.Groups["name"].Value;
            if (NotNames.Contains(name)) continue;
            yield return (name, LinkText.Sentence(text, match.Value) ?? match.Value);
        }
    }
}
