using Hqt.Extraction.Identity;

namespace Hqt.Extraction.Tests.Identity;

/// <summary>Issue 13: a search or lookup page is the identifier it carries, or nothing; every DOI link form is one DOI.</summary>
public class IdentityLookupPagesTests
{
    [Theory]
    [InlineData("http://scholar.google.com/scholar?q=Effect+of+preoptic+lesions")]
    [InlineData("https://scholar.google.co.uk/scholar_lookup?title=Gapped%20BLAST&doi=10.1093/nar/25.17.3389")]
    [InlineData("https://www.google.com/search?q=hermitian+matrix")]
    [InlineData("https://www.bing.com/search?q=x")]
    [InlineData("https://duckduckgo.com/?q=x")]
    [InlineData("https://pubmed.ncbi.nlm.nih.gov/?term=romanovsky")]
    [InlineData("https://www.ncbi.nlm.nih.gov/pubmed?term=12345")]
    [InlineData("https://search.worldcat.org/search?q=dylan")]
    [InlineData("https://en.wikipedia.org/wiki/Special:BookSources/978-0-521-83940-2")]
    [InlineData("https://en.wikipedia.org/wiki/ISBN_(identifier)")]
    [InlineData("https://en.wikipedia.org/wiki/ISBN")]
    [InlineData("https://en.wikipedia.org/wiki/Digital_object_identifier")]
    [InlineData("https://en.wikipedia.org/wiki/Help:Citation_Style_1")]
    [InlineData("https://de.wikipedia.org/wiki/Spezial:ISBN-Suche/3499188980")]
    [InlineData("https://en.wikipedia.org/w/index.php?search=matrix")]
    [InlineData("https://zh.wikipedia.org/w/index.php?title=National_Museum_of_Georgia&action=edit&redlink=1")]
    [InlineData("https://books.google.com/books?q=dylan")]
    [InlineData("https://example.org/search?q=dylan")]
    public void SearchAndLookupPagesAreNotWorks(string url) => Assert.True(LookupPages.IsLookup(url), url);

    [Theory]
    [InlineData("https://en.wikipedia.org/wiki/Hermitian_matrix")]
    [InlineData("https://en.wikipedia.org/w/index.php?title=Bob_Dylan&oldid=1234567")]
    [InlineData("https://books.google.com/books?id=abc123")]
    [InlineData("https://pubmed.ncbi.nlm.nih.gov/5433709")]
    [InlineData("https://www.nature.com/articles/s41586-021-03819-2")]
    [InlineData("https://example.org/research/searching-for-meaning")]
    public void WorksAreNotLookups(string url) => Assert.False(LookupPages.IsLookup(url), url);

    [Fact]
    public void ALookupCarriesTheIdentifierItAsksFor()
    {
        Assert.Equal("9780521839402", LookupPages.Classify("https://en.wikipedia.org/wiki/Special:BookSources/9780521839402").Isbn);
        Assert.Equal("10.1093/nar/25.17.3389", LookupPages.Classify("https://scholar.google.com/scholar_lookup?title=x&doi=10.1093%2Fnar%2F25.17.3389").Doi);
        Assert.Null(LookupPages.Classify("http://scholar.google.com/scholar?q=Effect+of+preoptic+lesions").Doi);
    }

    [Theory]
    [InlineData("https://doi.org/10.1126%2Fscience.181.4096.223", "10.1126/science.181.4096.223")]
    [InlineData("http://dx.doi.org/10.1103/PhysRevLett.77.2694", "10.1103/physrevlett.77.2694")]
    [InlineData("https://hdl.handle.net/10.1000/182", "10.1000/182")]
    [InlineData("http://doi.acm.org/10.1145/1791212.1791238", "10.1145/1791212.1791238")]
    [InlineData("https://doi.wiley.com/10.1002/prot.26171", "10.1002/prot.26171")]
    [InlineData("https://doi-org.ezproxy.example.edu/10.1038/nature16961", "10.1038/nature16961")]
    public void EveryDoiLinkFormIsOneDoiStoredDecoded(string url, string doi)
    {
        Assert.True(Doi.IsResolverUrl(url));
        Assert.Equal(doi, Doi.FromUrl(url));
        Assert.DoesNotContain("%2F", Doi.ResolverUrl(Doi.FromUrl(url)!));
    }
}
