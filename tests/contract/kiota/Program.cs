// Calls every endpoint the extension uses, and every export format, through the Kiota-generated client.
// Usage: dotnet run -- <base-url> <token> <fixture.html>. Exits 0 and prints "kiota: N calls ok", else 1 and why.
using Hqt.Client;
using Hqt.Client.Api.Suggestions;
using Hqt.Client.Api.Suggestions.Export;
using Hqt.Client.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

var (baseUrl, token, fixture) = (args[0], args[1], args[2]);
var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new StaticToken(token))) { BaseUrl = baseUrl };
var client = new HqtClient(adapter);
var calls = 0;

void Check(bool ok, string what)
{
    if (!ok) { Console.Error.WriteLine("kiota: FAILED " + what); Environment.Exit(1); }
    calls++;
}

var pageUrl = "https://kiota.example.org/" + Guid.NewGuid().ToString("N");
var capture = await client.Api.Captures.PostAsync(new CreateCaptureRequest { Url = pageUrl, Html = await File.ReadAllTextAsync(fixture) });
Check(capture?.Id > 0, "POST /api/captures");
var list = await client.Api.Captures.GetAsync(q => q.QueryParameters.Limit = 10);
Check(list?.Items?.Any(c => c.Id == capture!.Id) == true, "GET /api/captures");
var works = await client.Api.Suggestions.GetAsync(q => { q.QueryParameters.Kind = GetKindQueryParameterType.Work; q.QueryParameters.Limit = 20; });
Check(works?.Items?.Count > 0 && works.Items.All(i => i.Kind == Suggestion_kind.Work), "GET /api/suggestions?kind=work");
var all = await client.Api.Suggestions.GetAsync();
Check(all?.Items is not null, "GET /api/suggestions");
var page = await client.Api.Pages.Upstream.GetAsync(q => q.QueryParameters.Url = pageUrl);
Check(page?.References?.Count > 0, "GET /api/pages/upstream");
var ranked = await client.Api.Pages.Upstream.PostAsync(new PageUpstreamRequest { Url = pageUrl + "/unsaved", Html = await File.ReadAllTextAsync(fixture) });
Check(ranked?.References?.Count > 0, "POST /api/pages/upstream");
var last = works!.Items![^1].Id!;
await client.Api.Suggestions[last].Dismiss.PostAsync();
await client.Api.Suggestions[last].Dismiss.DeleteAsync();
await client.Api.Suggestions[last].Read.PostAsync();
await client.Api.Suggestions[last].Read.DeleteAsync();
await client.Api.Suggestions[last].Snooze.PostAsync(new SnoozeRequest { Until = DateTimeOffset.UtcNow.AddDays(1) });
await client.Api.Suggestions[last].Snooze.DeleteAsync();
Check(true, "dismiss, read and snooze, and their undo");
try
{
    await client.Api.Works["work-987654321"].GetAsync();
    Check(false, "GET an unknown work answers 404");
}
catch (ProblemDetails problem)
{
    Check(problem.ResponseStatusCode == 404 && problem.Status == 404, "GET an unknown work is a 404 problem the client reads");
}

foreach (var format in Enum.GetValues<GetFormatQueryParameterType>())
{
    await using var stream = await client.Api.Suggestions.Export.GetAsync(q => { q.QueryParameters.Format = format; q.QueryParameters.Limit = 30; });
    var text = stream is null ? "" : await new StreamReader(stream).ReadToEndAsync();
    var expected = format switch
    {
        GetFormatQueryParameterType.Bibtex => "@",
        GetFormatQueryParameterType.Csljson => "[",
        GetFormatQueryParameterType.Markdown => "# Upstream reading list",
        _ => "TY  - ",
    };
    Check(text.Contains(expected) && text.Length > 100, $"GET /api/suggestions/export?format={format}");
}
Console.WriteLine($"kiota: {calls} calls ok");

sealed class StaticToken(string token) : IAccessTokenProvider
{
    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? context = null, CancellationToken ct = default) => Task.FromResult(token);
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();
}
