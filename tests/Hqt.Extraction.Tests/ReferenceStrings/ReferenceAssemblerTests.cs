using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.Tests.ReferenceStrings;

/// <summary>
/// The assembler on hand-labelled tokens (what the tagger might say), so its span rules are tested apart from the
/// trained model's labelling.
/// </summary>
public class ReferenceAssemblerTests
{
    /// <summary>
    /// Labels by token: a = author, t = title, d = date, c = container, p = publisher, l = location, e = editor, v = volume,
    /// g = pages, o = other; the tagger's confidence is a sure one's unless given.
    /// </summary>
    static ParsedReference Assemble(string text, string labelCodes, double confidence = 0.9)
    {
        var tokens = RefTokenizer.Tokenize(text);
        var codes = labelCodes.Split(' ');
        Assert.Equal(tokens.Count, codes.Length);
        var labels = codes.Select(c => c switch
        {
            "a" => RefLabel.Author, "t" => RefLabel.Title, "d" => RefLabel.Date, "c" => RefLabel.Container,
            "p" => RefLabel.Publisher, "l" => RefLabel.Location, "e" => RefLabel.Editor, "v" => RefLabel.Volume,
            "g" => RefLabel.Pages, _ => RefLabel.Other,
        }).ToArray();
        return ReferenceAssembler.Assemble(text, tokens, labels, confidence, ReferenceParser.DefaultModel.Lexicons);
    }

    [Theory]
    [InlineData("ZHANG Y H, LI X M. Deep learning for protein folding[J]. Nature Methods, 2015, 12(1): 33-40.", "a a a a a a t t t t t c c d v g", "Deep learning for protein folding")]
    [InlineData("WANG Q. Machine learning [M]. Beijing: Science Press, 2010.", "a a t t t l p p d", "Machine learning")]
    [InlineData("LI J. Web archives[EB/OL]. (2020-01-02)[2021-03-04].", "a a t t o", "Web archives")]
    public void AChineseEntrysKindMarkIsNoPartOfItsTitle(string text, string labels, string title) =>
        Assert.Equal(title, Assemble(text, labels).Title);

    [Theory]
    [InlineData(", by Henry Thoreau", "t t t t", "Thoreau")]
    [InlineData("Walden , by Henry David Thoreau .,", "t t t t t t t", null)]
    [InlineData("Walden by Henry Thoreau ,", "t t t t t", null)]
    public void APunctuationTokenBesideTheWriterAfterByBreaksNothing(string text, string labels, string? family) =>
        Assert.Equal(family, Assemble(text, labels).Authors.SingleOrDefault()?.Family);

    [Theory]
    [InlineData("Lind, K. (2014). Towards a Theory of Rhythm (Unpublished doctoral dissertation). Stanford University.", "a a d t t t t t t o o o o", "Towards a Theory of Rhythm")]
    [InlineData("Keel, A. 2001 The Body in Hosea (JSOTSup, 338; Sheffield: Academic Press).", "a a d t t t t t o o o o", "The Body in Hosea")]
    // A bracket the title closes is its own; a bracket after one word is left (a misprint's "St (Paul's…").
    [InlineData("Ross, P. Light (and Shade) in Painting. London, 1990.", "a a t t t t t l d", "Light (and Shade) in Painting")]
    [InlineData("Gunn, J. St (Paul and his Opponents (Leiden: Brill, 1973).", "a a t t t t t o o o", "St (Paul and his Opponents")]
    public void ATitleThatStopsInsideItsBracketEndsBeforeIt(string text, string labels, string title) =>
        Assert.Equal(title, Assemble(text, labels).Title);

    [Theory]
    [InlineData("Marlowe, C. The Complete Plays Updated 4th ed. London: Penguin, 1997.", "a a t t t t t t l p d", "The Complete Plays", "Updated 4th ed")]
    [InlineData("Roux, M. Psychologie de la santé, 2ème édition. Paris: Dunod, 2014.", "a a t t t t t t l p d", "Psychologie de la santé", "2ème édition")]
    public void AnEditionClosingTheTitleRunIsTheEdition(string text, string labels, string title, string edition)
    {
        var r = Assemble(text, labels);

        Assert.Equal(title, r.Title);
        Assert.Equal(edition, r.Edition);
    }

    [Fact]
    public void ATitleRunEndingOnABareWordGoesOnThroughTheContainersFirstSentence()
    {
        var r = Assemble("Carter, R., eds. The Oxford History of Writing in English: Britain and Ireland. London: Routledge, 2005.",
            "e e o t t t t t t c c c c l p d");

        Assert.Equal("The Oxford History of Writing in English: Britain and Ireland", r.Title);
        Assert.Null(r.Container);
    }

    [Theory]
    [InlineData("Tavo, F. Woman and Bride: An Investigation Into the “Ecclesial” Notions of the Apocalypse. Leuven: Peeters, 2007.", "a a t t t t t t t t c c c c l p d", "Woman and Bride: An Investigation Into the “Ecclesial” Notions of the Apocalypse")]
    // A quote a sentence closes inside ends the title there.
    [InlineData("Hale, A. Talk on \"Reading music with machines.\" Music Librarians Conference, 2013.", "a a t t t t t t c c c d", "Talk on \"Reading music with machines")]
    public void ATitleRunEndingOnAQuotedWordOfItsOwnGoesOn(string text, string labels, string title) =>
        Assert.Equal(title, Assemble(text, labels).Title);

    [Fact]
    public void ATitleRunEndingOnABareWordBeforeAJournalAfterItsFirstSentenceStaysAsItIs()
    {
        var r = Assemble("Lee, K. Models of growth in. Cell Biology. Journal of Cells 4, 1-9.", "a a t t t t c c c c c v g");

        Assert.Equal("Models of growth in", r.Title);
    }

    [Fact]
    public void APageClosingTheTitleRunIsThePages()
    {
        var r = Assemble("Hale, D. Computer Design A Practical Approach, page 346. Morgan Kaufman, 1994.", "a a t t t t t t t p p d");

        Assert.Equal("Computer Design A Practical Approach", r.Title);
        Assert.Equal("346", r.Pages);
    }

    [Theory]
    [InlineData("Milliken, G. A. 2002. Analysis of messy data. Volume 3. Chapman and Hall, London.", "a a a d t t t t t t p p p l", "Analysis of messy data", "3")]
    [InlineData("Schnackenburg, R., The Gospel According to St John: Vol.3, London: Burns & Oates, 1987.", "a a t t t t t t t l p p p d", "The Gospel According to St John", "3")]
    [InlineData("Лихачев, Н. П. Палеографическое значение водяных знаков. Ч. 2. Санкт-Петербург, 1899.", "a a a t t t t t t l d", "Палеографическое значение водяных знаков", "2")]
    // A range of volumes leaves the title, and is no one volume.
    [InlineData("Лихачев, Н. П. Палеографическое значение водяных знаков. Ч. 1-3. Санкт-Петербург, 1899.", "a a a t t t t t t l d", "Палеографическое значение водяных знаков", null)]
    public void AVolumeAndItsNumberClosingTheTitleRunAreTheVolume(string text, string labels, string title, string? volume)
    {
        var r = Assemble(text, labels);

        Assert.Equal(title, r.Title);
        Assert.Equal(volume, r.Volume);
    }

    [Fact]
    public void APartClosingTheTitleRunStaysInTheTitle() =>
        Assert.Equal("Explaining the Arab Democracy Deficit: Part I", Assemble("Smith, J. Explaining the Arab Democracy Deficit: Part I. Boston, 2003.", "a a t t t t t t t l d").Title);

