using System.Security.Cryptography;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Auth;

/// <summary>
/// The server secret tokens are hashed with (HMAC-SHA256): 32 random bytes in the data directory's <c>token-key</c>
/// file (owner-only), made on first use. A copy of the database alone is then no help in checking guessed tokens.
/// </summary>
public sealed class TokenKey(IOptions<HqtOptions> options)
{
    public const string FileName = "token-key";
    readonly Lazy<byte[]> _key = new(() => options.Value.TokenKey is { Length: > 0 } configured
        ? FromSetting(configured)
        : LoadOrCreate(Path.Combine(options.Value.ResolvedDataDirectory, FileName)));

    /// <summary>
    /// <c>Hqt:TokenKey</c> (64 hex digits): the key given to every instance of a deployment, which must all hash tokens
    /// alike (several instances on one PostgreSQL database, each with its own data directory).
    /// </summary>
    public static byte[] FromSetting(string value)
    {
        try
        {
            var key = Convert.FromHexString(value.Trim());
            if (key.Length == 32) return key;
        }
        catch (FormatException) { }
        throw new InvalidOperationException("Hqt:TokenKey must be 64 hexadecimal digits (32 random bytes, e.g. `openssl rand -hex 32`).");
    }

    public byte[] Value => _key.Value;

    static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path)) return Read(path);
        DataFiles.EnsureDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        // Written whole under a name of its own, then put in place without replacing: a crash mid-write leaves a stray
        // temporary file, never a short key file, and of two processes starting together (the CLI and the server) one
        // key wins and the other reads it.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        DataFiles.WriteOwnerOnly(temporary, Convert.ToHexString(key) + "\n");
        return DataFiles.PlaceWithoutReplacing(temporary, path) ? key : Read(path);
    }

    // A damaged key is refused, never used: an empty key would hash every token alike, and another key matches no token.
    static byte[] Read(string path)
    {
        try
        {
            var key = Convert.FromHexString(File.ReadAllText(path).Trim());
            if (key.Length == 32) return key;
        }
        catch (FormatException) { }
        throw new InvalidOperationException(
            $"{path} is not a token key (64 hexadecimal digits). Restore it from a backup; or delete it, and every token issued so far stops working (issue new ones with `tokens issue`).");
    }
}
