using Hqt.Extraction.Imports;

namespace Hqt.Extraction.Tests.Imports;

public class ImportParserTests
{
    const string Bib = """
        % exported by Zotero
        @article{vaswani2017,
          title = {Attention Is All You Need},
          author = {Vaswani, Ashish and Shazeer, Noam and {Google Brain} and others},
          year = {2017},
          eprint = {1706.03762},
          archivePrefix = {arXiv},
        }
        @book{knuth, title="The Art of Computer Programming", author="Donald E. Knuth", isbn={0-201-03801-3}, year=1968}
        @inproceedings{nodoi, title = {Sch{\"o}n -- a study}, author = {M{\"u}ller, J{\"o}rg}, date = {2020-05-01},
          doi = {https://doi.org/10.1145/3290605.3300233}}
        @misc{empty, note = {nothing here}}
        @online{blog, title = {A post}, url = {https://blog.example.com/post?utm_source=x}, year = 2021}
        """;

    [Fact]
    public void BibTexEntriesKeepTheirIdentitiesAuthorsAndPositions()
    {
        var file = ImportFormats.Read(Bib, null);

        Assert.Equal(ImportFormats.BibTex, file.Format);
        Assert.Equal(5, file.Entries.Count);
        var attention = file.Entries[0];
        Assert.Equal("1706.03762", attention.ArxivId);
        Assert.Equal(["Ashish Vaswani", "Noam Shazeer", "Google Brain"], attention.Authors);
        Assert.Equal(2017, attention.Year);
        Assert.Equal("paper", attention.Kind);
        Assert.Equal("vaswani2017", attention.Label);
        Assert.Equal("book", file.Entries[1].Kind);
        Assert.Equal("9780201038019", file.Entries[1].Isbn);
        Assert.Equal("10.1145/3290605.3300233", file.Entries[2].Doi);
        Assert.Equal(2020, file.Entries[2].Year);
        Assert.Equal(["Jörg Müller"], file.Entries[2].Authors);
        Assert.NotNull(file.Entries[3].Skip);
        Assert.Equal(3, file.Entries[3].Position);
        Assert.Equal("https://blog.example.com/post", file.Entries[4].Url);
        Assert.Equal("webpage", file.Entries[4].Kind);
    }

    [Fact]
    public void ChaptersThesesAndReportsKeepTheirKindInEveryFormat()
    {
        const string bib = """
            @incollection{c, title = {Tidal forecasting}, author = {Nakamura, Kenji}, booktitle = {Handbook}, year = 2008}
            @phdthesis{t, title = {Nets and tides}, author = {Holm, Kari}, school = {University of Bergen}, year = 1990}
            @techreport{r, title = {Load balancing}, author = {Brandt, Erik}, institution = {Imperial College}, year = 1998}
            """;
        const string csl = """
            [{"id":"c","type":"chapter","title":"Tidal forecasting"},{"id":"t","type":"thesis","title":"Nets and tides"},{"id":"r","type":"report","title":"Load balancing"}]
            """;
        const string ris = "TY  - CHAP\r\nTI  - Tidal forecasting\r\nER  - \r\nTY  - THES\r\nTI  - Nets and tides\r\nER  - \r\nTY  - RPRT\r\nTI  - Load balancing\r\nER  - \r\n";

        foreach (var text in new[] { bib, csl, ris })
            Assert.Equal(["chapter", "thesis", "report"], ImportFormats.Read(text, null).Entries.Select(e => e.Kind));
    }

