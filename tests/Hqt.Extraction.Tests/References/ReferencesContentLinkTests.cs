using Hqt.Extraction;

namespace Hqt.Extraction.Tests.References;

public class ReferencesContentLinkTests
{
    const string Paragraphs = """
        <p>Richard Hamming gave his talk in 1986, and it has been read by many researchers since then, again and again, for its advice.</p>
        <p>The transcript is on <a href="https://www.cs.virginia.edu/~robins/YouAndYourResearch.html">the Virginia site</a>, and a video exists too, though it is long, grainy, and hard to follow.</p>
        <p>Others have written about it, including <a href="/2019/hamming-notes?utm_source=rss#top">my own notes</a>, which summarise the key points, the questions, and the answers.</p>
        """;

    static string Page(string article, string chrome = "") => $"""
        <html><head><title>Post</title></head><body>
        <header class="site-header"><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
        <div class="sidebar"><a href="https://ads.example.net/buy">Buy now</a></div>
        <article class="post-content">{article}</article>
        <div class="share-buttons"><a href="https://twitter.com/intent/tweet?url=x">Tweet</a></div>
        <div id="comments" class="comments"><p>Great post, really enjoyed it, thanks a lot for writing it! <a href="https://spam.example.net">me</a></p></div>
        <footer class="site-footer"><a href="/privacy">Privacy</a></footer>{chrome}
        </body></html>
        """;

    static IReadOnlyList<ExtractedReference> Extract(string html, string url = "https://blog.example.com/2020/post") =>
        PageExtractor.Extract(html, url).References;

    [Fact]
    public void OnlyLinksInsideTheArticleCount()
    {
        var urls = Extract(Page(Paragraphs)).Select(r => r.Url).ToList();

        Assert.Contains("https://www.cs.virginia.edu/~robins/YouAndYourResearch.html", urls);
        Assert.Contains("https://blog.example.com/2019/hamming-notes", urls);
        Assert.DoesNotContain("https://blog.example.com/about", urls);
        Assert.DoesNotContain("https://ads.example.net/buy", urls);
        Assert.DoesNotContain("https://spam.example.net/", urls);
        Assert.DoesNotContain("https://blog.example.com/privacy", urls);
        Assert.DoesNotContain(urls, u => u!.Contains("twitter.com/intent"));
    }

    [Fact]
    public void ALinkCarriesItsAnchorTextAndSentence()
    {
        var link = Assert.Single(Extract(Page(Paragraphs)), r => r.Url == "https://www.cs.virginia.edu/~robins/YouAndYourResearch.html");

        Assert.Equal("the Virginia site", link.AnchorText);
        Assert.StartsWith("The transcript is on the Virginia site, and a video exists too", link.Context);
        Assert.Equal("link", link.Signal);
        Assert.Equal(ReferenceKinds.WebPage, link.Kind);
    }

    [Fact]
    public void ACardLinkIsNamedByItsHeadingAndNoLinkByItsSentencesPunctuation()
    {
        var article = Paragraphs + """
            <p>More from the author, on the same questions of voice and work, in the years since then:</p>
            <p>It began with <a href="https://www.example.net/hype">hype around 5G wireless technology,</a> as such things do.</p>
            <a href="https://www.example.net/pulse/finding-my-voice"><img alt="" src="cover.jpg">
              <div class="card-info"><h3>Finding My Voice</h3><h4>May 28, 2021</h4></div></a>
            """;

        var link = Assert.Single(Extract(Page(article)), r => r.Url == "https://www.example.net/pulse/finding-my-voice");

        Assert.Equal("Finding My Voice", link.AnchorText);
        Assert.Equal("hype around 5G wireless technology", Assert.Single(Extract(Page(article)), r => r.Url == "https://www.example.net/hype").AnchorText);
    }

    [Fact]
    public void ALinkWhoseTextIsACitationIsReadAsOne()
    {
        var article = Paragraphs + """
            <p>Sneddon, L. U., Elwood, R. W. (2014): <a href="https://doc.example.org/2014/33-1-sneddon.pdf">Pain and stress responses in farmed fish. Rev. Sci. Tech. Off. Int. Epiz., Vol. 33(1), S. 245-253</a></p>
            """;

        var link = Assert.Single(Extract(Page(article)), r => r.Url == "https://doc.example.org/2014/33-1-sneddon.pdf");

        Assert.Equal("Pain and stress responses in farmed fish", link.AnchorText);
        Assert.Equal("33", link.Volume);
    }

