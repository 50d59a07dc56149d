namespace Hqt.Extraction.Tests;

/// <summary>
/// Author metas where <c>property</c> and <c>name</c> carry different values, beside decoys that are no author: a social
/// profile URL, a handle, a publisher, the site's name. The person the page names wins; the decoys name nobody.
/// </summary>
public class AuthorsMetaPrecedenceTests
{
    const string Url = "https://news.example.org/2024/05/story";

    static string[] Names(string head, string body = "<p>Text.</p>") =>
        PageExtractor.Extract($"<html><head>{head}</head><body>{body}</body></html>", Url).Authors.Select(a => a.Name).ToArray();

    [Fact]
    public void AFacebookProfileInArticleAuthorGivesWayToTheNamedAuthor()
    {
        Assert.Equal(["Real Name"], Names("""
            <meta property="article:author" content="https://facebook.com/x">
            <meta name="author" content="Real Name">
            """));
        // Order does not matter.
        Assert.Equal(["Real Name"], Names("""
            <meta name="author" content="Real Name">
            <meta property="article:author" content="https://www.facebook.com/examplenews">
            """));
    }

    [Fact]
    public void AProfileUrlAloneNamesNobody()
    {
        Assert.Empty(Names("""<meta property="article:author" content="https://facebook.com/x">"""));
        Assert.Empty(Names("""<meta property="article:author" content="https://www.facebook.com/examplenews">"""));
    }

    [Fact]
    public void AHandleBesideTheNamedAuthorIsNoSecondPerson()
    {
        Assert.Equal(["Jane Roe"], Names("""
            <meta name="twitter:creator" content="@examplenews">
            <meta property="article:author" content="https://facebook.com/examplenews">
            <meta name="author" content="Jane Roe">
            """));
    }

    [Fact]
    public void DublinCoreCreatorIsTheAuthorAndItsPublisherIsNot()
    {
        Assert.Equal(["Ana Lima"], Names("""
            <meta name="DC.publisher" content="Example University Press">
            <meta name="DC.creator" content="Lima, Ana">
            """));
        Assert.Equal(["Rui Costa"], Names("""
            <meta name="dcterms.publisher" content="Example University Press">
            <meta name="dcterms.creator" content="Costa, Rui">
            """));
    }

    [Fact]
    public void DublinCoreNamesAreReadWhateverTheirCase()
    {
        Assert.Equal(["Ana Lima"], Names("""<meta name="dc.creator" content="Lima, Ana">"""));
        Assert.Equal(["Ana Lima"], Names("""<meta name="DC.Creator" content="Lima, Ana">"""));
        Assert.Equal(["Ana Lima"], Names("""<meta name="DCTERMS.creator" content="Lima, Ana">"""));
    }

    [Fact]
    public void OnePersonInDublinCoreAndTheAuthorMetaInTwoFormsIsOnePerson()
    {
        Assert.Equal(["Jane Roe"], Names("""
            <meta name="DC.creator" content="Roe, Jane">
            <meta name="author" content="Jane Roe">
            <meta property="article:author" content="https://facebook.com/janeroe.news">
            """));
    }

    [Fact]
    public void TheSiteNameInDublinCoreGivesWayToTheWriterInTheAuthorMeta()
    {
        Assert.Equal(["Jane Roe"], Names("""
            <meta property="og:site_name" content="Example News">
            <meta name="DC.creator" content="Example News">
            <meta name="author" content="Jane Roe">
            """));
    }

    [Fact]
    public void OneMetaWithBothAttributesAndAProfileUrlNamesNobodyAndTheBylineWins()
    {
        Assert.Equal(["Jane Roe"], Names("""
            <meta name="author" property="article:author" content="https://facebook.com/x">
            <meta name="byl" content="By Jane Roe">
            """));
    }
}
