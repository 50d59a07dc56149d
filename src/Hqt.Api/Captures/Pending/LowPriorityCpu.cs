using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Hqt.Api.Captures.Pending;

/// <summary>
/// One dedicated thread at the lowest CPU priority an unprivileged process may give itself, for extracting
/// captures that were acknowledged under load. While requests keep the cores busy it gets next to no CPU, so a
/// burst of captures is answered at the speed of storing them; when the burst ends, it catches up.
/// </summary>
public sealed class LowPriorityCpu : IDisposable
{
    readonly BlockingCollection<Action> _queue = new();
    readonly ILogger<LowPriorityCpu> _logger;

    public LowPriorityCpu(ILogger<LowPriorityCpu> logger)
    {
        _logger = logger;
        new Thread(Run) { IsBackground = true, Name = "hqt low-priority extraction" }.Start();
    }

    public Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() =>
        {
            try { done.SetResult(work()); }
            catch (Exception e) { done.SetException(e); }
        });
        return done.Task;
    }

    void Run()
    {
        LowerThisThread();
        foreach (var work in _queue.GetConsumingEnumerable()) work();
    }

    void LowerThisThread()
    {
        // .NET's ThreadPriority does nothing on Linux, where nice values belong to threads and raising one
        // (lowering priority) needs no privilege. 19 is the lowest: CFS gives it ~1.5 % of a contended core.
        try
        {
            if (OperatingSystem.IsLinux())
            {
                if (setpriority(PrioProcess, gettid(), 19) != 0) _logger.LogWarning("Could not lower the extraction thread's priority (errno {Errno})", Marshal.GetLastPInvokeError());
            }
            else
            {
                Thread.CurrentThread.Priority = ThreadPriority.Lowest;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _logger.LogWarning(e, "Could not lower the extraction thread's priority");
        }
    }

    public void Dispose() => _queue.CompleteAdding();

    const int PrioProcess = 0;

    [DllImport("libc", SetLastError = true)]
    static extern int setpriority(int which, int who, int priority);

    [DllImport("libc")]
    static extern int gettid();
}
