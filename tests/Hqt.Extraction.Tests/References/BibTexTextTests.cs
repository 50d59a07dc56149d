using Hqt.Extraction.References;

namespace Hqt.Extraction.Tests.References;

/// <summary>BibTeX values as a reader sees them: LaTeX's accents and letters are the letters they stand for.</summary>
public class BibTexTextTests
{
    [Theory]
    [InlineData(@"Kaiser, {\L}ukasz", "Kaiser, Łukasz")]
    [InlineData(@"Sch{\""o}lkopf, Bernhard", "Schölkopf, Bernhard")]
    [InlineData(@"G\""odel", "Gödel")]
    [InlineData(@"Erd\H{o}s, Paul", "Erdős, Paul")]
    [InlineData(@"\v{C}ech and Fran\c{c}ois", "Čech and François")]
    [InlineData(@"M\'{\i}guez, Jos\'e", "Míguez, José")]
    [InlineData(@"Stra{\ss}e, {\AA}ngstr{\""o}m, {\o}rsted", "Straße, Ångström, ørsted")]
    [InlineData(@"Pe\~{n}a and \c c", "Peña and ç")]
    [InlineData(@"K{\i}van{\c c}, {\DJ}uro, {\TH}{\'o}r{\dh}ur, {\SS}", "Kıvanç, Đuro, Þórður, ẞ")]
    [InlineData(@"Nguy{\~{\^e}}n, {\={\""u}}", "Nguyễn, ǖ")]
    [InlineData(@"Lectures on {NLP}: 10\% of \emph{Models} --- a~view", "Lectures on NLP: 10% of Models \u2014 a view")]
    public void AccentsAndLettersAreTheLettersTheyStandFor(string value, string plain) =>
        Assert.Equal(plain, BibTex.Plain(value));

    [Fact]
    public void ACommandThatIsNoAccentLeavesItsText() =>
        Assert.Equal("see http://example.org/a, vol. 3", BibTex.Plain(@"see \url{http://example.org/a}, \textit{vol.}~3"));
}
