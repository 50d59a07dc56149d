using Hqt.Api.Graph;

namespace Hqt.Api.Tests;

/// <summary>The one label a work cited without a title is shown by: who, when, where it appeared; never a bare journal citation.</summary>
public class WorkLabelTests
{
    [Theory]
    [InlineData(new[] { "J. Polchinski" }, 2001, "Int. J. Mod. Phys. A", "16", "707-718", "Polchinski 2001 · Int. J. Mod. Phys. A 16, 707")]
    [InlineData(new[] { "J. C. Kempner", "L. P. David" }, 2004, "ApJ", "607", "200", "Kempner and David 2004 · ApJ 607, 200")]
    [InlineData(new[] { "M. Beneke", "G. Buchalla", "M. Neubert", "C. T. Sachrajda" }, 2007, "Phys. Rev. D", "76", "056001", "Beneke and 3 more, 2007 · Phys. Rev. D 76, 056001")]
    [InlineData(new[] { "S. S. Gubser", "I. R. Klebanov", "A. M. Polyakov" }, 1998, "Phys. Lett. B", "428", "105", "Gubser, Klebanov and Polyakov 1998 · Phys. Lett. B 428, 105")]
    [InlineData(new string[0], 1970, "Trans. Faraday Soc", "66", "2805", "1970 · Trans. Faraday Soc. 66, 2805")]
    [InlineData(new[] { "R. P. Feynman" }, null, "Phys. Rev", "76", "pp. 769-789", "Feynman · Phys. Rev. 76, 769")]
    public void AWorkWithoutATitleIsNamedByWhoWhenAndWhere(string[] authors, int? year, string container, string volume, string pages, string label) =>
        Assert.Equal(label, WorkLabels.For(null, authors, year, container, volume, pages));

    [Theory]
    [InlineData("A title of its own", "Phys. Rev. D", "76", "1")]   // titled: the title is what it is shown by
    [InlineData(null, "Nature", null, null)]                       // a journal alone
    [InlineData(null, "Ibid.", "3", "4")]
    [InlineData(null, null, "3", "4")]
    public void NoLabelForATitledWorkOrOneThatSaysTooLittle(string? title, string? container, string? volume, string? pages) =>
        Assert.Null(WorkLabels.For(title, ["A. Author"], 2000, container, volume, pages));

    [Fact]
    public void NoLabelWithoutPeopleOrAYear() => Assert.Null(WorkLabels.For(null, [], null, "Phys. Rev. D", "76", "1"));
}
