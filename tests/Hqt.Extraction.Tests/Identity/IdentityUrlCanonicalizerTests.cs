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
    [InlineData("http://www.cbsnews.com/stories/2004/12/02/60minutes/main658799.shtml%20%22", "http://www.cbsnews.com/stories/2004/12/02/60minutes/main658799.shtml")]
    [InlineData("http://www.cbsnews.com/stories/main658799.shtml%20", "http://www.cbsnews.com/stories/main658799.shtml")]
    [InlineData("https://example.com/search?q=cats%20%22", "https://example.com/search?q=cats")]
    [InlineData("https://en.wikipedia.org/wiki/%22Love_and_Theft%22", "https://en.wikipedia.org/wiki/%22Love_and_Theft%22")]
    [InlineData("https://example.com/a%20b", "https://example.com/a%20b")]
    [InlineData("http://www.twitter.com/MichelleObama", "http://www.twitter.com/michelleobama")]
    [InlineData("https://twitter.com/BarackObama/status/1234", "https://twitter.com/barackobama/status/1234")]
    [InlineData("https://www.instagram.com/p/Bx12AbC/", "https://www.instagram.com/p/Bx12AbC/")]
    [InlineData("https://bit.ly/3xYzAbC", "https://bit.ly/3xYzAbC")]
    [InlineData("https://www.ncbi.nlm.nih.gov/Education/", "https://www.ncbi.nlm.nih.gov/Education/")]
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

    [Theory]
    [InlineData("https://web.archive.org/web/20130820190547/http://variety.com/2007/film/reviews/x/", "http://variety.com/2007/film/reviews/x")]
    [InlineData("http://web.archive.org/web/20190125110512/https://www3.nhk.or.jp/news/a.html", "https://www3.nhk.or.jp/news/a.html")]
    [InlineData("https://web.archive.org/web/20070103001500id_/http://showcatsonline.com/x/minoxidil.htm", "http://www.showcatsonline.com/x/minoxidil.htm")]
    [InlineData("https://web.archive.org/web/20140407061952/http://awardsdatabase.oscars.org/DisplayMain.jsp?curTime=1365675507836", "http://awardsdatabase.oscars.org/DisplayMain.jsp?curTime=1365675507836")]
    [InlineData("https://web.archive.org/web/20080201133606/http://www.hgtv.com/article/0%2C1801%2C00.html", "http://www.hgtv.com/article/0,1801,00.html")]
    public void AnArchivedCopyHasTheWorkKeyOfThePageItArchives(string archived, string original) =>
        Assert.Equal(UrlCanonicalizer.WorkKeyOfCanonical(UrlCanonicalizer.Canonicalize(original)!), UrlCanonicalizer.WorkKeyOfCanonical(UrlCanonicalizer.Canonicalize(archived)!));

    [Theory]
    [InlineData("https://web.archive.org/web/20130820190547/http://variety.com/a", "http://variety.com/b")]
    [InlineData("https://web.archive.org/web/*/http://variety.com/a", "http://variety.com/a")]
    [InlineData("https://example.com/a%2Fb", "https://example.com/a/b")]
    [InlineData("https://example.com/a?x=1%2C2", "https://example.com/a?x=1,2")]
    public void OtherAddressesKeepTheirOwnWorkKey(string a, string b) =>
        Assert.NotEqual(UrlCanonicalizer.WorkKeyOfCanonical(UrlCanonicalizer.Canonicalize(a)!), UrlCanonicalizer.WorkKeyOfCanonical(UrlCanonicalizer.Canonicalize(b)!));
}