    [Fact]
    public void ATransliteratedInitialInCapitalsKeepsItsFamilyName()
    {
        var r = Assemble("I. A. OGORODNIKOV, S. S. POLYAK et V. YA. SHTERN. Kinet. Katal. 10, 1210 (1969).", "a a a a a a a a a t c c v g d");

        Assert.Null(r.Title);
        Assert.Equal(["OGORODNIKOV", "POLYAK", "SHTERN"], r.Authors.Select(a => a.Family.ToUpperInvariant()));
    }

    [Fact]
    public void ATitleBeforeAnEditorsMarkInsideTheEditorsRunIsTheTitle()
    {
        var r = Assemble("———. Stephen Hero. Edited by John J. Slocum and Herbert Cahoon. Rev. ed. London: Jonathan Cape, 1956.", "o e e e e e e e e e e o o l p p d");

        Assert.Equal("Stephen Hero", r.Title);
        Assert.Equal(["Slocum", "Cahoon"], r.Editors.Select(e => e.Family));
    }

    [Fact]
    public void AClassicAuthorsNameBeforeTheTitleInTheEditorsRunIsTheAuthor()
    {
        var r = Assemble("Plato. Meno. Trans. and ed. R.W. Sharples. Chicago: Bolchazy-Carducci, 1985.", "e e e e e e e l p d");

        Assert.Equal("Meno", r.Title);
        Assert.Equal("Plato", Assert.Single(r.Authors).Family);
    }

    [Fact]
    public void ANameBeforeAnEditorsMarkIsNoTitle() =>
        Assert.Null(Assemble("Smith, John. Edited by Jane Doe. London: Cape, 1956.", "e e e e e e l p d").Title);

    [Theory]
    // The humanities' comma style: title, the book it is in, place, year, pages.
    [InlineData("Ganshof, F.-L., Charlemagne et le serment, Mélanges d’histoire du Moyen Âge, Paris, 1951, 259-270.", "a a t t t t t t t t t l d g",
        "Charlemagne et le serment", "Mélanges d’histoire du Moyen Âge")]
    // The container's own subtitle after a full stop stays the container's; a place after the title's comma stays the title's.
    [InlineData("von Moos, P., L’individu et l’institution, L’individu au Moyen Âge. Individuation et modernité, Paris, 2005, 271-288.", "a a a t t t t t t t t t t l d g",
        "L’individu et l’institution", "L’individu au Moyen Âge. Individuation et modernité")]
    [InlineData("Sharp, M. (1993) Drainage of the Haut Glacier d’Arolla, Switzerland. Earth Surface Processes 18: 557–571.", "a a d t t t t t t t t t t v g",
        "Drainage of the Haut Glacier d’Arolla, Switzerland", "Earth Surface Processes")]
    // A journal after a question.
    [InlineData("Baker, V. 1899 Sowams: Where Was It? New England Historical Register 53: 317–322.", "a a d t t t t t t t t v g",
        "Sowams: Where Was It?", "New England Historical Register")]
    public void PagesWithoutAContainerTakeTheirContainerFromTheTitleRun(string text, string labels, string title, string container)
    {
        var r = Assemble(text, labels);

        Assert.Equal(title, r.Title);
        Assert.Equal(container, r.Container);
    }

    [Theory]
    // A book's pages (a publisher), a container named after "In", a month, a quoted title's inner questions: the title stays whole.
    [InlineData("Mogi, S., The problem of federalism, A study in political theory, Allen and Unwin, London 1931, 12-40.", "a a t t t t t t t t t p p p l d g",
        "The problem of federalism, A study in political theory")]
    [InlineData("Feuser, G., Didaktik des Unterrichts, Eine Skizze In: Eberwein, H. (Hrsg.): Integration. 1995, 12-40.", "a a t t t t t o o o o o d g",
        "Didaktik des Unterrichts, Eine Skizze")]
    [InlineData("Shoemaker, E., Geological reconnaissance of the crater, Feb.-Aug., 1961, pp. 74-78.", "a a t t t t t t d g g",
        "Geological reconnaissance of the crater, Feb.-Aug")]
    [InlineData("Fuchs, C., « What Is Labour ? What Is Work ? And Why ? », 2014, 237-293.", "a a o t t t t t t t t t t t o d g",
        "What Is Labour ? What Is Work ? And Why ?")]
    public void PagesWithAContainerElsewhereLeaveTheTitleWhole(string text, string labels, string title)
    {
        var r = Assemble(text, labels);

        Assert.Equal(title, r.Title);
        Assert.Null(r.Container);
    }

    [Theory]
    // A physics list's book: its title, then where and when it was published in brackets.
    [InlineData("J. D. Jackson, Classical Electrodynamics (Wiley, 1998), 3rd ed.", "a a a c c o o o o", "Classical Electrodynamics")]
    [InlineData("Debussy, Claude, Pelléas et Mélisande (New York, NY: Dover, 1985).", "a a c c c o o o o o", "Pelléas et Mélisande")]
    public void ABookWithItsImprintInBracketsIsTheTitle(string text, string labels, string title)
    {
        var r = Assemble(text, labels);

        Assert.Equal(title, r.Title);
        Assert.Null(r.Container);
    }

    [Fact]
    public void AJournalBeforeABracketedYearStaysTheContainer()
    {
        var r = Assemble("J. Smith, Phys. Rev. 82 (1951) 863.", "a a c c v d g");

        Assert.Null(r.Title);
        Assert.Equal("Phys. Rev", r.Container);
    }

    [Fact]
    public void AnUndatedOrganisationsPageHasItsTitleAfterTheNoDateMark()
    {
        var r = Assemble("The Alliance at Example.org. (n.d.). Sleep and screen use overview. Retrieved March 2, 2016, from Example.org.",
            "t t t t o t t t t t o d d d o o");

        Assert.Equal("Sleep and screen use overview", r.Title);
        Assert.Empty(r.Authors);
    }

    [Fact]
    public void AVancouverBylineRunOnPastItsFullStopEndsThere()
    {
        var r = Assemble("Sato K. Task Sets and the Prefrontal Cortex. Annual Review of Neuroscience, 2008, Vol. 31. P. 219-245.",
            "a a a a a a a a c c c c d v v g g");

        Assert.Equal("Task Sets and the Prefrontal Cortex", r.Title);
        Assert.Equal(("K.", "Sato"), (Assert.Single(r.Authors).Given, r.Authors[0].Family));
        // A middle initial in a list of names is no byline's end.
        Assert.Null(Assemble("Brown, Francis, Samuel R. Driver, and Charles A Briggs. A Hebrew Lexicon. Oxford, 1907.", "a a a a a a a a a c c c l d").Title);
    }

    [Fact]
    public void ATitleRunBetweenTheBylineAndTheDateIsTheBylinesEnd()
    {
        // The second author's name read as a title: the run right after "(2007)" is the title.
        var r = Assemble("Davidson, Apollon and Irina Filatova (2007). African History from behind the Wall. Africa 12.",
            "a a t t t d t t t t t t c c");

        Assert.Equal("African History from behind the Wall", r.Title);
    }

    [Fact]
    public void ACorporateBylineBeforeTheDateGivesWayToTheTitleAfterIt()
    {
        var r = Assemble("Ministère, Direction des affaires municipales (2010). Indice de développement. Québec.",
            "a t t t t d t t t l");

        Assert.Equal("Indice de développement", r.Title);
    }

