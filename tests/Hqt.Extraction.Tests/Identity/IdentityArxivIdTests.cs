using Hqt.Extraction.Identity;

namespace Hqt.Extraction.Tests.Identity;

public class IdentityArxivIdTests
{
    [Theory]
    [InlineData("1502.03044", "1502.03044")]
    [InlineData("arXiv:1502.03044v2", "1502.03044")]
    [InlineData("2101.00001v12", "2101.00001")]
    [InlineData("https://arxiv.org/abs/1706.03762v5", "1706.03762")]
    [InlineData("https://arxiv.org/pdf/1312.6034.pdf", "1312.6034")]
    [InlineData("hep-th/9901001v1", "hep-th/9901001")]
    [InlineData("math.GT/0309136", "math/0309136")]
    public void NormalizeDropsVersionsAndPrefixes(string input, string expected) =>
        Assert.Equal(expected, ArxivId.Normalize(input));

    [Theory]
    [InlineData("1513.03044")]
    [InlineData("3.14159")]
    [InlineData("foo/9901001")]
    public void NormalizeRejectsImpossibleIds(string input) => Assert.Null(ArxivId.Normalize(input));

    [Fact]
    public void FindAllNeedsThePrefixOrALink()
    {
        var found = ArxivId.FindAll("Version 1502.03044 of the code; see arXiv:1409.0473v7 and https://arxiv.org/abs/cond-mat/0102536.").ToList();

        Assert.Equal(["1409.0473", "cond-mat/0102536"], found);
    }

    [Fact]
    public void ArxivsDataCiteDoiNamesTheId() =>
        Assert.Equal(["1706.03762"], ArxivId.FindAll("Attention is all you need. arXiv. Preprint posted online June 12, 2017. doi:10.48550/arXiv.1706.03762"));
}
