using Hqt.Extraction.Text;

namespace Hqt.Extraction.Tests.Text;

public class InlineMarkupTests
{
    [Theory]
    [InlineData("The <i>Drosophila</i> gene", "The Drosophila gene")]
    [InlineData("<jats:italic>Escherichia coli</jats:italic> in <jats:sc>soil</jats:sc>", "Escherichia coli in soil")]
    [InlineData("<italic>Plant Physiology</italic>,", "Plant Physiology,")]
    [InlineData("italic>Plant Physiology</italic", "Plant Physiology")]
    [InlineData("H<sub>2</sub>O and CO<sub>2</sub>", "H2O and CO2")]
    [InlineData("<span class=\"nocase\">mRNA</span> decay", "mRNA decay")]
    public void TypeMarksGoTheWordsStay(string text, string expected) => Assert.Equal(expected, InlineMarkup.Strip(text));

    [Theory]
    [InlineData("When x < y and y > z")]
    [InlineData("Arrows <- and -> in R")]
    [InlineData("The <title> element")]
    public void OtherAngleBracketsStay(string text) => Assert.Equal(text, InlineMarkup.Strip(text));

    [Fact]
    public void NothingLeftIsNull() => Assert.Null(InlineMarkup.Strip("<i></i>"));
}
