using Hqt.Extraction;

namespace Hqt.Extraction.Tests.References;

public class ReferencesListTests
{
    static IReadOnlyList<ExtractedReference> Extract(string body) =>
        PageExtractor.Extract($"<html><body>{body}</body></html>", "https://blog.example.com/post").References;

    /// <summary>The items as a post's reference list: a paragraph of body text, a "References" heading, then the list.</summary>
    static IReadOnlyList<ExtractedReference> ExtractList(string items, string list = "<ol>") =>
        Extract($"<article><p>Body text that cites things.</p>\n<h2>References</h2>\n{list}\n{items}\n</ol></article>");

    [Fact]
    public void AFamilyNamesParticleAfterABackLinkIsKept()
    {
        // The back-link pattern took any one- or two-letter words after the caret for the citing places' letters: "de
        // Solla Price" was "D. J. Solla Price".
        var references = ExtractList("""
            <li><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> de Solla Price, D. J. (1965). Networks of scientific papers. Science, 149(3683), 510–515.</li>
            <li><span class="mw-cite-backlink">^ <a href="#cite_ref-2a"><b>a</b></a> <a href="#cite_ref-2b"><b>b</b></a></span> Scherman, Tony (2006). The Bob Dylan Motorcycle-Crash Mystery. American Heritage.</li>
            """);

        Assert.Equal(["D. J. de Solla Price", "Tony Scherman"], references.SelectMany(r => r.Authors));
    }

    [Fact]
    public void AChicagoShortNoteIsNoSecondWorkByASecondPerson()
    {
        // "Kleon, Steal Like an Artist, 30." repeats the full note; read as a family name, a container and a volume it was a
        // title-less work by "Kleon".
        var references = ExtractList("""
            <li>Austin Kleon, Steal Like an Artist: 10 Things Nobody Told You About Being Creative (New York: Workman, 2012), 14–15.</li>
            <li>Kleon, Steal Like an Artist, 30.</li>
            <li>J. Polchinski, Int. J. Mod. Phys. A16, 707-718 (2001).</li>
            """);

        Assert.Equal(["Austin Kleon", "J. Polchinski"], references.SelectMany(r => r.Authors));
    }

    [Fact]
    public void ItemsUnderAReferencesHeadingBecomeOneReferenceEach()
    {
        const string body = """
            <article><p>Body text that cites things.</p>
            <h2>References</h2>
            <ol>
              <li>Romanovsky AA, Shido O (1996) Endotoxin shock: thermoregulatory mechanisms. Am J Physiol 270: R693–R703. <a href="https://pubmed.ncbi.nlm.nih.gov/8779847/">PubMed</a></li>
              <li>Thompson, M. C., Yeates, T. O. &amp; Rodriguez, J. A. Advances in methods for atomic resolution macromolecular structure determination. F1000Res. 9, 667 (2020). <a href="https://doi.org/10.12688/f1000research.25097.1">Article</a> <a href="http://scholar.google.com/scholar_lookup?title=Advances">Google Scholar</a></li>
            </ol>
            <h2>Comments</h2><ul><li>Nice post! <a href="https://spam.example.net/">me</a></li></ul></article>
            """;

        var references = Extract(body);

        var first = Assert.Single(references, r => r.Pmid == "8779847");
        Assert.Equal("Endotoxin shock: thermoregulatory mechanisms", first.Title);
        Assert.Equal(1996, first.Year);
        // Names in given-family order whatever the style wrote ("Romanovsky AA" is Vancouver's family-initials order).
        Assert.Equal(["A. A. Romanovsky", "O. Shido"], first.Authors);
        Assert.Equal("Am J Physiol", first.Container);
        Assert.Equal("270", first.Volume);
        Assert.Equal("R693-R703", first.Pages);
        Assert.Equal("reference-list", first.Signal);
        var second = Assert.Single(references, r => r.Doi == "10.12688/f1000research.25097.1");
        Assert.Equal("Advances in methods for atomic resolution macromolecular structure determination", second.Title);
        Assert.Equal(2020, second.Year);
        Assert.Equal("https://doi.org/10.12688/f1000research.25097.1", second.Url);
        // The item's other links stay as links, so no address it gives is lost, marked as the item's further links (the
        // graph makes no work of them); the item's own link is no such mark.
        var scholar = Assert.Single(references, r => r.Url == "http://scholar.google.com/scholar_lookup?title=Advances" && r.Doi is null);
        Assert.Equal(["reference-list", "alternate-link"], scholar.Signals);
        Assert.Equal("reference-list", scholar.Signal);
        Assert.DoesNotContain("alternate-link", second.Signals);
        Assert.DoesNotContain(references, r => r.Url == "https://spam.example.net/" && r.Signals.Contains("reference-list"));
    }

