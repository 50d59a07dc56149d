using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using Hqt.Api.Hosting;
using Hqt.Extraction;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Captures.Pending;

/// <summary>
/// What this process's parts of pending extraction share. A capture is extracted inline when the server is idle
/// (nothing pending here, no other inline extraction running), so a lone capture answers with its authors; under
/// load it is stored pending (durably, like any capture) and extracted behind the response, by
/// <see cref="ExtractionWorker"/> or by a read that needs it (<see cref="PendingReadFilter"/>). Both claim through
/// <see cref="PendingQueue"/> under this process's <see cref="Owner"/>, and both register what they are extracting
/// here, so a read waits for (or takes over) an extraction already under way in this process instead of repeating it.
/// </summary>
public sealed class PendingExtractions(PendingQueue queue, CaptureExtraction extraction, IOptions<HqtOptions> options, ILogger<PendingExtractions> logger)
{
    readonly SemaphoreSlim _inlineLane = new(1, 1);
    readonly ConcurrentDictionary<long, InFlight> _inFlight = new();
    readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    // A hint, not a count to trust: it keeps new captures behind the backlog (first come, first extracted).
    int _backlog;

    /// <summary>This server process in claims: unique per start, so a restarted process never mistakes an old claim for its own.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public PendingQueue Queue => queue;

    public TimeSpan Lease => options.Value.PendingExtractionLease;

    /// <summary>The right to extract this capture inline, or null when it should be stored pending.</summary>
    public IDisposable? TryTakeInlineLane()
    {
        if (!options.Value.ExtractInlineWhenIdle || Volatile.Read(ref _backlog) > 0 || !_inlineLane.Wait(0)) return null;
        return new LaneTurn(_inlineLane);
    }

    /// <summary>A capture was stored pending: the worker has work.</summary>
    public void Deferred()
    {
        Interlocked.Increment(ref _backlog);
        _wake.Writer.TryWrite(true);
    }

    internal void SetBacklog(int count) => Volatile.Write(ref _backlog, count);

    internal ChannelReader<bool> Wakes => _wake.Reader;

    internal PageExtract Extract(PendingCapture capture) => extraction.Run(NewCapture.Gunzip(capture.HtmlGzip), capture.Url);

    /// <summary>Registers an extraction this process is about to run; false if one of the capture is already under way here.</summary>
    internal bool TryRegister(InFlight work) => _inFlight.TryAdd(work.Capture.Id, work);

    internal InFlight? Running(long captureId) => _inFlight.TryGetValue(captureId, out var work) ? work : null;

    internal void Finished(InFlight work, Exception? error = null)
    {
        _inFlight.TryRemove(new KeyValuePair<long, InFlight>(work.Capture.Id, work));
        if (error is null) work.Done.TrySetResult();
        else work.Done.TrySetException(error);
        if (Interlocked.Decrement(ref _backlog) < 0) Interlocked.Exchange(ref _backlog, 0);
    }

    /// <summary>
    /// Works on the claims' leases while <paramref name="work"/> runs: renewed every third of the lease, so a long
    /// extraction (a starved low-priority thread, a huge page) keeps its captures.
    /// </summary>
    internal async Task<T> KeepingLeaseAsync<T>(IReadOnlyCollection<long> ids, Task<T> work, CancellationToken ct)
    {
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(Lease / 3, ct));
            if (!work.IsCompleted) await queue.RenewAsync(Owner, ids, ct);
        }
        return await work;
    }

    /// <summary>
    /// Stores claimed extractions, one commit for the batch. A transient database error (a deadlock, a serialization
    /// failure) is tried again. If it still fails, each capture alone; one that still fails (a bug in the graph writer
    /// for this page) is stored with what is known without extraction, so it can never wedge the backlog.
    /// </summary>
    internal async Task StoreAsync(List<(PendingCapture Capture, PageExtract Extract)> extracted, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await queue.CompleteAsync(Owner, extracted, ct);
                return;
            }
            catch (DbException e) when (e.IsTransient && attempt < 3)
            {
                logger.LogWarning(e, "Storing {Count} extractions met a transient database error; trying again", extracted.Count);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException && extracted.Count > 1)
            {
                logger.LogWarning(e, "Storing a batch of {Count} extractions failed; storing them one by one", extracted.Count);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Storing the extraction of capture {CaptureId} failed; storing it unextracted", extracted[0].Capture.Id);
                await queue.CompleteAsync(Owner, [(extracted[0].Capture, NewCapture.Unextracted(extracted[0].Capture.Url))], ct);
                return;
            }
        }
        foreach (var one in extracted) await StoreAsync([one], ct);
    }

    /// <summary>
    /// One capture's extraction under way in this process. The worker's waits for the low-priority thread; until that
    /// thread starts it, a read may take it over (<see cref="TryTakeOver"/>) and run it at normal priority instead.
    /// </summary>
    internal sealed class InFlight(PendingCapture capture, bool started)
    {
        const int Waiting = 0, Started = 1, TakenOver = 2, Abandoned = 3;
        int _state = started ? Started : Waiting;

        public PendingCapture Capture => capture;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool IsStarted => Volatile.Read(ref _state) == Started;

        /// <summary>The worker's thread starts it; false if a read took it over (or the worker gave it up) meanwhile.</summary>
        public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Waiting) == Waiting;

        /// <summary>A read takes it over; false if it has started (the read then waits for it).</summary>
        public bool TryTakeOver() => Interlocked.CompareExchange(ref _state, TakenOver, Waiting) == Waiting;

        /// <summary>The worker gives it up before its thread started it (the server is stopping).</summary>
        public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;
    }

    sealed class LaneTurn(SemaphoreSlim lane) : IDisposable
    {
        int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) lane.Release();
        }
    }
}
