using System.Globalization;
using System.Text;
using System.Text.Json;
using Hqt.Extraction.ReferenceStrings;
using Hqt.Tests;

namespace Hqt.Extraction.Tests.ReferenceStrings;

/// <summary>
/// Floors for the reference parser on the dev-test split of ../shared/eval/refparse (1,981 labelled references the
/// model never trained on), measured the way score_refparse.py measures, simplified: strict title equality after
/// folding case and punctuation, family names compared by their last non-particle word, first page, volume number.
/// The real scorer's figures are in docs/benchmarks.md; these floors sit a little under what this test measures.
/// </summary>
public class RefParseCorpusTests
{
    sealed record Item(string Text, string? Title, List<string> Names, int? Year, string? Container, string? Volume, string? Pages);

    static List<Item> DevTest()
    {
        var path = Path.Combine(SharedData.Require(), "eval", "refparse", "dev.jsonl");
        Skip.IfNot(File.Exists(path), $"{path} missing: refparse corpus floor SKIPPED");
        var items = new List<Item>();
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("split").GetString() != "dev-test") continue;
            var g = root.GetProperty("gold");
            string? S(string name) => g.GetProperty(name).ValueKind == JsonValueKind.String ? g.GetProperty(name).GetString() : null;
            var names = g.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!).ToList();
            if (names.Count == 0) names = g.GetProperty("editors").EnumerateArray().Select(a => a.GetString()!).ToList();
            items.Add(new Item(root.GetProperty("text").GetString()!, S("title"), names,
                g.GetProperty("year").ValueKind == JsonValueKind.Number ? g.GetProperty("year").GetInt32() : null,
                S("container"), S("volume"), S("pages")));
        }
        return items;
    }

    [SkippableFact]
    public void DevTestFieldsReachTheirFloors()
    {
        var items = DevTest();
        Assert.Equal(1981, items.Count);
        var counts = new Dictionary<string, int[]>(); // returned, gold, correct
        void Count(string field, bool returned, bool gold, bool correct)
        {
            var c = counts.TryGetValue(field, out var x) ? x : counts[field] = new int[3];
            c[0] += returned ? 1 : 0;
            c[1] += gold ? 1 : 0;
            c[2] += correct ? 1 : 0;
        }

        foreach (var item in items)
        {
            var p = ReferenceParser.Parse(item.Text);
            Count("title", p.Title is not null, item.Title is not null, item.Title is not null && p.Title is not null && Norm(p.Title) == Norm(item.Title));
            Count("year", p.Year is not null, item.Year is not null, item.Year is not null && p.Year == item.Year);
            Count("container", p.Container is not null, item.Container is not null,
                item.Container is not null && p.Container is not null && Norm(p.Container) == Norm(item.Container));
            Count("volume", p.Volume is not null, item.Volume is not null, item.Volume is not null && p.Volume is not null && VolumeKey(p.Volume) == VolumeKey(item.Volume));
            Count("pages", p.Pages is not null, item.Pages is not null, item.Pages is not null && p.Pages is not null && FirstPage(p.Pages) == FirstPage(item.Pages));
            var gold = item.Names.Select(FamilyKey).Where(k => k.Length > 0).ToHashSet();
            var got = p.Authors.Select(a => FamilyKey(a.Family)).Where(k => k.Length > 0).ToHashSet();
            var c = counts.TryGetValue("authors", out var a) ? a : counts["authors"] = new int[3];
            c[0] += got.Count;
            c[1] += gold.Count;
            c[2] += got.Intersect(gold).Count();
        }

        double F1(params string[] fields)
        {
            double r = fields.Sum(f => counts[f][0]), g = fields.Sum(f => counts[f][1]), ok = fields.Sum(f => counts[f][2]);
            return 2 * ok / (r + g);
        }
        var report = string.Join(", ", counts.Keys.Select(f => $"{f} {F1(f):F3}")) + $", all {F1([.. counts.Keys]):F3}";
        Console.WriteLine("refparse dev-test (simplified scorer): " + report);

        // Floors about 0.01 under what this test measures for the committed model (reftitle's CRF blended with the
        // perceptron: all 0.911, title 0.812 strict, authors 0.960, year 0.984, container 0.771 strict, pages 0.954;
        // refparse4's perceptron measured 0.901, 0.794, 0.958, 0.978, 0.752, 0.947): a retrained model may move a little, not back.
        // Since fields are returned without type marks (InlineMarkup), the labels that keep them (`<italic>Plant
        // Physiology</italic>`: 48 dev-test containers, 17 titles) no longer match exactly: title 0.800, container 0.740.
        // Since a family name written in capitals first is read as the family ("DUPONT Jean"), which the labels take for
        // the given name's (15 dev-test items, docs/benchmarks/refparse-gold-review.md), authors measure 0.954; since an
        // organisation whose name holds its own "and" is one author ("Occupational Safety and Health Administration"), which
        // the labels split into two ("Safety", "Health Administration OSHA"), 0.948.
        Assert.True(F1([.. counts.Keys]) >= 0.90, report);
        Assert.True(F1("title") >= 0.79, report);
        Assert.True(F1("authors") >= 0.945, report);
        Assert.True(F1("year") >= 0.974, report);
        Assert.True(F1("container") >= 0.73, report);
        Assert.True(F1("pages") >= 0.944, report);
    }

    static string Norm(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var ch in s.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
            b.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        var text = string.Join(' ', b.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var lead in new[] { "in ", "dans ", "en ", "im " })
            if (text.StartsWith(lead, StringComparison.Ordinal)) return text[lead.Length..];
        return text;
    }

    static string FamilyKey(string family)
    {
        var folded = new StringBuilder();
        foreach (var ch in family.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) folded.Append(char.ToLowerInvariant(ch));
        var words = folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0).ToList();
        var core = words.Where(w => !RefLexicons.Particles.Contains(w)).ToList();
        return core.Count > 0 ? core[^1] : words.LastOrDefault() ?? "";
    }

    static string? VolumeKey(string v)
    {
        var s = v.Trim().ToLowerInvariant();
        s = System.Text.RegularExpressions.Regex.Replace(s, @"^(?:1[5-9]|20)\d\d[a-z]?\s*[;:,]\s*(?=\S)", "");
        s = System.Text.RegularExpressions.Regex.Replace(s, @"^\(?\s*(?:vol(?:ume)?s?|v|bd|band|jg|jahrgang|t|tome|tomo|n°|no)\.?\s*", "");
        var m = System.Text.RegularExpressions.Regex.Match(s, @"^([0-9]+[a-z]?|[ivxlcdm]+\b)");
        return m.Success ? m.Groups[1].Value : Norm(s);
    }

    static string? FirstPage(string p) =>
        System.Text.RegularExpressions.Regex.Match(p.ToLowerInvariant(), @"[a-z]?\d+[a-z]?") is { Success: true } m ? m.Value : null;
}