    // A reference section is headed in the page's own language: Wikipedia's French, German, Dutch, Polish, Swedish,
    // Turkish, Russian and Greek editions head theirs so, and journals in those languages too.
    [Theory]
    [InlineData("Bibliographie")]
    [InlineData("Literaturverzeichnis")]
    [InlineData("Anmerkungen")]
    [InlineData("Bronnen")]
    [InlineData("Przypisy")]
    [InlineData("Källor")]
    [InlineData("Kaynakça")]
    [InlineData("Список литературы")]
    [InlineData("Βιβλιογραφία")]
    public void ItemsUnderAReferenceHeadingInAnotherLanguageAreReferences(string heading)
    {
        var references = Extract($"""
            <article><p>Le texte de l'article, qui cite ses sources.</p>
            <h2>{heading}</h2>
            <ol>
              <li>Serneels (V.), Folletete (Chr.), Aperçu du district sidérurgique du Mont d'Or, Minaria Helvetica, 24b, 2004, p. 7-20.</li>
              <li>Brun (J.-P.), Congès (G.). La villa gallo-romaine. Gallia 50, 1993, 1-20.</li>
            </ol></article>
            """);

        var first = Assert.Single(references, r => r.Title == "Aperçu du district sidérurgique du Mont d'Or");
        Assert.Equal("V. Serneels", first.Authors[0]);
        Assert.EndsWith("Folletete", Assert.Single(first.Authors.Skip(1)));
        Assert.Equal("reference-list", first.Signal);
        Assert.Contains(references, r => r.Title == "La villa gallo-romaine" && r.Year == 1993);
    }

    [Fact]
    public void AnEditedBookIsNamedByItsEditorsAndAChapterByItsAuthors()
    {
        var references = ExtractList("""
              <li>Dettmar, Kevin J., ed. (2008). The Cambridge Companion to Bob Dylan. Cambridge University Press.</li>
              <li>Lisa Cartwright und Marita Sturken (Hg.), Practices of Looking, New York 2005.</li>
              <li>Nakamura, K. (2008). Tidal forecasting with neural networks. In P. Alvarez &amp; R. Chen (Eds.), Handbook of Coastal Engineering (pp. 45–67). Amsterdam: Elsevier.</li>
            """);

        Assert.Equal(["Kevin J. Dettmar"], Assert.Single(references, r => r.Title == "The Cambridge Companion to Bob Dylan").Authors);
        Assert.Equal(["Lisa Cartwright", "Marita Sturken"], Assert.Single(references, r => r.Title == "Practices of Looking").Authors);
        // The handbook's editors edit the container the chapter sits in: the chapter's people are its author.
        Assert.Equal(["K. Nakamura"], Assert.Single(references, r => r.Title == "Tidal forecasting with neural networks").Authors);
    }

    [Fact]
    public void AnItemThatSaysWhatItNamesIsThatKindOfWorkEvenWithADoi()
    {
        const string items = """
              <li>Thornton, W. (1987). The Quiet Harbour. Boston: Harbor House Press.</li>
              <li>Nakamura, K. (2008). Tidal forecasting with neural networks. In P. Alvarez &amp; R. Chen (Eds.), Handbook of Coastal Engineering (pp. 45–67). Amsterdam: Elsevier. https://doi.org/10.1000/tides.2008.3</li>
              <li>Okafor, C. (2009). Rainfall variability and river basin dynamics in the Niger Delta (Doctoral dissertation). University of Lagos.</li>
              <li>Brandt, E., &amp; Moreau, J. (1998). Load balancing for irregular meshes. Technical Report TR-98-14, Department of Computing, Imperial College.</li>
              <li>Kim, H., &amp; Osei, A. (2015). One-pot synthesis of porous carbon frameworks. Journal of Materials Chemistry A, 3(12), 6543–6550. https://doi.org/10.1000/carbon.2015</li>
            """;

        var kinds = ExtractList(items).Where(r => r.Title is not null).ToDictionary(r => r.Title!.Split(' ')[0], r => r.Kind);

        Assert.Equal(ReferenceKinds.Book, kinds["The"]);
        Assert.Equal(ReferenceKinds.Chapter, kinds["Tidal"]);
        Assert.Equal(ReferenceKinds.Thesis, kinds["Rainfall"]);
        Assert.Equal(ReferenceKinds.Report, kinds["Load"]);
        Assert.Equal(ReferenceKinds.Paper, kinds["One-pot"]);
    }

