using Hqt.Extraction.Identity;

namespace Hqt.Extraction.Tests.Identity;

public class IdentityDoiTests
{
    [Theory]
    [InlineData("10.1038/nature16961", "10.1038/nature16961")]
    [InlineData("doi:10.1038/NATURE16961", "10.1038/nature16961")]
    [InlineData("https://doi.org/10.1016/j.tibs.2014.10.005", "10.1016/j.tibs.2014.10.005")]
    [InlineData("http://dx.doi.org/10.1103/PhysRevX.12.041027", "10.1103/physrevx.12.041027")]
    [InlineData("https://doi.org/10.12688%2Ff1000research.25097.1", "10.12688/f1000research.25097.1")]
    [InlineData("10.1016/S0142-9612(01)00332-5.", "10.1016/s0142-9612(01)00332-5")]
    public void NormalizeAcceptsEveryCommonSpelling(string input, string expected) =>
        Assert.Equal(expected, Doi.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11.1038/nature")]
    [InlineData("see 10.1038/nature16961")]
    public void NormalizeRejectsWhatIsNotOneDoi(string? input) => Assert.Null(Doi.Normalize(input));

    [Fact]
    public void ASiciDoiKeepsItsItemSegment()
    {
        // Two articles of one issue: each is its own DOI, with the segment between its angle brackets.
        var found = Doi.FindAll("J Biomed Mater Res. 1996;31(3):303-9. doi:10.1002/(SICI)1097-4636(199603)31:3<303::AID-JBM2>3.0.CO;2-M. "
            + "Ibid. 311-9. 10.1002/(SICI)1097-4636(199603)31:3<311::AID-JBM3>3.0.CO;2-S.").ToList();

        Assert.Equal(["10.1002/(sici)1097-4636(199603)31:3<303::aid-jbm2>3.0.co;2-m", "10.1002/(sici)1097-4636(199603)31:3<311::aid-jbm3>3.0.co;2-s"], found);
        Assert.Equal(found[0], Doi.Normalize("https://doi.org/10.1002/(SICI)1097-4636(199603)31:3%3C303::AID-JBM2%3E3.0.CO;2-M"));
        // Markup around a DOI is still no part of it.
        Assert.Equal(["10.1038/nature16961"], Doi.FindAll("<a>10.1038/nature16961</a>").ToList());
    }

    [Fact]
    public void FindAllTrimsSentencePunctuationAndUnopenedBrackets()
    {
        var found = Doi.FindAll("As shown (doi: 10.1145/1791212.1791238), and in 10.3115/1075812.1075835.").ToList();

        Assert.Equal(["10.1145/1791212.1791238", "10.3115/1075812.1075835"], found);
    }

    [Theory]
    [InlineData("http://scholar.google.com/scholar_lookup?&title=Advances&doi=10.12688/f1000research.25097.1&volume=9&author=Thompson,MC", "10.12688/f1000research.25097.1")]
    [InlineData("lookup?doi=10.1111/febs.12796&amp;volume=281&amp;pages=3985-4009", "10.1111/febs.12796")]
    [InlineData("10.1002/(SICI)1097-4636(199706)35:4&lt;1::AID-JBM1&gt;3.0.CO;2-D", "10.1002/(sici)1097-4636(199706)35:4&lt;1::aid-jbm1&gt;3.0.co;2-d")]
    public void FindAllEndsADoiReadFromAQueryStringAtTheNextParameter(string text, string expected) =>
        Assert.Equal([expected], Doi.FindAll(text).ToList());

    [Theory]
    [InlineData("https://www.acpjournals.org/doi/full/10.7326/M19-3075", "10.7326/m19-3075")]
    [InlineData("https://onlinelibrary.wiley.com/doi/abs/10.1111/febs.12796?af=R", "10.1111/febs.12796")]
    [InlineData("https://doi.org/10.1093/biomet/25.3-4.285", "10.1093/biomet/25.3-4.285")]
    [InlineData("https://example.org/posts/10.5/", null)]
    public void FromUrlReadsResolverLinksAndPublisherDoiPaths(string url, string? expected) =>
        Assert.Equal(expected, Doi.FromUrl(url));

    [Theory]
    [InlineData("10.1371/journal.pone.0000001", true)]
    [InlineData("10.1371/JOURNAL.PONE.0000001", true)]
    [InlineData("https://doi.org/10.1371/journal.pone.0000001.g001", true)]
    [InlineData("10.1371/journal.pone.0000001.t001", true)]
    [InlineData("10.1371/journal.pone.0000001/figures/1", true)]
    [InlineData("10.1371/journal.pone.00000012", false)]
    [InlineData("10.1371/journal.pone.000000", false)]
    [InlineData("10.1371/journal.pone.0000002", false)]
    public void IsSameOrPartOfTellsAWorksPartsFromADoiSharingItsPrefix(string doi, bool expected) =>
        Assert.Equal(expected, Doi.IsSameOrPartOf(doi, "10.1371/journal.pone.0000001"));

    [Theory]
    [InlineData("https://journals.plos.org/plosone/article/figure/image?size=medium&id=10.1371/journal.pone.0000001.g001", true)]
    [InlineData("https://media.example.com/esm/art%3A10.1371%2Fjournal.pone.0000001/MediaObjects/1.pdf", true)]
    [InlineData("https://crossmark.crossref.org/dialog/?doi=10.1371/JOURNAL.PONE.0000001", true)]
    [InlineData("https://doi.org/10.1371/journal.pone.00000012", false)]
    [InlineData("https://example.org/110.1371/journal.pone.0000001", false)]
    public void UrlCarriesFindsAWorksDoiAnywhereInAnAddress(string url, bool expected) =>
        Assert.Equal(expected, Doi.UrlCarries(url, "10.1371/journal.pone.0000001"));
}
