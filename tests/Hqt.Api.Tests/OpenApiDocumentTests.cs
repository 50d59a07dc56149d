using Hqt.Tests;

namespace Hqt.Api.Tests;

public class OpenApiDocumentTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    /// <summary>openapi.yaml at the root is what the server serves, byte for byte. UPDATE_OPENAPI=1 rewrites it.</summary>
    [Fact]
    public async Task CommittedOpenApiYamlMatchesServedDocument()
    {
        using var client = factory.CreateClient();
        var committedPath = Path.Combine(SharedData.RepoRoot, "openapi.yaml");

        var served = await client.GetStringAsync("/openapi/v1.yaml");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(committedPath, served);
        var committed = File.Exists(committedPath) ? await File.ReadAllTextAsync(committedPath) : "";

        Assert.True(served == committed,
            "openapi.yaml differs from /openapi/v1.yaml. Regenerate: UPDATE_OPENAPI=1 dotnet test tests/Hqt.Api.Tests --filter OpenApiDocumentTests");
    }

    [Fact]
    public async Task EveryOperationHasAnIdAndASummary()
    {
        using var client = factory.CreateClient();

        var yaml = await client.GetStringAsync("/openapi/v1.yaml");
        var operations = yaml.Split('\n').Count(l => l.StartsWith("    get:") || l.StartsWith("    post:") || l.StartsWith("    delete:") || l.StartsWith("    put:"));

        Assert.Equal(operations, yaml.Split('\n').Count(l => l.TrimStart().StartsWith("operationId:")));
        Assert.Equal(operations, yaml.Split('\n').Count(l => l.StartsWith("      summary:")));
    }
}