    [Fact]
    public void TextAStyleHidesIsNoPartOfTheReference()
    {
        // Wikipedia's citation templates leave maintenance notes in every rendered citation, hidden by a style.
        const string items = """
              <li><cite class="citation book">Lindqvist, Ana (2012). <i>Harbour Lights of the North</i>. Harbor House Press.</cite><span class="citation-comment" style="display:none; color:#33aa33">CS1 maint: Uses authors parameter (<a href="/wiki/Category:CS1_maint">link</a>)</span></li>
            """;

        var reference = Assert.Single(ExtractList(items), r => r.Title == "Harbour Lights of the North");

        Assert.Equal("Harbor House Press", reference.Publisher);
        Assert.DoesNotContain("CS1", reference.Context);
    }

    [Fact]
    public void ItemsLaidOutInBlocksWithNoSpaceBetweenThemReadAsTheirWordsApart()
    {
        // ScienceDirect's list: author, title and journal are blocks (and the surname and initials spans) that CSS
        // sets apart; the markup has no whitespace between them.
        const string body = """
            <article><p>Body text that cites things.</p><h2>References</h2><ol>
            <li class="bib-reference"><span class="author"><span>G.N. </span>Lewis</span><h3 class="title">The atom and the molecule</h3><span class="host"><div class="series"><h3 class="title">J. Am. Chem. Soc.</h3></div><div class="series">(1916)</div></span></li>
            <li class="bib-reference"><span class="author"><span>W. </span>Kossel</span><h3 class="title">Über Molekülbildung als Frage des Atombaus</h3><span class="host"><div class="series"><h3 class="title">Ann. Phys.</h3></div><div class="series">(1916)</div></span></li>
            <li class="bib-reference"><span><span class="author">Almeida<span>A.P. </span></span><em> et al.</em></span><h3 class="title">Satellite-tracked movements of female leatherbacks, <em>Dermochelys coriacea</em> (Testudines, Dermochelyidae)</h3><span class="host"><div class="series"><h3 class="title">Endanger. Species Res.</h3></div><div class="series">(2011)</div></span></li>
            <li class="bib-reference"><span class="author">Sato<span>K. </span></span><h3 class="title">The solubility of H<sub>2</sub>O in melts</h3><span class="host"><div class="series">Geochim. Cosmochim. Acta</div><div class="series">(1999)</div></span></li>
            </ol></article>
            """;

        var references = Extract(body);

        Assert.Contains(references, r => r.Title == "The atom and the molecule" && r.Year == 1916);
        Assert.Contains(references, r => r.Title == "Über Molekülbildung als Frage des Atombaus");
        Assert.Contains(references, r => r.Title is { } t && t.StartsWith("Satellite-tracked movements of female leatherbacks, Dermochelys coriacea", StringComparison.Ordinal));
        Assert.Contains(references, r => r.Title == "The solubility of H2O in melts");
        Assert.DoesNotContain(references, r => r.Title is { } t && (t.Contains("LewisThe", StringComparison.Ordinal) || t.EndsWith("moleculeJ", StringComparison.Ordinal)));
        var people = references.SelectMany(r => r.Authors).ToList();
        Assert.DoesNotContain(people, a => a.Contains("KosselÜber", StringComparison.Ordinal) || a.Contains("AlmeidaA", StringComparison.Ordinal));
    }

