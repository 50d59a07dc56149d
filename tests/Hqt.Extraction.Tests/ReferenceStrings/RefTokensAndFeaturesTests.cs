using Hqt.Extraction.ReferenceStrings;

namespace Hqt.Extraction.Tests.ReferenceStrings;

public class RefTokensAndFeaturesTests
{
    [Fact]
    public void TokensAreWhitespaceRunsWithTheirOffsets()
    {
        var tokens = RefTokenizer.Tokenize("  Kidney Int. 2013;84(2):317-25.\u00a0Next");

        // The volume's colon splits it from the pages, as the labelled data writes them.
        Assert.Equal(["Kidney", "Int.", "2013;84(2):", "317-25.", "Next"], tokens.Select(t => t.Text));
        Assert.Equal(2, tokens[0].Start);
        Assert.Equal(8, tokens[0].End);
    }

    [Theory]
    [InlineData("J.", true)]
    [InlineData("J.-P.", true)]
    [InlineData("Th.", true)]
    [InlineData("JA,", true)]
    [InlineData("Smith,", false)]
    [InlineData("2013", false)]
    public void InitialsAreRecognised(string token, bool expected) => Assert.Equal(expected, RefFeatures.IsInitial(token));

    [Theory]
    [InlineData("(1969).", 1969)]
    [InlineData("2013;84(2):317-25.", 2013)]
    [InlineData("12345", null)]
    [InlineData("1450", null)]
    [InlineData("848–850", null)]
    public void YearsAreFourDigitsFrom1500To2030(string token, int? expected) => Assert.Equal(expected, RefFeatures.FirstYear(token));

    [Fact]
    public void CoreDropsTheReferencesPunctuationAroundAToken()
    {
        Assert.Equal("Title", RefFeatures.Core("“Title,”"));
        Assert.Equal("1992", RefFeatures.Core("(1992)."));
        Assert.Equal("...", RefFeatures.Core("..."));
    }

    [Fact]
    public void ATimeOrAVerseIsNoVolume()
    {
        Assert.Equal(["at", "10:30", "John", "3:16"], RefTokenizer.Tokenize("at 10:30 John 3:16").Select(t => t.Text));
    }

    [Fact]
    public void FeaturesAreDeterministicAndDifferByContext()
    {
        var lexicons = new RefLexicons();
        var a = RefFeatures.Extract(RefTokenizer.Tokenize("Smith, J. (2001). A title. Nature 12, 3-4."), lexicons);
        var b = RefFeatures.Extract(RefTokenizer.Tokenize("Smith, J. (2001). A title. Nature 12, 3-4."), lexicons);
        var c = RefFeatures.Extract(RefTokenizer.Tokenize("A title. Smith, J. (2001). Nature 12, 3-4."), lexicons);

        Assert.Equal(8, a.Length);
        Assert.Empty(a.Edge(0).ToArray());
        Assert.NotEmpty(a.Edge(1).ToArray());
        Assert.Equal(a.Token(0).ToArray(), b.Token(0).ToArray());
        Assert.NotEqual(a.Token(0).ToArray(), c.Token(2).ToArray()); // the same word "Smith," at another place in the string
    }

    [Fact]
    public void FieldTextLosesTheReferencesPunctuationButKeepsItsOwnBrackets()
    {
        Assert.Equal("Title", ReferenceAssembler.Clean("“Title,”"));
        Assert.Equal("Languages of Iran (Iranica 8)", ReferenceAssembler.Clean("Languages of Iran (Iranica 8),"));
        Assert.Null(ReferenceAssembler.Clean(" .,"));
        // Square brackets too, and with what they closed: a translated title, an abbreviation's point.
        Assert.Equal("Cywiriadur Cymraeg [A guide to correct Welsh]", ReferenceAssembler.Clean("Cywiriadur Cymraeg [A guide to correct Welsh]."));
        Assert.Equal("L'Amérique espagnole : de Colomb à Bolivar, [Nouv. éd.]", ReferenceAssembler.Clean("L'Amérique espagnole : de Colomb à Bolivar, [Nouv. éd.],"));
        Assert.Equal("Bull. Brit. Mus. (Nat. Hist.)", ReferenceAssembler.Clean("Bull. Brit. Mus. (Nat. Hist.)"));
    }

    static string Places(string text, RefLexicons lexicons) =>
        string.Concat(RefFeatures.ContainerPhrasePlaces(RefTokenizer.Tokenize(text), lexicons).Select(p => "-sbie"[p]));

    [Theory]
    // s single word, b first, i inside, e last: the longest known name from the left, whatever the spacing round its periods.
    [InlineData("A. Smith, Nucl. Instrum. Methods A 567, 433 (2006).", "--biie---")]
    [InlineData("Smith A. B., 2004, ApJ, 607, 200", "----s--")]
    [InlineData("W. Myers, Nucl .Phys .81 ( 1966)1 .", "--be----")]
    [InlineData("Jones C 2001 Int. J. Mod. Phys. A 16 1234", "---biiie--")]
    [InlineData("Smith J. A study of fluids. Cambridge, 1990.", "--------")]
    public void KnownJournalNamesAreMarkedAsOneRun(string text, string places) => Assert.Equal(places, Places(text, new RefLexicons { UsePhrases = true }));

    [Fact]
    public void AModelTrainedWithoutPhrasesMarksNone() =>
        Assert.Equal("--------", Places("A. Smith, Nucl. Instrum. Methods A 567, 433 (2006).", new RefLexicons())[..8]);

    [Fact]
    public void TheModelsContainerNamesAreMarkedBesideTheStandardOnes()
    {
        var lexicons = new RefLexicons { UsePhrases = true };
        Assert.Equal("-------", Places("Okafor N. Drift. Kidney Int. 2013;84(2):317-25.", lexicons));
        lexicons.Containers.Add("kidney int");   // as the trainer writes a learned name, and the model file stores it
        Assert.Equal("---be--", Places("Okafor N. Drift. Kidney Int. 2013;84(2):317-25.", lexicons));
    }
}
