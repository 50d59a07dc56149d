using Dapper;
using Hqt.Api.Auth;

namespace Hqt.Api.Tests;

/// <summary>
/// Issue 16: users and tokens from the command line of the same binary, against a real server process on the same
/// data directory; revocation at once, rotation that keeps the library, and what a changed Hqt:ApiToken does.
/// </summary>
public class TokenCliTests : IDisposable
{
    readonly ChildServer _server = new();

    public void Dispose() => _server.Dispose();

    async Task<string> IssueAsync(string user, params string[] flags)
    {
        var (exit, output, errors) = await _server.RunCliAsync(["tokens", "issue", user, .. flags]);
        Assert.True(exit == 0, errors);
        var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        Assert.StartsWith("hqt_", token);
        return token;
    }

    async Task<long> TokenIdAsync(string user)
    {
        var (exit, output, errors) = await _server.RunCliAsync("tokens", "list", user);
        Assert.True(exit == 0, errors);
        // The header, then one line a token: "ID USER NAME CREATED LAST-USED EXPIRES".
        return long.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
    }

    [Fact]
    public async Task ARevokedTokenIsRefusedAtOnce()
    {
        await _server.StartAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await _server.RunCliAsync("users", "add", "carol")).ExitCode);
        var token = await IssueAsync("carol", "--name", "laptop", "--expires", "2099-01-01");
        using var carol = _server.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync("/api/captures")).StatusCode);
        var id = await TokenIdAsync("carol");
        var listed = (await _server.RunCliAsync("tokens", "list", "carol")).Output;
        Assert.Contains("laptop", listed);
        Assert.Contains("2099-01-01", listed);
        Assert.DoesNotContain(token, listed);

        var revoke = await _server.RunCliAsync("tokens", "revoke", id.ToString());

        Assert.Equal(0, revoke.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await carol.GetAsync("/api/captures")).StatusCode);
        Assert.NotEqual(0, (await _server.RunCliAsync("tokens", "revoke", id.ToString())).ExitCode);
    }

    [Fact]
    public async Task RotationKeepsTheUsersLibraryAndRetiresTheOldToken()
    {
        await _server.StartAsync(TimeSpan.FromSeconds(60));
        await _server.RunCliAsync("users", "add", "dave");
        var old = await IssueAsync("dave", "--name", "phone");
        using (var before = _server.CreateClient(old))
            (await before.PostAsJsonAsync("/api/captures", TestPages.Capture("https://dave.example/read"))).EnsureSuccessStatusCode();
        var id = await TokenIdAsync("dave");

        var (exit, output, errors) = await _server.RunCliAsync("tokens", "rotate", id.ToString());

        Assert.True(exit == 0, errors);
        var rotated = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        using var oldClient = _server.CreateClient(old);
        using var newClient = _server.CreateClient(rotated);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldClient.GetAsync("/api/captures")).StatusCode);
        Assert.Contains("https://dave.example/read", await newClient.GetStringAsync("/api/captures"));
        Assert.Contains("phone", (await _server.RunCliAsync("tokens", "list", "dave")).Output);
    }

    [Fact]
    public async Task AChangedApiTokenReplacesTheOldOneOnTheSameUser()
    {
        await _server.StartAsync(TimeSpan.FromSeconds(60));
        using (var first = _server.CreateClient())
            (await first.PostAsJsonAsync("/api/captures", TestPages.Capture("https://bootstrap.example/kept"))).EnsureSuccessStatusCode();
        _server.Kill();

        const string changed = "changed-bootstrap-Vq3Xm8Kz5Wr2Lp7Tn4Hc";
        _server.Environment["Hqt__ApiToken"] = changed;
        await _server.StartAsync(TimeSpan.FromSeconds(60));

        using var oldClient = _server.CreateClient();
        using var newClient = _server.CreateClient(changed);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldClient.GetAsync("/api/captures")).StatusCode);
        Assert.Contains("https://bootstrap.example/kept", await newClient.GetStringAsync("/api/captures"));
        Assert.Contains("1 default", (await _server.RunCliAsync("users", "list")).Output.Replace("     ", " ").Replace("  ", " "));
    }

    [Theory]
    [InlineData("short-token")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("password-password-password-12345")]
    public async Task AWeakConfiguredTokenIsRefusedAtStart(string weak)
    {
        _server.Environment["Hqt__ApiToken"] = weak;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => _server.StartAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(2, _server.ExitCode);
        Assert.Contains("Hqt:ApiToken", refused.Message);
        // Refused before it touched anything: no database was made.
        Assert.False(File.Exists(_server.DatabasePath));
    }

    [Fact]
    public async Task UnknownCommandsAndUsersSayHow()
    {
        var usage = await _server.RunCliAsync("tokens", "frobnicate");
        var nobody = await _server.RunCliAsync("tokens", "issue", "nobody");

        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("usage:", usage.Errors);
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("No user 'nobody'", nobody.Errors);
    }
}

/// <summary>Rows written before keyed hashes (plain SHA-256) keep signing in, and are re-hashed on first use.</summary>
public class LegacyTokenTests(HqtApiFactory factory) : IClassFixture<HqtApiFactory>
{
    [Fact]
    public async Task AnUnkeyedTokenRowStillSignsInAndIsRehashed()
    {
        const string token = "legacy-token-from-before-keys";
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
        await using (var connection = await factory.Services.GetRequiredService<Hqt.Api.Storage.Db>().OpenAsync())
        {
            var userId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO users (name, created_at) VALUES ('legacy', '2025-01-01T00:00:00Z') RETURNING id");
            await connection.ExecuteAsync(
                "INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES (@userId, @sha, '2025-01-01T00:00:00Z')", new { userId, sha });
        }
        using var client = factory.CreateClient(token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/captures")).StatusCode);

        await using var db = await factory.Services.GetRequiredService<Hqt.Api.Storage.Db>().OpenAsync();
        var row = await db.QuerySingleAsync<(string Kind, string Hash, string? LastUsed)>(
            "SELECT hash_kind, token_hash, last_used_at FROM api_tokens WHERE token_hash IN (@sha, @keyed)",
            new { sha, keyed = factory.Services.GetRequiredService<TokenStore>().Hash(token) });
        Assert.Equal(TokenStore.KeyedKind, row.Kind);
        Assert.NotEqual(sha, row.Hash);
        Assert.NotNull(row.LastUsed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/captures")).StatusCode);
    }
}
