using Hqt.Api.Auth;
using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Tests;

/// <summary>The data directory's token key: made once and whole, shared by processes starting together, refused when damaged.</summary>
public sealed class TokenKeyTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("hqt-token-key-").FullName;

    TokenKey NewKey() => new(Options.Create(new HqtOptions { DataDirectory = _directory }));

    string KeyPath => Path.Combine(_directory, TokenKey.FileName);

    [Fact]
    public async Task StartsTogetherMakeOneOwnerOnlyKeyAndLeaveNoTemporaryFile()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => NewKey().Value)));

        Assert.All(keys, k => Assert.Equal(32, k.Length));
        Assert.Single(keys.Select(Convert.ToHexString).Distinct());
        Assert.Equal(Convert.ToHexString(keys[0]), File.ReadAllText(KeyPath).Trim());
        Assert.Equal(NewKey().Value, keys[0]);
        Assert.Equal([KeyPath], Directory.GetFiles(_directory));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
    }

    // The race the test above met once in many runs (two keys), made likely: starters released at one instant, many
    // times over. A second key would have hashed every token one starter issued into a hash the other cannot match.
    [Fact]
    public void StartersReleasedAtOnceAgreeOnOneKeyEveryTime()
    {
        const int starters = 6;
        for (var round = 0; round < 40; round++)
        {
            var directory = Directory.CreateDirectory(Path.Combine(_directory, $"round-{round}")).FullName;
            using var gate = new Barrier(starters);
            var keys = new string[starters];
            var threads = Enumerable.Range(0, starters).Select(i => new Thread(() =>
            {
                var key = new TokenKey(Options.Create(new HqtOptions { DataDirectory = directory }));
                gate.SignalAndWait();
                keys[i] = Convert.ToHexString(key.Value);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Single(keys.Distinct());
            Assert.Equal(keys[0], File.ReadAllText(Path.Combine(directory, TokenKey.FileName)).Trim());
            Assert.Single(Directory.GetFiles(directory));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123abcd")]
    [InlineData("not hex at all, not hex at all, not hex at all, not hex at all!!")]
    public void ADamagedKeyIsRefusedNeverUsed(string content)
    {
        File.WriteAllText(KeyPath, content);

        var refused = Assert.Throws<InvalidOperationException>(() => NewKey().Value);

        Assert.Contains(KeyPath, refused.Message);
        Assert.Equal(content, File.ReadAllText(KeyPath));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
