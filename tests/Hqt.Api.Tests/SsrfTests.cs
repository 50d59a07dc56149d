using Microsoft.AspNetCore.Builder;
using System.Net;
using Hqt.Api.Hosting;
using Hqt.Api.Lookups;
using Hqt.Api.Tests.Lookups;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Tests;

public class SsrfTests : IAsyncLifetime
{
    FakeServer _web = null!, _trap = null!, _trap6 = null!;
    LookupsApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        // The site under test is on 127.0.0.2, the only allow-listed address; the traps on 127.0.0.1 and [::1]
        // stand for what must never be reached and count every request they get.
        _trap = await FakeServer.StartAsync("127.0.0.1", app => app.MapGet("/{**any}", () => Results.Text("secret")));
        _trap6 = await FakeServer.StartAsync("[::1]", app => app.MapGet("/{**any}", () => Results.Text("secret")));
        _web = await FakeServer.StartAsync("127.0.0.2", app =>
        {
            app.MapGet("/robots.txt", () => Results.NotFound());
            app.MapGet("/to", (string target) => Results.Redirect(target));
            app.MapGet("/cookie", (HttpContext context) =>
            {
                context.Response.Headers.SetCookie = "session=abc; Path=/";
                return Results.Redirect("/page");
            });
            app.MapGet("/page", () => Fixtures.Html(Fixtures.Page("A public page", "Someone", 2020)));
        });
        // The scholarly APIs "live" on the trap too: a base URL is no way around the guard.
        _factory = new LookupsApiFactory(LookupsApiFactory.Defaults(_trap.BaseUrl, _trap.BaseUrl, "127.0.0.2"));
        _factory.Resolver.Names["intranet.test"] = [IPAddress.Parse("10.0.0.7")];
        _factory.Resolver.Names["sneaky.test"] = [IPAddress.Parse("127.0.0.1")];
        _factory.Resolver.Names["mixed.test"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("127.0.0.1")];
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _web.DisposeAsync();
        await _trap.DisposeAsync();
        await _trap6.DisposeAsync();
    }

    public static TheoryData<string> RefusedTargets => new()
    {
        "http://127.0.0.1:{trap}/secret",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://[::1]:{trap6}/secret",
        "http://[::ffff:127.0.0.1]:{trap}/secret",
        "http://localhost:{trap}/secret",
        "http://intranet.test:{trap}/secret",
        "http://sneaky.test:{trap}/secret",
        "http://mixed.test:{trap}/secret",
        "http://0.0.0.0:{trap}/secret",
        // IPv6 forms that carry 127.0.0.1 (issue 16): IPv4-compatible, IPv4-translated, NAT64, local-use NAT64, 6to4, Teredo.
        "http://[::127.0.0.1]:{trap}/secret",
        "http://[::ffff:0:127.0.0.1]:{trap}/secret",
        "http://[64:ff9b::127.0.0.1]:{trap}/secret",
        "http://[64:ff9b:1::7f00:1]:{trap}/secret",
        "http://[2002:7f00:1::1]:{trap}/secret",
        "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:{trap}/secret",
        "file:///etc/passwd",
        "ftp://127.0.0.2/file",
    };

    [Theory]
    [MemberData(nameof(RefusedTargets))]
    public async Task RedirectsToNonPublicAddressesAreRefusedAndNothingIsFetched(string target)
    {
        var fetcher = _factory.Services.GetRequiredService<WebFetcher>();
        var url = target.Replace("{trap}", Port(_trap)).Replace("{trap6}", Port(_trap6));

        var viaRedirect = await Assert.ThrowsAsync<LookupMiss>(() => fetcher.FetchAsync($"{_web.BaseUrl}/to?target={Uri.EscapeDataString(url)}", "webpage", default));
        var direct = await Assert.ThrowsAsync<LookupMiss>(() => fetcher.FetchAsync(url, "webpage", default));

        Assert.Equal("blocked", viaRedirect.Outcome);
        Assert.Equal("blocked", direct.Outcome);
        Assert.Empty(_trap.Requests);
        Assert.Empty(_trap6.Requests);
    }

    [Fact]
    public async Task TheScholarlyClientsMeetTheSameGuard()
    {
        var openAlex = _factory.Services.GetRequiredService<OpenAlexClient>();
        var crossref = _factory.Services.GetRequiredService<CrossrefClient>();

        Assert.Equal("blocked", (await Assert.ThrowsAsync<LookupMiss>(() => openAlex.LookUpAsync("10.1000/guarded", default))).Outcome);
        Assert.Equal("blocked", (await Assert.ThrowsAsync<LookupMiss>(() => crossref.LookUpAsync("10.1000/guarded", default))).Outcome);
        Assert.Empty(_trap.Requests);
    }

    [Fact]
    public async Task NoCookieIsSentBackAndTheUserAgentSaysWhoIsAsking()
    {
        var fetcher = _factory.Services.GetRequiredService<WebFetcher>();

        var page = await fetcher.FetchAsync($"{_web.BaseUrl}/cookie", "webpage", default);

        Assert.Equal("A public page", page.Work.Title);
        var followed = _web.Requests.Single(r => r.Target == "/page");
        Assert.False(followed.Headers.ContainsKey("Cookie"));
        Assert.False(followed.Headers.ContainsKey("Authorization"));
        Assert.StartsWith("hqt/", followed.Headers.UserAgent.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.9.10", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.5.4", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("224.0.0.251", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("fc00::5", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:192.168.0.1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2002:a00:1::", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("::10.0.0.1", false)]
    [InlineData("::8.8.8.8", true)]
    [InlineData("::ffff:0:127.0.0.1", false)]
    [InlineData("::ffff:0:169.254.169.254", false)]
    [InlineData("::ffff:0:8.8.8.8", true)]
    [InlineData("64:ff9b::127.0.0.1", false)]
    [InlineData("64:ff9b::8.8.8.8", true)]
    [InlineData("64:ff9b:1::808:808", false)]
    [InlineData("64:ff9b:1:7f00:0:100::", false)]
    [InlineData("2002:808:808::1", true)]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", false)]
    [InlineData("2001:0:7f00:1:8000:63bf:f7f7:f7f7", false)]
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7", true)]
    [InlineData("93.184.215.14", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    public void OnlyPublicAddressesArePublic(string address, bool expected) =>
        Assert.Equal(expected, AddressRanges.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void TheAllowListOpensExactlyWhatItNames()
    {
        var options = new LookupsOptions();
        options.AllowedNetworks.AddRange(["127.0.0.2", "10.1.0.0/16", "::1", "127.0.0.3:8080", "[::2]:9000", "10.2.0.0/16:443"]);
        var guard = new SsrfGuard(Options.Create(options), new DnsHostResolver());

        // Bare entries: every port.
        Assert.True(guard.IsAllowed(IPAddress.Parse("127.0.0.2"), 80));
        Assert.True(guard.IsAllowed(IPAddress.Parse("127.0.0.2"), 5180));
        Assert.True(guard.IsAllowed(IPAddress.Parse("10.1.200.3"), 22));
        Assert.True(guard.IsAllowed(IPAddress.Parse("::1"), 8080));
        Assert.True(guard.IsAllowed(IPAddress.Parse("::ffff:127.0.0.2"), 80));
        // Entries with a port: that port only.
        Assert.True(guard.IsAllowed(IPAddress.Parse("127.0.0.3"), 8080));
        Assert.False(guard.IsAllowed(IPAddress.Parse("127.0.0.3"), 5180));
        Assert.True(guard.IsAllowed(IPAddress.Parse("::2"), 9000));
        Assert.False(guard.IsAllowed(IPAddress.Parse("::2"), 9001));
        Assert.True(guard.IsAllowed(IPAddress.Parse("10.2.3.4"), 443));
        Assert.False(guard.IsAllowed(IPAddress.Parse("10.2.3.4"), 80));
        // Not named at all.
        Assert.False(guard.IsAllowed(IPAddress.Parse("127.0.0.1"), 80));
        Assert.False(guard.IsAllowed(IPAddress.Parse("10.3.0.1"), 443));
        Assert.False(guard.IsAllowed(IPAddress.Parse("169.254.169.254"), 80));
    }

    [Theory]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("[::1]8080")]
    [InlineData("localhost")]
    public void AMalformedAllowListEntryIsAStartUpError(string entry)
    {
        var options = new LookupsOptions();
        options.AllowedNetworks.Add(entry);

        Assert.Throws<OptionsValidationException>(() => new SsrfGuard(Options.Create(options), new DnsHostResolver()));
    }

    [Fact]
    public async Task AnAllowedAddressWithAPortOpensOnlyThatPort()
    {
        // The mirror on 127.0.0.2 is allowed on its own port; another service on 127.0.0.2 (hqt's API, say) is not.
        await using var other = await FakeServer.StartAsync("127.0.0.2", app => app.MapGet("/{**any}", () => Results.Text("secret")));
        var mirrorPort = Port(_web);
        await using var factory = new LookupsApiFactory(LookupsApiFactory.Defaults(_trap.BaseUrl, _trap.BaseUrl, $"127.0.0.2:{mirrorPort}"));
        var fetcher = factory.Services.GetRequiredService<WebFetcher>();

        var page = await fetcher.FetchAsync($"{_web.BaseUrl}/page", "webpage", default);
        var refused = await Assert.ThrowsAsync<LookupMiss>(() => fetcher.FetchAsync($"{other.BaseUrl}/secret", "webpage", default));

        Assert.Equal("A public page", page.Work.Title);
        Assert.Equal("blocked", refused.Outcome);
        Assert.Empty(other.Requests);
    }

    static string Port(FakeServer server) => new Uri(server.BaseUrl).Port.ToString();
}
