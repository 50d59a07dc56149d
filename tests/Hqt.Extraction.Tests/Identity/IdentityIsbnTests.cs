using Hqt.Extraction.Identity;

namespace Hqt.Extraction.Tests.Identity;

public class IdentityIsbnTests
{
    [Theory]
    [InlineData("978-0-13-110362-7", "9780131103627")]
    [InlineData("0-13-110362-8", "9780131103627")]
    [InlineData("ISBN 0131103628", "9780131103627")]
    [InlineData("ISBN-13: 978 0 553 59337 2", "9780553593372")]
    [InlineData("078582264X", "9780785822646")]
    public void ToIsbn13NormalisesTenAndThirteenDigitForms(string input, string expected) =>
        Assert.Equal(expected, Isbn.ToIsbn13(input));

    [Theory]
    [InlineData("978-0-13-110362-8")]
    [InlineData("0-13-110362-9")]
    [InlineData("12345")]
    [InlineData("X131103628")]
    public void ToIsbn13RejectsBadCheckDigitsAndShapes(string input) => Assert.Null(Isbn.ToIsbn13(input));

    [Fact]
    public void FindAllNeedsTheIsbnLabel()
    {
        var found = Isbn.FindAll("Call 0131103628 now. Kernighan, Ritchie (1988). ISBN 978-0-13-110362-7.").ToList();

        Assert.Equal(["9780131103627"], found);
    }
}
