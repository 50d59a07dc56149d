namespace Hqt.Extraction.Tests;

/// <summary>Authors marked up in the body: microdata, h-entry, rel=author, bylines by class, by words, by link.</summary>
public class AuthorsMarkupTests
{
    static string[] Names(string body) =>
        PageExtractor.Extract($"<html><head><title>T</title></head><body>{body}</body></html>", "https://blog.example.org/post/1").Authors.Select(a => a.Name).ToArray();

    [Fact]
    public void MicrodataAuthorItemGivesItsNameAndUrl()
    {
        var page = PageExtractor.Extract("""
            <html><body><article itemscope itemtype="https://schema.org/Article">
              <span itemprop="author" itemscope itemtype="https://schema.org/Person"><a itemprop="url" href="/u/jd"><span itemprop="name">Jane Doe</span></a>, Staff Writer</span>
            </article></body></html>
            """, "https://blog.example.org/post/1");

        var author = Assert.Single(page.Authors);
        Assert.Equal("Jane Doe", author.Name);
        Assert.Equal("https://blog.example.org/u/jd", author.Url);
        Assert.Equal("microdata", author.Signals[0]);
    }

    [Fact]
    public void TeaserAuthorsOutsideTheArticlesItemAreIgnored()
    {
        Assert.Equal(["Jane Doe"], Names("""
            <article itemscope itemtype="https://schema.org/NewsArticle"><span itemprop="author">Jane Doe</span></article>
            <ul><li itemscope itemtype="https://schema.org/NewsArticle"><span itemprop="author">Other Writer</span></li></ul>
            """));
    }

    [Fact]
    public void HEntryAuthorHCardGivesItsName()
    {
        Assert.Equal(["Tantek Çelik"], Names("""<article class="h-entry"><a class="p-author h-card" href="https://tantek.com/"><span class="p-name">Tantek Çelik</span><img src="a.jpg"></a></article>"""));
    }

    [Fact]
    public void RelAuthorLinksInSidebarsAreNotThePagesAuthors()
    {
        Assert.Equal(["Jane Doe"], Names("""
            <article><a rel="author" href="/a/jane">Jane Doe</a><p>Body.</p></article>
            <aside class="sidebar"><a rel="author" href="/a/x">Sidebar Writer</a></aside>
            """));
    }

    [Fact]
    public void BylineBlockKeepsEveryAuthorAndDropsDatesAndReadingTimes()
    {
        Assert.Equal(["Josh Haskell", "David Caplan", "Patrick Reevell"], Names("""
            <article><div class="byline">By <a href="/a/1">Josh Haskell</a>, <a href="/a/2">David Caplan</a> and <a href="/a/3">Patrick Reevell</a>
            <span class="byline__date">March 3, 2024</span> · 5 min read</div><p>Body.</p></article>
            """));
    }

    [Fact]
    public void CommentAuthorsAreNotThePagesAuthors()
    {
        Assert.Equal(["Jane Doe"], Names("""
            <article><p class="author">Jane Doe</p><p>Body.</p></article>
            <section id="comments"><div class="comment"><span class="comment-author">Reply Guy</span></div></section>
            """));
    }

    [Fact]
    public void BylineKnownOnlyByItsWordsIsRead()
    {
        Assert.Equal(["Travis Haney"], Names("<article><h1>Title</h1><p>By Travis Haney Dec 9, 2016</p><p>Body text follows.</p></article>"));
        Assert.Equal(["Melanie Wassink"], Names("<article><div>Von Melanie Wassink</div><p>Text.</p></article>"));
    }

    [Fact]
    public void LinkToAnAuthorPageIsReadWhenNothingElseNamesTheAuthor()
    {
        Assert.Equal(["Jon Fingas"], Names("""<article><div class="meta"><a href="https://www.example.com/about/editors/jon-fingas/">Jon Fingas</a></div><p>Body.</p></article>"""));
    }

    [Fact]
    public void FurnitureInAuthorBoxesIsNotAName()
    {
        Assert.Equal(["Oli Coleman"], Names("""
            <article><div class="author-box"><a href="/a/oli">Oli Coleman</a><br><a href="/rss">Get author RSS feed</a><br>
            <a href="/a/oli">View author archive</a> <a href="#">Follow</a></div></article>
            """));
    }

    [Fact]
    public void PhotoCreditsInsideFiguresAreNotAuthors()
    {
        Assert.Equal(["Sarah Archer"], Names("""
            <article><figure><img src="x.jpg"><figcaption><span itemprop="author">Benoit Tessier</span></figcaption></figure>
            <span itemprop="author">Sarah Archer</span></article>
            """));
    }
}
