using System.Net;
using Hqt.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Home;

public sealed record HealthResponse(string Status, int SchemaVersion, int ExtractorVersion);

public static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Index).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/health", Health).WithName("GetHealth").WithSummary("Is the server up").WithTags("Health").AllowAnonymous();
        return app;
    }

    static Ok<HealthResponse> Health() =>
        TypedResults.Ok(new HealthResponse("ok", Storage.Migrator.LatestVersion, Hqt.Extraction.PageExtractor.Version));

    static ContentHttpResult Index()
    {
        // Anyone can load this page: it names the token file, never where the data directory is on this machine.
        return TypedResults.Content($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>hqt</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem}code{background:#8882;padding:0 .2em}</style>
            </head><body>
            <h1>hqt — read upstream</h1>
            <p>This is an <strong>hqt</strong> server. It keeps the pages you capture, pulls out who wrote them and
            what they cite, and suggests the works and people that inspired the writers you read.</p>
            <h2>Connect</h2>
            <ol>
            <li>Your API token is in the <code>api-token</code> file of the server's data directory (unless the server was
            started with <code>Hqt__ApiToken</code>); <code>hqt tokens issue</code> makes more.</li>
            <li>Load the extension from the repository's <code>extension/</code> folder: in Chromium open
            <code>chrome://extensions</code>, switch on Developer mode, "Load unpacked"; in Firefox open
            <code>about:debugging</code>, "Load Temporary Add-on", and pick <code>manifest.json</code>.</li>
            <li>In the extension's options, paste this server's address and the token, then "Test connection".</li>
            </ol>
            <h2>API</h2>
            <p><a href="/docs">Interactive API docs</a> · <a href="/openapi/v1.yaml">OpenAPI (YAML)</a> ·
            <a href="/openapi/v1.json">OpenAPI (JSON)</a> · <a href="/health">health</a></p>
            </body></html>
            """, "text/html; charset=utf-8");
    }
}
