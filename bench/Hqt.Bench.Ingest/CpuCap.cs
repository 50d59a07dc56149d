namespace Hqt.Bench.Ingest;

/// <summary>
/// A hard CPU cap for one server process (<c>--cpu-share P</c>: at most P cores' worth of CPU time per scheduling
/// period, whatever its threads ask): a CPU cgroup of its own with a CFS quota. cgroup v2 (<c>cpu.max</c>) where the
/// unified hierarchy has the cpu controller, else cgroup v1 (<c>cpu.cfs_quota_us</c>); both need write access to
/// /sys/fs/cgroup (root, or a delegated subtree). The kernel enforces it, unlike <c>cpulimit</c>, which stops and
/// continues the process from outside and overshoots by its sampling interval.
/// </summary>
/// <remarks>
/// Why a cap and not a core each (<c>--pin</c>): on a 2-core machine two pinned instances leave no core for
/// PostgreSQL and the bench client, so "two instances vs one" measures contention for cores, not whether instances
/// scale. With every instance capped at the same share below what the machine has, one instance and two instances
/// have the same per-instance capacity and PostgreSQL and the client keep headroom: the ratio says whether the
/// second instance's CPU turns into captures.
/// </remarks>
public sealed class CpuCap : IDisposable
{
    const int PeriodMicroseconds = 100_000;
    readonly string _directory;
    readonly bool _v2;

    public double Share { get; }

    /// <summary>The file a process writes its pid to to join the cgroup.</summary>
    public string ProcsFile => Path.Combine(_directory, "cgroup.procs");

    CpuCap(string directory, bool v2, double share) => (_directory, _v2, Share) = (directory, v2, share);

    public static CpuCap Create(double share)
    {
        if (share is <= 0 or > 64) throw new ArgumentOutOfRangeException(nameof(share), "--cpu-share is a number of cores, e.g. 0.5");
        var quota = (long)Math.Round(share * PeriodMicroseconds);
        var name = $"hqt-bench-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32];
        const string unified = "/sys/fs/cgroup";
        if (File.Exists(Path.Combine(unified, "cgroup.controllers"))
            && File.ReadAllText(Path.Combine(unified, "cgroup.subtree_control")).Split(' ', StringSplitOptions.TrimEntries).Contains("cpu"))
        {
            var dir = Path.Combine(unified, name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "cpu.max"), $"{quota} {PeriodMicroseconds}");
            return new CpuCap(dir, v2: true, share);
        }
        const string v1 = "/sys/fs/cgroup/cpu";
        if (File.Exists(Path.Combine(v1, "cpu.cfs_quota_us")))
        {
            var dir = Path.Combine(v1, name);
            try { Directory.CreateDirectory(dir); }
            catch (UnauthorizedAccessException e) { throw new InvalidOperationException($"--cpu-share needs write access to {v1} (root): {e.Message}", e); }
            File.WriteAllText(Path.Combine(dir, "cpu.cfs_period_us"), PeriodMicroseconds.ToString());
            File.WriteAllText(Path.Combine(dir, "cpu.cfs_quota_us"), quota.ToString());
            return new CpuCap(dir, v2: false, share);
        }
        throw new InvalidOperationException("--cpu-share needs a CPU cgroup (cgroup v2 with the cpu controller, or v1 /sys/fs/cgroup/cpu); neither is here");
    }

    /// <summary>Scheduling periods in which the cap stopped the server, and for how long in all (the cap was what limited it).</summary>
    public (long ThrottledPeriods, long Periods, TimeSpan Throttled) Throttling()
    {
        long periods = 0, throttled = 0, time = 0;
        foreach (var line in File.ReadLines(Path.Combine(_directory, "cpu.stat")))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[1], out var value)) continue;
            switch (parts[0])
            {
                case "nr_periods": periods = value; break;
                case "nr_throttled": throttled = value; break;
                case "throttled_time": time = value / 1000; break;      // v1: nanoseconds
                case "throttled_usec": time = value; break;             // v2: microseconds
            }
        }
        return (throttled, periods, TimeSpan.FromMicroseconds(time));
    }

    public void Dispose()
    {
        // The process has exited (killed by the caller); an empty cgroup can be removed.
        for (var i = 0; i < 20; i++)
        {
            try { Directory.Delete(_directory); return; }
            catch (IOException) { Thread.Sleep(100); }
        }
        Console.Error.WriteLine($"cgroup {_directory} left behind ({(_v2 ? "v2" : "v1")}); rmdir it");
    }
}
