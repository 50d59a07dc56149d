using Hqt.Api.Auth;

namespace Hqt.Api.Tests;

public sealed class NoConfiguredTokenFactory : HqtApiFactory
{
    protected override string? ConfiguredToken => null;
}

public class TokenFileTests(NoConfiguredTokenFactory factory) : IClassFixture<NoConfiguredTokenFactory>
{
    [Fact]
    public async Task FirstStartWritesAnOwnerOnlyTokenFileThatSignsIn()
    {
        using var anonymous = factory.CreateClient();
        var path = Path.Combine(factory.DataDirectory, "api-token");

        var token = (await File.ReadAllTextAsync(path)).Trim();
        using var client = factory.CreateClient(token);
        var response = await client.GetAsync("/api/captures");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("hqt_", token);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task TheTokenFilesPathIsLoggedButNeverTheToken()
    {
        using var anonymous = factory.CreateClient();
        var token = (await File.ReadAllTextAsync(Path.Combine(factory.DataDirectory, "api-token"))).Trim();

        var logs = string.Join("\n", factory.Logs);

        Assert.Contains(Path.Combine(factory.DataDirectory, "api-token"), logs);
        Assert.DoesNotContain(token, logs);
    }

    [Fact]
    public async Task OnlyTheTokensHashIsStored()
    {
        using var anonymous = factory.CreateClient();
        var token = (await File.ReadAllTextAsync(Path.Combine(factory.DataDirectory, "api-token"))).Trim();
        var hash = factory.Services.GetRequiredService<TokenStore>().Hash(token);
        if (factory.Postgres is not null)
        {
            // No file to read: every token row, all its columns as text, holds the hash and never the token.
            await using var connection = await factory.Services.GetRequiredService<Hqt.Api.Storage.Db>().OpenAsync();
            Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
                "SELECT COUNT(*) FROM api_tokens t WHERE strpos(t::text, @token) > 0", new { token }));
            Assert.Equal(1L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
                "SELECT COUNT(*) FROM api_tokens WHERE token_hash = @hash", new { hash }));
            return;
        }

        // The log first, then the database: a checkpoint may fold the log into the database and delete it at any moment
        // (it did, between File.Exists and the open, in one CI run); whatever the log held is then in the database read after.
        var walBytes = await ReadSharedIfThereAsync(Path.Combine(factory.DataDirectory, "hqt.db-wal"));
        var database = await File.ReadAllBytesAsync(Path.Combine(factory.DataDirectory, "hqt.db"));

        Assert.False(Contains(database, token) || Contains(walBytes, token), "the raw token is in the database");
        Assert.True(Contains(database, hash) || Contains(walBytes, hash));
    }

    static async Task<byte[]> ReadSharedIfThereAsync(string path)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return buffer.ToArray();
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }

    static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(needle)) >= 0;
}
