using Hqt.Extraction;

namespace Hqt.Extraction.Tests.References;

public class ReferencesStructuredTests
{
    const string PageUrl = "https://journal.example.org/articles/42";

    static IReadOnlyList<ExtractedReference> Extract(string head, string body = "<p>Text.</p>") =>
        PageExtractor.Extract($"<html><head><title>Own Article Title</title>{head}</head><body>{body}</body></html>", PageUrl).References;

    [Fact]
    public void HighwireCitationReferenceKeyValuePairsBecomeAReference()
    {
        var references = Extract("""<meta name="citation_reference" content="citation_journal_title=Trends Biochem. Sci.; citation_title=How cryo-EM is revolutionizing structural biology; citation_author=X-C Bai, G McMullan, SHW Scheres; citation_volume=40; citation_publication_date=2015; citation_pages=49-57; citation_doi=10.1016/j.tibs.2014.10.005">""");

        var reference = Assert.Single(references);
        Assert.Equal("How cryo-EM is revolutionizing structural biology", reference.Title);
        Assert.Equal(["X.-C. Bai", "G. McMullan", "S. H. W. Scheres"], reference.Authors);
        Assert.Equal(("Trends Biochem. Sci.", "40", "49-57"), (reference.Container, reference.Volume, reference.Pages));
        Assert.Equal(2015, reference.Year);
        Assert.Equal("10.1016/j.tibs.2014.10.005", reference.Doi);
        Assert.Equal(ReferenceKinds.Paper, reference.Kind);
        Assert.Equal("citation_reference", reference.Signal);
    }

    [Fact]
    public void HighwirePublisherAndAFreeTextBooksPublisherAreKept()
    {
        var references = Extract("""
            <meta name="citation_reference" content="citation_title=The Left Hand of Darkness; citation_author=Ursula K. Le Guin; citation_publication_date=1969; citation_isbn=9780441478125; citation_publisher=Ace Books">
            <meta name="citation_reference" content="Summerfield, William. The Quiet Harbour: Fishing Towns of the North Atlantic. Boston: Harbor House Press, 1987.">
            """);

        Assert.Equal("Ace Books", references.Single(r => r.Title == "The Left Hand of Darkness").Publisher);
        Assert.Equal("Harbor House Press", references.Single(r => r.Title?.StartsWith("The Quiet Harbour") == true).Publisher);
    }

    [Fact]
    public void HighwireFreeTextCitationIsParsedForTitleAndYear()
    {
        var references = Extract("""<meta name="citation_reference" content="Wu, F. et al. A new coronavirus associated with human respiratory disease in China. Nature 579, 265–269 (2020).">""");

        var reference = Assert.Single(references);
        Assert.Equal("A new coronavirus associated with human respiratory disease in China", reference.Title);
        Assert.Equal(2020, reference.Year);
    }

    [Fact]
    public void CoinsSpanBecomesAReferenceButNotWhenItDescribesThePage()
    {
        const string body = """
            <p>Text.</p>
            <span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&amp;rft.atitle=Nobel+laureate+Bob+Dylan&amp;rft.jtitle=Inquirer&amp;rft.date=2016-10-14&amp;rft.au=Jane+Doe&amp;rft_id=info%3Adoi%2F10.1000%2Fxyz123"></span>
            <span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft.atitle=Own+Article+Title&amp;rft.date=2021"></span>
            """;

        var references = Extract("", body);

        var reference = Assert.Single(references);
        Assert.Equal("Nobel laureate Bob Dylan", reference.Title);
        Assert.Equal(2016, reference.Year);
        Assert.Equal("10.1000/xyz123", reference.Doi);
        Assert.Equal(["Jane Doe"], reference.Authors);
        Assert.Equal("coins", reference.Signal);
    }

    [Fact]
    public void CoinsUrlUnderHttpMergedWithTheListLinkUnderHttpsKeepsHttps()
    {
        const string body = """
            <ol class="references"><li><cite><a href="https://news.example.com/story/42">Cats and dogs in Switzerland</a>. Example News. 2014.</cite>
            <span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft.btitle=Cats+and+dogs+in+Switzerland&amp;rft.date=2014&amp;rft_id=http%3A%2F%2Fnews.example.com%2Fstory%2F42"></span></li></ol>
            """;

        var references = Extract("", body);

        var reference = Assert.Single(references, r => r.Url?.Contains("news.example.com") == true);
        Assert.Equal("https://news.example.com/story/42", reference.Url);
        Assert.Contains("coins", reference.Signals);
        Assert.Contains("reference-list", reference.Signals);
    }

