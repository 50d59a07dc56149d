using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Auth;

/// <summary>
/// Makes sure someone can sign in: the configured <c>Hqt:ApiToken</c> (bootstrap only: a changed value replaces the
/// previous one on the same user), or on a first start a generated token written to an owner-only file whose path
/// (never the token) is logged. Further users and tokens come from the command line (<c>users</c>, <c>tokens</c>).
/// </summary>
public sealed class TokenBootstrap(TokenStore tokens, IOptions<HqtOptions> options, ILogger<TokenBootstrap> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.ApiToken))
        {
            await tokens.EnsureBootstrapTokenAsync(settings.ApiToken.Trim(), ct);
            return;
        }
        if (await tokens.AnyAsync(ct))
        {
            if (File.Exists(settings.TokenFilePath)) logger.LogInformation("API token file: {TokenFile}", settings.TokenFilePath);
            return;
        }

        var token = TokenStore.NewToken();
        DataFiles.WriteOwnerOnly(settings.TokenFilePath, token + "\n");
        await tokens.EnsureUserWithTokenAsync("default", token, null, ct);
        logger.LogWarning("Created the first API token; read it from {TokenFile}", settings.TokenFilePath);
    }
}
