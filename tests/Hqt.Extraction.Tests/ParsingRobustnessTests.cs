using System.Text;
using Hqt.Extraction.Parsing;

namespace Hqt.Extraction.Tests;

/// <summary>
/// Hostile and huge pages still give a valid result without throwing. Their speed is measured in
/// bench/Hqt.Bench.Extraction, not asserted here.
/// </summary>
public class ParsingRobustnessTests
{
    static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    static void AssertValid(PageExtract page)
    {
        Assert.NotNull(page.CanonicalUrl);
        Assert.NotNull(page.Authors);
        Assert.NotNull(page.References);
    }

    [Fact]
    public void HundredThousandNestedElementsKeepTheHeadsMetadata()
    {
        var html = "<html><head><title>Deep</title><meta name=\"author\" content=\"Jane Doe\"></head><body>"
            + Repeat("<div>", 100_000) + "x" + Repeat("</div>", 100_000) + "</body></html>";

        var page = PageExtractor.Extract(html, "https://example.org/deep");

        AssertValid(page);
        Assert.Equal("Deep", page.Title);
        Assert.Equal("Jane Doe", Assert.Single(page.Authors).Name);
    }

    [Fact]
    public void FlattenerDropsOnlyTagsPastTheDepthLimit()
    {
        var shallow = "<div><p>a<br>b</p><img src=x><!-- <div><div> --><script>if (a<b) {}</script></div>";
        Assert.Same(shallow, NestingFlattener.Flatten(shallow));

        var deep = Repeat("<span>", NestingFlattener.MaxDepth + 50) + "text" + Repeat("</span>", NestingFlattener.MaxDepth + 50);
        var flattened = NestingFlattener.Flatten(deep);
        Assert.Equal(NestingFlattener.MaxDepth, CountOf(flattened, "<span>"));
        Assert.Equal(NestingFlattener.MaxDepth, CountOf(flattened, "</span>"));
        Assert.Contains("text", flattened);
    }

    [Fact]
    public void OnlyAPageNestedPastTheLimitIsFlattened()
    {
        static int DeepestSpans(string html)
        {
            var page = PageDocument.Load("<html><body>" + html + "</body></html>", "https://example.org/nested");
            var deepest = page.Document.QuerySelectorAll("span").Last();
            var depth = 0;
            for (var e = deepest; e?.LocalName == "span"; e = e.ParentElement) depth++;
            Assert.Contains("text", page.Document.Body!.TextContent);
            Assert.False(page.IsDegraded);
            return depth;
        }

        // Within the limit the parser keeps every level; past it, the parse stops, flattens and starts again.
        var within = NestingFlattener.MaxDepth - 50;
        Assert.Equal(within, DeepestSpans(Repeat("<span>", within) + "text" + Repeat("</span>", within)));
        var past = NestingFlattener.MaxDepth + 500;
        Assert.InRange(DeepestSpans(Repeat("<span>", past) + "text" + Repeat("</span>", past)), NestingFlattener.MaxDepth - 5, NestingFlattener.MaxDepth);
    }

    static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    [Fact]
    public void TenMegabytePageIsExtracted()
    {
        var html = "<html><head><title>Big</title></head><body><article><p class=\"byline\">By Jane Doe</p>"
            + Repeat("<p>Lorem ipsum dolor sit amet <a href=\"https://example.com/a\">link</a> consectetur.</p>\n", 130_000) + "</article></body></html>";
        Assert.True(html.Length > 10_000_000);

        AssertValid(PageExtractor.Extract(html, "https://example.org/big"));
    }

    [Theory]
    [InlineData("<b><i>", 20_000)]
    [InlineData("<b><i>x</b></i>", 20_000)]
    [InlineData("<table><tr><td>", 5_000)]
    [InlineData("<p><a href='/x'>y", 20_000)]
    [InlineData("<span class='author'>Jane Doe</span>", 20_000)]
    [InlineData("<div class='byline'>", 5_000)]
    [InlineData("<meta name='author' content='Jane Doe'>", 20_000)]
    public void PathologicalMarkupGivesAValidResult(string unit, int count) =>
        AssertValid(PageExtractor.Extract("<html><body>" + Repeat(unit, count) + "</body></html>", "https://example.org/x"));

    [Theory]
    [InlineData("")]
    [InlineData("not html at all")]
    [InlineData("<html><body><!-- never closed")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":</script>")]
    [InlineData("<script type=\"application/ld+json\">[[[[[[[[[[[[]]]]]]]]]]]]</script>")]
    [InlineData("<d-front-matter><script type=\"text/json\">{\"authors\": 7}</script></d-front-matter>")]
    public void BrokenInputGivesAValidResult(string html) => AssertValid(PageExtractor.Extract(html, "https://example.org/x"));

    [Fact]
    public void OverBudgetParseFallsBackToADegradedButValidDocument()
    {
        var html = "<html><head><title>Slow</title><meta name=\"author\" content=\"Jane Doe\"></head><body>" + Repeat("<b><i>x</b></i>", 20_000) + "</body></html>";

        var page = PageDocument.Load(html, "https://example.org/slow", TimeSpan.Zero);

        Assert.True(page.IsDegraded);
        Assert.Equal("Slow", page.Document.Title);
    }

    [Fact]
    public void NonHttpPageUrlStillGivesACanonicalUrlFromThePage()
    {
        var page = PageExtractor.Extract("<html><head><link rel=canonical href=\"https://example.org/c\"></head></html>", "file:///tmp/x.html");

        Assert.Equal("https://example.org/c", page.CanonicalUrl);
    }
}
