using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace Hqt.Api.Tests.Lookups;

/// <summary>A real Kestrel server on a loopback address in the test process, standing in for OpenAlex, Crossref or a web site.</summary>
public sealed class FakeServer : IAsyncDisposable
{
    readonly WebApplication _app;

    FakeServer(WebApplication app) => _app = app;

    /// <summary>Every request as "PATH?QUERY", in arrival order, with the time it came.</summary>
    public ConcurrentQueue<(string Target, DateTimeOffset At, IHeaderDictionary Headers)> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public int Count(string pathPrefix) => Requests.Count(r => r.Target.StartsWith(pathPrefix, StringComparison.Ordinal));

    /// <summary>Starts on <paramref name="host"/> (127.0.0.1, 127.0.0.2, [::1]) on a free port.</summary>
    public static async Task<FakeServer> StartAsync(string host, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{host}:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeServer(app);
        app.Use(async (context, next) =>
        {
            // A copy: Kestrel reuses the request's header collection once the request is over.
            var headers = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
            server.Requests.Enqueue((context.Request.Path + context.Request.QueryString, DateTimeOffset.UtcNow, headers));
            await next();
        });
        map(app);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