    [Fact]
    public void WithoutAnAuthorDateShapeTheFirstTitleRunStays()
    {
        // Title first, then the date in the middle of the clause "(1996, September)": nothing to choose.
        Assert.Equal("Good chemistry", Assemble("Good chemistry. (1996, September). Wake Forest Magazine, 44(1), p. 8.",
            "t t d t c c c o o o").Title);
        // A quoted title before the date is a title, not a byline.
        Assert.Equal("Great Divides", Assemble("Epstein, C. “Great Divides.” 2007. Reprinted in The Gendered Society Reader.",
            "a a t t d o o t t t t").Title);
        // The date does not close its clause ("(1995 Symposium)"): the title runs on through it.
        Assert.Equal("The Ames crater. Ames Structure", Assemble("Carpenter B.N., The Ames crater. Ames Structure (1995 Symposium), Norman.",
            "a a t t t t t d t l").Title);
    }

    [Fact]
    public void AQuotedTitleEndsAtTheQuoteThatBalancesItsOpening()
    {
        // Nested guillemets: the title ends at the second », and the "in" after it is dropped from the title.
        Assert.Equal("Le « staseis » di Turi e la guerra del Peloponneso",
            Assemble("M. Sordi, « Le « staseis » di Turi e la guerra del Peloponneso » in Tyche, n°19, 2004.",
                "a a t t t t t t t t t t t t t t c o d").Title);
        // An apostrophe inside a word closes nothing; the closing quote does.
        Assert.Equal("African History: A Citizen’s View",
            Assemble("Davidson, A. (2007) ‘African History: A Citizen’s View’ in Africa, 12.", "a a d t t t t t t c o").Title);
    }

    [Fact]
    public void AQuotedPhraseThatOpensATitleRunningOnInLowerCaseStaysInIt()
    {
        // Its opening guillemet stays with the closing one.
        Assert.Equal("« Etat composé » ou décomposé ? La réforme des autonomies",
            Assemble("BARON-YELLES N., « Etat composé » ou décomposé ? La réforme des autonomies, L'Espace politique, 2011.",
                "a a t t t t t t t t t t t c c d").Title);
    }

    [Fact]
    public void AnEditedBookTheTaggerCallsTheContainerIsTheTitleWhenNothingMarksItAsOne()
    {
        var r = Assemble("Carter, R. and J. McRae, eds. The Routledge History of Literature. London: Routledge, 2005.",
            "e e e e e o c c c c c l p d");

        Assert.Equal("The Routledge History of Literature", r.Title);
        Assert.Null(r.Container);
    }

    [Fact]
    public void AContainerMarkedAsOneOrWithoutEditorsStaysTheContainer()
    {
        // "In" before it: a chapter whose own title the tagger missed.
        var chapter = Assemble("Smith, J., ed. 2005. In The Routledge History of Literature. London: Routledge.", "e e e d o c c c c c l p");
        Assert.Null(chapter.Title);
        Assert.Equal("The Routledge History of Literature", chapter.Container);
        // Volume and pages after it: a journal (an issue with a guest editor).
        var journal = Assemble("Smith, J., ed. 2005. Journal of Mammalogy 12, 3-4.", "e e e d c c c v g");
        Assert.Null(journal.Title);
        Assert.Equal("Journal of Mammalogy", journal.Container);
        // Without editors before it (a newspaper, or a source that labels books so): left as the tagger said.
        var paper = Assemble("Florenne, Yves. Le Monde, 30 juillet 1952.", "a a c c d d d");
        Assert.Null(paper.Title);
        Assert.Equal("Le Monde", paper.Container);
    }

    [Fact]
    public void InColonInsideATitleRunOpensTheContainer()
    {
        var r = Assemble("Müller, K. 1978. Die Sonderschule für Geistigbehinderte In: Bundesverband Lebenshilfe (Hg.), Marburg.",
            "a a d t t t t t t t o l");

        Assert.Equal("Die Sonderschule für Geistigbehinderte", r.Title);
        Assert.Equal("Bundesverband Lebenshilfe", r.Container);
        // With a container labelled after the run, the run's tail is left out rather than made a second container.
        var two = Assemble("Müller, K. 1978. Die Sonderschule In: Bundesverband. Lebenshilfe Heft.", "a a d t t t t c c");
        Assert.Equal("Die Sonderschule", two.Title);
        Assert.Equal("Lebenshilfe Heft", two.Container);
        // A bare "In" inside a title is left alone.
        Assert.Equal("Life In the Woods", Assemble("Thoreau, H. 1854. Life In the Woods. Boston.", "a a d t t t t l").Title);
    }

    [Fact]
    public void ABareInOpeningASentenceInsideATitleRunOpensTheContainer()
    {
        var r = Assemble("V. Lifschitz. On the semantics of STRIPS. In Reasoning about Actions and Plans, 1987.",
            "a a t t t t t t t t t t t d");

        Assert.Equal("On the semantics of STRIPS", r.Title);
        Assert.Equal("Reasoning about Actions and Plans", r.Container);
        // Not after an initial's period ("J. In"), nor before a lower-case word, nor without a full stop before it.
        Assert.Equal("Essays by A. In Memoriam", Assemble("Smith, J. 1990. Essays by A. In Memoriam. London.", "a a d t t t t t l").Title);
        Assert.Equal("Stories. In the end", Assemble("Smith, J. 1990. Stories. In the end. London.", "a a d t t t t l").Title);
        Assert.Equal("Living In Style", Assemble("Smith, J. 1990. Living In Style. London.", "a a d t t t l").Title);
    }

    [Theory]
    [InlineData("Calvino, Italo. Invisible Cities. Translated by William Weaver. San Diego: Harcourt, 1974.", "a a t t t t t t l l p d", "Invisible Cities")]
    [InlineData("Dunker, Karl. On Problem Solving. Reprinted in Psychological Monographs, Vol. 58, 1945.", "a a t t t t t t t o o d", "On Problem Solving")]
    [InlineData("Foucault, Michel. The Archaeology of Knowledge, trans. A. M. Sheridan Smith. New York: Vintage, 2010.", "a a t t t t t t t t t l l p d", "The Archaeology of Knowledge")]
    [InlineData("Freud, S. Die Traumdeutung, hrsg. von A. Mitscherlich. Frankfurt, 1972.", "a a t t t t t t l d", "Die Traumdeutung")]
    [InlineData("Kant, I. Critica della ragione pura, a cura di P. Chiodi. Torino, 1967.", "a a t t t t t t t t t l d", "Critica della ragione pura")]
    [InlineData("RODRIGUES, Carla. O (cis)gênero não existe. Publicado em: 14 dez. 2014.", "a a t t t t t t t t d", "O (cis)gênero não existe")]
    [InlineData("Hindell, J. Sumo Excludes Woman. Last modified March 1, 2000. Accessed February 28, 2015.", "a a t t t t t t t t t t t t", "Sumo Excludes Woman")]
    [InlineData("van Creveld, Martin. Supplying War: Logistics from Wallenstein to Patton, 2. izd. Cambridge: CUP, 2004.", "a a a t t t t t t t t t l p d", "Supplying War: Logistics from Wallenstein to Patton")]
    [InlineData("Auster, Paul. The Art of Hunger. Expanded. New York: Penguin, 1997.", "a a t t t t t l l p d", "The Art of Hunger")]
    [InlineData("Smith, A. Essays on Method, 3rd ed. London, 1990.", "a a t t t t t l d", "Essays on Method")]
    [InlineData("Adorno, T. Dialectic of Enlightenment, ed. Gunzelin Schmid Noerr (Stanford, 2002).", "a a t t t t t t t l d", "Dialectic of Enlightenment")]
    [InlineData("MARSHACK A. 1988 Paleolithic Calendar, in I. Tattersal (Eds.), Encyclopedia of Evolution, 419-420.", "a a d t t t t t o c c c g", "Paleolithic Calendar")]
    [InlineData("C. Forsyth. Implementation of the analyser. Technical Report Kernel Study Task 8, York, 1992.", "a a t t t t t t t t t t l d", "Implementation of the analyser")]
    [InlineData("A. Taflove, Computational electrodynamics (Artech House, Boston, 2005).", "a a t t t t t t", "Computational electrodynamics")]
    [InlineData("Deo, S. Slow First: Evidence of Speed-up (February 2, 2015). Available at SSRN.", "a a t t t t t t t t t t t", "Slow First: Evidence of Speed-up")]
    public void ANoteOnATranslationAnEditionOrAReprintEndsTheTitle(string text, string labels, string title)
    {
        var r = Assemble(text, labels);

        Assert.Equal(title, r.Title);
        Assert.Empty(r.Editors);
    }