    [Fact]
    public void ElementsHtmlDoesNotDefineFlowInTheLineTheyAreWrittenIn()
    {
        // Atypon's lists (ACP, SAGE, T&F) wrap each name in JATS's <contrib-group>, which a browser shows inline; read
        // as blocks, each name ended a line ("Rudenko LG. , Slepushkin AN. ,") and the second author became the title.
        const string items = """
              <li><span class="label">6. </span> <contrib-group>
                  Rudenko LG </contrib-group>, <contrib-group>
                  Slepushkin AN </contrib-group>, <contrib-group>
                  Monto AS </contrib-group>, <contrib-group>et al</contrib-group>. <span class="references__article-title">Efficacy of live attenuated and inactivated influenza vaccines in schoolchildren</span>. <span class="references__source"><strong>J Infect Dis</strong></span>. <span class="references__year">1993</span>;168:881-7.</li>
              <li><span class="label">28. </span> <contrib-group>
                  Imbens GW </contrib-group> and <contrib-group>
                  Lemieux T </contrib-group>. <span class="references__article-title">Regression discontinuity designs: a guide to practice</span>. <span class="references__source"><strong>J Econom</strong></span>. <span class="references__year">2008</span>;142:615-35.</li>
            """;

        var references = ExtractList(items);

        var rudenko = Assert.Single(references, r => r.Title == "Efficacy of live attenuated and inactivated influenza vaccines in schoolchildren");
        Assert.Equal(["L. G. Rudenko", "A. N. Slepushkin", "A. S. Monto"], rudenko.Authors);
        var imbens = Assert.Single(references, r => r.Title == "Regression discontinuity designs: a guide to practice");
        Assert.Equal(["G. W. Imbens", "T. Lemieux"], imbens.Authors);
        Assert.Equal(ReferenceKinds.Paper, imbens.Kind);
        Assert.DoesNotContain(references, r => (r.Context ?? "").Contains(". ,", StringComparison.Ordinal));
    }

    [Fact]
    public void AYearOpeningAnItemIsItsDateNotItsNumber()
    {
        const string items = """
              <li>2012 Review, Fligstein and McAdam, A Theory of Fields. Mobilizing Ideas, June 13. Review here.</li>
              <li>1968 Tzeltal Numerical Classifiers: A Study in Ethnographic Semantics. The Hague: Mouton.</li>
              <li>12. Okafor, N. C. (2010). Roots in dry soil. Plant Physiology, 12(3), 45–67.</li>
            """;

        var references = ExtractList(items);

        Assert.Contains(references, r => r.Year == 2012 && r.Authors.Count == 0);
        Assert.Contains(references, r => r.Year == 1968 && (r.Title ?? "").StartsWith("Tzeltal", StringComparison.Ordinal));
        Assert.Contains(references, r => r.Title == "Roots in dry soil" && r.Year == 2010);
        Assert.DoesNotContain(references.SelectMany(r => r.Authors), a => a == "Review");
    }

    [Fact]
    public void ANoteGroupHeadedAsAnotherSectionIsNoReferenceList()
    {
        // PeerJ's back matter: JATS fn-groups for competing interests and contributions beside the real footnotes.
        const string body = """
            <article><p>Body text that cites things.</p>
            <div class="fn-group"><h3>Author Contributions</h3>
              <div class="fn"><p><a href="#author-1">Heather Okafor</a>, <a href="#author-2">Jason Brandt</a> and <a href="#author-3">Stefanie Haas</a> conceived and designed the experiments, performed the experiments, wrote the paper.</p></div>
              <div class="fn"><p><a href="#author-4">Vincent Larivière</a> analyzed the data, wrote the paper, reviewed drafts of the paper.</p></div>
            </div>
            <div class="fn-group"><h3>Competing Interests</h3>
              <div class="fn"><p>Heather Okafor and Jason Brandt are founders of Impactstory, a non-profit company which makes tools.</p></div>
            </div>
            <div class="fn-group"><h3>Notes</h3>
              <div class="fn"><p>Okafor, N. C. (2010). Roots in dry soil. Plant Physiology, 12(3), 45–67.</p></div>
            </div></article>
            """;

        var references = Extract(body);

        Assert.Contains(references, r => r.Title == "Roots in dry soil");
        Assert.DoesNotContain(references, r => (r.Title ?? "").Contains("wrote the paper", StringComparison.Ordinal) || (r.Title ?? "").Contains("founders", StringComparison.Ordinal));
        Assert.DoesNotContain(references.SelectMany(r => r.Authors), a => a is "Vincent" or "Heather Okafor");
    }

    [Fact]
    public void ABoxOfSectionsWhoseClassSaysReferenceIsNoReferenceList()
    {
        // Atlas Obscura's footer is "container js-page-left-reference": a script's hook, around five link columns.
        var columns = string.Concat(new[] { "Places", "Trips", "Community", "Company", "Our Sites" }.Select(name => $"""
            <section><h3>{name}</h3><ul class="links-column"><li><a href="https://atlas.example.com/{name.Length}/privacy">Privacy Policy</a></li><li><a href="https://atlas.example.com/{name.Length}/terms">Terms of Use</a></li></ul></section>
            """));
        var references = Extract($"""<article><p>Body text.</p></article><div class="new-footer"><div class="container js-page-left-reference">{columns}</div></div>""");

        Assert.DoesNotContain(references, r => r.Title is "Privacy Policy" or "Terms of Use" || r.Signal == "reference-list");
    }

