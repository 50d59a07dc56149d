using Hqt.Extraction.Identity;

namespace Hqt.Extraction.Tests.Identity;

public class IdentityUrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTPS://Example.COM:443/Path?b=2#frag", "https://example.com/Path?b=2")]
    [InlineData("http://example.com:80/", "http://example.com/")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com/a?utm_source=x&id=3&fbclid=y&gclid=z&UTM_Medium=m", "https://example.com/a?id=3")]
    [InlineData("https://en.m.wikipedia.org/wiki/Richard_Hamming", "https://en.wikipedia.org/wiki/Richard_Hamming")]
    [InlineData("https://mobile.twitter.com/jack", "https://twitter.com/jack")]
    [InlineData("https://amp.m.example.com/a", "https://m.example.com/a")]
    [InlineData("https://mm.example.com/a", "https://mm.example.com/a")]
    [InlineData("https://m.co/a", "https://m.co/a")]
    [InlineData("https://shop.m.example.co.uk/a", "https://shop.example.co.uk/a")]
    [InlineData("https://www.example.com/news/story/amp", "https://www.example.com/news/story")]
    [InlineData("https://www.example.com/news/story.amp.html", "https://www.example.com/news/story.html")]
    [InlineData("https://www.example.com/news/story?amp=1&page=2", "https://www.example.com/news/story?page=2")]
    [InlineData("https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story", "https://www.example.com/news/story")]
    public void CanonicalizeGivesOneSpellingPerPage(string input, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));

    [Theory]
    [InlineData("mailto:a@example.com")]
    [InlineData("javascript:void(0)")]
    [InlineData("/relative/path")]
    [InlineData("")]
    public void CanonicalizeRefusesWhatIsNotAnAbsoluteHttpUrl(string input) => Assert.Null(UrlCanonicalizer.Canonicalize(input));

    [Fact]
    public void KeyIgnoresSchemeWwwAndTrailingSlash() =>
        Assert.Equal(UrlCanonicalizer.Key("http://www.example.com/a/"), UrlCanonicalizer.Key("https://example.com/a"));
}
