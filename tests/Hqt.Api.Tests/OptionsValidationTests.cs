using Microsoft.Extensions.Options;

namespace Hqt.Api.Tests;

/// <summary>Options one way: a bad value in any section stops the server at start, with a message naming the key.</summary>
public class OptionsValidationTests
{
    sealed class MisconfiguredFactory(string key, string value) : HqtApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new(key, value)];
    }

    [Theory]
    [InlineData("Hqt:Lookups:MaxDepth", "-1")]
    [InlineData("Hqt:Lookups:OpenAlexBaseUrl", "not a url")]
    [InlineData("Hqt:Lookups:AllowedNetworks:0", "localhost")]
    [InlineData("Hqt:Graph:MaxStaleSeconds", "-5")]
    [InlineData("Hqt:Imports:BatchSize", "0")]
    [InlineData("Hqt:MaxReferencesPerCapture", "0")]
    [InlineData("Hqt:CpuConcurrencyPerUser", "0")]
    [InlineData("Hqt:PendingReadBudget", "-00:00:01")]
    public void ABadValueStopsTheServerAtStartNamingItsKey(string key, string value)
    {
        using var factory = new MisconfiguredFactory(key, value);

        var failure = Record.Exception(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Innermost(failure));
        Assert.Contains(validation.Failures, f => f.StartsWith(key + ": ", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDefaultsAreValid()
    {
        using var factory = new HqtApiFactory();
        using var client = factory.CreateClient();

        Assert.Equal(1, factory.Services.GetRequiredService<IOptions<Hqt.Api.Lookups.LookupsOptions>>().Value.MaxDepth);
        Assert.Equal(500, factory.Services.GetRequiredService<IOptions<Hqt.Api.Imports.ImportOptions>>().Value.BatchSize);
    }

    static Exception? Innermost(Exception? e)
    {
        while (e is AggregateException { InnerException: { } inner }) e = inner;
        while (e is not null and not OptionsValidationException && e.InnerException is { } inner) e = inner;
        return e;
    }
}
