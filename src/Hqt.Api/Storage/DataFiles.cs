using System.Runtime.InteropServices;

namespace Hqt.Api.Storage;

/// <summary>
/// The data directory holds every captured page and the token secrets: it is owner-only (700) and so is every
/// file in it (600), whatever the umask, and modes that an earlier version or a copy left open are closed on start.
/// </summary>
public static class DataFiles
{
    const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, OwnerDirectory);
        File.SetUnixFileMode(path, OwnerDirectory);
    }

    /// <summary>
    /// Writes a new file that is owner-only from its first byte (no window in which the umask's mode applies), on disk
    /// before it returns (these are secrets a server cannot do without after a power cut).
    /// </summary>
    public static void WriteOwnerOnly(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerFile;
        using (var stream = new FileStream(path, options))
        {
            using (var writer = new StreamWriter(stream, leaveOpen: true))
                writer.Write(content);
            stream.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, OwnerFile);
    }

    /// <summary>
    /// Puts a finished file at <paramref name="path"/> unless something is there already, in one step no other process
    /// can come between: false (and the finished file removed) when another got there first. On Unix this is link(2),
    /// which fails on an existing name; File.Move(overwrite: false) there checks for the name and then renames, so two
    /// processes starting together could both "win" and one key replace the other (seen: eight threads, two keys).
    /// </summary>
    public static bool PlaceWithoutReplacing(string finished, string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            if (link(finished, path) == 0)
            {
                File.Delete(finished);
                return true;
            }
            var error = Marshal.GetLastPInvokeError();
            if (error == AlreadyExists)
            {
                File.Delete(finished);
                return false;
            }
            // Any other failure (a file system without hard links) falls through to the move, which is atomic enough
            // for one process starting alone, and says what went wrong if it cannot be done at all.
        }
        try
        {
            File.Move(finished, path, overwrite: false);   // Windows: MoveFileEx without MOVEFILE_REPLACE_EXISTING, atomic
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(finished);
            return false;
        }
    }

    const int AlreadyExists = 17;   // EEXIST on Linux, macOS and the BSDs

    [DllImport("libc", SetLastError = true)]
    static extern int link(string existing, string created);

    /// <summary>Closes the directory and everything under it to the owner: 700 for directories, 600 for files.</summary>
    public static void RestrictTree(string root)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(root)) return;
        File.SetUnixFileMode(root, OwnerDirectory);
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(entry);
            if (info.LinkTarget is not null) continue;
            var isDirectory = (info.Attributes & FileAttributes.Directory) != 0;
            var wanted = isDirectory ? OwnerDirectory : OwnerFile;
            try
            {
                if ((File.GetUnixFileMode(entry) & ~wanted) != 0 || File.GetUnixFileMode(entry) != wanted) File.SetUnixFileMode(entry, wanted);
            }
            catch (FileNotFoundException) { }
        }
    }
}
