namespace Hqt.Extraction.Tests;

/// <summary>Chinese, Japanese and Korean names in a page's author list: each name is one person, never split or glued.</summary>
public class AuthorsCjkTests
{
    const string Url = "https://journal.example.cn/2024/05/paper";

    static string[] Names(string head, string body = "<p>正文。</p>") =>
        PageExtractor.Extract($"<html><head>{head}</head><body>{body}</body></html>", Url).Authors.Select(a => a.Name).ToArray();

    [Fact]
    public void EveryChineseCitationAuthorIsOnePersonInOrder()
    {
        Assert.Equal(["王小明", "李华", "欧阳娜娜"], Names("""
            <meta name="citation_author" content="王小明">
            <meta name="citation_author" content="李华">
            <meta name="citation_author" content="欧阳娜娜">
            """));
    }

    [Fact]
    public void JapaneseAndKoreanCitationAuthorsAreOnePersonEach()
    {
        Assert.Equal(["山田太郎", "佐藤花子"], Names("""
            <meta name="citation_author" content="山田太郎"><meta name="citation_author" content="佐藤花子">
            """));
        Assert.Equal(["김민준", "이서연"], Names("""
            <meta name="citation_author" content="김민준"><meta name="citation_author" content="이서연">
            """));
    }

    [Fact]
    public void AChineseBylineWithAColonLabelListsEachNameOnce()
    {
        Assert.Equal(["李华", "张伟"], Names("", """<article><p class="byline">作者：李华、张伟</p><p>正文。</p></article>"""));
    }

    [Fact]
    public void AChineseAuthorMetaWithAnIdeographicCommaIsSeveralPeople()
    {
        Assert.Equal(["李华", "张伟"], Names("""<meta name="author" content="李华、张伟">"""));
    }

    [Fact]
    public void AChineseNameNextToItsLatinFormIsStillOnePersonPerMeta()
    {
        // "Family, Given" in Latin letters is turned as for any name.
        Assert.Equal(["王小明", "Hua Li"], Names("""
            <meta name="citation_author" content="王小明"><meta name="citation_author" content="Li, Hua">
            """));
    }

    [Fact]
    public void AChineseNameWrittenWithASpaceBetweenFamilyAndGivenIsOnePerson()
    {
        var only = Assert.Single(Names("""<meta name="citation_author" content="王 小明">"""));
        Assert.Contains("王", only);
        Assert.Contains("小明", only);
    }

    [Fact]
    public void AFullWidthCommaSeparatesNamesInAChineseByline()
    {
        Assert.Equal(["李华", "张伟"], Names("", """<article><p class="byline">作者：李华，张伟</p><p>正文。</p></article>"""));
    }
}