    [Fact]
    public void AListOfNothingButLinksToThePagesOwnSiteIsItsNavigation()
    {
        // AO3's log-in box: <ul class="footnote actions"> with "Forgot password?" and "Get an Invitation". A reference
        // list that cites one of the site's own essays among other works still cites it.
        var references = Extract("""
            <article><p>Body text.</p></article>
            <ul class="footnote actions"><li><a href="/users/password/new">Forgot password?</a></li><li><a href="/invite_requests">Get an Invitation</a></li></ul>
            <ol class="references"><li><a href="https://example.org/journal/atoms">Lewis, G. N. (1916). The atom and the molecule. J. Am. Chem. Soc. 38, 762.</a></li>
            <li><a href="/essays/harbours">Notes on harbours and their lights</a></li></ol>
            """);

        Assert.DoesNotContain(references, r => r.Title is "Forgot password?" or "Get an Invitation"
            || r.Signal == "reference-list" && (r.Url ?? "").StartsWith("https://blog.example.com/users/", StringComparison.Ordinal));
        Assert.Contains(references, r => r.Title == "The atom and the molecule");
        Assert.Contains(references, r => r.Url == "https://blog.example.com/essays/harbours" && r.Signal == "reference-list");
    }

    [Fact]
    public void DrupalsFieldOfEntityReferencesIsNoReferenceList()
    {
        // Every Drupal site wraps an article's paragraphs in "field--type-entity-reference-revisions"; its bullet points
        // made works and people ("macht regelmäßig Freude").
        var references = Extract("""
            <article><div class="field field--name-field-paragraphs field--type-entity-reference-revisions field__items">
            <p>Eine positive Führungskraft in diesem Sinne</p>
            <ul><li>macht regelmäßig Freude, Interesse und andere positive Emotionen erlebbar</li>
            <li>stärkt Motivation und Engagement durch den Fokus auf Stärken</li>
            <li>Bieten Sie Stärkenworkshops an, etwa im Rahmen der Weihnachtsfeier oder zum Projekt-Kick-Off</li></ul>
            </div></article>
            """);

        Assert.DoesNotContain(references, r => r.Signal == "reference-list");
    }

    [Fact]
    public void AParagraphOfAReadingListIsNoWorkAndItsPointerLinkNoTitle()
    {
        const string items = """
              <li><p>Ties between frequently cited specialties were resolved randomly; that is, if a paper cites exactly the same amount of papers from two specialties, it was assigned to one of the two at random.</p></li>
              <li><p>We talked about optimizing a black-box function here. If we are to perform over multiple objectives, how do these functions scale? One might want to look at <a href="https://gpflowopt.example.org/multiobjective.html">this excellent</a> notebook.</p></li>
            """;

        var references = ExtractList(items, "<ul>");

        Assert.All(references, r => Assert.Null(r.Title));
        Assert.Contains(references, r => r.Url == "https://gpflowopt.example.org/multiobjective.html" && r.AnchorText == "this excellent");
    }

    [Fact]
    public void ScriptAndStyleInsideAnItemAreNoPartOfItsText()
    {
        // Reference widgets put their tracking code and styles inside the item; a reader sees neither.
        const string body = """
            <article><h1>Paper</h1><p>Body.</p><h2>References</h2><ol>
            <li><style>.ref{color:red}</style>Shannon, C. E. (1948). A mathematical theory of communication. <i>Bell System Technical Journal</i>, 27, 379–423.<script>window.track("ref-1")</script></li>
            <li>Turing, A. M. (1950). Computing machinery and intelligence. <i>Mind</i>, 59, 433–460.<noscript>Enable JavaScript to see the citing articles.</noscript></li>
            </ol></article>
            """;

        var references = Extract(body);

        Assert.Contains(references, r => r.Title == "A mathematical theory of communication" && r.Year == 1948);
        Assert.Contains(references, r => r.Title == "Computing machinery and intelligence" && r.Year == 1950);
        Assert.DoesNotContain(references, r => (r.Context ?? "").Contains("track", StringComparison.Ordinal)
            || (r.Context ?? "").Contains("color", StringComparison.Ordinal) || (r.Context ?? "").Contains("JavaScript", StringComparison.Ordinal));
    }

