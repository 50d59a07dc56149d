using Hqt.Extraction.References;

namespace Hqt.Extraction.Tests.References;

/// <summary>Issue 13: site navigation is never a reference, on any kind of page; titles that are no titles are known as such.</summary>
public class ReferencesScreenTests
{
    const string Url = "https://proceedings.example.org/paper/2021/hash/abc123";

    static IReadOnlyList<string?> Links(string body, string url = Url) =>
        PageExtractor.Extract($"<html><head><title>A paper</title></head><body>{body}</body></html>", url).References.Select(r => r.Url).ToList();

    [Fact]
    public void ALandingPagesNavigationIsNoReference()
    {
        var links = Links("""
            <main><h1>A paper</h1>
              <p>Part of <a href="/volumes/2021/">Advances, volume 34</a> at <a href="/venues/neurips/">the venue</a>, tagged <a href="/tags/optimisation">optimisation</a>.</p>
              <p><a href="/paper/2021/hash/abc123.pdf">Paper (PDF)</a> · <a href="/">Proceedings home</a> · <a href="/archive/2020">Archive</a></p>
              <p>We build on <a href="https://arxiv.org/abs/1706.03762">attention as introduced earlier</a>, which changed everything.</p>
            </main>
            """);

        Assert.Equal(["https://arxiv.org/abs/1706.03762"], links);
    }

    [Fact]
    public void ADownloadedFromLineIsNoReference()
    {
        var links = Links("""<article><p>Our main finding holds across every cohort we examined in the study.</p><p><a href="https://journal.example.net/content/1">Downloaded from journal.example.net</a></p></article>""",
            "https://blog.example.com/post");

        Assert.Empty(links);
    }

    [Fact]
    public void AnotherSitesPagesStayReferences()
    {
        var links = Links("""<article><p>As <a href="https://other.example.net/tags/rust">their tag page</a> and <a href="https://other.example.net/">their home page</a> show, it is popular.</p></article>""",
            "https://blog.example.com/post");

        Assert.Equal(["https://other.example.net/tags/rust", "https://other.example.net/"], links);
    }

    [Fact]
    public void ALinkWrittenAsItsAddressIsNamedByItsTitleAttribute()
    {
        var reference = Assert.Single(PageExtractor.Extract("""
            <html><body><article><p>The code is at <a href="https://github.com/fumin/ntm" title="Neural Turing Machine in Go">https://github.com/fumin/ntm</a> for all to read.</p></article></body></html>
            """, "https://blog.example.com/post").References);

        Assert.Equal("Neural Turing Machine in Go", reference.AnchorText);
    }

    [Theory]
    [InlineData("Phys. Rev. 82, 863 (1951)")]
    [InlineData("Proc. R. Soc. A 434, 9 (1890)")]
    [InlineData("J. 396, 606 (1992)")]
    [InlineData("Nature 553, 2018")]
    [InlineData("J. Plasma Phys")]
    [InlineData("Natl")]
    [InlineData("Rev")]
    [InlineData("2017")]
    [InlineData("September 16, 2016")]
    [InlineData("Omaha, Nebraska, January 25, 1980")]
    [InlineData("View ORCID Profile")]
    [InlineData("Tweet may have been deleted (opens in a new tab)")]
    [InlineData("Chan, et al. 2015")]
    [InlineData("T. 1998")]
    [InlineData("M. & de Haan, C")]
    [InlineData("www2.census.gov/programs-surveys/popest/technical-documentation")]
    public void NoTitles(string text) => Assert.Null(WorkTitles.Clean(text));

    [Theory]
    [InlineData("No Direction Home", "No Direction Home")]
    [InlineData("B. et al. Mycophenolic acid: an anti-cancer compound with unusual properties", "Mycophenolic acid: an anti-cancer compound with unusual properties")]
    [InlineData("Letters of Note", "Letters of Note")]
    [InlineData("猫", "猫")]
    [InlineData("Finding My Voice May 28, 2021", "Finding My Voice May 28, 2021")]
    public void Titles(string text, string title) => Assert.Equal(title, WorkTitles.Clean(text));

    [Theory]
    [InlineData("this tutorial", false)]
    [InlineData("auf seiner Homepage", false)]
    [InlineData("here", false)]
    [InlineData("Attention Is All You Need", true)]
    [InlineData("the original paper on transformers", true)]
    public void AnchorsNameWorksOnlyWhenTheyAreTitles(string anchor, bool names) => Assert.Equal(names, WorkTitles.IsNamingAnchor(anchor));
}
