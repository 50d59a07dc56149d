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
    readonly Lazy<byte[]> _key = new(() => LoadOrCreate(Path.Combine(options.Value.ResolvedDataDirectory, FileName)));

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
