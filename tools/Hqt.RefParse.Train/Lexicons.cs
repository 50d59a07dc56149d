using Hqt.Extraction.ReferenceStrings;

namespace Hqt.RefParse.Train;

/// <summary>The learned word lists: words seen at least twice in the training split's names, journals, publishers and places.</summary>
static class Lexicons
{
    /// <summary>
    /// Whether the model looks whole container names up as phrases (see RefLexicons.UsePhrases): on since the tenth
    /// session's merge (<c>--no-phrases</c> turns it off). Chosen on three held-out tenths of train (all fields 0.9123 →
    /// 0.9147, title 0.8653 → 0.8670; the GROBID set 0.870 → 0.887); dev-test's title read 0.003 lower, within the
    /// 35–45 verdicts two trainings differ by (docs/benchmarks/refparse.md, eighth round).
    /// </summary>
    public static bool WithPhrases { get; set; } = true;

    public static RefLexicons Learn(IEnumerable<(LabelledReference Reference, List<RefToken> Tokens, RefLabel[] Labels)> data)
    {
        var given = new Dictionary<string, int>();
        var family = new Dictionary<string, int>();
        var journal = new Dictionary<string, int>();
        var publisher = new Dictionary<string, int>();
        var location = new Dictionary<string, int>();
        var containers = new Dictionary<string, (int Count, string Written)>();
        foreach (var (reference, tokens, labels) in data)
        {
            if (reference.Gold.Container is { Length: > 1 } container && Phrase(container) is { Length: > 0 } phrase)
                containers[phrase] = (containers.GetValueOrDefault(phrase).Count + 1, container);
            var families = reference.Gold.Authors.Concat(reference.Gold.Editors)
                .SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => w.ToLowerInvariant()).ToHashSet();
            foreach (var f in families) Add(family, f);
            for (var i = 0; i < tokens.Count; i++)
            {
                var lower = RefFeatures.Core(tokens[i].Text).ToLowerInvariant();
                switch (labels[i])
                {
                    case RefLabel.Author or RefLabel.Editor:
                        if (!families.Contains(lower) && !RefFeatures.IsInitial(tokens[i].Text) && lower.Length > 2 && lower.All(char.IsLetter)
                            && char.IsUpper(RefFeatures.Core(tokens[i].Text)[0]))
                            Add(given, lower);
                        break;
                    case RefLabel.Container: Add(journal, lower); break;
                    case RefLabel.Publisher: Add(publisher, lower); break;
                    case RefLabel.Location: Add(location, lower); break;
                }
            }
        }
        var lexicons = new RefLexicons { UsePhrases = WithPhrases };
        Fill(lexicons.Given, given, 2);
        Fill(lexicons.Family, family, 2);
        Fill(lexicons.Journal, journal, 3);
        Fill(lexicons.Publisher, publisher, 2);
        Fill(lexicons.Location, location, 2);
        // Whole container names seen twice or more, as written and abbreviated (what a physics list would write of them).
        foreach (var (phrase, (count, written)) in containers)
        {
            if (count < 2 || !WithPhrases) continue;
            lexicons.Containers.Add(phrase);
            if (Phrase(Augmentation.Abbreviate(written)) is { Length: > 0 } abbreviated) lexicons.Containers.Add(abbreviated);
        }
        return lexicons;
    }

    /// <summary>A container as a phrase of the lexicon: its tokens' lower-case cores joined by a space ("J. Phys. Chem. A" → "j phys chem a").</summary>
    public static string Phrase(string container)
    {
        var words = RefTokenizer.Tokenize(container).Select(t => RefFeatures.Core(t.Text).ToLowerInvariant()).Where(w => w.Any(char.IsLetterOrDigit)).ToList();
        return words.Count is 0 or > RefLexicons.PhraseTable.MaxWords ? "" : string.Join(' ', words);
    }

    static void Add(Dictionary<string, int> counts, string word)
    {
        if (word.Length == 0 || !word.Any(char.IsLetter)) return;
        counts[word] = counts.GetValueOrDefault(word) + 1;
    }

    static void Fill(HashSet<string> set, Dictionary<string, int> counts, int min)
    {
        foreach (var (w, c) in counts) if (c >= min) set.Add(w);
    }
}
