using System.Runtime.CompilerServices;
using System.Text;
using Hqt.Api.Graph;
using Hqt.Names;

namespace Hqt.Api.Exports;

/// <summary>
/// Citation keys that stay put: <c>monto1970influenza</c> (first author's family name, year, first significant
/// title word), derived from the work alone. Works whose stems collide are told apart over the reader's whole
/// graph, in work-id order: the oldest work keeps the bare stem, later ones get <c>b</c>, <c>c</c>… So a key never
/// depends on the ranking, on what else is exported, or on dismissing a work; new works (higher ids) never rename
/// an older key. Only deleting or merging the oldest of a colliding group moves the next one up.
/// </summary>
public static class CitationKeys
{
    const int MaxPart = 24;

    static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "on", "in", "and", "for", "to", "with", "from", "at", "by", "as", "is", "are", "its", "how", "what", "why",
        "der", "die", "das", "ein", "eine", "le", "la", "les", "un", "une", "des", "du", "el", "los", "las", "il", "lo", "de", "het", "een",
    };

    static readonly ConditionalWeakTable<LoadedGraph, Dictionary<string, long[]>> Groups = new();

    /// <summary>The key of a work of <paramref name="graph"/> (or of a work the graph lacks, by its stem alone).</summary>
    public static string Key(LoadedGraph graph, long workId, IReadOnlyList<string> authors, int? year, string? title)
    {
        var stem = Stem(authors, year, title, workId);
        var groups = Groups.GetValue(graph, BuildGroups);
        if (!groups.TryGetValue(stem, out var ids)) return stem;
        var rank = Array.BinarySearch(ids, workId);
        return rank <= 0 ? stem : stem + Suffix(rank);
    }

    /// <summary>b, c, … z, then ba, bb…: letters only, so a key never ends in a digit run that reads as a year.</summary>
    static string Suffix(int rank)
    {
        var text = new StringBuilder();
        for (var n = rank; n > 0; n /= 26) text.Insert(0, (char)('a' + n % 26));
        return text.ToString();
    }

    static Dictionary<string, long[]> BuildGroups(LoadedGraph graph)
    {
        var stems = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var work in graph.Works.Values)
        {
            // As ExportService names it: a work cited without a title but with its place has no title word (author + year).
            var stem = Stem(work.Authors, work.Year, work.Title ?? (work.Label is null ? work.Link : null), work.Id);
            if (!stems.TryGetValue(stem, out var list)) stems[stem] = list = [];
            list.Add(work.Id);
        }
        // Only collisions are kept: most stems are unique.
        return stems.Where(s => s.Value.Count > 1).ToDictionary(s => s.Key, s => s.Value.Order().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The key before collisions: family name, year, first significant title word (title word and year without an
    /// author); <c>work{id}</c> when nothing foldable is left.</summary>
    public static string Stem(IReadOnlyList<string> authors, int? year, string? title, long workId)
    {
        var author = "";
        foreach (var name in authors)
        {
            if (PersonName.TryParse(name, out var person)) { author = Fold(person.Family); break; }
            if (name.Contains("et al", StringComparison.OrdinalIgnoreCase)) continue;
            author = Fold(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => !StopWords.Contains(w.ToLowerInvariant())) ?? "");
            if (author.Length > 0) break;
        }
        var word = "";
        foreach (var candidate in (title ?? "").Split([' ', '-', ':', '/', '.', ',', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = Fold(candidate);
            if (folded.Length > 0 && !StopWords.Contains(folded)) { word = folded; break; }
        }
        // Without an author the title word leads ("proceedings1941"); without either, the work's id.
        var stem = author.Length > 0 ? Trim(author) + (year?.ToString() ?? "") + Trim(word)
            : word.Length > 0 ? Trim(word) + (year?.ToString() ?? "")
            : "work" + workId;
        if (!char.IsAsciiLetter(stem[0])) stem = "x" + stem;
        return stem;
    }

    static string Trim(string part) => part.Length > MaxPart ? part[..MaxPart] : part;

    /// <summary>ASCII letters and digits in lower case, accented letters folded to their base letter (Wüthrich → wuthrich,
    /// Šali → sali, Łukasiewicz → lukasiewicz, Straße → strasse); everything else dropped.</summary>
    public static string Fold(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c)) { result.Append(char.ToLowerInvariant(c)); continue; }
            // A letter with diacritics is its base letter; "ǣ" is "æ", folded below.
            var letter = LatinDiacritics.BaseOf(c);
            if (char.IsAsciiLetter(letter)) { result.Append(char.ToLowerInvariant(letter)); continue; }
            result.Append(letter switch
            {
                'ß' or 'ẞ' => "ss", 'æ' or 'Æ' => "ae", 'ø' or 'Ø' => "o", 'œ' or 'Œ' => "oe", 'ł' or 'Ł' => "l", 'đ' or 'Đ' or 'ð' or 'Ð' => "d",
                'þ' or 'Þ' => "th", 'ı' => "i", 'ŋ' or 'Ŋ' => "ng",
                _ => "",
            });
        }
        return result.ToString();
    }
}