    [Fact]
    public void WikipediaReflistItemsReadTheCiteTemplate()
    {
        const string body = """
            <div class="mw-parser-output"><p>Dylan was born in 1941 in Duluth, Minnesota, to a family of Jewish immigrants.<sup><a href="#cite_note-1">[1]</a></sup></p>
            <div class="reflist"><ol class="references">
              <li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text"><cite class="citation news">Scherman, Tony (July 29, 2006). <a class="external text" href="https://web.archive.org/web/20061106200746/http://www.americanheritage.com/crash.shtml">"The Bob Dylan Motorcycle-Crash Mystery"</a>. <i>American Heritage</i>. Archived from <a class="external text" href="http://www.americanheritage.com/crash.shtml">the original</a> on November 6, 2006. Retrieved May 21, 2011.</cite></span></li>
              <li id="cite_note-2"><cite class="citation book">Sounes, Howard (2001). <i>Down the Highway</i>. Grove Press. <a href="/wiki/ISBN_(identifier)">ISBN</a> <a href="/wiki/Special:BookSources/0-8021-1686-8">0-8021-1686-8</a>.</cite></li>
            </ol></div></div>
            """;

        var references = Extract(body);

        var news = Assert.Single(references, r => r.Title == "The Bob Dylan Motorcycle-Crash Mystery");
        Assert.Equal(2006, news.Year);
        Assert.Contains(references, r => r.Url == "http://www.americanheritage.com/crash.shtml");
        var book = Assert.Single(references, r => r.Isbn == "9780802116864");
        Assert.Equal(ReferenceKinds.Book, book.Kind);
        Assert.Equal(2001, book.Year);
    }

    [Fact]
    public void WikipediasExplanatoryNotesAreNoWorksAndNameNoOne()
    {
        // Notes that argue and end on a short cite of a source the bibliography lists whole: no work titled with a
        // sentence, no person "According to Hartley" or "Morrow told Gaines"; a note's link to a person's article is that person.
        const string body = """
            <div class="mw-parser-output"><p>The tour began in 1975.<sup><a href="#cite_note-a">[a]</a></sup></p>
            <h2>Notes</h2>
            <div class="reflist"><ol class="references">
              <li id="cite_note-a"><span class="mw-cite-backlink"><a href="#cite_ref-a">^</a></span> <span class="reference-text">According to <a href="/wiki/Robert_Hartley_(critic)">Robert Hartley</a>, the band named the tour Silver Road and then "seemed pleased when someone told him that the road was a promise." A painter named Silver Road appeared on stage at Dover, "holding a lantern in time to the music". Hartley (2011), p. 310.</span></li>
              <li id="cite_note-b"><span class="mw-cite-backlink"><a href="#cite_ref-b">^</a></span> <span class="reference-text">Morrow told Gaines: "As far as old ballads are concerned, have you even heard of them? Who has been singing them lately? And if you think it is so easy to borrow them, do it yourself and see how far you get. It is an old thing, it is part of the tradition."</span></li>
              <li id="cite_note-c"><span class="mw-cite-backlink"><a href="#cite_ref-c">^</a></span> <span class="reference-text">The band had recorded "Harbour Lights" for his second album in 1962, but the song was replaced by later compositions, including "Stone Walls". See Peller (2000), pp. 114–115.</span></li>
            </ol></div></div>
            """;

        var references = PageExtractor.Extract($"<html><body>{body}</body></html>", "https://en.wikipedia.org/wiki/Silver_Road").References;

        Assert.All(references, r => Assert.True(r.Title is null || r.Title.Length < 40, r.Title));
        Assert.DoesNotContain(references, r => r.Authors.Any(a => a.Contains("According") || a.Contains("told")));
        var hartley = Assert.Single(references, r => r.Url == "https://en.wikipedia.org/wiki/Robert_Hartley_(critic)");
        Assert.Equal(ReferenceKinds.Person, hartley.Kind);
        Assert.Equal("Robert Hartley", hartley.Title);
    }