    [Fact]
    public void RelativeLinksResolveAgainstBaseHrefAndLoseTrackingAndFragments()
    {
        var html = Page(Paragraphs).Replace("<head>", """<head><base href="https://cdn.example.org/docs/">""");

        var urls = Extract(html).Select(r => r.Url).ToList();

        Assert.Contains("https://cdn.example.org/2019/hamming-notes", urls);
    }

    [Fact]
    public void SelfLinksAndFragmentLinksAreNotReferences()
    {
        var article = Paragraphs + """<p>Jump to <a href="#top">the top</a> or reload <a href="https://blog.example.com/2020/post">this page</a>, which is the same page as before, of course.</p>""";

        var urls = Extract(Page(article)).Select(r => r.Url).ToList();

        Assert.DoesNotContain("https://blog.example.com/2020/post", urls);
        Assert.Equal(urls.Count, urls.Distinct().Count());
    }

    [Fact]
    public void QuotesAndCiteElementsAreReferences()
    {
        var article = Paragraphs + """
            <blockquote cite="https://www.paulgraham.com/hp.html"><p>Hackers and painters are both makers, trying to make good things, again and again.</p></blockquote>
            <p>As he put it in <cite>The Art of Doing Science and Engineering</cite>, luck favours the prepared mind, always and everywhere.</p>
            """;

        var references = Extract(Page(article));

        Assert.Contains(references, r => r.Url == "https://www.paulgraham.com/hp.html" && r.Signal == "quote");
        Assert.Contains(references, r => r.Title == "The Art of Doing Science and Engineering" && r.Signal == "cite");
    }

    [Fact]
    public void IdentifiersWrittenInTheArticleAreReferences()
    {
        var article = Paragraphs + "<p>The paper (doi:10.1145/3290605.3300233) extends arXiv:1706.03762v3, and the book is ISBN 978-0-13-110362-7, also PMID: 9210542 in the list.</p>";

        var references = Extract(Page(article));

        Assert.Contains(references, r => r.Doi == "10.1145/3290605.3300233" && r.Kind == ReferenceKinds.Paper);
        Assert.Contains(references, r => r.ArxivId == "1706.03762");
        Assert.Contains(references, r => r.Isbn == "9780131103627" && r.Kind == ReferenceKinds.Book);
        Assert.Contains(references, r => r.Pmid == "9210542");
    }

    [Fact]
    public void PeopleNamedAsSourcesAreKindPerson()
    {
        var article = Paragraphs + """
            <p>As Hamming said, the great scientists work on important problems, and they know which problems those are.</p>
            <p>He worked with <a href="https://en.wikipedia.org/wiki/Claude_Shannon">Claude Shannon</a> at Bell Labs, and <a href="https://twitter.com/paulg">Paul Graham</a> later wrote about the talk, as did the liner notes of <a href="https://en.wikipedia.org/wiki/Hard_Rain_(Bob_Dylan_album)">Hard Rain</a>.</p>
            """;

        var references = Extract(Page(article));

        Assert.Contains(references, r => r is { Kind: ReferenceKinds.Person, Title: "Hamming", Signal: "named-person" });
        Assert.Contains(references, r => r is { Kind: ReferenceKinds.Person, Url: "https://en.wikipedia.org/wiki/Claude_Shannon", Title: "Claude Shannon" });
        Assert.Contains(references, r => r is { Kind: ReferenceKinds.Person, Url: "https://twitter.com/paulg" });
        Assert.Contains(references, r => r is { Kind: ReferenceKinds.WebPage, Url: "https://en.wikipedia.org/wiki/Hard_Rain_(Bob_Dylan_album)" });
        Assert.Contains(references, r => r is { Kind: ReferenceKinds.WebPage, Url: "https://www.cs.virginia.edu/~robins/YouAndYourResearch.html" });
    }

    [Fact]
    public void DeeplyNestedPagesDoNotOverflowTheStack()
    {
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat("<div>", 5000)) + Paragraphs + string.Concat(Enumerable.Repeat("</div>", 5000)) + "</article></body></html>";

        var references = Extract(html);

        Assert.Contains(references, r => r.Url == "https://www.cs.virginia.edu/~robins/YouAndYourResearch.html");
    }
}
