namespace Hqt.Extraction.Tests;

/// <summary>Title, canonical URL, site name, published date and language.</summary>
public class MetadataTests
{
    static PageExtract Extract(string head, string url = "https://www.example-news.com/2024/story?utm_source=x#top") =>
        PageExtractor.Extract($"<html lang=\"en-us\"><head>{head}</head><body></body></html>", url);

    [Theory]
    [InlineData("<title>Big Story | Example News</title><meta property=\"og:site_name\" content=\"Example News\">", "Big Story")]
    [InlineData("<title>Big Story - Example News</title>", "Big Story")]
    [InlineData("<title>Example News: Big Story</title><meta property=\"og:site_name\" content=\"Example News\">", "Example News: Big Story")]
    [InlineData("<title>Example News — Big Story</title><meta property=\"og:site_name\" content=\"Example News\">", "Big Story")]
    [InlineData("<meta property=\"og:title\" content=\"Big Story\"><title>Big Story | Example News</title>", "Big Story")]
    [InlineData("<title>Pros - and cons</title>", "Pros - and cons")]
    public void TitleLosesTheSiteName(string head, string expected) => Assert.Equal(expected, Extract(head).Title);

    [Fact]
    public void CanonicalUrlPrefersRelCanonicalThenOgUrlThenThePageUrlNormalised()
    {
        Assert.Equal("https://www.example-news.com/canonical", Extract("<link rel=\"canonical\" href=\"/canonical\"><meta property=\"og:url\" content=\"https://www.example-news.com/og\">").CanonicalUrl);
        Assert.Equal("https://www.example-news.com/og", Extract("<meta property=\"og:url\" content=\"https://www.example-news.com/og\">").CanonicalUrl);
        Assert.Equal("https://www.example-news.com/2024/story", Extract("").CanonicalUrl);
    }

    [Fact]
    public void SiteNameComesFromOgThenJsonLdPublisher()
    {
        Assert.Equal("Example News", Extract("<meta property=\"og:site_name\" content=\"Example News\">").SiteName);
        Assert.Equal("Example Daily", Extract("""<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Example Daily"}}</script>""").SiteName);
    }

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2021-07-15T10:30:00+02:00\">", "2021-07-15T10:30:00+02:00")]
    [InlineData("<meta name=\"citation_publication_date\" content=\"2021/07/15\">", "2021-07-15")]
    [InlineData("<meta name=\"DC.date\" content=\"2021-07-15\">", "2021-07-15")]
    [InlineData("<meta name=\"citation_date\" content=\"2021\">", "2021")]
    [InlineData("<meta name=\"sailthru.date\" content=\"2016-11-28 16:23:00 -0500\">", "2016-11-28T16:23:00-05:00")]
    [InlineData("""<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2020-01-02T03:04:05Z"}</script>""", "2020-01-02T03:04:05+00:00")]
    [InlineData("<meta name=\"date\" content=\"not a date\">", null)]
    public void PublishedIsIso8601(string head, string? expected) => Assert.Equal(expected, Extract(head).Published);

    [Fact]
    public void LanguageIsABcp47Tag()
    {
        Assert.Equal("en-US", Extract("").Language);
        Assert.Equal("de-DE", PageExtractor.Extract("<html><head><meta property=\"og:locale\" content=\"de_DE\"></head></html>", "https://example.org/").Language);
        Assert.Null(PageExtractor.Extract("<html><head></head></html>", "https://example.org/").Language);
    }
}

/// <summary>Issue 13: the page's title is its own (&lt;title&gt; or og:title, site name cut), JSON-LD only where it agrees.</summary>
public class MetadataTitleTests
{
    static string? Title(string head) => PageExtractor.Extract($"<html><head>{head}</head><body><p>x</p></body></html>", "https://en.wikipedia.org/wiki/Hermitian_matrix").Title;

    [Fact]
    public void AJsonLdHeadlineThatDisagreesIsNotTheTitle() =>
        Assert.Equal("Hermitian matrix", Title("""<title>Hermitian matrix - Wikipedia</title><script type="application/ld+json">{"@type":"Article","name":"Hermitian matrix","headline":"matrix equal to its conjugate-transpose"}</script>"""));

    [Fact]
    public void AJsonLdHeadlineThatAgreesCutsAnUnknownSuffix() =>
        Assert.Equal("The story itself", Title("""<title>The story itself | Daily Something Else</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"The story itself"}</script>"""));

    [Fact]
    public void TheHeadlineIsUsedWhenNothingElseNamesThePage() =>
        Assert.Equal("Only the headline", Title("""<script type="application/ld+json">{"@type":"Article","headline":"Only the headline"}</script>"""));
}
