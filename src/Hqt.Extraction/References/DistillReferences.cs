using AngleSharp.Dom;
using Hqt.Extraction.Identity;

namespace Hqt.Extraction.References;

/// <summary>
/// Embedded BibTeX bibliographies (<c>script type="text/bibliography"</c>, as in Distill's <c>d-bibliography</c>)
/// and the <c>d-cite</c>/<c>dt-cite</c> keys that cite from them. When the page cites by key, only cited entries
/// count: a shared .bib often holds more than the article uses.
/// </summary>
static class DistillReferences
{
    /// <param name="cites">The page's <c>d-cite</c>/<c>dt-cite</c> elements in document order.</param>
    public static void Read(IEnumerable<IElement> bibliographies, IReadOnlyList<IElement> cites, ReferenceSet into)
    {
        var entries = new Dictionary<string, BibTexEntry>(StringComparer.OrdinalIgnoreCase);
        var order = new List<BibTexEntry>();
        foreach (var script in bibliographies)
            foreach (var entry in BibTex.Parse(script.TextContent))
                if (entries.TryAdd(entry.Key, entry)) order.Add(entry);
        if (order.Count == 0) return;

        var citedKeys = new List<string>();
        foreach (var cite in cites) AddKeys(cite, citedKeys);
        if (citedKeys.Count == 0)
        {
            foreach (var entry in order) into.Add(ToDraft(entry, ReferenceSignals.BibTex));
            return;
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in citedKeys)
            if (seen.Add(key) && entries.TryGetValue(key, out var entry))
            {
                var draft = ToDraft(entry, ReferenceSignals.DistillCite);
                draft.Signals.Add(ReferenceSignals.BibTex);
                into.Add(draft);
            }
    }

    /// <summary>The keys of every <c>d-cite</c>/<c>dt-cite</c> in document order (<c>key="a,b"</c> cites two).</summary>
    static void AddKeys(IElement cite, List<string> keys)
    {
        var value = cite.GetAttribute("key") ?? cite.GetAttribute("bibtex-key");
        if (string.IsNullOrWhiteSpace(value)) return;
        foreach (var key in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            keys.Add(key);
    }

    internal static ReferenceDraft ToDraft(BibTexEntry entry, string signal)
    {
        var draft = new ReferenceDraft(signal)
        {
            Kind = entry.Type is "book" or "inbook" or "booklet" ? ReferenceKinds.Book
                : entry.Type is "misc" or "online" or "webpage" && entry["doi"] is null && entry["eprint"] is null ? ReferenceKinds.WebPage
                : ReferenceKinds.Paper,
            Title = CitationText.Clean(entry["title"] is { } t ? BibTex.Plain(t) : null),
            Year = CitationText.YearOf(entry["year"] ?? entry["date"]),
            Doi = Doi.Normalize(entry["doi"]),
            Isbn = Isbn.ToIsbn13(entry["isbn"]),
            Pmid = PubMedId.Normalize(entry["pmid"]),
            Url = entry["url"] is { } url ? UrlCanonicalizer.Canonicalize(BibTex.Plain(url).Replace(" ", "")) : null,
        };
        if (entry["author"] is { } authors)
            draft.Authors.AddRange(BibTex.Names(BibTex.Plain(authors)));
        var eprint = entry["eprint"];
        if (eprint is not null && (entry["archiveprefix"] ?? entry["eprinttype"] ?? "arxiv").Equals("arxiv", StringComparison.OrdinalIgnoreCase))
            draft.ArxivId = ArxivId.Normalize(eprint);
        if (draft.Url is not null) IdentifierText.FillFromUrl(draft, draft.Url);
        if (draft.ArxivId is null && entry["journal"] is { } journal) draft.ArxivId = ArxivId.FindAll(journal).FirstOrDefault();
        return draft;
    }
}
