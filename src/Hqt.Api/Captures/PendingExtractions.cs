using System.Collections.Concurrent;
using System.Threading.Channels;
using Hqt.Api.Hosting;
using Hqt.Extraction;
using Microsoft.Extensions.Options;
using static Hqt.Api.Captures.CaptureStore;

namespace Hqt.Api.Captures;

/// <summary>
/// Captures acknowledged before they are extracted. A capture is extracted inline when the server is idle
/// (nothing pending, no other inline extraction running), so a lone capture answers with its authors. Under
/// load it is stored as pending (durably, like any capture) and extracted behind the response: by
/// <see cref="ExtractionWorker"/> on one low-priority thread in capture order, or by a read that needs it
/// (<see cref="FinishForUserAsync"/>, a batch per commit), which shares extractions already in flight.
/// </summary>
public sealed class PendingExtractions(
    CaptureStore store, CaptureExtraction extraction, LowPriorityCpu lowPriority, IOptions<HqtOptions> options, ILogger<PendingExtractions> logger)
{
    const int BatchSize = 8;
    readonly SemaphoreSlim _inlineLane = new(1, 1);
    readonly ConcurrentDictionary<long, Task> _inFlight = new();
    readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    // A hint, not a count to trust: it keeps new captures behind the backlog (first come, first extracted).
    int _backlog;

    /// <summary>The right to extract this capture inline, or null when it should be stored pending.</summary>
    public IDisposable? TryTakeInlineLane()
    {
        if (!options.Value.ExtractInlineWhenIdle || Volatile.Read(ref _backlog) > 0 || !_inlineLane.Wait(0)) return null;
        return new Lease(_inlineLane);
    }

    /// <summary>A capture was stored pending: the worker has work.</summary>
    public void Deferred()
    {
        Interlocked.Increment(ref _backlog);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>How long a read spends finishing the reader's backlog before it answers with what is done (<c>Hqt:PendingReadBudget</c>).</summary>
    public TimeSpan ReadBudget => options.Value.PendingReadBudget;

    /// <summary>
    /// Extracts the user's pending captures before a read shows captures or the graph, for up to
    /// <paramref name="budget"/>: a reader who just sent hundreds of pages at once gets an answer from what is
    /// done rather than a timeout. Returns how many are still pending (0 almost always).
    /// </summary>
    public async Task<int> FinishForUserAsync(long userId, TimeSpan budget, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long after = 0;
        while (await store.PendingAsync(userId, after, BatchSize, ct) is { Count: > 0 } batch)
        {
            if (clock.Elapsed > budget) return await store.CountPendingAsync(userId, ct);
            await ExtractAndStoreAsync(batch, onLowPriorityThread: false, ct);
            after = batch[^1].Id;
        }
        return 0;
    }

    /// <summary>The worker's loop: everyone's backlog in capture order, then sleep until a capture is deferred.</summary>
    public async Task RunBacklogAsync(CancellationToken ct)
    {
        Volatile.Write(ref _backlog, await store.CountPendingAsync(null, ct));
        long after = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = await store.PendingAsync(null, after, BatchSize, ct);
            if (batch.Count > 0)
            {
                // One commit per capture: the write turn is shared with incoming captures, and a batch of big
                // graphs would hold it for tens of milliseconds in front of them.
                foreach (var capture in batch) await ExtractAndStoreAsync([capture], onLowPriorityThread: true, ct);
                after = batch[^1].Id;
                continue;
            }
            if (after > 0)
            {
                after = 0;   // one more pass from the start: a capture skipped while a reader had it may have failed there
                continue;
            }
            Volatile.Write(ref _backlog, 0);
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
            poll.CancelAfter(TimeSpan.FromSeconds(30));
            try { await _wake.Reader.ReadAsync(poll.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
    }

    // Readers claim what they extract, so two reads of one user share the work. The worker claims nothing and
    // skips what a reader holds; a reader does not wait for the worker (its thread may be starved by design) and
    // extracts such a capture itself: the first commit wins, the other finds it extracted and skips it.
    async Task ExtractAndStoreAsync(IReadOnlyList<PendingCapture> batch, bool onLowPriorityThread, CancellationToken ct)
    {
        var mine = new List<(PendingCapture Capture, TaskCompletionSource? Done)>();
        var othersWork = new List<Task>();
        foreach (var capture in batch)
        {
            if (onLowPriorityThread)
            {
                if (!_inFlight.ContainsKey(capture.Id)) mine.Add((capture, null));
                continue;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight.TryAdd(capture.Id, done.Task)) mine.Add((capture, done));
            else if (_inFlight.TryGetValue(capture.Id, out var running)) othersWork.Add(running);
        }
        try
        {
            var extracted = new List<(PendingCapture, PageExtract)>(mine.Count);
            foreach (var (capture, _) in mine)
            {
                PageExtract Extract() => extraction.Run(NewCapture.Gunzip(capture.HtmlGzip), capture.Url);
                extracted.Add((capture, onLowPriorityThread ? await lowPriority.RunAsync(Extract) : Extract()));
            }
            await StoreAsync(extracted, ct);
            foreach (var (_, done) in mine) done?.TrySetResult();
        }
        catch (Exception e)
        {
            foreach (var (_, done) in mine) done?.TrySetException(e);
            throw;
        }
        finally
        {
            foreach (var (capture, done) in mine) if (done is not null) _inFlight.TryRemove(capture.Id, out _);
            if (Interlocked.Add(ref _backlog, -mine.Count) < 0) Interlocked.Exchange(ref _backlog, 0);
        }
        foreach (var running in othersWork)
        {
            try { await running; }
            catch (Exception e) when (e is not OperationCanceledException) { }   // its owner logged it and stored the capture unextracted
        }
    }

    /// <summary>
    /// One commit for the batch. If it fails, each capture alone; one that still fails (a bug in the graph
    /// writer for this page) is stored with what is known without extraction, so it can never wedge the backlog.
    /// </summary>
    async Task StoreAsync(List<(PendingCapture Capture, PageExtract Extract)> extracted, CancellationToken ct)
    {
        try
        {
            await store.CompleteExtractionsAsync(extracted, ct);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException && extracted.Count > 1)
        {
            logger.LogWarning(e, "Storing a batch of {Count} extractions failed; storing them one by one", extracted.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Storing the extraction of capture {CaptureId} failed; storing it unextracted", extracted[0].Capture.Id);
            await store.CompleteExtractionsAsync([(extracted[0].Capture, NewCapture.Unextracted(extracted[0].Capture.Url))], ct);
            return;
        }
        foreach (var one in extracted) await StoreAsync([one], ct);
    }

    sealed class Lease(SemaphoreSlim lane) : IDisposable
    {
        int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) lane.Release();
        }
    }
}

/// <summary>Runs <see cref="PendingExtractions.RunBacklogAsync"/> for the life of the server, restarting it after a failure.</summary>
public sealed class ExtractionWorker(PendingExtractions pending, ILogger<ExtractionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pending.RunBacklogAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                logger.LogError(e, "The extraction backlog failed; retrying in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}

/// <summary>
/// Reads that show captures or the graph first finish the reader's pending extractions. If the reader's backlog
/// is too big to finish within <see cref="PendingExtractions.ReadBudget"/>, the answer says how many captures are
/// still being read in a <c>Hqt-Pending-Captures</c> header.
/// </summary>
public static class FinishPendingExtractionsFilter
{
    public const string PendingHeader = "Hqt-Pending-Captures";

    public static TBuilder FinishesPendingExtractions<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ReportsPendingCaptures()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated == true)
            {
                var pending = http.RequestServices.GetRequiredService<PendingExtractions>();
                var left = await pending.FinishForUserAsync(Hqt.Api.Auth.CurrentUser.UserId(http.User), pending.ReadBudget, http.RequestAborted);
                if (left > 0) http.Response.Headers[PendingHeader] = left.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return await next(context);
        });
}

/// <summary>Marks an endpoint that may answer with a <c>Hqt-Pending-Captures</c> header (the OpenAPI document declares it).</summary>
public sealed record ReportsPendingCaptures;
