using Hqt.Extraction.Metadata;
using Hqt.Extraction.Text;

namespace Hqt.Extraction.Authors;

/// <summary>
/// Weighs the sightings against each other: the most trusted signal that names someone decides who the authors
/// are, the others confirm them and lend their profile URLs. Site names posing as authors only count when nothing else names anyone.
/// </summary>
public static class AuthorMerger
{
    sealed class Entry(string name, string? url, bool? isOrganization, string signal)
    {
        string _name = name;
        string? _key;

        public string Name { get => _name; set { _name = value; _key = null; } }

        /// <summary>The name's loose key, kept until the name changes: matching compares every entry with every other.</summary>
        public string Key => _key ??= TextTools.LooseKey(_name);
        public string? Url { get; set; } = url;
        public bool? IsOrganization { get; set; } = isOrganization;
        public List<string> Signals { get; } = [signal];
        public bool IsSiteName { get; init; }
    }

    const int MaxSightings = 500;

    public static IReadOnlyList<ExtractedAuthor> Merge(IEnumerable<AuthorSighting> sightings, PageMetadata metadata, Uri? pageUri)
    {
        var bySignal = new Dictionary<string, List<Entry>>();
        var profileUrls = new List<string>();
        var seen = new HashSet<AuthorSighting>();
        foreach (var sighting in sightings)
        {
            // A page repeating one meta 50,000 times says it once.
            if (!seen.Add(sighting) || seen.Count > MaxSightings) continue;
            if (sighting.Text.Length == 0)
            {
                if (sighting.Url is not null) profileUrls.Add(sighting.Url);
                continue;
            }
            // "Jobs & Hire" as a whole is the site's name, though split it would look like two people.
            var wholeIsSite = TitleCleaner.IsSiteName(sighting.Text, metadata.SiteName, pageUri);
            var names = wholeIsSite && TextTools.Collapse(sighting.Text) is { } whole ? [whole] : AuthorNames.Split(sighting.Text);
            foreach (var name in names)
            {
                var entries = bySignal.TryGetValue(sighting.Signal, out var list) ? list : bySignal[sighting.Signal] = [];
                var entry = new Entry(name, names.Count == 1 ? sighting.Url : null, sighting.IsOrganization, sighting.Signal)
                {
                    IsSiteName = wholeIsSite || TitleCleaner.IsSiteName(name, metadata.SiteName, pageUri),
                };
                if (entries.Find(e => e.Key == entry.Key) is { } same) same.Url ??= entry.Url;
                else if (entry.Key.Length > 0) entries.Add(entry);
            }
        }
        if (bySignal.Count == 0) return [];
        foreach (var entries in bySignal.Values) DropDatelines(entries);

        var ranked = bySignal.OrderByDescending(pair => AuthorSignals.Weight(pair.Key)).ToList();
        var primary = ranked.Select(pair => pair.Value.Where(e => !e.IsSiteName).ToList()).FirstOrDefault(list => list.Count > 0);
        if (primary is not null && primary.All(IsOrganization) && AuthorSignals.Weight(primary[0].Signals[0]) < AuthorSignals.Weight(AuthorSignals.CitationAuthor))
        {
            // A CMS that fills the author meta with the publisher, while the page's markup names the writer.
            var people = ranked.Select(pair => pair.Value.Where(e => !e.IsSiteName && !IsOrganization(e)).ToList()).FirstOrDefault(list => list.Count > 0);
            if (people is not null) primary = people;
        }
        // Only the site names itself: keep that, as long as the page stated it for machines rather than in a byline.
        primary ??= ranked.Where(pair => AuthorSignals.Weight(pair.Key) >= AuthorSignals.Weight(AuthorSignals.MetaAuthor)).Select(pair => pair.Value.Take(1).ToList()).FirstOrDefault() ?? [];

        var result = primary.Select(e => new Entry(e.Name, e.Url, e.IsOrganization, e.Signals[0]) { IsSiteName = e.IsSiteName }).ToList();
        foreach (var (_, entries) in ranked)
            foreach (var entry in entries)
                if (result.Find(r => SamePerson(r, entry)) is { } match)
                {
                    if (!match.Signals.Contains(entry.Signals[0])) match.Signals.Add(entry.Signals[0]);
                    // "mikecason" or "Glaser" in one signal, "Mike Cason" or "April Glaser" in another: show the full name.
                    if (TextTools.CountWords(entry.Name) > TextTools.CountWords(match.Name)) match.Name = entry.Name;
                    match.Url ??= entry.Url;
                    match.IsOrganization ??= entry.IsOrganization;
                }
        foreach (var url in profileUrls)
            if (result.Find(r => r.Url is null && SlugNames(url, r.Key)) is { } owner) owner.Url = url;

        return result.Select(e => new ExtractedAuthor(e.Name, e.Url, IsOrganization(e) ? AuthorKinds.Organization : AuthorKinds.Person,
            e.Signals.OrderByDescending(AuthorSignals.Weight).ToList())).ToList();
    }

    /// <summary>
    /// A lone word beside full names in one signal is a dateline or a place ("Markus M. Haefliger, London"; "Von A und B
    /// Kakuma / Kenia"), not a co-author: people credited together are written alike. Names in scripts written without
    /// spaces, organisations, publication credits in capitals and a lone surname of a listed name are not touched.
    /// </summary>
    static void DropDatelines(List<Entry> entries)
    {
        if (entries.Count < 2) return;
        var full = entries.Count(e => e.Key.Contains(' ') && !AuthorNames.IsOrganization(e.Name));
        if (full == 0) return;
        // A word in capitals ("TIME", "AFP") is a publication's credit, which the page gives as a second author on purpose.
        entries.RemoveAll(e => !e.Key.Contains(' ') && !e.Name.Any(TextTools.IsCjk) && !AuthorNames.IsOrganization(e.Name) && e.IsOrganization != true
            && !(e.Name.Length >= 2 && e.Name.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            && !entries.Any(o => o != e && o.Key.EndsWith(" " + e.Key, StringComparison.Ordinal)));
    }

    static bool IsOrganization(Entry entry) => entry.IsOrganization ?? (entry.IsSiteName || AuthorNames.IsOrganization(entry.Name));

    /// <summary>Same key, or the same first and last name with a middle name or initial only on one side.</summary>
    static bool SamePerson(Entry a, Entry b)
    {
        if (a.Key == b.Key || a.Key.Replace(" ", "") == b.Key.Replace(" ", "")) return true;
        var x = a.Key.Split(' ');
        var y = b.Key.Split(' ');
        if (x.Length >= 2 && y.Length >= 2) return x[0] == y[0] && x[^1] == y[^1];
        // A lone surname matches the full name that ends with it.
        return (x.Length == 1 && y.Length is 2 or 3 && y[^1] == x[0] && x[0].Length > 3) || (y.Length == 1 && x.Length is 2 or 3 && x[^1] == y[0] && y[0].Length > 3);
    }

    /// <summary>Whether a profile URL's last path segment spells the name ("/by/al-baker" for "Al Baker").</summary>
    static bool SlugNames(string url, string key)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        var segment = uri.AbsolutePath.TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        return segment.Length > 0 && TextTools.LooseKey(segment.Replace('-', ' ').Replace('_', ' ').Replace('.', ' ')) == key;
    }
}
