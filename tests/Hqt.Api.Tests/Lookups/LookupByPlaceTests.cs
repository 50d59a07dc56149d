using Microsoft.AspNetCore.Builder;

namespace Hqt.Api.Tests.Lookups;

/// <summary>
/// A work cited without a title is looked up by Crossref's bibliographic search (who, journal, volume, first page, year)
/// and takes the title and DOI found only when the match is sure; a near miss leaves it as it was.
/// </summary>
public class LookupByPlaceTests : IAsyncLifetime
{
    FakeServer _openAlex = null!, _crossref = null!;

    static object Item(string doi, string title, string family, string container, string volume, string page, int year) => new Dictionary<string, object>
    {
        ["DOI"] = doi,
        ["type"] = "journal-article",
        ["title"] = new[] { title },
        ["author"] = new[] { new { given = "J.", family, sequence = "first" } },
        ["container-title"] = new[] { container },
        ["volume"] = volume,
        ["page"] = page,
        ["issued"] = new Dictionary<string, object> { ["date-parts"] = new[] { new[] { year } } },
        ["score"] = 80.5,
    };

    public async Task InitializeAsync()
    {
        _openAlex = await FakeServer.StartAsync("127.0.0.1", app =>
            app.MapGet("/{**rest}", () => Fixtures.Json(new { error = "Not found" }, 404)));
        _crossref = await FakeServer.StartAsync("127.0.0.1", app =>
        {
            // Crossref's search: best first, near misses among the candidates, as the real one answers.
            app.MapGet("/works", (string? query_bibliographic, HttpContext context) =>
            {
                var query = context.Request.Query["query.bibliographic"].ToString();
                object[] items = query.StartsWith("Polchinski", StringComparison.Ordinal)
                    ?
                    [
                        Item("10.1000/ijmpa.16.707", "Quantum strings between the landscape and the swamp", "Polchinski", "International Journal of Modern Physics A", "16", "707-718", 2001),
                        Item("10.1000/ijmpa.16.4001", "Another paper by the same author in the same volume", "Polchinski", "International Journal of Modern Physics A", "16", "4001-4010", 2001),
                    ]
                    :
                    [
                        // Same author, journal, volume and year; another first page: another paper, not this one.
                        Item("10.1000/pr.76.749", "The theory of positrons", "Feynman", "Physical Review", "76", "749-759", 1949),
                    ];
                return Fixtures.Json(new { status = "ok", message_type = "work-list", message = new { items } });
            });
            app.MapGet("/works/{**rest}", () => Fixtures.Json(new { status = "error", message = "Resource not found." }, 404));
        });
    }

    public async Task DisposeAsync()
    {
        await _openAlex.DisposeAsync();
        await _crossref.DisposeAsync();
    }

    [Fact]
    public async Task ASureMatchGivesTheTitleLessWorkItsTitleAndDoiAndANearMissGivesNothing()
    {
        using var factory = new LookupsApiFactory(LookupsApiFactory.Defaults(_openAlex.BaseUrl, _crossref.BaseUrl, "127.0.0.1"));
        using var client = factory.CreateAuthorizedClient();
        const string page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strings and decays</title>
            <meta name="citation_author" content="Ana Lindqvist"></head>
            <body><article><h1>Strings and decays</h1><p>On strings.</p><h2>References</h2><ol>
            <li>[1] J. Polchinski, Int. J. Mod. Phys. A16, 707-718 (2001).</li>
            <li>[2] R. P. Feynman, Phys. Rev. 76, 769 (1949).</li>
            </ol></article></body></html>
            """;

        var created = await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://hep.example.org/strings", page));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        await LookupWait.UntilIdleAsync(client, atLeastDone: 2);
        var polchinski = (await client.GetFromJsonAsync<WorkDto>($"/api/works/work-{await LookupWait.WorkIdAsync(factory, "locator", "intjmodphysa16|707")}"))!;
        var feynman = (await client.GetFromJsonAsync<WorkDto>($"/api/works/work-{await LookupWait.WorkIdAsync(factory, "locator", "physrev76|769")}"))!;

        Assert.Equal("Quantum strings between the landscape and the swamp", polchinski.Title);
        Assert.Equal(polchinski.Title, polchinski.Label);
        Assert.Equal("10.1000/ijmpa.16.707", polchinski.Doi);
        Assert.Equal("crossref", polchinski.Lookup!.Outcome);
        Assert.Contains(polchinski.Identities, i => i.Scheme == "doi" && i.Value == "10.1000/ijmpa.16.707");
        Assert.Contains(polchinski.CitedBy, c => c.Origin == "capture");
        // Who, where and when, as the parse read them (the series letter with the journal or the volume: "A 16" or "A16").
        Assert.Contains(_crossref.Requests, r => Uri.UnescapeDataString(r.Target) is var target
            && target.Contains("query.bibliographic=Polchinski Int. J. Mod. Phys") && target.Contains("16 707 2001"));
        Assert.Null(feynman.Title);
        Assert.Null(feynman.Doi);
        Assert.Equal("Feynman 1949 · Phys. Rev. 76, 769", feynman.Label);
        Assert.Equal("not-found", feynman.Lookup!.Outcome);
    }
}
