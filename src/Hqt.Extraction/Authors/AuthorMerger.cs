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
        public string Name { get; } = name;
        public string Key { get; } = TextTools.LooseKey(name);
        public string? Url { get; set; } = url;
        public bool? IsOrganization { get; set; } = isOrganization;
        public List<string> Signals { get; } = [signal];
        public bool IsSiteName { get; init; }
    }

    public static IReadOnlyList<ExtractedAuthor> Merge(IEnumerable<AuthorSighting> sightings, PageMetadata metadata, Uri? pageUri)
    {
        var bySignal = new Dictionary<string, List<Entry>>();
        var profileUrls = new List<string>();
        foreach (var sighting in sightings)
        {
            if (sighting.Text.Length == 0)
            {
                if (sighting.Url is not null) profileUrls.Add(sighting.Url);
                continue;
            }
            var names = AuthorNames.Split(sighting.Text);
            foreach (var name in names)
            {
                var entries = bySignal.TryGetValue(sighting.Signal, out var list) ? list : bySignal[sighting.Signal] = [];
                var entry = new Entry(name, names.Count == 1 ? sighting.Url : null, sighting.IsOrganization, sighting.Signal)
                {
                    IsSiteName = TitleCleaner.IsSiteName(name, metadata.SiteName, pageUri),
                };
                if (entries.Find(e => e.Key == entry.Key) is { } same) same.Url ??= entry.Url;
                else if (entry.Key.Length > 0) entries.Add(entry);
            }
        }
        if (bySignal.Count == 0) return [];

        var ranked = bySignal.OrderByDescending(pair => AuthorSignals.Weight(pair.Key)).ToList();
        var primary = ranked.Select(pair => pair.Value.Where(e => !e.IsSiteName).ToList()).FirstOrDefault(list => list.Count > 0);
        if (primary is not null && primary.All(IsOrganization) && AuthorSignals.Weight(primary[0].Signals[0]) < AuthorSignals.Weight(AuthorSignals.CitationAuthor))
        {
            // A CMS that fills the author meta with the publisher, while the page's markup names the writer.
            var people = ranked.Select(pair => pair.Value.Where(e => !e.IsSiteName && !IsOrganization(e)).ToList()).FirstOrDefault(list => list.Count > 0);
            if (people is not null) primary = people;
        }
        primary ??= ranked[0].Value.Take(1).ToList();

        var result = primary.Select(e => new Entry(e.Name, e.Url, e.IsOrganization, e.Signals[0]) { IsSiteName = e.IsSiteName }).ToList();
        foreach (var (_, entries) in ranked)
            foreach (var entry in entries)
                if (result.Find(r => SamePerson(r, entry)) is { } match)
                {
                    if (!match.Signals.Contains(entry.Signals[0])) match.Signals.Add(entry.Signals[0]);
                    match.Url ??= entry.Url;
                    match.IsOrganization ??= entry.IsOrganization;
                }
        foreach (var url in profileUrls)
            if (result.Find(r => r.Url is null && SlugNames(url, r.Key)) is { } owner) owner.Url = url;

        return result.Select(e => new ExtractedAuthor(e.Name, e.Url, IsOrganization(e) ? AuthorKinds.Organization : AuthorKinds.Person,
            e.Signals.OrderByDescending(AuthorSignals.Weight).ToList())).ToList();
    }

    static bool IsOrganization(Entry entry) => entry.IsOrganization ?? (entry.IsSiteName || AuthorNames.IsOrganization(entry.Name));

    /// <summary>Same key, or the same first and last name with a middle name or initial only on one side.</summary>
    static bool SamePerson(Entry a, Entry b)
    {
        if (a.Key == b.Key) return true;
        var x = a.Key.Split(' ');
        var y = b.Key.Split(' ');
        return x.Length >= 2 && y.Length >= 2 && x[0] == y[0] && x[^1] == y[^1];
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