    [Theory]
    // "Trans." opens a journal's name too: only before initials, "by" or "from" is it a translator's note.
    [InlineData("Smith, A. Kinetics of Exchange. Trans. Faraday Soc. 1970.", "a a t t t t t t d", "Kinetics of Exchange. Trans. Faraday Soc")]
    // "With a …" is a note only before "introduction" or "foreword".
    [InlineData("Smith, A. Planning, With a View to Growth. London, 1970.", "a a t t t t t t l d", "Planning, With a View to Growth")]
    // "In" after a comma opens a chapter's host only before an editor's initials.
    [InlineData("Smith, A. Chromosome Studies on Claytonia, in Ontario. Rhodora 1970.", "a a t t t t t t c d", "Chromosome Studies on Claytonia, in Ontario")]
    // "Ed." before a word in lower case, and a number before a word that names no edition, are the title's own.
    [InlineData("Smith, A. The Ed. of Letters, 2 Volumes. London, 1970.", "a a t t t t t t l d", "The Ed. of Letters, 2 Volumes")]
    // A bracket of years alone, or of words that close on no year, is the title's own.
    [InlineData("Wordsworth, W. The Prelude: The Four Texts (1798, 1799, 1805, 1850). London, 1995.", "a a t t t t t t t t t l d", "The Prelude: The Four Texts (1798, 1799, 1805, 1850)")]
    [InlineData("Smith, A. The Secret Plan (Just between You and Me). Blog, 2006.", "a a t t t t t t t t o d", "The Secret Plan (Just between You and Me)")]
    public void WordsThatOnlyLookLikeANoteStayInTheTitle(string text, string labels, string title) =>
        Assert.Equal(title, Assemble(text, labels).Title);

    [Theory]
    [InlineData("Wilensky, U. (1999). NetLogo. http://ccl.northwestern.edu/netlogo/. Evanston, IL.", "a a d t t l l", "NetLogo")]
    [InlineData("D. Gerace, “Unconventional photon blockade,” arXiv:1402.4587 (2014).", "a a t t t t d", "Unconventional photon blockade")]
    [InlineData("Roy R., Characterization of honeycomb core properties DOI: 10.1016/j.compstruct.2014.06.033", "a a t t t t t t t", "Characterization of honeycomb core properties")]
    [InlineData("Smith, J. Data sharing 10.5281/zenodo.1234 2020.", "a a t t t d", "Data sharing")]
    // A word that only begins like a link stays.
    [InlineData("Bestavros, A. Server-initiated dissemination for the www. IEEE Bulletin, 1996.", "a a t t t t t c c d", "Server-initiated dissemination for the www")]
    public void ALinkOrAnIdentifierEndsTheTitle(string text, string labels, string title)
    {
        var r = Assemble(text, labels);

        Assert.Equal(title, r.Title);
    }

    [Fact]
    public void TwoSlashesOpenTheContainerOfAGostReference()
    {
        var r = Assemble("Egger K. et al. Tractography of Association Fibers //Clinical neuroradiology. 2015. V. 25.", "a a o o t t t t t t d v v");

        Assert.Equal("Tractography of Association Fibers", r.Title);
        Assert.Equal("Clinical neuroradiology", r.Container);
    }

    [Theory]
    [InlineData("Alkier, Stefan und Ralph Brucker. (Hrsg.) Exegese und Methodendiskussion. Tübingen, 1998.", "a a a a a t t t t l d")]
    [InlineData("ROUQUETTE D. – Exegese und Methodendiskussion. Revue 48, 1992.", "a a t t t t c v d")]
    public void ADashOrAnEditorsMarkOpeningTheTitleRunIsNotTheTitle(string text, string labels) =>
        Assert.Equal("Exegese und Methodendiskussion", Assemble(text, labels).Title);

    [Fact]
    public void AGroupNamedAtTheHeadOfTheTitleRunIsTheBylines()
    {
        var r = Assemble("Zhu N, et al. China Novel Coronavirus Investigating and Research Team. A novel coronavirus from patients with pneumonia in China, 2019. N Engl J Med 2020.",
            "a a o o t t t t t t t t t t t t t t t t t c c c c d");

        Assert.Equal("A novel coronavirus from patients with pneumonia in China, 2019", r.Title);
        // A team in a title's own words stays.
        Assert.Equal("Integration heißt auch: Arbeit im Team. Bedingungen und Prozesse kooperativer Arbeit",
            Assemble("Wocken, Hans (1991): Integration heißt auch: Arbeit im Team. Bedingungen und Prozesse kooperativer Arbeit. In: Pädagogik.",
                "a a d t t t t t t t t t t t c c").Title);
        // A group's small words and its acronym in brackets are its name's.
        Assert.Equal("Drug resistance among travellers in Europe",
            Assemble("Rossi L, Conti M; the Northern Study on Resistance to Antiviral Drugs (NSRAD) Group. Drug resistance among travellers in Europe. Eur J Med. 2012;40:497-500.",
                "a a a a " + "t t t t t t t t t t t t t t t t " + "c c c d g").Title);
    }

    [Fact]
    public void AnOrganisationOpeningTheTitleRunWithNoBylineIsTheByline()
    {
        var r = Assemble("Intergovernmental Panel on Climate Change. Climate Change 2014: Synthesis Report. Geneva: IPCC, 2014.",
            "t t t t t t t t t t l p d");

        Assert.Equal("Climate Change 2014: Synthesis Report", r.Title);
        Assert.Equal("Intergovernmental Panel on Climate Change", Assert.Single(r.Authors).Family);
        // An abbreviation's period ends no sentence; a title's first sentence that names no organisation stays the title's.
        var census = Assemble("U.S. Census Bureau. Income and poverty in 2019. Washington, 2020.", "t t t t t t t t l d");
        Assert.Equal("Income and poverty in 2019", census.Title);
        Assert.Equal("U.S. Census Bureau", Assert.Single(census.Authors).Family);
        var report = Assemble("Annual Report. Federal Reserve Board. Washington, 1966.", "t t t t t l d");
        Assert.StartsWith("Annual Report", report.Title);
        Assert.DoesNotContain(report.Authors, a => a.Family.Contains("Annual"));
        // With a byline before it, the run is the title's.
        Assert.Equal("Research Council. Climate Targets", Assemble("Smith, J. Research Council. Climate Targets. Oslo, 2011.", "a a t t t t l d").Title);
    }