    [Fact]
    public void FootnotesSectionIsAReferenceList()
    {
        const string body = """
            <article><p>Elm has no runtime exceptions.<sup><a href="#fn1">1</a></sup></p>
            <section class="footnotes" role="doc-endnotes"><ol><li id="fn1"><p>See <a href="https://guide.elm-lang.org/">the Elm guide</a>. <a href="#fnref1">↩</a></p></li></ol></section></article>
            """;

        var references = Extract(body);

        var note = Assert.Single(references, r => r.Url == "https://guide.elm-lang.org/");
        Assert.Equal("reference-list", note.Signal);
        Assert.Equal("the Elm guide", note.AnchorText);
    }

    [Fact]
    public void TheLinkLabelsAfterAnEntryNameNoOne()
    {
        const string items = """
              <li>The Soil Consortium. SoilBase: the universal soil knowledgebase in 2021. Nucleic Acids Res. 49, D480–D489 (2020). <a href="https://doi.org/10.1093/nar/gkaa0000">Article</a> <a href="https://www.ncbi.nlm.nih.gov/pubmed/33237286">PubMed</a> <a href="http://scholar.google.com/scholar_lookup?title=SoilBase">Google Scholar</a></li>
            """;

        var reference = Assert.Single(ExtractList(items), r => r.Doi == "10.1093/nar/gkaa0000");

        Assert.Equal("SoilBase: the universal soil knowledgebase in 2021", reference.Title);
        Assert.DoesNotContain(reference.Authors, a => a.Contains("Scholar") || a.Contains("PubMed") || a.Contains("Article"));
    }

    [Fact]
    public void TheAcpsLinkLabelsAreNoPublisherAndTheEntryStaysAJournalArticle()
    {
        const string items = """
              <li>36. Lindqvist AS, Holm K. Harbour vaccination in coastal towns. JAMA. 1978;239:840-2. [PMID: 342799] <a href="https://doi.org/10.1001/x">Crossref</a> <a href="https://pubmed.example/342799">Medline</a> <a href="https://scholar.example/">Google Scholar</a></li>
            """;

        var reference = Assert.Single(ExtractList(items), r => r.Title == "Harbour vaccination in coastal towns");

        Assert.Null(reference.Publisher);
        Assert.Equal(("JAMA", "239", "840-2", ReferenceKinds.Paper), (reference.Container, reference.Volume, reference.Pages, reference.Kind));
    }

    [Fact]
    public void PlosLinkLabelsSetAsBlocksAreNoPublisher()
    {
        const string items = """
              <li>Lindqvist AS, Holm K (2006) Harbour lights and coastal navigation. Eur J Navig 23: 3359–3367.<ul class="reflinks"><li><a href="https://doi.org/10.1111/x">View Article</a></li><li><a href="https://scholar.example/">Google Scholar</a></li></ul></li>
            """;

        var reference = Assert.Single(ExtractList(items, "<ol class=\"references\">"), r => r.Title == "Harbour lights and coastal navigation");

        Assert.Null(reference.Publisher);
        Assert.Equal(("Eur J Navig", "23"), (reference.Container, reference.Volume));
    }

    [Fact]
    public void InvisibleCharactersAreNoPartOfATitle()
    {
        const string items = """
              <li>Lindqvist, Ana (2012). Die Silex&shy;ge&shy;räte des frü&shy;hen Mit&shy;tel&#8203;alters. Zeitschrift für Ar&shy;chäo&shy;lo&shy;gie 12, 44–51.</li>
            """;

        var reference = Assert.Single(ExtractList(items), r => r.Year == 2012);

        Assert.Equal("Die Silexgeräte des frühen Mittelalters", reference.Title);
        Assert.Equal("Zeitschrift für Archäologie", reference.Container);
    }
}

public class ReferencesWithoutTitleTests
{
    static IReadOnlyList<ExtractedReference> Extract(string body) =>
        PageExtractor.Extract($"<html><body>{body}</body></html>", "https://physics.example.org/paper").References;

    const string PhysicsList = """
        <article><p>Body text citing [1-5].</p>
        <h2>References</h2>
        <ol>
          <li>[1] J. Polchinski, Int. J. Mod. Phys. A16, 707-718 (2001).</li>
          <li>[2] M. Beneke, G. Buchalla, M. Neubert, and C. T. Sachrajda, Phys. Rev. D 76, 056001 (2007).</li>
          <li>[3] R. P. Feynman, Phys. Rev. 76, 769 (1949).</li>
          <li>[4] R. P. Feynman, Phys. Rev. 76, 749 (1949).</li>
          <li>Kempner J.C., David L.P., 2004a, ApJ, 607, 200</li>
          <li>Ibid.</li>
          <li>Private communication</li>
          <li>Nature</li>
          <li>J. Smith, in preparation (2010).</li>
        </ol></article>
        """;

