using Hqt.Extraction.Text;

namespace Hqt.Extraction.Tests.Text;

public class NoteBacklinksTests
{
    [Theory]
    [InlineData("^ a b Smith, John (2001).", "Smith, John (2001).")]
    [InlineData("^ Jump up to: a b c Doe, Jane (2010).", "Doe, Jane (2010).")]
    [InlineData("Jump up ^ Doe, Jane (2010).", "Doe, Jane (2010).")]
    [InlineData("↑ Dupont, Jean.", "Dupont, Jean.")]
    [InlineData("^ a b c d e f g h i j k l m n o p q r s t u v w x y z aa ab Roe, R.", "Roe, R.")]
    public void TheMarksAndTheCitingPlacesLettersGo(string text, string note) =>
        Assert.Equal(note, NoteBacklinks.Strip(text));

    [Theory]
    // A family name's particle after a lone caret, and letters that are not the citing places' ("a b de" stops at "de").
    [InlineData("^ de Solla Price, D. J. (1965).", "de Solla Price, D. J. (1965).")]
    [InlineData("^ a b de la Cruz, M.", "de la Cruz, M.")]
    // No mark, nothing taken: "a b" opens no reference, but "de la Cruz" does.
    [InlineData("de la Cruz, M. (2001).", "de la Cruz, M. (2001).")]
    public void ANamesParticleStays(string text, string note) =>
        Assert.Equal(note, NoteBacklinks.Strip(text));
}
