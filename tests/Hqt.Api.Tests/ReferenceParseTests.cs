using System.Text.Json;

namespace Hqt.Api.Tests;

public sealed record ReferencePersonDto(string? Given, string Family);
public sealed record ParsedReferenceDto(string? Title, List<ReferencePersonDto> Authors, bool EtAl, List<ReferencePersonDto> Editors, string? Container,
    string? Volume, string? Issue, string? Pages, int? Year, string? Publisher, string? Place, string? Doi, string? ArxivId, string? Isbn, string? Pmid,
    string? Url, string Type, double Confidence);
public sealed record ParseReferencesDto(List<ParsedReferenceDto> References);

/// <summary>POST /api/references/parse through the real host: fields in order, and every bad request a problem+json.</summary>
public class ReferenceParseTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    [Fact]
    public async Task ParsesEachReferenceInOrder()
    {
        using var client = factory.CreateAuthorizedClient();
        string[] references =
        [
            "Okafor, N. C., & Lindqvist, B. (2014). Seasonal drift of soil microbes in alpine meadows. Journal of Mountain Ecology, 31(4), 212–229. https://doi.org/10.1234/jme.2014.0042",
            "Summerfield, William. The Quiet Harbour: Fishing Towns of the North Atlantic. Boston: Harbor House Press, 1987.",
            "12. Haverkamp JD, de la Fuente MR, Ostrowski P. Renal outcomes after early statin therapy in older adults. Kidney Int. 2013;84(2):317-25.",
        ];

        var response = await client.PostAsJsonAsync("/api/references/parse", new { references });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ParseReferencesDto>();
        Assert.Equal(3, body!.References.Count);
        var apa = body.References[0];
        Assert.Equal("Seasonal drift of soil microbes in alpine meadows", apa.Title);
        Assert.Equal([new ReferencePersonDto("N. C.", "Okafor"), new ReferencePersonDto("B.", "Lindqvist")], apa.Authors);
        Assert.Equal(("Journal of Mountain Ecology", "31", "4", "212-229", 2014), (apa.Container, apa.Volume, apa.Issue, apa.Pages, apa.Year));
        Assert.Equal("10.1234/jme.2014.0042", apa.Doi);
        Assert.Equal("article", apa.Type);
        Assert.InRange(apa.Confidence, 0.2, 1);
        var book = body.References[1];
        Assert.Equal([new ReferencePersonDto("William", "Summerfield")], book.Authors);
        Assert.Equal(("Harbor House Press", "Boston", "book"), (book.Publisher, book.Place, book.Type));
        Assert.Equal(["Haverkamp", "de la Fuente", "Ostrowski"], body.References[2].Authors.Select(a => a.Family));
    }

    [Fact]
    public async Task AThousandReferencesAreOneCall()
    {
        using var client = factory.CreateAuthorizedClient();
        var references = Enumerable.Range(0, 1000).Select(i => $"Author{i % 7}, A. ({1950 + i % 70}). Study number {i} of things. Journal of Tests, {i % 90 + 1}, {i}-{i + 9}.").ToArray();

        var response = await client.PostAsJsonAsync("/api/references/parse", new { references });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ParseReferencesDto>();
        Assert.Equal(1000, body!.References.Count);
        Assert.Equal(1950 + 999 % 70, body.References[999].Year);
    }

    public static TheoryData<string, HttpStatusCode, string> BadRequests => new()
    {
        { """{"references": []}""", HttpStatusCode.BadRequest, "references" },
        { """{"references": ["ok reference", "  "]}""", HttpStatusCode.BadRequest, "references[1]" },
        { "{\"references\": [\"" + new string('x', 4001) + "\"]}", HttpStatusCode.BadRequest, "references[0]" },
        { "{\"references\": [" + string.Join(",", Enumerable.Repeat("\"Smith, J. (2001). A title.\"", 1001)) + "]}", HttpStatusCode.RequestEntityTooLarge, "" },
        { """{"refs": ["x"]}""", HttpStatusCode.BadRequest, "" },
        { """{"references": "one string"}""", HttpStatusCode.BadRequest, "" },
        { """not json""", HttpStatusCode.BadRequest, "" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequestsAreProblems(string json, HttpStatusCode status, string field)
    {
        using var client = factory.CreateAuthorizedClient();

        var response = await client.PostAsync("/api/references/parse", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field.Length > 0)
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemDto>();
            Assert.True(problem!.Errors?.ContainsKey(field), $"no error for {field}: {JsonSerializer.Serialize(problem)}");
        }
    }

    [Fact]
    public async Task NeedsAToken()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/references/parse", new { references = new[] { "Smith, J. (2001). A title." } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
