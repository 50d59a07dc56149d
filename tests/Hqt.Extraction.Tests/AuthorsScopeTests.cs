namespace Hqt.Extraction.Tests;

/// <summary>
/// Issue 13: a page's authors come from its own byline, never from what it cites (references, footnotes, &lt;cite&gt;),
/// its infobox, or the teasers around it; labels in other languages, roles glued to names and datelines are read as such.
/// </summary>
public class AuthorsScopeTests
{
    static string[] Names(string body, string head = "") =>
        PageExtractor.Extract($"<html><head><title>T</title>{head}</head><body>{body}</body></html>", "https://news.example.org/story/1").Authors.Select(a => a.Name).ToArray();

    [Fact]
    public void AFootnotesBylineBelongsToItsReference()
    {
        Assert.Empty(Names("""
            <main><h1>Bob Dylan</h1><p>Dylan is an American singer-songwriter.</p>
            <ol class="references"><li id="cite_note-1"><span class="reference-text"><cite class="citation web">Dylan, Bob (June 6, 2017). <a href="https://nobel.example.org/lecture">Nobel Lecture</a>.</cite></span></li></ol>
            </main>
            """));
    }

    [Fact]
    public void AReferenceListsAuthorSpansAreNotThePagesAuthors()
    {
        Assert.Empty(Names("""
            <article><h1>Kinetic energy functionals</h1><p>We study density functionals.</p>
            <div id="preview-section-references"><ul><li class="bib-reference"><span class="author"><span>V. </span>Karasiev</span> <em>et al.</em></li></ul></div>
            </article>
            """));
    }

    [Fact]
    public void AnInfoboxNamesTheSubjectNotTheAuthor()
    {
        Assert.Empty(Names("""<main><table class="infobox biography vcard"><tr><th><span class="fn">Bob Dylan</span></th></tr></table><p>Text about him.</p></main>"""));
    }

    [Fact]
    public void AReferenceWrapperHoldingTheHeadlineIsTheArticle()
    {
        Assert.Equal(["Laura E. Adkins"], Names("""<div class="sticky-reference"><article><h1>A story</h1><p class="byline">By Laura E. Adkins</p><p>Body text of the story.</p></article></div>"""));
    }

    [Fact]
    public void RelAuthorLinksInATeaserListAreOtherStoriesWriters()
    {
        Assert.Equal(["Juli Clover"], Names("""
            <article><h1>Story</h1><div class="meta">by <a rel="author" href="/author/juli-clover/">Juli Clover</a></div><p>Body.</p></article>
            <section><div class="row"><h3><a href="/other">Other story</a></h3><div class="meta">by <a rel="author" href="/author/sami-fathi/">Sami Fathi</a></div></div>
            <div class="row"><h3><a href="/third">Third story</a></h3><div class="meta">by <a rel="author" href="/author/tim-hardwick/">Tim Hardwick</a></div></div></section>
            """));
    }

    [Fact]
    public void ADatelineBesideTheNamesIsNoAuthor()
    {
        Assert.Equal(["Roland Brockmann", "Sebastian Drescher"], Names("""
            <article><p class="byline">Von <strong><a href="http://a.example">Roland Brockmann</a></strong> und <strong><a href="http://b.example">Sebastian Drescher</a></strong><br> Kakuma /Kenia</p><p>Body.</p></article>
            """));
    }

    [Fact]
    public void AJobGluedToANameIsPeeledAndTheEmployerIsNoSecondAuthor()
    {
        Assert.Equal(["Sam Stein"], Names("""<article><div class="byline"><span class="author-card__name">Sam Stein</span> Senior Politics Editor, The Huffington Post</div><p>Body.</p></article>"""));
    }

    [Fact]
    public void AHeadlineInALinkIsNoByline()
    {
        Assert.Empty(Names("""<div class="list"><a href="/lenk/story-43143.html">Von Einheimischen, Gästen und ganz viel Kühen</a></div><article><p>Body text.</p></article>"""));
    }

    [Theory]
    [InlineData("Von Anna Schmidt")]
    [InlineData("Artikel von Anna Schmidt")]
    [InlineData("Autor: Anna Schmidt")]
    [InlineData("Text: Anna Schmidt")]
    [InlineData("Par Anna Schmidt")]
    [InlineData("Por Anna Schmidt")]
    [InlineData("Di Anna Schmidt")]
    [InlineData("Door Anna Schmidt")]
    [InlineData("Av Anna Schmidt")]
    public void BylineLabelsInOtherLanguagesAreNoNames(string byline) =>
        Assert.Equal(["Anna Schmidt"], Names($"""<article><p class="byline">{byline}</p><p>Body.</p></article>"""));

    [Fact]
    public void DublinCoreCreatorIsRead()
    {
        Assert.Equal(["Paloma Schäfer Aguilar"], Names("<p>Body.</p>", """<meta name="DC.creator" content="Schäfer Aguilar, Paloma">"""));
    }
}
