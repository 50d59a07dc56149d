using System.Runtime.InteropServices;

namespace Hqt.Bench.Extraction;

/// <summary>This thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID): unlike wall time, it does not grow while a
/// busy shared machine has the core elsewhere, so a 3 ms call is not charged for someone else's 50 ms slice.</summary>
static partial class ThreadCpu
{
    [StructLayout(LayoutKind.Sequential)]
    struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    const int ThreadCpuClock = 3;

    public static double NowMs()
    {
        ClockGetTime(ThreadCpuClock, out var time);
        return time.Seconds * 1000.0 + time.Nanoseconds / 1e6;
    }
}