    [Fact]
    public void ABookTheParserReadsAsAContainerIsAWorkTitledByIt()
    {
        // The tagger labels these books' titles "container" (as one source of its training data does); with no volume,
        // issue or pages and a publisher or place after them they are the books, not lost from the list.
        var references = Extract("""
            <article><p>Body text.</p><h2>Bibliography</h2><ol>
              <li>Foucault, Michel. The Archaeology of Knowledge. 1969. Trans. A.M. Sheridan Smith. New York: Vintage, 2010.</li>
              <li>Brown, Francis, Samuel R. Driver, and Charles A Briggs. A Hebrew and English Lexicon of the Old Testament. Oxford, 1907.</li>
            </ol></article>
            """);

        var foucault = Assert.Single(references, r => r.Authors.Contains("Michel Foucault"));
        Assert.Equal("The Archaeology of Knowledge", foucault.Title);
        Assert.Null(foucault.Container);
        Assert.Equal("book", foucault.Kind);
        Assert.Equal(1969, foucault.Year);
        Assert.Contains(references, r => r.Title == "A Hebrew and English Lexicon of the Old Testament" && r.Authors.Count == 3);
    }

    [Fact]
    public void AJournalReferenceWithoutATitleIsAWorkWithItsAuthorsYearAndPlace()
    {
        var references = Extract(PhysicsList);

        var polchinski = Assert.Single(references, r => r.Authors.Contains("J. Polchinski"));
        Assert.Null(polchinski.Title);
        Assert.Equal(2001, polchinski.Year);
        Assert.StartsWith("Int. J. Mod. Phys", polchinski.Container);
        Assert.Equal("707-718", polchinski.Pages);
        Assert.Equal("paper", polchinski.Kind);
        var beneke = Assert.Single(references, r => r.Container == "Phys. Rev. D");
        Assert.Equal("76", beneke.Volume);
        Assert.Equal("056001", beneke.Pages);
        Assert.Equal(4, beneke.Authors.Count);
        var kempner = Assert.Single(references, r => r.Container == "ApJ");
        Assert.Equal(2004, kempner.Year);
        Assert.Equal("607", kempner.Volume);
        Assert.Equal("200", kempner.Pages);
    }

    [Fact]
    public void TwoTitleLessItemsOfOneListStayTwoWorks()
    {
        // Same author, year, journal and volume; another first page: another paper.
        var feynman = Extract(PhysicsList).Where(r => r.Authors.Contains("R. P. Feynman")).ToList();

        Assert.Equal(2, feynman.Count);
        Assert.Equal(["749", "769"], feynman.Select(r => r.Pages).Order());
    }

    [Fact]
    public void ABareJournalIbidOrPrivateCommunicationIsNoWork()
    {
        var references = Extract(PhysicsList);

        Assert.Equal(5, references.Count);
        Assert.DoesNotContain(references, r => r.Container is "Nature" or "Ibid" or "preparation" || r.Authors.Contains("J. Smith"));
        Assert.All(references, r => Assert.Null(r.Title));
    }

    [Fact]
    public void OneWorkCitedTwiceInAListWithAndWithoutItsTitleIsOneReference()
    {
        const string body = """
            <article><h2>References</h2><ol>
              <li>R. P. Feynman, Space-time approach to quantum electrodynamics, Phys. Rev. 76, 769 (1949).</li>
              <li>R. P. Feynman, Phys. Rev. 76, 769 (1949).</li>
            </ol></article>
            """;

        var reference = Assert.Single(Extract(body));

        Assert.Equal("Space-time approach to quantum electrodynamics", reference.Title);
    }

    [Fact]
    public void ALinkWrittenAsTheJournalReferenceIsNoTitle()
    {
        const string body = """
            <article><h2>References</h2><ol>
              <li>M. Beneke et al., <a href="https://journals.example.org/prd/abstract/10.1103/PhysRevD.76.056001">Phys. Rev. D 76, 056001</a> (2007).</li>
            </ol></article>
            """;

        var reference = Assert.Single(Extract(body), r => r.Url is not null && r.Url.Contains("PhysRevD"));

        Assert.Null(reference.Title);
    }
}
