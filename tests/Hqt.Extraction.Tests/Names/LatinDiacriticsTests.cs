using Hqt.Extraction.Text;
using Hqt.Names;

namespace Hqt.Extraction.Tests.Names;

/// <summary>Latin letters with and without their diacritics, where string.Normalize does nothing (InvariantGlobalization).</summary>
public class LatinDiacriticsTests
{
    [Theory]
    [InlineData("Go\u0308del", "Gödel")]
    [InlineData("Nguye\u0302\u0303n", "Nguyễn")]
    [InlineData("Gödel", "Gödel")]
    public void CombiningMarksAfterALatinLetterAreWrittenIntoIt(string text, string composed) =>
        Assert.Equal(composed, LatinDiacritics.Compose(text));

    [Theory]
    [InlineData("José Pérez", "Jose Perez")]
    [InlineData("Nguyễn Ǖ", "Nguyen U")]
    [InlineData("Go\u0308del", "Godel")]
    [InlineData("Łukasz Øre", "Łukasz Øre")]
    public void LettersLoseTheirDiacriticsForMatching(string text, string stripped) =>
        Assert.Equal(stripped, LatinDiacritics.Strip(text));

    [Fact]
    public void NamesSpeltWithAndWithoutAccentsShareTheLooseKey() =>
        Assert.Equal(TextTools.LooseKey("Jose Perez"), TextTools.LooseKey("José Pérez"));
}
