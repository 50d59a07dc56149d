using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hqt.Extraction.Tests.Corpus;

namespace Hqt.Extraction.Tests;

/// <summary>
/// Name-level author F1 and page exact match over ../shared/corpus/dev, computed as eval/extract/score_extract.py does,
/// with floors a little under what the extractor reaches so that quality cannot drop unnoticed.
/// </summary>
[Collection(DevCorpus.Collection)]
public partial class CorpusAuthorTests
{
    // Reached on 2026-12-06 (issue 13): F1 0.936, exact match 0.862 (the scorer agrees). A page or two can differ on an
    // overloaded machine, where a big page may hit the parse budget and be read degraded; the floors allow for that.
    const double F1Floor = 0.92;
    const double ExactMatchFloor = 0.84;

    [SkippableFact]
    public void AuthorsMatchTheCorpusGoldAboveTheFloors()
    {
        var pages = DevCorpus.Pages();
        int tp = 0, fp = 0, fn = 0, exact = 0;
        var misses = new List<string>();
        foreach (var page in pages)
        {
            var extract = PageExtractor.Extract(page.ReadHtml(), page.Url);
            var gold = page.Entry.GetProperty("expected_authors").EnumerateArray().Select(a => Person(a.GetString() ?? "")).Where(n => n.Length > 0).ToHashSet();
            var predicted = extract.Authors.Select(a => Person(a.Name)).Where(n => n.Length > 0).ToHashSet();
            var hit = gold.Intersect(predicted).Count();
            tp += hit;
            fp += predicted.Count - hit;
            fn += gold.Count - hit;
            if (gold.SetEquals(predicted)) exact++;
            else misses.Add($"{page.Id}: gold [{string.Join(" | ", gold)}] got [{string.Join(" | ", predicted)}]");
        }
        var precision = tp / (double)Math.Max(1, tp + fp);
        var recall = tp / (double)Math.Max(1, tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var exactMatch = exact / (double)pages.Count;
        var report = $"F1 {f1:F3} (P {precision:F3} R {recall:F3}), exact match {exactMatch:F3} over {pages.Count} pages; first misses:\n" + string.Join("\n", misses.Take(15));

        Assert.True(f1 >= F1Floor, $"author F1 fell under {F1Floor}: {report}");
        Assert.True(exactMatch >= ExactMatchFloor, $"author exact match fell under {ExactMatchFloor}: {report}");
    }

    [Fact]
    public void ScorerNormalisationMatchesTheScript()
    {
        Assert.Equal("jane doe", Person("By Jane Doe"));
        Assert.Equal("jane doe", Person("Doe, Jane"));
        Assert.Equal("michiel de jong", Person("Jong, Michiel de"));
        Assert.Equal("byrne hobart", Person("Byrne Hobart"));
        Assert.Equal("a, b, c", Person("A, B, C"));
    }

    /// <summary>score_extract.py's norm(): NFKC, lower case, tags out, a leading "(written) by" dropped, whitespace folded, edge punctuation trimmed.</summary>
    static string Norm(string value)
    {
        var s = value.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        s = Tags().Replace(s, " ");
        s = LeadingBy().Replace(s, "");
        s = Spaces().Replace(s, " ");
        return EdgePunctuation().Replace(s, "");
    }

    /// <summary>score_extract.py's person(): "Last, First" (two parts, at most three words after the comma, no digit) becomes "first last".</summary>
    static string Person(string value)
    {
        var n = Norm(value);
        var parts = n.Split(',').Select(p => p.Trim()).ToArray();
        if (parts.Length == 2 && parts.All(p => p.Length > 0) && parts[1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= 3 && !Digit().IsMatch(n))
            n = $"{parts[1]} {parts[0]}";
        return n;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^\s*(written\s+)?by[:\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBy();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[\s.,:;'""\-|]+|[\s.,:;'""\-|]+$")]
    private static partial Regex EdgePunctuation();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();
}