    [Fact]
    public void JsonLdCitationsAreReadAtAnyDepth()
    {
        const string head = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"ScholarlyArticle","citation":[
              {"@type":"ScholarlyArticle","name":"Attention Is All You Need","datePublished":"2017","author":[{"@type":"Person","name":"Ashish Vaswani"}],"sameAs":"https://arxiv.org/abs/1706.03762v5"},
              {"@type":"Book","name":"The C Programming Language","isbn":"0131103628"}]}]}</script>
            """;

        var references = Extract(head);

        Assert.Equal(2, references.Count);
        Assert.Contains(references, r => r is { Title: "Attention Is All You Need", Year: 2017, ArxivId: "1706.03762", Kind: ReferenceKinds.Paper } && r.Authors.SequenceEqual(["Ashish Vaswani"]));
        Assert.Contains(references, r => r is { Title: "The C Programming Language", Isbn: "9780131103627", Kind: ReferenceKinds.Book });
    }

    [Fact]
    public void DistillCiteKeysResolveThroughTheEmbeddedBibtexAndOnlyCitedEntriesCount()
    {
        // "and others" is BibTeX's "et al.": no person.
        const string body = """
            <d-article><p>LSTMs <d-cite key="olah2015, graves2014"></d-cite> work.</p></d-article>
            <d-bibliography><script type="text/bibliography">
            @article{olah2015, title={Understanding {LSTM} Networks}, author={Olah, Christopher}, year={2015}, url={http://colah.github.io/posts/2015-08-Understanding-LSTMs}}
            @article{graves2014, title = "Neural Turing Machines", author = {Graves, Alex and Wayne, Greg and others}, journal={CoRR}, year = 2014, url={http://arxiv.org/abs/1410.5401}}
            @book{unused, title={Never Cited}, year={1999}}
            </script></d-bibliography>
            """;

        var references = Extract("", body);

        var bib = references.Where(r => r.Signals.Contains("bibtex")).ToList();
        Assert.Equal(2, bib.Count);
        Assert.Contains(bib, r => r is { Title: "Understanding LSTM Networks", Year: 2015 } && r.Signal == "d-cite");
        Assert.Contains(bib, r => r is { Title: "Neural Turing Machines", Year: 2014, ArxivId: "1410.5401" } && r.Authors.SequenceEqual(["Graves, Alex", "Wayne, Greg"]));
        Assert.DoesNotContain(references, r => r.Title == "Never Cited");
    }

    [Fact]
    public void ABibliographyCutInsideAQuotedValueStillReadsTheEntriesBeforeIt()
    {
        // A truncated page (the fuzz found it): the last value's closing quote never comes.
        const string body = """
            <d-article><p>See <d-cite key="olah2015"></d-cite>.</p></d-article>
            <script type="text/bibliography">
            @article{olah2015, title={Understanding LSTM Networks}, year={2015}}
            @article{cut, title = "Never finis</script>
            """;

        var references = Extract("", body);

        Assert.Contains(references, r => r.Title == "Understanding LSTM Networks" && r.Signals.Contains("bibtex"));
    }

    [Fact]
    public void TheSameWorkFromTwoSignalsMergesKeepingBothSignals()
    {
        const string head = """<meta name="citation_reference" content="citation_title=Deep learning; citation_publication_date=2015; citation_doi=10.1038/nature14539">""";
        const string body = """<article><p>As argued in a widely read review (<a href="https://doi.org/10.1038/NATURE14539">LeCun et al.</a>), depth matters a great deal for representation learning of this kind.</p></article>""";

        var references = Extract(head, body);

        var reference = Assert.Single(references, r => r.Doi == "10.1038/nature14539");
        Assert.Equal("citation_reference", reference.Signal);
        Assert.Contains("link", reference.Signals);
        Assert.Equal("https://doi.org/10.1038/NATURE14539", reference.Url);
    }

    [Fact]
    public void AHighwireReferenceWithoutATitleIsAWorkKnownByWhereItAppeared()
    {
        // IOP's references name journal, volume and pages but no title: the work is told by its place (and its DOI), not
        // shown as its DOI's address.
        var references = Extract("""<meta name="citation_reference" content="citation_journal_title=Mater. Sci. Eng. C; citation_author=Türkkan S; citation_author=Pazarçeviren A E; citation_author=Keskin D; citation_volume=80; citation_issue=2; citation_publication_date=2017; citation_firstpage=484; citation_lastpage=493; citation_doi=10.1016/j.msec.2017.06.016;">""");

        var reference = Assert.Single(references);
        Assert.Null(reference.Title);
        Assert.Equal(("Mater. Sci. Eng. C", "80", "2", "484-493"), (reference.Container, reference.Volume, reference.Issue, reference.Pages));
        Assert.Equal(2017, reference.Year);
        Assert.Equal("10.1016/j.msec.2017.06.016", reference.Doi);
        Assert.Equal(ReferenceKinds.Paper, reference.Kind);
    }

    [Fact]
    public void AHighwireReferenceWithoutTitleOrIdentifierIsKeptWhenItSaysWhereAndWhen()
    {
        var references = Extract("""
            <meta name="citation_reference" content="citation_journal_title=Metrologia; citation_volume=5; citation_issue=4; citation_publication_date=1969; citation_firstpage=111;">
            <meta name="citation_reference" content="citation_journal_title=Metrologia; citation_publication_date=1969;">
            """);

        var reference = Assert.Single(references);
        Assert.Equal(("Metrologia", "5", "111", 1969), (reference.Container, reference.Volume, reference.Pages, reference.Year));
    }

    [Fact]
    public void AChaptersBookIsWhereItAppearedAndABookCitedAloneIsTheWork()
    {
        var references = Extract("""
            <meta name="citation_reference" content="citation_inbook_title=Physiology of Thermoregulation; citation_title=Temperature regulation; citation_author=AA Romanovsky; citation_first_page=603; citation_last_page=615; citation_publication_date=2006">
            <meta name="citation_reference" content="citation_book_title=The Rat Brain in Stereotaxic Coordinates; citation_author=G Paxinos; citation_publication_date=1986">
            """);

        var chapter = Assert.Single(references, r => r.Title == "Temperature regulation");
        Assert.Equal(("Physiology of Thermoregulation", "603-615"), (chapter.Container, chapter.Pages));
        Assert.Equal(["A. A. Romanovsky"], chapter.Authors);
        var book = Assert.Single(references, r => r.Title == "The Rat Brain in Stereotaxic Coordinates");
        Assert.Null(book.Container);
        Assert.Equal((ReferenceKinds.Chapter, ReferenceKinds.Book), (chapter.Kind, book.Kind));
    }

    [Fact]
    public void AThesisOrReportInstitutionSaysWhatTheWorkIs()
    {
        var references = Extract("""
            <meta name="citation_reference" content="citation_title=Nets and tides of the northern coasts; citation_author=Kari Holm; citation_publication_date=1990; citation_dissertation_institution=University of Bergen; citation_doi=10.1000/nets.1990">
            <meta name="citation_reference" content="citation_title=Load balancing for irregular meshes; citation_author=Erik Brandt; citation_publication_date=1998; citation_technical_report_institution=Imperial College London">
            """);

        var thesis = Assert.Single(references, r => r.Title == "Nets and tides of the northern coasts");
        var report = Assert.Single(references, r => r.Title == "Load balancing for irregular meshes");
        Assert.Equal((ReferenceKinds.Thesis, "University of Bergen"), (thesis.Kind, thesis.Publisher));
        Assert.Equal((ReferenceKinds.Report, "Imperial College London"), (report.Kind, report.Publisher));
    }

    [Theory]
    [InlineData("Türkkan S", "S. Türkkan")]
    [InlineData("Pazarçeviren A E", "A. E. Pazarçeviren")]
    [InlineData("Haj A J E", "A. J. E. Haj")]
    [InlineData("Romanovsky AA", "A. A. Romanovsky")]
    [InlineData("AA Romanovsky", "A. A. Romanovsky")]
    [InlineData("Le Guin, Ursula K.", "Ursula K. Le Guin")]
    [InlineData("Della Pietra, Stephen A.", "Stephen A. Della Pietra")]
    [InlineData("Martin Luther King Jr.", "Martin Luther King Jr.")]
    [InlineData("IN Shindyalov", "I. N. Shindyalov")]
    [InlineData("Šikalo Š", "Š. Šikalo")]
    public void HighwireAuthorsAreReadAsFamilyNameAndInitialsWhicheverWayTheyAreWritten(string written, string read)
    {
        var references = Extract($"""<meta name="citation_reference" content="citation_title=Neuronal circuitries involved in thermoregulation; citation_author={written}; citation_publication_date=2000">""");

        Assert.Equal([read], Assert.Single(references).Authors);
    }

    [Fact]
    public void AVancouverAuthorWithAHyphenatedInitialIsOnePersonNamedByTheFamilyName()
    {
        var references = Extract("""<meta name="citation_reference" content="citation_title=Dental materials tested; citation_author=Bottino M C; citation_author=Chu T-M G; citation_publication_date=2012">""");

        Assert.Equal(["M. C. Bottino", "T.-M. G. Chu"], Assert.Single(references).Authors);
    }

    [Fact]
    public void CoinsAndJsonLdCitationsCarryWhereTheWorkAppeared()
    {
        const string body = """
            <p>Text.</p>
            <span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&amp;rft.genre=article&amp;rft.jtitle=Phys.+Rev.+D&amp;rft.volume=76&amp;rft.spage=056001&amp;rft.date=2007&amp;rft.aulast=Beneke&amp;rft.aufirst=M."></span>
            """;
        const string head = """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"ScholarlyArticle","citation":[
              {"@type":"ScholarlyArticle","author":"Polchinski J","datePublished":"2001","pageStart":"707","pageEnd":"718",
               "isPartOf":{"@type":"PublicationIssue","issueNumber":"5","isPartOf":{"@type":"PublicationVolume","volumeNumber":"A16","isPartOf":{"@type":"Periodical","name":"Int. J. Mod. Phys."}}}}]}</script>
            """;

        var references = Extract(head, body);

        var coins = Assert.Single(references, r => r.Signal == "coins");
        Assert.Equal(("Phys. Rev. D", "76", "056001", 2007), (coins.Container, coins.Volume, coins.Pages, coins.Year));
        Assert.Equal(["M. Beneke"], coins.Authors);
        Assert.Null(coins.Title);
        var jsonLd = Assert.Single(references, r => r.Signal == "json-ld");
        Assert.Equal(("Int. J. Mod. Phys.", "A16", "5", "707-718"), (jsonLd.Container, jsonLd.Volume, jsonLd.Issue, jsonLd.Pages));
        Assert.Equal(["J. Polchinski"], jsonLd.Authors);
    }

    [Fact]
    public void AReferenceFromTheMetasAndFromTheListKeepsTheBestOfBoth()
    {
        // The list gives the title the metas lack; the metas give the journal, volume, pages and DOI as the publisher filed them.
        const string head = """<meta name="citation_reference" content="citation_journal_title=J. Clin. Periodontol.; citation_author=Pjetursson B E; citation_author=Zwahlen M; citation_volume=39; citation_publication_date=2012; citation_firstpage=139; citation_lastpage=159; citation_doi=10.1111/j.1600-051X.2011.01828.x;">""";
        const string body = """
            <article><h2>References</h2><ol class="references">
            <li>Pjetursson B E, Zwahlen M and Lang N P 2012 A systematic review of the survival and complication rates of implant-supported fixed dental prostheses after a mean observation period of at least 5 years <i>J. Clin. Periodontol.</i> <b>39</b> 139–59 <a href="https://doi.org/10.1111/j.1600-051X.2011.01828.x">doi:10.1111/j.1600-051X.2011.01828.x</a></li>
            </ol></article>
            """;

        var references = Extract(head, body);

        var reference = Assert.Single(references, r => r.Doi == "10.1111/j.1600-051x.2011.01828.x");
        Assert.StartsWith("A systematic review of the survival", reference.Title);
        Assert.Equal(("J. Clin. Periodontol.", "39", "139-159"), (reference.Container, reference.Volume, reference.Pages));
        Assert.Equal(["B. E. Pjetursson", "M. Zwahlen"], reference.Authors);
        Assert.Contains("reference-list", reference.Signals);
    }

    [Fact]
    public void AListEntryWhoseParsedTitleIsTheJournalCitationDoesNotTitleTheMetasWork()
    {
        // Springer: the meta names no title; the list's entry is authors, year and "Food Hydrocoll 19:157–164", then its links.
        const string head = """<meta name="citation_reference" content="citation_journal_title=Food Hydrocoll; citation_author=S Mali, M Victoria, E Grossmann; citation_volume=19; citation_publication_date=2004; citation_pages=157-164; citation_doi=10.1016/j.foodhyd.2004.05.002; citation_id=CR1">""";
        const string body = """
            <article><h2>References</h2><ol class="c-article-references">
            <li class="c-article-references__item"><p class="c-article-references__text">Mali S, Victoria M, Grossmann E (2004) Food Hydrocoll 19:157–164</p>
            <p class="c-article-references__links"><a href="https://doi.org/10.1016%2Fj.foodhyd.2004.05.002">Article</a> <a href="http://scholar.google.com/scholar_lookup?&amp;title=&amp;journal=Food%20Hydrocoll&amp;volume=19&amp;pages=157-164">Google Scholar</a></p></li>
            </ol></article>
            """;

        var references = Extract(head, body);

        var reference = Assert.Single(references, r => r.Doi == "10.1016/j.foodhyd.2004.05.002");
        Assert.Null(reference.Title);
        Assert.Equal(("Food Hydrocoll", "19", "157-164", 2004), (reference.Container, reference.Volume, reference.Pages, reference.Year));
        Assert.Equal(["S. Mali", "M. Victoria", "E. Grossmann"], reference.Authors);
    }
}