    [Fact]
    public void ASpeciesAuthorityIsTheTitlesNotTheDate()
    {
        var r = Assemble("Almeida A.P.L.S. et al. Dermochelys coriacea (Vandeli, 1761)", "a a o o t t d d");

        Assert.Equal("Dermochelys coriacea (Vandeli, 1761)", r.Title);
        Assert.Null(r.Year);
        // The reference's own year stays the year.
        Assert.Equal(2009, Assemble("Bérenger JM (2009) Notes sur Micrauchenus lineola (Fabricius 1787). Ann Soc 45.", "a a d t t t t t t c c v").Year);
        // A bracketed year after words that are no species' name is still a date.
        Assert.Equal(1998, Assemble("Smith, J. Essays in Method (London, 1998)", "a a t t t d d").Year);
    }

    [Fact]
    public void AnEditedBookWhoseTitleOpensWithInKeepsIt()
    {
        var r = Assemble("————, ed. In the Shadow of Empire. London: Westminster, 2008.", "e e o c c c c l p d");

        Assert.Equal("In the Shadow of Empire", r.Title);
        Assert.Null(r.Container);
        // A chapter's "In" after its title opens the book it is in.
        Assert.Equal("Essays", Assemble("Smith, J. On Method. In Essays. London, 2008.", "a a t t o c l d").Container);
    }

    [Fact]
    public void ARomanPartNumberAfterTheTitleStaysInIt()
    {
        var r = Assemble("Lars Hormander. Fourier integral operators. I. Acta mathematica, 127(1):79–183, 1971.", "a a t t t c c c v g d");

        Assert.Equal("Fourier integral operators. I", r.Title);
        Assert.Equal("Acta mathematica", r.Container);
    }

    [Fact]
    public void ADashAfterAQuotedTitlesClosingQuoteKeepsTheSubtitle() =>
        Assert.Equal("\"On se verra au CMP\" - Carnet de route en psychiatrie",
            Assemble("FRIARD, Dominique. \"On se verra au CMP\" - Carnet de route en psychiatrie. JANSSEN-CILAG 2009.",
                "a a t t t t t t t t t t t p d").Title);

    [Fact]
    public void AVancouverBylinesLastInitialsLeftOutByTheTaggerJoinIt()
    {
        var r = Assemble("Mead PS, Petersen JM. 2006. Epidemiologic features. Emerg Infect Dis 12.", "a a a o d t t c c c v");

        Assert.Equal(["P. S. Mead", "J. M. Petersen"], r.Authors.Select(a => a.Display));
        // A span that ends on initials, or a word after it that is not initials, is left as it is.
        Assert.Equal(["J. Smith"], Assemble("Smith, J. A. Title. London, 1990.", "a a o t l d").Authors.Select(a => a.Display));
        Assert.Equal(["M. Jones"], Assemble("Jones M, Smith. Title. London, 1990.", "a a o t l d").Authors.Select(a => a.Display));
    }

    [Fact]
    public void AColonAfterAQuotedTitlesClosingQuoteKeepsTheSubtitle()
    {
        // The opening quote stays with its closing one.
        Assert.Equal("‘The rigours of an arctic experiment’: the precarious authority of field practices",
            Assemble("Powell, R.C. 2007: ‘The rigours of an arctic experiment’: the precarious authority of field practices. Environment 39.",
                "a a d t t t t t t t t t t t t c v").Title);
        Assert.Equal("« Veille créative » : une nouvelle expression",
            Assemble("Dupont, J. « Veille créative » : une nouvelle expression, Documentaliste, 2008.", "a a t t t t t t t t c d").Title);
    }

    [Theory]
    [InlineData(new[] { "1734, (1987)" }, 1987, "1734")]
    [InlineData(new[] { "1734", "(1987)" }, 1987, "1734")]
    [InlineData(new[] { "(2010a)", "2011" }, 2010, null)]
    [InlineData(new[] { "2014, May 3" }, 2014, null)]
    [InlineData(new[] { "12345 (1999" }, 1999, null)]
    public void TheYearOfTheDatesPrefersABracketedYearToAPageBeforeIt(string[] dates, int? year, string? page)
    {
        Assert.Equal((year, page), ReferenceAssembler.YearOfDates(dates));
    }

    [Fact]
    public void ABracketedYearTheTaggerLeftUnlabelledOutranksAPageTakenForTheDate()
    {
        Assert.Equal((1987, "1734"), ReferenceAssembler.YearOfDates(["1734,"], ["(1987)."]));
        Assert.Equal((2001, null), ReferenceAssembler.YearOfDates(["(2001)"], ["(1987)."]));
        Assert.Equal(((int?)null, (string?)null), ReferenceAssembler.YearOfDates([], ["(1987)."]));
    }

    static string Families(ParsedReference r) => string.Join("|", r.Authors.Select(a => a.Family));

    [Theory]
    // The last person's family name taken for the journal's first word, after "et", "and" or a comma.
    [InlineData("M. ROUSSEL et J. K. VANDERMEER. Bull. Soc. Chim. Belg. 88, 211 (1979).", "a a a a a c c c c c o o d", "Roussel|Vandermeer", "Bull. Soc. Chim. Belg")]
    [InlineData("P. Okafor and D. C. Lindqvist. Aust. J. Chem. 34, 291 (1981).", "a a a a a c c c c o o d", "Okafor|Lindqvist", "Aust. J. Chem")]
    [InlineData("A. Marchetti, B. C. Hollander, Z. Phys. C 55, 12 (1992).", "a a a a a c c c o o d", "Marchetti|Hollander", "Z. Phys. C")]
    public void AnInitialsFirstBylineEndingOnInitialsTakesBackItsFamilyName(string text, string labels, string families, string container)
    {
        var r = Assemble(text, labels);

        Assert.Equal(families, Families(r));
        Assert.Equal(container, r.Container);
    }

    [Theory]
    // Vancouver and family-first bylines end on initials too: the next word is the title's.
    [InlineData("Okafor N, Lindqvist B. Seasonal drift of soil microbes. J Mt Ecol. 2014;31:212-9.", "a a a a t t t t t c c c o o")]
    [InlineData("Okafor, N., Lindqvist, B. Seasonal drift of soil microbes. J. Mt. Ecol. 31, 212 (2014).", "a a a a t t t t t c c c o o d")]
    [InlineData("BON, C. Handicap et savoirs infirmiers. Soins 60, 12 (2011).", "a a t t t t c o o d")]
    // A journal abbreviation is no family name ("A. B. Phys. Rev." has lost none: the tagger missed a name it never had).
    [InlineData("Okafor N. and D. C. Phys. Rev. D 76, 056001 (2007).", "a a a a a c c c o o d")]
    public void OtherBylinesKeepTheirSpan(string text, string labels)
    {
        var r = Assemble(text, labels);

        Assert.Equal(labels.Split(' ').Count(l => l == "t") > 0 ? text.Split(' ')[labels.Split(' ').ToList().IndexOf("t")].TrimEnd('.', ',') : null,
            r.Title?.Split(' ')[0].TrimEnd('.', ','));
        Assert.DoesNotContain(r.Authors, a => a.Family is "Seasonal" or "Handicap" or "Phys");
    }

    [Fact]
    public void ABracketedYearAfterAJournalsBarePageIsTheYear()
    {
        // No volume: the tagger took the page for the date and left "(1971)" unlabelled.
        var r = Assemble("L. R. Sochet et M. Lucquin. Bull. Soc. Chim. Fr. 1571 (1971).", "a a a a a a c c c c d o");

        Assert.Equal(1971, r.Year);
        Assert.Equal("1571", r.Pages);
    }

