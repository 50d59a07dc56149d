using Hqt.Extraction.Identity;

namespace Hqt.Extraction.Tests.Identity;

public class IdentityPubMedIdTests
{
    [Theory]
    [InlineData("24055351", "24055351")]
    [InlineData("PMID: 15692073", "15692073")]
    [InlineData("0015692", "15692")]
    [InlineData("https://pubmed.ncbi.nlm.nih.gov/24055351/", "24055351")]
    [InlineData("http://www.ncbi.nlm.nih.gov/pubmed/25544475", "25544475")]
    public void NormalizeReadsIdsLabelsAndPubMedUrls(string input, string expected) =>
        Assert.Equal(expected, PubMedId.Normalize(input));

    [Theory]
    [InlineData("123456789")]
    [InlineData("PMC3531190")]
    [InlineData("0")]
    public void NormalizeRejectsWhatIsNotAPmid(string input) => Assert.Null(PubMedId.Normalize(input));

    [Fact]
    public void FindAllReadsLabelledIds() =>
        Assert.Equal(["9210542"], PubMedId.FindAll("Nature 1997;389:1. PMID 9210542. Page 22.").ToList());
}
