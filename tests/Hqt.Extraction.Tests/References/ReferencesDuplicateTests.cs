using Hqt.Extraction;

namespace Hqt.Extraction.Tests.References;

/// <summary>
/// One work cited twice on one page stays one reference (an archived copy beside the page it archives, at the page's
/// address with the copy kept as its other link; the same entry in the citation metadata and in the reference list),
/// and two works that only look alike stay two.
/// </summary>
public class ReferencesDuplicateTests
{
    const string PageUrl = "https://en.wikipedia.org/wiki/Some_Singer";

    static IReadOnlyList<ExtractedReference> Extract(string body, string head = "") =>
        PageExtractor.Extract($"<html><head><title>Some Singer</title>{head}</head><body><h1>Some Singer</h1><p>Text about the singer.</p>{body}</body></html>", PageUrl).References;

    static IEnumerable<ExtractedReference> Titled(IReadOnlyList<ExtractedReference> references, string words) =>
        references.Where(r => (r.Title ?? "").Contains(words, StringComparison.OrdinalIgnoreCase));

    static IEnumerable<ExtractedReference> Linked(IReadOnlyList<ExtractedReference> references, string words) =>
        references.Where(r => (r.Title ?? r.AnchorText ?? "").Contains(words, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void AnArchivedCopyLinkedAsTheTitleAndItsOriginalInTheCoinsAreOneReferenceAtTheOriginal()
    {
        // Wikipedia's cite template: the title links the Wayback copy, "the original" and the COinS name the page itself.
        const string body = """
            <ol class="references"><li><cite class="citation web"><a class="external text" href="https://web.archive.org/web/20100723004927/http://www.rocklistmusic.co.uk/rolling.htm">"Rolling Stone Albums of the Year 2006"</a>. Archived from <a class="external text" href="http://www.rocklistmusic.co.uk/rolling.htm">the original</a> on July 23, 2010.</cite>
            <span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft.btitle=Rolling+Stone+Albums+of+the+Year+2006&amp;rft_id=http%3A%2F%2Fwww.rocklistmusic.co.uk%2Frolling.htm"></span></li></ol>
            """;

        var references = Extract(body);

        var reference = Assert.Single(Titled(references, "Rolling Stone Albums"));
        Assert.Equal("http://www.rocklistmusic.co.uk/rolling.htm", reference.Url);
        Assert.Contains(references, r => r.Url == "https://web.archive.org/web/20100723004927/http://www.rocklistmusic.co.uk/rolling.htm" && r.Title is null);
    }

    [Fact]
    public void AnEntryLinkingItsArchivedCopyFirstHasThePageAsItsAddressWhateverItsSpelling()
    {
        // The copy names the page without "www.", the entry's own "original" link with it.
        const string body = """
            <ol class="references"><li><cite class="citation web"><a class="external text" href="https://web.archive.org/web/20070103001500/http://showcatsonline.com/x/minoxidil.htm">Minoxidil Warning for cat owners</a>. ShowCatsOnline.com. (<a class="external text" href="http://www.showcatsonline.com/x/minoxidil.htm">原始内容</a>存档于2007-01-03).</cite></li></ol>
            """;

        var references = Extract(body);

        Assert.Equal("http://www.showcatsonline.com/x/minoxidil.htm", Assert.Single(Titled(references, "Minoxidil")).Url);
        Assert.Contains(references, r => r.Url == "https://web.archive.org/web/20070103001500/http://www.showcatsonline.com/x/minoxidil.htm");
    }

    [Fact]
    public void TheSamePageCitedLiveInOneEntryAndArchivedInAnotherIsOneReference()
    {
        const string body = """
            <ol class="references">
            <li><cite><a href="https://www3.nhk.or.jp/news/html/20190125/k10011791591000.html">総務省 IoT機器に無差別侵入し調査へ</a>. NHK. 2019.</cite></li>
            <li><cite><a href="http://web.archive.org/web/20190125110512/https://www3.nhk.or.jp/news/html/20190125/k10011791591000.html">総務省 IoT機器に無差別侵入し調査へ</a>. NHK. 2019.</cite></li>
            <li><cite><a href="https://web.archive.org/web/20080201133606/http://www.hgtv.com/pets/article/0%2C1801%2CHGTV_3152%2C00.html">Understanding Cats at home and in the garden</a>.</cite></li>
            <li><cite><a href="http://www.hgtv.com/pets/article/0,1801,HGTV_3152,00.html">Understanding Cats at home and in the garden</a>.</cite></li>
            </ol>
            """;

        var references = Extract(body);

        Assert.Equal("https://www3.nhk.or.jp/news/html/20190125/k10011791591000.html", Assert.Single(Titled(references, "総務省")).Url);
        Assert.Equal("http://www.hgtv.com/pets/article/0,1801,HGTV_3152,00.html", Assert.Single(Titled(references, "Understanding Cats")).Url);
        // The copy stays the reference's other link, naming the page as the page's own link spells it.
        Assert.Contains(references, r => r.Url == "https://web.archive.org/web/20080201133606/http://www.hgtv.com/pets/article/0,1801,HGTV_3152,00.html");
    }

    [Fact]
    public void TheSameTitleAtTwoSitesIsTwoWorks()
    {
        // Two reviews of one album, each titled with the album's name: two documents, two works.
        const string body = """
            <ol class="references">
            <li><cite><a href="https://www.allmusic.com/album/r1544965">Together Through Life</a>. AllMusic. 2009.</cite></li>
            <li><cite><a href="http://www.metacritic.com/music/together-through-life">Together Through Life</a>. Metacritic. 2009.</cite></li>
            <li><cite><a href="https://web.archive.org/web/20130820190547/http://variety.com/2007/film/reviews/im-not-there/">I'm Not There at the pictures</a>. Variety.</cite></li>
            <li><cite><a href="https://en.wikipedia.org/wiki/I%27m_Not_There">I'm Not There at the pictures</a>.</cite></li>
            </ol>
            """;

        var references = Extract(body);

        Assert.Equal(2, Linked(references, "Together Through Life").Select(r => r.Url).Distinct().Count());
        Assert.Equal(2, Linked(references, "I'm Not There").Select(r => r.Url).Distinct().Count());
    }

    [Fact]
    public void AShortTitleInTheCitationMetadataAndTheReferenceListWithTheSameYearAndFirstAuthorIsOneReference()
    {
        const string entry = "Rao, R. et al. MSA transformer. In Proc. 38th International Conference on Machine Learning PMLR 139, 8844–8856 (2021).";
        var head = $"""<meta name="citation_reference" content="{entry}">""";
        var body = $"""<ol class="references"><li><p id="ref-CR38">{entry}</p></li></ol>""";

        var references = Extract(body, head);

        var reference = Assert.Single(Titled(references, "MSA transformer"));
        Assert.Equal(2021, reference.Year);
    }

    [Fact]
    public void AShortTitleWithAnotherYearOrAnotherFirstAuthorIsAnotherWork()
    {
        // "Introduction" by two writers, and one writer's "Introduction" of two years: four works.
        const string body = """
            <ol class="references">
            <li><p>Smith, J. Introduction. In Proc. Workshop on Things 3, 1–4 (2019).</p></li>
            <li><p>Jones, K. Introduction. In Proc. Workshop on Things 3, 1–4 (2019).</p></li>
            <li><p>Smith, J. Introduction. In Proc. Workshop on Things 4, 1–4 (2020).</p></li>
            </ol>
            """;

        var references = Extract(body);

        Assert.Equal(3, Titled(references, "Introduction").Count());
    }
}
