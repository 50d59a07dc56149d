using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Auth;

/// <summary>
/// Makes sure someone can sign in: the configured <c>Hqt:ApiToken</c>, or on a first start a generated
/// token written to an owner-only file whose path (never the token) is logged.
/// </summary>
public sealed class TokenBootstrap(TokenStore tokens, IOptions<HqtOptions> options, ILogger<TokenBootstrap> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.ApiToken))
        {
            await tokens.EnsureUserWithTokenAsync("default", settings.ApiToken.Trim(), null, ct);
            return;
        }
        if (await tokens.AnyAsync(ct))
        {
            if (File.Exists(settings.TokenFilePath)) logger.LogInformation("API token file: {TokenFile}", settings.TokenFilePath);
            return;
        }

        var token = TokenStore.NewToken();
        await WriteOwnerOnlyAsync(settings.TokenFilePath, token + "\n", ct);
        await tokens.EnsureUserWithTokenAsync("default", token, null, ct);
        logger.LogWarning("Created the first API token; read it from {TokenFile}", settings.TokenFilePath);
    }

    static async Task WriteOwnerOnlyAsync(string path, string content, CancellationToken ct)
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, fileOptions);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content.AsMemory(), ct);
    }
}
