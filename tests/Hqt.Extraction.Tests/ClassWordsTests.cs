using System.Buffers;
using Hqt.Extraction.Parsing;
using static Hqt.Extraction.Parsing.ClassWords.Lists;

namespace Hqt.Extraction.Tests;

public class ClassWordsTests
{
    [Theory]
    [InlineData("sidebar-left", (int)(Unlikely | Negative))]
    [InlineData("brand", (int)Maybe)]
    [InlineData("Article-Body", (int)(Maybe | Positive))]
    [InlineData("post-content share-buttons", (int)(Maybe | Positive | Negative | Share))]
    [InlineData("x hid y", (int)Negative)]
    [InlineData("hid", (int)Negative)]
    [InlineData("hidx chidden", (int)Negative)]
    [InlineData("hidx", (int)None)]
    [InlineData("ai2html-box", (int)Unlikely)]
    [InlineData("top-ad-slot", (int)(Unlikely | Negative))]
    [InlineData("", (int)None)]
    [InlineData("csl-bibliography references", (int)ReferenceContainer)]
    [InlineData("reflist", (int)ReferenceContainer)]
    [InlineData("αβγ ко", (int)None)]
    public void FindsEveryListWithAWordInTheValue(string value, int expected) =>
        Assert.Equal((ClassWords.Lists)expected, ClassWords.Of(value));

    // The rule it replaced: each list as a case-insensitive substring search, and "hid" as a whole token.
    [Fact]
    public void AgreesWithASubstringSearchOfEachList()
    {
        string[] lists =
        [
            "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
            "and|article|body|column|content|main|mathjax|shadow",
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
            "-ad-|hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget",
            "share|sharedaddy",
            "ref|bib|note|cit|lit|csl|fn-",
        ];
        var searches = lists.Select(l => SearchValues.Create(l.Split('|'), StringComparison.OrdinalIgnoreCase)).ToArray();
        // Values built from pieces of the words, in any case, with separators and look-alikes between them.
        var pieces = lists.SelectMany(l => l.Split('|')).Concat(["hid", " ", "-", "x", "\u212A", "é", "H"]).ToArray();
        var random = new Random(7);
        for (var n = 0; n < 20_000; n++)
        {
            var value = string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
            {
                var piece = pieces[random.Next(pieces.Length)];
                // Mostly whole words; now and then a word's tail or a word cut short.
                if (random.Next(4) == 0) piece = piece[random.Next(piece.Length)..];
                if (random.Next(4) == 0) piece = piece[..Math.Max(0, piece.Length - 1)];
                return random.Next(3) == 0 ? piece.ToUpperInvariant() : piece;
            }));
            var expected = None;
            for (var k = 0; k < searches.Length; k++)
                if (value.AsSpan().IndexOfAny(searches[k]) >= 0) expected |= (ClassWords.Lists)(1 << k);
            if (PageScan.HasToken(value, "hid")) expected |= Negative;
            Assert.True(expected == ClassWords.Of(value), $"'{value}': expected {expected}, got {ClassWords.Of(value)}");
        }
    }
}