    [Fact]
    public void CslJsonReadsNamesDatesAndIdentifiers()
    {
        const string json = """
            [{"id":"a","type":"article-journal","title":"Deep learning","author":[{"family":"LeCun","given":"Yann"},{"literal":"Nature Editors"}],
              "issued":{"date-parts":[[2015,5,28]]},"DOI":"10.1038/nature14539"},
             {"id":"b","type":"webpage","title":"Home","URL":"https://example.org/"},
             42]
            """;
        var file = ImportFormats.Read(json, null);

        Assert.Equal(ImportFormats.CslJson, file.Format);
        Assert.Equal(["Yann LeCun", "Nature Editors"], file.Entries[0].Authors);
        Assert.Equal(2015, file.Entries[0].Year);
        Assert.Equal("10.1038/nature14539", file.Entries[0].Doi);
        Assert.Equal("webpage", file.Entries[1].Kind);
        Assert.NotNull(file.Entries[2].Skip);
    }

    [Fact]
    public void RisRecordsEndAtErAndReadRepeatedAuthors()
    {
        const string ris = "TY  - JOUR\r\nTI  - On computable numbers\r\nAU  - Turing, Alan\r\nPY  - 1936\r\nDO  - 10.1112/plms/s2-42.1.230\r\nER  - \r\n"
            + "TY  - BOOK\nT1  - Gödel, Escher, Bach\nA1  - Hofstadter, Douglas\nA1  - Someone Else\nSN  - 978-0-465-02656-2\nY1  - 1979///\nER  -\n";
        var file = ImportFormats.Read(ris, null);

        Assert.Equal(ImportFormats.Ris, file.Format);
        Assert.Equal(2, file.Entries.Count);
        Assert.Equal("10.1112/plms/s2-42.1.230", file.Entries[0].Doi);
        Assert.Equal(["Alan Turing"], file.Entries[0].Authors);
        Assert.Equal(["Douglas Hofstadter", "Someone Else"], file.Entries[1].Authors);
        Assert.Equal("book", file.Entries[1].Kind);
        Assert.Equal(1979, file.Entries[1].Year);
    }

    [Fact]
    public void BookmarksAreWebPagesAndOtherSchemesAreSkippedWithAReason()
    {
        const string html = """
            <!DOCTYPE NETSCAPE-Bookmark-file-1>
            <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
            <TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>
            <DL><p>
                <DT><H3 ADD_DATE="1600000000">Reading</H3>
                <DL><p>
                    <DT><A HREF="https://example.com/essay?utm_campaign=x" ADD_DATE="1600000000" ICON="data:image/png;base64,AAA">An essay &amp; notes</A>
                    <DT><A HREF="javascript:alert(1)">Bookmarklet</A>
                    <DT><A HREF="https://doi.org/10.1000/xyz123">A paper</A>
                </DL><p>
            </DL><p>
            """;
        var file = ImportFormats.Read(html, null);

        Assert.Equal(ImportFormats.Bookmarks, file.Format);
        Assert.Equal(3, file.Entries.Count);
        Assert.True(file.Entries[0].IsBookmark);
        Assert.Equal("https://example.com/essay", file.Entries[0].Url);
        Assert.Equal("An essay & notes", file.Entries[0].Title);
        Assert.Equal(2020, file.Entries[0].Year);
        Assert.Contains("javascript:", file.Entries[1].Skip);
        Assert.Null(file.Entries[2].Skip);
        Assert.Equal("10.1000/xyz123", file.Entries[2].Doi);
    }

    [Theory]
    [InlineData("just some words")]
    [InlineData("")]
    public void AFileOfNoKnownFormatIsRefusedWithAReason(string text)
    {
        var e = Assert.Throws<ImportFormatException>(() => ImportFormats.Read(text, null));
        Assert.Contains("BibTeX", e.Message);
    }

    [Fact]
    public void ANamedFormatWithNoEntriesOrBrokenJsonSaysSo()
    {
        Assert.Contains("No RIS entries", Assert.Throws<ImportFormatException>(() => ImportFormats.Read("hello", "ris")).Message);
        Assert.Contains("not valid JSON", Assert.Throws<ImportFormatException>(() => ImportFormats.Read("[{\"title\":", "csljson")).Message);
        Assert.Contains("Unknown format", Assert.Throws<ImportFormatException>(() => ImportFormats.Read("@a{b,}", "docx")).Message);
    }
}