    [Fact]
    public void AnAccessDateTheTaggerTookForTheJournalIsNone()
    {
        var r = Assemble("Lindqvist, Ana. \"Harbour lights\". Archived October 3, 2016.", "a a t t c c c c");

        Assert.Null(r.Container);
    }

    [Theory]
    [InlineData("33. Vũ Văn Tảo (2003), Dạy cách học, Nxb Trẻ, Tp.HCM", "o t t t t t t t p p l", "Dạy cách học", "Tảo", 2003)]
    [InlineData("Jean le Rond d’Alembert (1751). Discours préliminaire. Paris: Briasson.", "t t t t t t t l p", "Discours préliminaire", "d’Alembert", 1751)]
    public void ABracketedYearInsideTheTitleRunEndsTheBylineBeforeIt(string text, string labels, string title, string family, int year)
    {
        var r = Assemble(text, labels);

        Assert.Equal(title, r.Title);
        Assert.Equal(family, Assert.Single(r.Authors).Family);
        Assert.Equal(year, r.Year);
    }

    [Fact]
    public void AnEditorsMarkInsideTheTitleRunMakesTheWholeBylineItsEditors()
    {
        var alone = Assemble("Lisa Cartwright und Marita Sturken (Hg.), Practices of Looking, New York 2005.", "t t t t t t t t t l l d");
        var after = Assemble("Lievrouw, Leah A., and Sonia Livingstone (eds). Handbook of New Media. London: Sage, 2006.",
            "a a a t t t t t t t t l p d");

        Assert.Equal("Practices of Looking", alone.Title);
        Assert.Equal(["Cartwright", "Sturken"], alone.Editors.Select(e => e.Family));
        Assert.Empty(alone.Authors);
        Assert.Equal("Handbook of New Media", after.Title);
        Assert.Equal(["Lievrouw", "Livingstone"], after.Editors.Select(e => e.Family));
        Assert.Empty(after.Authors);
    }

    [Fact]
    public void InitialsInBracketsInsideTheTitleRunEndTheBylineBeforeIt()
    {
        var r = Assemble("Serneels (V.), Folletete (Chr.), Jacquemin-Verguet (Cl.), Aperçu du district du Mont d'Or, Minaria Helvetica, 24b, 2004, p. 7-20.",
            "a o t t t t t t t t t t c c v d g g");

        Assert.Equal("Aperçu du district du Mont d'Or", r.Title);
        Assert.Equal(["Serneels", "Folletete", "Jacquemin-Verguet"], r.Authors.Select(a => a.Family));
        Assert.Equal("V.", r.Authors[0].Given);
    }

    [Fact]
    public void ABareYearAfterTheBylinesLastNamesInsideTheTitleRunIsTheDate()
    {
        var r = Assemble("Steadman, Sharon R., Benjamin S. Arbuckle, and Madelynn von Baeyer 2013 The 2012 Season at Çadır Höyük. Anatolica 39:1-20.",
            "a a a t t t t t t t t t t t t t t c v");

        Assert.Equal("The 2012 Season at Çadır Höyük", r.Title);
        Assert.Equal(["Steadman", "Arbuckle", "von Baeyer"], r.Authors.Select(a => a.Family));
        Assert.Equal(2013, r.Year);
    }

    [Theory]
    // A title's own words before the bracket: a lower-case word that is no particle, or a lower-case title after it.
    [InlineData("Klein, A. Report on the harbour (2003), second part. Oslo, 2004.", "a a t t t t t t t l d", "Report on the harbour (2003), second part")]
    [InlineData("The Green Revolution (1968): a history of ideas. London: Verso.", "t t t t t t t t l p", "The Green Revolution (1968): a history of ideas")]
    // A year in a quoted title after the byline is the title's, though its words ("Media and Fake News") join like names.
    [InlineData("Allcott, Hunt et Matthew Gentzhow. “Social Media and Fake News in 2016 Election”, Journal of Economic Perspectives, 2017.",
        "a a a a a t t t t t t t t c c c c d", "Social Media and Fake News in 2016 Election")]
    public void ABracketedYearATitleHoldsStaysInIt(string text, string labels, string title) =>
        Assert.Equal(title, Assemble(text, labels).Title);

    [Theory]
    [InlineData("Billboard. Retrieved May 7, 2009", "Billboard")]
    [InlineData("Random House. ISBN 978-0679417880", "Random House")]
    [InlineData("2. Warner Paperback Library", "Warner Paperback Library")]
    [InlineData("OCLC 902608986", null)]
    [InlineData("See Heylin", null)]
    [InlineData("CC BY 4.0", null)]
    [InlineData("Harbor House Press", "Harbor House Press")]
    [InlineData("3M Company", "3M Company")]
    [InlineData("OCLC Systems and Services", "OCLC Systems and Services")]
    public void APublisherIsItsNameAlone(string span, string? name)
    {
        // Every export prints the publisher: Wikipedia's access dates and identifiers after it, a volume's number before
        // it, a cross-reference or a licence in its place are no publisher's name.
        Assert.Equal(name, ReferenceAssembler.PublisherName(span));
    }

    [Theory]
    // The part's own title after its number, up to the stop before the journal or the publisher.
    [InlineData("Parent, A. (1995). Functional anatomy of the basal ganglia. I. The cortico-basal loop. Brain Research Reviews 20, 91–127.",
        "a a d t t t t t t t c c c c c c v g", "Functional anatomy of the basal ganglia. I. The cortico-basal loop", "Brain Research Reviews")]
    [InlineData("Cobben RH (1968) Evolutionary Trends in Heteroptera. Part 1. Eggs, Gross Embryology and Eclosion. Centre for Agricultural Publishing.",
        "a a d t t t t t t c c c c c p p p p", "Evolutionary Trends in Heteroptera. Part 1. Eggs, Gross Embryology and Eclosion", null)]
    [InlineData("Gallagher SK. Variability of indices related to nutritional status. I: Ca, Cu, and Zn.. Clin Chem 1989; 35: 369-373",
        "a a t t t t t t t t l l a a c c d v g", "Variability of indices related to nutritional status. I: Ca, Cu, and Zn", "Clin Chem")]
    // A journal's name after the number runs into its volume, abbreviated or not: the title ends at the number.
    [InlineData("Duistermaat, J. Fourier integral operators. II. Acta Mathematica, 128(1):183–269, 1972.",
        "a a t t t t c c v g d", "Fourier integral operators. II", "Acta Mathematica")]
    [InlineData("Ekman, E. 1932. Contribution to the flora of Greenland. IV. Svensk Bot. Tidskr. 26: 431–447.",
        "a a d t t t t t t t c c c v g", "Contribution to the flora of Greenland. IV", "Svensk Bot. Tidskr")]
    // "World War I." is no part number: no stop before it.
    [InlineData("Keegan, J. 1998. The First World War I. Hutchinson Press, London.",
        "a a d t t t t t p p l", "The First World War I", null)]
    public void APartNumberGoesOnWithThePartsTitle(string text, string labels, string title, string? container)
    {
        var r = Assemble(text, labels);

        Assert.Equal((title, container), (r.Title, r.Container));
    }

