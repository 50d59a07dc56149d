using System.Text;
using Hqt.Extraction;

namespace Hqt.Api.Graph;

/// <summary>What one source says about a work: enough to find it among the reader's works and fill it in.</summary>
public sealed record WorkFacts(
    string Kind,
    string? Title,
    int? Year,
    string? Url,
    string? Doi,
    string? ArxivId,
    string? Isbn,
    string? Pmid,
    IReadOnlyList<string> Authors,
    int? CitedByCount = null,
    bool MatchByTitle = true)
{
    /// <summary>The identities the work is known by, strongest first. Extracted identifiers arrive normalised.</summary>
    public IEnumerable<(string Scheme, string Value)> Identities()
    {
        if (!string.IsNullOrEmpty(Doi)) yield return ("doi", Doi.ToLowerInvariant());
        if (!string.IsNullOrEmpty(ArxivId)) yield return ("arxiv", ArxivId.ToLowerInvariant());
        if (!string.IsNullOrEmpty(Isbn)) yield return ("isbn", Isbn);
        if (!string.IsNullOrEmpty(Pmid)) yield return ("pmid", Pmid);
        if (!string.IsNullOrEmpty(Url)) yield return ("url", Url);
        if (MatchByTitle && TitleKey(Title) is { } key) yield return ("title", key);
    }

    /// <summary>
    /// A title precise enough to identify a work on its own: letters and digits, lower case, at least four
    /// words and 24 characters ("Introduction" must not merge every introduction ever cited).
    /// </summary>
    public static string? TitleKey(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var key = new StringBuilder(title.Length);
        var words = 0;
        var inWord = false;
        foreach (var c in title.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord && key.Length > 0) key.Append(' ');
                if (!inWord) words++;
                key.Append(char.ToLowerInvariant(c));
                inWord = true;
            }
            else inWord = false;
        }
        return words >= 4 && key.Length >= 24 ? key.ToString() : null;
    }

    /// <summary>
    /// A cited work. A bare link has no title of its own; its anchor text, when it reads like one, stands in for
    /// display ("Attention Is All You Need" beats doi.org/10…), but never identifies the work.
    /// </summary>
    public static WorkFacts FromReference(ExtractedReference reference) => new(
        reference.Kind, reference.Title ?? TitleFromAnchor(reference.AnchorText), reference.Year, reference.Url, reference.Doi,
        reference.ArxivId, reference.Isbn, reference.Pmid, reference.Authors, MatchByTitle: reference.Title is not null);

    /// <summary>Anchor text worth showing as a title: a few words, not a URL, not "here" or "this paper".</summary>
    static string? TitleFromAnchor(string? anchor)
    {
        if (string.IsNullOrWhiteSpace(anchor)) return null;
        var text = anchor.Trim();
        if (text.Length is < 12 or > 300 || text.Contains("://") || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return null;
        return text.Count(char.IsWhiteSpace) >= 2 ? text : null;
    }

    /// <summary>The captured page itself; matched by URL and identifiers only, never by title (a post about a paper is not the paper).</summary>
    public static WorkFacts FromCapture(PageExtract extract) => new(
        ReferenceKinds.WebPage, extract.Title, YearOf(extract.Published), extract.CanonicalUrl, null, null, null, null,
        extract.Authors.Select(a => a.Name).ToList(), MatchByTitle: false);

    static int? YearOf(string? published) =>
        published is { Length: >= 4 } && int.TryParse(published.AsSpan(0, 4), out var year) && year is > 1000 and < 3000 ? year : null;
}
