using System.Runtime.InteropServices;

namespace Hqt.Api.Storage;

/// <summary>
/// One server a data directory: an exclusive lock (flock, which .NET takes for FileShare.None on Unix) on
/// <c>hqt.lock</c>, taken before anything else touches the directory and held until the process ends. A second server
/// on the same directory refuses to start instead of running its workers on the same database until its port bind fails.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "hqt.lock";
    readonly FileStream _file;

    DataDirectoryLock(FileStream file) => _file = file;

    /// <summary>The lock, or null when another process holds it.</summary>
    public static DataDirectoryLock? TryAcquire(string directory)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            var file = new FileStream(Path.Combine(directory, FileName), options);
            // Who holds it, for whoever wonders (the lock itself is the flock, not this text).
            file.SetLength(0);
            var pid = System.Text.Encoding.UTF8.GetBytes($"{Environment.ProcessId}\n");
            file.Write(pid);
            file.Flush();
            return new DataDirectoryLock(file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>Files the process creates (SQLite's database, -wal, -shm, data-protection keys) are owner-only from the start.</summary>
public static class Umask
{
    [DllImport("libc", EntryPoint = "umask")]
    static extern uint SetUmask(uint mask);

    public static void OwnerOnly()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) SetUmask(0b000_111_111);
    }
}
