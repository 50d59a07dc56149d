namespace Hqt.Extraction.Tests;

/// <summary>Authors the page states for machines: Highwire, Dublin Core, author metas, JSON-LD, front matter.</summary>
public class AuthorsStructuredTests
{
    const string Url = "https://news.example.org/2024/05/story";

    static IReadOnlyList<ExtractedAuthor> Authors(string head, string body = "") =>
        PageExtractor.Extract($"<html><head>{head}</head><body>{body}</body></html>", Url).Authors;

    static string[] Names(IReadOnlyList<ExtractedAuthor> authors) => authors.Select(a => a.Name).ToArray();

    [Fact]
    public void EveryCitationAuthorIsKeptInOrder()
    {
        var authors = Authors("""
            <meta name="citation_author" content="Jumper, John"><meta name="citation_author" content="Evans, Richard">
            <meta name="citation_author" content="Žídek, Augustin"><meta name="author" content="Nature Publishing">
            """);

        Assert.Equal(["John Jumper", "Richard Evans", "Augustin Žídek"], Names(authors));
        Assert.All(authors, a => Assert.Equal(AuthorKinds.Person, a.Kind));
        Assert.All(authors, a => Assert.Equal("citation_author", a.Signals[0]));
    }

    [Fact]
    public void JsonLdGraphAuthorsResolveByIdWithProfileUrls()
    {
        var authors = Authors("""
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsArticle","headline":"H","author":[{"@id":"#p1"},{"@type":"Person","name":"Bob Roe","sameAs":["https://x.example/bob"]}]},
              {"@type":"Person","@id":"#p1","name":"Alice Doe","url":"https://news.example.org/by/alice-doe"}]}</script>
            """);

        Assert.Equal(["Alice Doe", "Bob Roe"], Names(authors));
        Assert.Equal("https://news.example.org/by/alice-doe", authors[0].Url);
        Assert.Equal("https://x.example/bob", authors[1].Url);
    }

    [Fact]
    public void JsonLdOrganisationAuthorIsAnOrganisationAndGivenFamilyNamesJoin()
    {
        var org = Authors("""<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"Acme Research"}}</script>""");
        var person = Authors("""<script type="application/ld+json">{"@type":"BlogPosting","creator":{"@type":"Person","givenName":"Ada","familyName":"Lovelace"}}</script>""");

        Assert.Equal(AuthorKinds.Organization, Assert.Single(org).Kind);
        Assert.Equal("Ada Lovelace", Assert.Single(person).Name);
    }

    [Fact]
    public void CommentAndReviewAuthorsInJsonLdAreNotThePagesAuthors()
    {
        var authors = Authors("""
            <script type="application/ld+json">[{"@type":"Article","author":"Jane Doe"},{"@type":"Comment","author":"Troll"}]</script>
            """);

        Assert.Equal(["Jane Doe"], Names(authors));
    }

    [Fact]
    public void BrokenJsonLdWithRawLineBreaksIsStillRead()
    {
        var authors = Authors("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"description\":\"two\nlines\",\"author\":{\"name\":\"Jane Doe\"}}</script>");

        Assert.Equal(["Jane Doe"], Names(authors));
    }

    [Fact]
    public void DublinCoreCreatorsAndMetasWithValueAttributesCount()
    {
        Assert.Equal(["Ana Lima", "Rui Costa"], Names(Authors("""<meta name="DC.creator" content="Lima, Ana"><meta name="dcterms.creator" content="Rui Costa">""")));
        Assert.Equal(["Jane Doe"], Names(Authors("""<meta name="author" value="Jane Doe">""")));
        Assert.Equal(["Jane Doe"], Names(Authors("""<meta name="parsely-author" content="Jane Doe">""")));
        Assert.Equal(["Jane Doe"], Names(Authors("""<meta name="sailthru.author" content="Jane Doe">""")));
    }

    [Fact]
    public void ArticleAuthorUrlsBecomeProfileUrlsOfTheNamesTheySpell()
    {
        var authors = Authors("""
            <meta name="byl" content="By Marc Santora and Al Baker">
            <meta property="article:author" content="https://news.example.org/by/marc-santora">
            <meta property="article:author" content="https://news.example.org/by/al-baker">
            """);

        Assert.Equal(["Marc Santora", "Al Baker"], Names(authors));
        Assert.Equal("https://news.example.org/by/al-baker", authors[1].Url);
    }

    [Fact]
    public void DistillFrontMatterJsonGivesEveryAuthorAndTheirPages()
    {
        var authors = Authors("", """
            <d-front-matter><script type="text/json">{"title":"T","authors":[
              {"author":"Chris Olah","authorURL":"https://colah.github.io/"},{"author":"Shan Carter","authorURL":"http://shancarter.com"}]}</script></d-front-matter>
            """);

        Assert.Equal(["Chris Olah", "Shan Carter"], Names(authors));
        Assert.Equal("https://colah.github.io/", authors[0].Url);
        Assert.Equal("front-matter", authors[0].Signals[0]);
    }

    [Fact]
    public void YamlFrontMatterGivesNamesWithUrlsAndStopsAtTheNextKey()
    {
        var authors = Authors("""
            <script type="text/front-matter">
              title: Attention
              authors:
                - Chris Olah: http://colah.github.io
                - Shan Carter: http://shancarter.com
              affiliations:
                - Google Brain: http://g.co/brain
            </script>
            """);

        Assert.Equal(["Chris Olah", "Shan Carter"], Names(authors));
        Assert.Equal("http://colah.github.io/", authors[0].Url);
    }

    [Fact]
    public void SiteNamePosingAsAuthorGivesWayToTheWriter()
    {
        var authors = Authors("""<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">""",
            """<article><p class="byline">By Jane Doe</p><p>Text.</p></article>""");

        Assert.Equal(["Jane Doe"], Names(authors));
    }

    [Fact]
    public void SiteNameIsKeptAsAnOrganisationWhenNobodyElseIsNamed()
    {
        var authors = Authors("""<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">""");

        var only = Assert.Single(authors);
        Assert.Equal("Example News", only.Name);
        Assert.Equal(AuthorKinds.Organization, only.Kind);
    }

    [Fact]
    public void PublisherInTheAuthorMetaGivesWayToAPersonInTheMarkup()
    {
        var authors = Authors("""<meta name="author" content="Hanns-Seidel-Stiftung e.V.">""",
            """<article><div class="author">Uta Staschewski</div></article>""");

        Assert.Equal(["Uta Staschewski"], Names(authors));
    }

    [Fact]
    public void SignalsThatAgreeMergeIntoOneAuthorStrongestFirst()
    {
        var authors = Authors("""
            <meta name="author" content="Jane Doe">
            <script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Jane Doe"}}</script>
            """, """<article><a rel="author" href="/people/jane">Jane Doe</a></article>""");

        var jane = Assert.Single(authors);
        Assert.Equal("json-ld", jane.Signals[0]);
        Assert.Contains("meta-author", jane.Signals);
        Assert.Contains("rel-author", jane.Signals);
        Assert.Equal("https://news.example.org/people/jane", jane.Url);
    }

    [Fact]
    public void UsernameOrSurnameInOneSignalTakesTheFullNameFromAnother()
    {
        Assert.Equal(["Mike Cason"], Names(Authors("""<meta name="author" content="mikecason">""", """<article><span class="byline">By Mike Cason</span></article>""")));
        Assert.Equal(["April Glaser"], Names(Authors("""<meta name="author" content="Glaser">""", """<article><span class="byline">By April Glaser</span></article>""")));
    }
}
