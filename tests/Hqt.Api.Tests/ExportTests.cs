using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hqt.Api.Exports;
using Hqt.Tests;

namespace Hqt.Api.Tests;

/// <summary>The exports on a library captured from the contract fixtures (tests/contract/fixtures): every name style,
/// identifier and TeX special character the formats must carry. Real consumers parse the same files in tests/contract.</summary>
public class ExportTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    static readonly string Fixtures = Path.Combine(SharedData.RepoRoot, "tests", "contract", "fixtures");

    async Task<HttpClient> LibraryAsync()
    {
        var token = "exporter-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync("exporter", token, null, default);
        var client = factory.CreateClient(token);
        foreach (var (url, file) in new[] { ("https://review.example.org/upstream", "references.html"), ("https://review.example.org/again", "references-again.html") })
        {
            var capture = await client.PostAsJsonAsync("/api/captures", new { url, html = await File.ReadAllTextAsync(Path.Combine(Fixtures, file)) });
            Assert.True(capture.IsSuccessStatusCode, await capture.Content.ReadAsStringAsync());
        }
        return client;
    }

    static async Task<string> ExportAsync(HttpClient client, string format, int limit = 50) =>
        await client.GetStringAsync($"/api/suggestions/export?format={format}&limit={limit}");

    [Fact]
    public async Task VancouverNamesParticlesAndSuffixesComeOutTheRightWayRound()
    {
        using var client = await LibraryAsync();

        var bib = await ExportAsync(client, "bibtex");
        using var csl = JsonDocument.Parse(await ExportAsync(client, "csljson"));

        Assert.Contains("author = {Monto, A. S. and Davenport, F. M. and Napier, J. A.}", bib);
        Assert.Contains("author = {{Le Guin}, Ursula K.}", bib);
        Assert.Contains("King, Jr., Martin Luther", bib);
        Assert.Contains("P{\\'e}rez-Higueras, J. J. and van der Waals, J. D.", bib);
        // "et al." is never stored as a person (issue 13), so the truncated list exports as the names it has.
        Assert.Contains("Miller, W.", bib);
        Assert.DoesNotContain("et al", bib, StringComparison.OrdinalIgnoreCase);
        var names = csl.RootElement.EnumerateArray().SelectMany(i => i.TryGetProperty("author", out var a) ? a.EnumerateArray() : []).ToList();
        Assert.Contains(names, n => n.GetProperty("family").GetString() == "Waals" && n.GetProperty("non-dropping-particle").GetString() == "van der");
        Assert.Contains(names, n => n.GetProperty("family").GetString() == "Monto" && n.GetProperty("given").GetString() == "A. S.");
        Assert.Contains(names, n => n.GetProperty("family").GetString() == "King" && n.GetProperty("suffix").GetString() == "Jr.");
        // Corporate authors ("World Health Organization") are not people: the graph's name gate keeps them out (issue 13),
        // so they never come out split into a family and a given name either.
        Assert.DoesNotContain(names, n => n.TryGetProperty("family", out var f) && f.GetString() is "Organization" or "Health");
        Assert.DoesNotContain(names, n => n.TryGetProperty("family", out var f) && f.GetString() is [var only] && char.IsAsciiLetter(only));
    }

    [Fact]
    public async Task AChapterAConferencePaperAThesisAndAReportExportAsTheirOwnEntryTypes()
    {
        using var client = await LibraryAsync();

        var bib = await ExportAsync(client, "bibtex");
        using var csl = JsonDocument.Parse(await ExportAsync(client, "csljson"));
        var ris = await ExportAsync(client, "ris");

        var chapter = BibTeXText.Entry(bib, "title = {Tidal forecasting");
        Assert.StartsWith("@inbook{", chapter);
        Assert.Contains("booktitle = {Handbook of {Coastal} {Engineering}}", chapter);
        Assert.Contains("publisher = {Elsevier}", chapter);
        Assert.Contains("pages = {45--67}", chapter);
        // biblatex's @thesis and @report need a type and the institution that issued them; neither has a publisher field.
        var thesis = BibTeXText.Entry(bib, "title = {Nets and tides");
        Assert.StartsWith("@thesis{", thesis);
        Assert.Contains("type = {phdthesis}", thesis);
        Assert.Contains("institution = {University of Bergen}", thesis);
        var report = BibTeXText.Entry(bib, "title = {Load balancing");
        Assert.StartsWith("@report{", report);
        Assert.Contains("type = {techreport}", report);
        Assert.Contains("institution = {Imperial College London}", report);
        Assert.DoesNotContain("publisher", thesis + report);
        JsonElement Item(string title) => csl.RootElement.EnumerateArray().Single(i => i.TryGetProperty("title", out var t) && t.GetString()!.StartsWith(title, StringComparison.Ordinal));
        Assert.Equal(("chapter", "Handbook of Coastal Engineering"), (Item("Tidal forecasting").GetProperty("type").GetString(), Item("Tidal forecasting").GetProperty("container-title").GetString()));
        Assert.Equal(("thesis", "University of Bergen"), (Item("Nets and tides").GetProperty("type").GetString(), Item("Nets and tides").GetProperty("publisher").GetString()));
        Assert.Equal(("report", "Imperial College London"), (Item("Load balancing").GetProperty("type").GetString(), Item("Load balancing").GetProperty("publisher").GetString()));
        var paper = BibTeXText.Entry(bib, "title = {Incremental garbage collection");
        Assert.StartsWith("@inproceedings{", paper);
        Assert.Contains("booktitle = {Proceedings of the {Conference} on {Object-Oriented} {Systems}}", paper);
        Assert.Contains("pages = {120--131}", paper);
        Assert.Equal("paper-conference", Item("Incremental garbage collection").GetProperty("type").GetString());
        Assert.Contains("TY  - CPAPER\r\n", ris);
        Assert.Contains("TY  - CHAP\r\n", ris);
        Assert.Contains("TY  - THES\r\n", ris);
        Assert.Contains("TY  - RPRT\r\n", ris);
        // The reading list says where each appeared in its own words.
        var markdown = await ExportAsync(client, "markdown");
        Assert.Contains("(2008). In *Handbook of Coastal Engineering*, pp. 45-67. Elsevier", markdown);
        Assert.Contains("(1990). Thesis, University of Bergen", markdown);
        Assert.Contains("(1998). Report, Imperial College London", markdown);
    }

    [Fact]
    public async Task DoisAreDecodedAndAResolverLinkBecomesTheDoiField()
    {
        using var client = await LibraryAsync();

        var bib = await ExportAsync(client, "bibtex");
        var csl = await ExportAsync(client, "csljson");

        Assert.Contains("doi = {10.1126/science.181.4096.223}", bib);
        Assert.DoesNotContain("%2F", bib, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("%2F", csl, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("doi = {10.1145/3368089.3409742}", bib);
        Assert.DoesNotContain("dx.doi.org", bib);
        Assert.Contains("eprint = {5433709},\n  eprinttype = {pubmed}", bib);
        Assert.Contains("eprint = {1706.03762},\n  eprinttype = {arxiv}", bib);
        Assert.Contains("\"PMID\": \"5433709\"", csl);
        Assert.Contains("isbn = {9780441478125}", bib);
    }

    [Fact]
    public async Task TitlesAreSafeForPdflatex()
    {
        using var client = await LibraryAsync();

        var bib = await ExportAsync(client, "bibtex");

        Assert.Contains(@"title = {{$\beta$-Lactamase} inhibitors and the $\alpha$-helix: a review of {$\Delta$-values}}", bib);
        Assert.Contains(@"{Tecumseh}, {Michigan}", bib);
        Assert.Contains(@"\& $<$the$>$ 100\% ""pure"" \$cost\# of\_light \{braces\} \textasciitilde{}tilde\textasciicircum{} back\textbackslash{}slash", bib);
        Assert.Contains(@"{\""U}ber", bib);
        // Nothing outside ASCII but the scripts pdflatex cannot write anyway (the CJK names here).
        var nonAscii = bib.Where(c => c > 127 && !(c >= '\u3040' && c <= '\u9FFF' || c >= '\uAC00' && c <= '\uD7AF')).Distinct().ToArray();
        Assert.Empty(nonAscii);
        Assert.Equal(bib.Count(c => c == '{') - Regex.Count(bib, @"\\\{"), bib.Count(c => c == '}') - Regex.Count(bib, @"\\\}"));
    }

    [Fact]
    public async Task KeysAreFoldedUniqueAndStayPutWhenTheRankingChanges()
    {
        using var client = await LibraryAsync();
        var before = Keys(await ExportAsync(client, "csljson"));
        var bibKeys = Regex.Matches(await ExportAsync(client, "bibtex"), @"^@\w+\{(?<key>[^,]+),", RegexOptions.Multiline).Select(m => m.Groups["key"].Value);

        Assert.Contains("wuthrich2001nmr", before.Values);
        Assert.Contains("sali1993comparative", before.Values);
        Assert.Equal(before.Count, before.Values.Distinct().Count());
        Assert.Equal(before.Values.Order(), bibKeys.Order());
        // Three works share smith2001graph: work-id order decides, never rank.
        var smiths = before.Where(k => k.Value.StartsWith("smith2001graph")).OrderBy(k => k.Key).Select(k => k.Value).ToList();
        Assert.Equal(["smith2001graph", "smith2001graphb", "smith2001graphc"], smiths);

        var first = before.Where(k => k.Value == "smith2001graph").Single().Key;
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/suggestions/work-{first}/dismiss", null)).StatusCode);
        var after = Keys(await ExportAsync(client, "csljson"));

        Assert.DoesNotContain(first, after.Keys);
        Assert.All(after, k => Assert.Equal(before[k.Key], k.Value));
    }

    /// <summary>Work id → citation key, from the CSL export (its <c>custom.hqt-id</c>); the BibTeX keys are the same.</summary>
    static Dictionary<long, string> Keys(string csl)
    {
        using var json = JsonDocument.Parse(csl);
        return json.RootElement.EnumerateArray().ToDictionary(
            i => long.Parse(i.GetProperty("custom").GetProperty("hqt-id").GetString()!["work-".Length..]), i => i.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task LimitCountsWorksWhenPeopleAreNotExported()
    {
        using var client = await LibraryAsync();

        var bib = await ExportAsync(client, "bibtex", limit: 5);
        var ris = await ExportAsync(client, "ris", limit: 5);
        using var csl = JsonDocument.Parse(await ExportAsync(client, "csljson", limit: 5));

        Assert.Equal(5, Regex.Count(bib, @"^@\w+\{", RegexOptions.Multiline));
        Assert.Equal(5, Regex.Count(ris, @"^ER  - ", RegexOptions.Multiline));
        Assert.Equal(5, csl.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("application/x-bibtex", "application/x-bibtex", "hqt-suggestions.bib")]
    [InlineData("text/x-bibtex", "application/x-bibtex", "hqt-suggestions.bib")]
    [InlineData("application/vnd.citationstyles.csl+json", "application/vnd.citationstyles.csl+json", "hqt-suggestions.json")]
    [InlineData("application/json", "application/vnd.citationstyles.csl+json", "hqt-suggestions.json")]
    [InlineData("application/x-research-info-systems", "application/x-research-info-systems", "hqt-suggestions.ris")]
    [InlineData("text/markdown", "text/markdown", "hqt-suggestions.md")]
    [InlineData("*/*", "text/markdown", "hqt-suggestions.md")]
    [InlineData("text/markdown;q=0.5, application/x-bibtex;q=0.9", "application/x-bibtex", "hqt-suggestions.bib")]
    public async Task TheAcceptHeaderChoosesTheFormatAndTheFileIsAnAttachment(string accept, string mediaType, string fileName)
    {
        using var client = await LibraryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/suggestions/export");
        request.Headers.Accept.ParseAdd(accept);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task FormatWinsOverAcceptAndAnUnservableAcceptIs406()
    {
        using var client = await LibraryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/suggestions/export?format=ris");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-bibtex"));
        using var unservable = new HttpRequestMessage(HttpMethod.Get, "/api/suggestions/export");
        unservable.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));

        var ris = await client.SendAsync(request);
        var refused = await client.SendAsync(unservable);

        Assert.Equal("application/x-research-info-systems", ris.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("format=", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public void AnOrganisationTheGraphGivesIsOneLiteralNameInEveryFormat()
    {
        // The graph's gate keeps organisations out of reference author lists today; a page's own organisation author
        // (and any source that stores one) reaches the exports, which carry it whole, never split into family and given.
        var work = new ExportedWork(1, "world2020report", "paper", "World Health Report", 2020, ["World Health Organization", "Monto AS"],
            "https://example.org/report", null, null, null, null, "Bulletin", null, null, null, null, null, "cited");
        var content = new ExportContent([work], []);

        Assert.Contains("author = {{World Health Organization} and Monto, A. S.}", BibTeXWriter.Write(content));
        using var csl = JsonDocument.Parse(CslJsonWriter.Write(content));
        var authors = csl.RootElement[0].GetProperty("author");
        Assert.Equal("World Health Organization", authors[0].GetProperty("literal").GetString());
        Assert.False(authors[0].TryGetProperty("family", out _));
        Assert.Equal("Monto", authors[1].GetProperty("family").GetString());
        Assert.Contains("AU  - World Health Organization\r\n", RisWriter.Write(content));
        Assert.Contains("World Health Organization, A. S. Monto", MarkdownWriter.Write(content));
    }

    [Theory]
    [InlineData("Wüthrich", "wuthrich")]
    [InlineData("Šali", "sali")]
    [InlineData("Łukasiewicz", "lukasiewicz")]
    [InlineData("Straße", "strasse")]
    [InlineData("Dvořák", "dvorak")]
    [InlineData("Ørsted", "orsted")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("山田", "")]
    [InlineData("Ǣsir Ǿre", "aesirore")]
    public void FoldingKeepsLettersUnderInvariantGlobalization(string text, string folded) => Assert.Equal(folded, CitationKeys.Fold(text));

    [Theory]
    [InlineData("Erdős", @"Erd{\H{o}}s")]
    [InlineData("Dvořák", @"Dvo{\v{r}}{\'a}k")]
    [InlineData("naïve café", @"na{\""{\i}}ve caf{\'e}")]
    [InlineData("Nguyễn", @"Nguy{\~{\^e}}n")]
    [InlineData("Ørsted–Łódź", @"{\O}rsted--{\L}{\'o}d{\'z}")]
    [InlineData("µ ≤ 5 × 10", @"$\mu$ $\leq$ 5 $\times$ 10")]
    public void LaTeXEscapesWhatPdflatexCannotRead(string text, string latex) => Assert.Equal(latex, LaTeX.Escape(text));

    // What the export writes, the BibTeX import reads back as the same letters: the two share one table of LaTeX's
    // spellings, so a library exported and imported again keeps its names ("Kıvanç", "Đuro", "Þórður", "Ångström").
    [Theory]
    [InlineData("Kıvanç Đuro Þórður ðæ Ångström Straße ẞ Łódź Øre œuvre Ŋ ŋ ȷ")]
    [InlineData("Erdős Dvořák naïve Nguyễn Ǖ ḍ ḇ ą ů")]
    public void WhatTheExportWritesTheImportReadsBack(string text)
    {
        var entry = Hqt.Extraction.Imports.BibTexImport.Read($"@book{{k, title = {{{LaTeX.Escape(text)}}}}}").Single();
        Assert.Equal(text, entry.Title);
    }
}
