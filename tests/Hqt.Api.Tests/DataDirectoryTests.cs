namespace Hqt.Api.Tests;

/// <summary>Issue 16: the data directory is owner-only whatever the umask, old modes are closed on start, and one server a directory.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class DataDirectoryTests : IDisposable
{
    readonly ChildServer _server = new();

    public void Dispose() => _server.Dispose();

    static void AssertOwnerOnly(string root)
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(root));
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            var mode = File.GetUnixFileMode(entry);
            Assert.True((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) == 0, $"{entry} is {mode}");
        }
    }

    [Fact]
    public async Task AFreshDataDirectoryHoldsNothingOthersCanRead()
    {
        if (OperatingSystem.IsWindows()) return;
        // The test process's umask (022 on a usual machine) is the child's: the server must not depend on it.
        await _server.StartAsync(TimeSpan.FromSeconds(60));
        using (var client = _server.CreateClient())
            (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://modes.example/page"))).EnsureSuccessStatusCode();

        if (_server.Postgres is null)
        {
            Assert.True(File.Exists(_server.DatabasePath));
            Assert.True(File.Exists(_server.DatabasePath + "-wal"));
        }
        AssertOwnerOnly(_server.DataDirectory);
    }

    [Fact]
    public async Task OpenModesLeftByEarlierVersionsAreClosedOnStart()
    {
        if (OperatingSystem.IsWindows()) return;
        await _server.StartAsync(TimeSpan.FromSeconds(60));
        _server.Kill();
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(_server.DataDirectory, open | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        foreach (var file in Directory.EnumerateFiles(_server.DataDirectory, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(file, open);
        await File.WriteAllTextAsync(Path.Combine(_server.DataDirectory, "api-token"), "hqt_an-old-token-file\n");
        File.SetUnixFileMode(Path.Combine(_server.DataDirectory, "api-token"), open);

        await _server.StartAsync(TimeSpan.FromSeconds(60));

        AssertOwnerOnly(_server.DataDirectory);
    }

    [Fact]
    public async Task ASecondServerOnTheSameDirectoryRefusesToStart()
    {
        await _server.StartAsync(TimeSpan.FromSeconds(60));
        using var second = new ChildServer(_server.DataDirectory);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(3, second.ExitCode);
        Assert.Contains("Another hqt server is using the data directory", refused.Message);
        using var client = _server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/captures")).StatusCode);
    }
}