    [Theory]
    [InlineData("Hyman, Larry M. In press. Prefixal vowel length in Lulamogi. Journal of African Languages.", "a a a t t t t t t t c c c c", "Prefixal vowel length in Lulamogi")]
    [InlineData("Brown, A. Forthcoming. Turning the Page: The Evolution of the Book. Routledge.", "a a t t t t t t t t t p", "Turning the Page: The Evolution of the Book")]
    [InlineData("Huber, K. (im Druck). Die Stadt. Bern: Haupt.", "a a t t t t l p", "Die Stadt")]
    // The mark read as the byline's last word.
    [InlineData("Jones, A. B. Forthcoming. The Politics of Water. Journal of Environmental History.", "a a a a t t t t c c c c", "The Politics of Water")]
    // A title that is the words: "In Press Coverage of Elections" keeps them.
    [InlineData("Lee, K. In Press Coverage of Elections. Sage.", "a a t t t t t p", "In Press Coverage of Elections")]
    public void APublicationStatusIsNoWordOfTheTitle(string text, string labels, string title) =>
        Assert.Equal(title, Assemble(text, labels).Title);

    [Theory]
    [InlineData("Národní plán povodí Odry [online]. Ministerstvo zemědělství, 2015.", "t t t t t t t d", "Národní plán povodí Odry")]
    [InlineData("PALENČÁROVÁ Jana. Akademická príručka na tvorbu textov [online]. 3. vyd. Trenčín. Vysoká škola, 2015.",
        "a a t t t t t t t t t t t d", "Akademická príručka na tvorbu textov")]
    [InlineData("Koehler B. Evidence-based medicine [Internet]. Bethesda: NLM; 2015.", "a a t t t o l d", "Evidence-based medicine")]
    // An access note in the reference's language before the link.
    [InlineData("Feuerstein, R. (s.d.). Le PEI. Document téléaccessible à l’adresse : <https://www.yumpu.com/pei>.", "a a o t t t t t t t t", "Le PEI")]
    [InlineData("García, M. (2018). Guía de compostaje. Disponible en: https://example.es/guia", "a a d t t t t t t", "Guía de compostaje")]
    public void AMediumMarkEndsTheTitle(string text, string labels, string title) =>
        Assert.Equal(title, Assemble(text, labels).Title);

    [Theory]
    // The title run through the pages, the book a second title run; or the pages apart and the book unlabelled.
    [InlineData("Dunne, P. 1997. Tide and time. Pages 1—12 <italic>in</italic> H. B. Honigfeld, editor. Charting a course for the Bay. New Jersey Conservation Foundation.",
        "a a d t t t t t t e e e e t t t t t t p p p p", "Tide and time", "Charting a course for the Bay", "1-12")]
    [InlineData("Smith, J. A. 2004. Habitat use by wintering waterfowl. Pages 45–67 in R. T. Honigfeld, editors. Waterfowl ecology and management. Wildlife Society, Bethesda.",
        "a a a d t t t t t g g o e e e e o o o o p p l", "Habitat use by wintering waterfowl", "Waterfowl ecology and management", "45-67")]
    // Vancouver's chapter, the book unlabelled after "In:" and the editors.
    [InlineData("Meltzer PS. Chromosome alterations in tumors. In: Honigfeld B, editors. The genetic basis of human cancer. New York: McGraw-Hill; 2002. p. 93-113.",
        "a a t t t t e e e e o o o o o o l l p d g g", "Chromosome alterations in tumors", "The genetic basis of human cancer", "93-113")]
    public void AChaptersBookComesAfterItsEditors(string text, string labels, string title, string book, string pages)
    {
        var r = Assemble(text, labels);

        Assert.Equal((title, book, pages), (r.Title, r.Container, r.Pages));
        Assert.Equal("Honigfeld", r.Editors.Single().Family);
    }

    [Theory]
    [InlineData("Попов A. 1980. Монограми на българските царе. В: Българско средновековие. София.", "a a d t t t t t t t l", "Монограми на българските царе")]
    [InlineData("Nowak J. 2001. Prawo spółek. W: Księga pamiątkowa. Kraków.", "a a d t t t t t l", "Prawo spółek")]
    [InlineData("Pérez J. 2001. La ciudad antigua. En: Historia de España. Madrid.", "a a d t t t t t t t l", "La ciudad antigua")]
    public void AnInMarkInAnyLanguageEndsTheTitle(string text, string labels, string title) =>
        Assert.Equal(title, Assemble(text, labels).Title);

    [Fact]
    public void AnIso690BylineClosesEachPersonWithAStop()
    {
        var r = Assemble("LANGENFELD, Solange. MERKLING, Jacky. Psychologie, sociologie, anthropologie. Issy-les-Moulineaux : ELSEVIER MASSON, 2010.",
            "a a t t t t t l o p p d");

        Assert.Equal("Psychologie, sociologie, anthropologie", r.Title);
        Assert.Equal(["Solange Langenfeld", "Jacky Merkling"], r.Authors.Select(a => a.Display));
    }

    [Theory]
    [InlineData("Lyon, M.W., 1916b. Mammals collected by Dr. W. L. Abbott on the chain of islands. Proc. U.S. Natl. Mus. 52, 437–462.",
        "a a d t t t a a a t t t t t t c c c c v g", "Mammals collected by Dr. W. L. Abbott on the chain of islands")]
    // A new clause after the break is another field's: the title stays cut, and without its "by".
    [InlineData("Review of Walden by H. D. Thoreau A Study in Solitude. Boston.", "t t t t a a a t t t t l", "Review of Walden")]
    public void ANameInsideATitleIsTheTitles(string text, string labels, string title) =>
        Assert.Equal(title, Assemble(text, labels).Title);

    [Fact]
    public void AnOrganisationsDivisionBeforeTheDateIsNoTitle()
    {
        var r = Assemble("Ministère de l’Éducation nationale, Direction générale de l’Enseignement scolaire (2009b). Ressources pour la classe de seconde. http://media.education.gouv.fr/file.pdf",
            "a a a a t t t t t t t t t t t t o");

        Assert.Equal(("Ressources pour la classe de seconde", 2009), (r.Title, r.Year));
        Assert.DoesNotContain(r.Authors, a => a.Display.Contains("Direction"));
    }

    [Theory]
    [InlineData("Warren, E.K. Long Range Planning: The Executive Viewpoint. Prentice-Hall, 1966.", "a a a t t t t t p d", "Long Range Planning: The Executive Viewpoint", "E. K. Warren")]
    [InlineData("Hazell, T.J.; Weiler, H.A. Vitamin D: An overview. Nutr. Rev. 2012, 70, 520–533.", "a a a a a a t t c c d v g", "Vitamin D: An overview", "T. J. Hazell|H. A. Weiler")]
    // A given name after the initials closes with its stop; initials first, "Nowak, B." is no person.
    [InlineData("Clinton, J. Robert. The Making of a Leader. NavPress, 1988.", "a a a t t t t t p d", "The Making of a Leader", "J. Robert Clinton")]
    [InlineData("G. Nowak, B. Szewczyk, A. Pilc Zinc and depression. Pharmacol Rep, 57 (2005).", "a a a a a a t t t c c v d", "Zinc and depression", "G. Nowak|B. Szewczyk|A. Pilc")]
    public void ABylineEndsWithItsLastCompletePerson(string text, string labels, string title, string people)
    {
        var r = Assemble(text, labels);

        Assert.Equal((title, people), (r.Title, string.Join('|', r.Authors.Select(a => a.Display))));
    }

    [Theory]
    [InlineData("Mark A. Lemley, Property, Intellectual Property, and Free Riding, 83 Tex. L. Rev. 1031 (2005).", "a a a t t t t t t c c c c g d", "Tex. L. Rev", "83", "1031")]
    // The first page read as the volume, the pinpoint as the pages.
    [InlineData("Orin S. Kerr, A User's Guide to the Act, 72 Geo. Wash. L. Rev. 1208, 1210 (2004).", "a a a t t t t t t c c c c c v g d", "Geo. Wash. L. Rev", "72", "1208")]
    // A conference's year or a magazine's number opening its name stays in it.
    [InlineData("Wittie, L. Eager sharing, 1992 International Conference on Parallel Processing, 12-19.", "a a t t c c c c c c g", "1992 International Conference on Parallel Processing", null, "12-19")]
    public void ALawReviewsVolumeComesBeforeItsName(string text, string labels, string container, string? volume, string pages)
    {
        var r = Assemble(text, labels);

        Assert.Equal((container, volume, pages), (r.Container, r.Volume, r.Pages));
    }

