using Hqt.Extraction;

namespace Hqt.Extraction.Tests;

public class PageExtractorTests
{
    [Fact]
    public void RelativeLinksResolveAgainstBaseHref()
    {
        const string html = """<html><head><base href="https://cdn.example.org/docs/"></head><body><article><a href="guide.html">guide</a></article></body></html>""";

        var page = PageExtractor.Extract(html, "https://example.org/post");

        Assert.Contains(page.References, r => r.Url == "https://cdn.example.org/docs/guide.html");
    }
}
