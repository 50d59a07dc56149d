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
        if (File.Exists(path)) return Convert.FromHexString(File.ReadAllText(path).Trim());
        DataFiles.EnsureDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            DataFiles.WriteOwnerOnly(path, Convert.ToHexString(key) + "\n", FileMode.CreateNew);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (the CLI and the server starting together) made it first: use theirs.
            return Convert.FromHexString(File.ReadAllText(path).Trim());
        }
    }
}