    [Theory]
    // The mark inside the author span, the book a title run; the mark after it, the book read as the publisher.
    [InlineData("Петров П. Метод анализа. В: Сборник трудов института. Москва, 2001.", "a a a a a t t t l d", "Метод анализа", "Сборник трудов института", "П. Петров")]
    [InlineData("Kowalski J. Historia Polski. W: Encyklopedia PWN. Warszawa, 2005.", "a a a a l p p l d", "Historia Polski", "Encyklopedia PWN", "J. Kowalski")]
    public void AnInMarkEndsABylineTheTaggerRanThroughTheTitle(string text, string labels, string title, string book, string people)
    {
        // The tagger unsure of such a reading: the mark makes the parse sure.
        var r = Assemble(text, labels, confidence: 0.1);

        Assert.Equal((title, book, people), (r.Title, r.Container, string.Join('|', r.Authors.Select(a => a.Display))));
        Assert.True(r.IsConfident);
    }

    [Theory]
    [InlineData("Newmark, G. (2016, May 15). Arts District Green Alleys & DTLA FWD. Retrieved August 25, 2016.", "a a d d d t t t t t o o o o o o", "Arts District Green Alleys & DTLA FWD")]
    [InlineData("MOORE, Michael S., New Essays in Criminal Law Theory (with Heidi Hurd), Oxford University Press; 2012.", "a a a t t t t t t t t t p p p d", "New Essays in Criminal Law Theory")]
    [InlineData("Antoniadis, A. (2001). Regularization of wavelet approximations (with discussion). J. Amer. Statist. Assoc. 96 939-967.", "a a d t t t t t t c c c c v g", "Regularization of wavelet approximations")]
    [InlineData("Luni M., L'enigma dei quattro bronzi, dans Archeo, XVI 4, 2000, p. 46-52", "a a t t t t t t o o d g g", "L'enigma dei quattro bronzi")]
    // A title's own "dans" stays: no comma before it.
    [InlineData("Dupont J., La vie dans Paris, Paris, 2000.", "a a t t t t l d", "La vie dans Paris")]
    [InlineData("The Structure of Scientific Revolutions by Thomas S. Kuhn (1962)", "t t t t t t a a a d", "The Structure of Scientific Revolutions")]
    public void ATitleEndsWhereItsWordsDo(string text, string labels, string title) =>
        Assert.Equal(title, Assemble(text, labels).Title);

    [Theory]
    [InlineData("Chanthavongsouk L, 1999. Buddha’s Prophecy of the Messiah. La Mirada (California): The Lao Conference of Churches", "a a d t t t t t t t l p p p p p", "Buddha’s Prophecy of the Messiah", "La Mirada (California)")]
    [InlineData("Jakobson, Roman. Letters and Notes. The Hague – Paris: Mouton", "a a t t t t t t l p", "Letters and Notes", "The Hague – Paris")]
    // Chicago's imprint in brackets is no state; an ordinal's stop ends no sentence.
    [InlineData("Freudenberger, R., Das Verhalten im 2. Jahrhundert (Munich: Beck, 1967).", "a a t t t t t l p d", "Das Verhalten im 2. Jahrhundert", "Munich")]
    public void APlaceAtTheTitlesEndIsThePlaces(string text, string labels, string title, string place)
    {
        var r = Assemble(text, labels);

        Assert.Equal((title, place), (r.Title, r.Place));
    }

    [Theory]
    [InlineData("Yoon, Tae S. Blake's \"Milton\": The Quest for Authentic being. Masters Thesis, 1991.", "a a a a t t t t t t o o d", "Blake's \"Milton\": The Quest for Authentic being", "Tae S. Yoon")]
    [InlineData("Jakobson, Roman. N. S. Trubetzkoy’s Letters and Notes. Mouton", "a a a a t t t t p", "N. S. Trubetzkoy’s Letters and Notes", "Roman Jakobson")]
    // After a given name the possessive is the writer's own.
    [InlineData("Leslie Lamport's \"Time, Clocks, and the Ordering of Events\" (1978)", "a a t t t t t t t d", "Time, Clocks, and the Ordering of Events", "Leslie Lamport")]
    public void APossessiveOpensTheTitleNotAName(string text, string labels, string title, string people)
    {
        var r = Assemble(text, labels);

        Assert.Equal((title, people), (r.Title, string.Join('|', r.Authors.Select(a => a.Display))));
    }

    [Fact]
    public void AnAbntArticleNamesItsJournalBeforeItsCity()
    {
        var r = Assemble("SOUZA, Maria Aparecida de. A formação de professores no Brasil. Revista Brasileira de Educação, Rio de Janeiro, v. 15, n. 2, p. 45-60, 2010.",
            "a a a o t t t t t t t t t t c c c v v o o g g d");

        Assert.Equal(("A formação de professores no Brasil", "Revista Brasileira de Educação", "Rio de Janeiro", "15"), (r.Title, r.Container, r.Place, r.Volume));
        Assert.Equal("Maria Aparecida de Souza", r.Authors.Single().Display);
    }

    [Fact]
    public void AJournalNamedBeforeItsVolumeMarkIsNoCity()
    {
        var r = Assemble("Barnes, W. C., The discovery of Meteor crater. Museum Northern Arizona (Flagstaff), Museum Notes, v. 7, pp. 5-8. 1934.",
            "a a a t t t t t t t t t c c v v g g d");

        Assert.Equal(("The discovery of Meteor crater. Museum Northern Arizona (Flagstaff)", "Museum Notes"), (r.Title, r.Container));
    }

    [Theory]
    [InlineData("Lee, K.: Fast sorting. In: ICALP 2010. LNCS, vol. 6198, pp. 5–16. Springer, Heidelberg (2010)", "a a t t c c c c v v g g p l o", 2010)]
    // No year in the brackets, or the date labelled elsewhere: nothing read there.
    [InlineData("Lee, K.: Fast sorting. Springer, Heidelberg (abcd)", "a a t t p l o", null)]
    [InlineData("Lee, K. 2009. Fast sorting. Springer, Heidelberg (2010)", "a a d t t p l o", 2009)]
    public void SpringersClosingBracketedYearIsTheYear(string text, string labels, int? year) =>
        Assert.Equal(year, Assemble(text, labels).Year);

    [Theory]
    [InlineData("Richard Hamming – You and Your Research (1986)", "a a a a a a a d", "You and Your Research", "Richard Hamming")]
    [InlineData("Donald Knuth: Literate Programming. Stanford, 1992.", "t t t t l d", "Literate Programming", "Donald Knuth")]
    // A byline elsewhere, or no name the lexicons know, leaves the run as it was.
    [InlineData("Smith, J. 2001. Jane Austen: A Life. London.", "a a d t t t t l", "Jane Austen: A Life", "J. Smith")]
    public void AReadingListNamesTheWriterBeforeTheDash(string text, string labels, string title, string people)
    {
        var r = Assemble(text, labels);

        Assert.Equal((title, people), (r.Title, string.Join('|', r.Authors.Select(a => a.Display))));
    }
}
