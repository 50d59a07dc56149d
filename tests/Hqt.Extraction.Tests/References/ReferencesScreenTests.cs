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
    public void AJournalsVolumeAndIssueTablesOfContentsAreNoReferences()
    {
        var links = Links("""
            <main><h1>A paper</h1>
              <p><a href="/volume/1748-605X/14">Volume 14</a>, <a href="/issue/1748-605X/14/3">Number 3</a>, <a href="/toc/bmm/14/3">this issue</a>,
                 <a href="/loi/bmm">all issues</a>, in <a href="/journal/1748-605X">Biomedical Materials</a>.</p>
              <p>We build on <a href="https://arxiv.org/abs/1706.03762">attention as introduced earlier</a>, which changed everything.</p>
            </main>
            """);

        Assert.Equal(["https://arxiv.org/abs/1706.03762"], links);
    }

    [Fact]
    public void AnOrcidRecordIsAPersonNeverAWork()
    {
        var references = PageExtractor.Extract("""
            <html><body><article><h1>A paper</h1>
              <p>Written by <a href="https://orcid.org/0000-0003-4292-5856">Ahmet Engin Pazarçeviren</a> and <a href="https://orcid.org/0000-0002-1825-0097"><img alt="ORCID iD"></a>, who thank their colleagues for everything.</p>
            </article></body></html>
            """, "https://journal.example.org/article/1").References;

        Assert.DoesNotContain(references, r => r.Kind != "person" && r.Url is { } u && u.Contains("orcid.org"));
        // The named record is a person; the bare icon names no one and is left out.
        Assert.Single(references, r => r.Kind == "person" && r.Title == "Ahmet Engin Pazarçeviren");
        Assert.DoesNotContain(references, r => r.Url is { } u && u.Contains("0000-0002-1825-0097"));
    }

    [Fact]
    public void ADownloadedFromLineIsNoReference()
    {
        var links = Links("""<article><p>Our main finding holds across every cohort we examined in the study.</p><p><a href="https://journal.example.net/content/1">Downloaded from journal.example.net</a></p></article>""",
            "https://blog.example.com/post");

        Assert.Empty(links);
    }

    [Fact]
    public void AShareButtonIsNoReference()
    {
        var links = Links("""
            <article><p>Our main finding holds across every cohort we examined, as <a href="https://other.example.net/study?from=blog">the study</a> shows.</p>
              <p><a href="https://wa.me/?text=Our%20finding%20https://blog.example.com/2016/post-name">WhatsApp</a>
                 <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.blog.example.com%2F2016%2Fpost-name">Share</a></p></article>
            """, "https://blog.example.com/2016/post-name");

        Assert.Equal(["https://other.example.net/study?from=blog"], links);
    }

    [Fact]
    public void SoftwareCitedByItsAddressIsNamedByTheWordsBeforeTheBracket()
    {
        var references = PageExtractor.Extract("""
            <html><body><article><p>Data analysis used Python v.3.6 (<a href="https://www.python.org/">https://www.python.org/</a>), NumPy v.1.16.4 (<a href="https://github.com/numpy/numpy">https://github.com/numpy/numpy</a>),
              and the code is on GitHub (<a href="https://github.com/example/tool">https://github.com/example/tool</a>) and (<a href="https://example.org/data">https://example.org/data</a>).</p></article></body></html>
            """, "https://journal.example.org/article/1").References;

        string? AnchorOf(string url) => Assert.Single(references, r => r.Url == url).AnchorText;
        Assert.Equal("Python v.3.6", AnchorOf("https://www.python.org/"));
        Assert.Equal("NumPy v.1.16.4", AnchorOf("https://github.com/numpy/numpy"));
        // One word is kept as the link's name, but it becomes a title only where the address vouches for it (WorkFacts).
        Assert.Equal("GitHub", AnchorOf("https://github.com/example/tool"));
        Assert.Equal("https://example.org/data", AnchorOf("https://example.org/data"));
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
    [InlineData("TRIP 4–4:128–132")]
    [InlineData("Key Eng Mater 284–286:553–556")]
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
    [InlineData("Please wait… references are loading")]
    [InlineData("Loading...")]
    public void NoTitles(string text) => Assert.Null(WorkTitles.Clean(text));

    [Theory]
    [InlineData("No Direction Home", "No Direction Home")]
    [InlineData("B. et al. Mycophenolic acid: an anti-cancer compound with unusual properties", "Mycophenolic acid: an anti-cancer compound with unusual properties")]
    [InlineData("Letters of Note", "Letters of Note")]
    [InlineData("猫", "猫")]
    [InlineData("Finding My Voice May 28, 2021", "Finding My Voice May 28, 2021")]
    [InlineData("Loading the Dice: Chance in Early Modern Science", "Loading the Dice: Chance in Early Modern Science")]
    public void Titles(string text, string title) => Assert.Equal(title, WorkTitles.Clean(text));

    [Theory]
    [InlineData("this tutorial", false)]
    [InlineData("auf seiner Homepage", false)]
    [InlineData("here", false)]
    [InlineData("Attention Is All You Need", true)]
    [InlineData("the original paper on transformers", true)]
    public void AnchorsNameWorksOnlyWhenTheyAreTitles(string anchor, bool names) => Assert.Equal(names, WorkTitles.IsNamingAnchor(anchor));

    static IReadOnlyList<ExtractedReference> OwnDoiPage(string head, string body, string url = "https://journals.example.org/plosone/article?id=10.1371/journal.pone.0000001") =>
        PageExtractor.Extract($"<html><head><title>Fever and the hypothalamus</title>{head}</head><body>{body}</body></html>", url).References;

    [Fact]
    public void APagesOwnDoiAndItsFiguresAreNoReferencesButADoiSharingItsPrefixIs()
    {
        var references = OwnDoiPage("""<meta name="citation_doi" content="10.1371/journal.pone.0000001">""", """
            <article><p>Our results are summarised below and in the related work listed at the end of this article.</p>
            <p>DOI: <a href="https://doi.org/10.1371/journal.pone.0000001">https://doi.org/10.1371/journal.pone.0000001</a></p>
            <figure><a href="/plosone/article/figure/image?size=medium&amp;id=10.1371/journal.pone.0000001.g001">Click for larger image</a>
              <figcaption><a href="https://doi.org/10.1371/JOURNAL.PONE.0000001.g001">https://doi.org/10.1371/journal.pone.0000001.g001</a></figcaption></figure>
            <p>Table 1: <a href="https://doi.org/10.1371/journal.pone.0000001.t001">https://doi.org/10.1371/journal.pone.0000001.t001</a>;
               supplement <a href="https://doi.org/10.1371/journal.pone.0000001/figures/1">figure 1</a>.</p>
            <p>We build on <a href="https://doi.org/10.1371/journal.pone.00000012">the companion study of thermoregulation</a>, which found the same.</p></article>
            """);

        var dois = references.Select(r => r.Doi).ToList();
        Assert.Equal(["10.1371/journal.pone.00000012"], dois);
    }

    [Fact]
    public void APagesOwnDoiIsReadFromAnyOfItsMetasAndDropsItsExportAndPermissionLinks()
    {
        var references = OwnDoiPage("""<meta name="DC.Identifier" content="doi:10.1038/S41586-021-03819-2">""", """
            <article><p>Protein structures predicted at scale, compared with the methods listed in the references below.</p>
            <p><a href="https://citation-needed.springer.com/v2/references/10.1038/s41586-021-03819-2?format=refman&amp;flavour=citation">Download citation</a>
               <a href="https://media.springernature.com/original/springer-static/esm/art%3A10.1038%2Fs41586-021-03819-2/MediaObjects/41586_2021_3819_MOESM1_ESM.pdf">Supplementary Information</a>
               <a href="https://crossmark.crossref.org/dialog/?doi=10.1038/s41586-021-03819-2">Check for updates</a></p>
            <p>See <a href="https://doi.org/10.2210/pdb6y4f/pdb">the deposited structure</a> and <a href="https://doi.org/10.1038/s41586-021-03819-20">a later analysis</a> of it.</p></article>
            """, "https://www.nature.com/articles/s41586-021-03819-2");

        Assert.Equal(["10.2210/pdb6y4f/pdb", "10.1038/s41586-021-03819-20"], references.Select(r => r.Doi).ToList());
    }

    [Theory]
    [InlineData("""<meta name="DC.Identifier" content="doi:10.1038/S41586-021-03819-2">""", "https://www.nature.com/articles/s41586-021-03819-2", "10.1038/s41586-021-03819-2")]
    [InlineData("", "https://pubs.example.org/doi/full/10.1021/acs.jpca.1c01234", "10.1021/acs.jpca.1c01234")]
    [InlineData("", "https://blog.example.com/2020/post", null)]
    public void ThePagesOwnDoiIsItsIdentity(string head, string url, string? doi) =>
        Assert.Equal(doi, PageExtractor.Extract($"<html><head><title>A page</title>{head}</head><body><p>Text.</p></body></html>", url).Doi);

    [Fact]
    public void ACitationReferenceNamingThePagesOwnDoiIsNoReference()
    {
        var references = OwnDoiPage("""
            <meta name="citation_doi" content="10.1088/1748-605X/ab007b">
            <meta name="citation_reference" content="citation_journal_title=Biomed. Mater.; citation_author=Pazarçeviren A E; citation_volume=14; citation_publication_date=2019; citation_firstpage=035018; citation_doi=10.1088/1748-605x/AB007B;">
            <meta name="citation_reference" content="citation_journal_title=Biomaterials; citation_author=Ueyama Y; citation_volume=23; citation_publication_date=2002; citation_firstpage=2027; citation_doi=10.1016/S0142-9612(01)00332-5;">
            """, "<p>Text.</p>", "https://iopscience.iop.org/article/10.1088/1748-605X/ab007b");

        Assert.Equal(["10.1016/s0142-9612(01)00332-5"], references.Select(r => r.Doi).ToList());
    }

    [Fact]
    public void APageWhoseAddressHoldsItsDoiDoesNotCiteItself()
    {
        var references = OwnDoiPage("", """<article><p>The full text, as published at <a href="https://doi.org/10.1002/anie.201915678">its DOI</a>, builds on <a href="https://doi.org/10.1002/anie.201900001">earlier work</a> in detail.</p></article>""",
            "https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201915678");

        Assert.Equal(["10.1002/anie.201900001"], references.Select(r => r.Doi).ToList());
    }
}
