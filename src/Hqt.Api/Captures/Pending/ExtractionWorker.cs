using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Captures.Pending;

/// <summary>
/// Drains the pending-extraction queue for the life of the server: one capture at a time, everyone's, in capture
/// order, on one thread at the lowest CPU priority (<see cref="LowPriorityCpu"/>), so a burst of captures is answered
/// at the speed of storing them and extraction catches up when the burst ends. It claims a capture only once that
/// thread has CPU to start it, so a claim is not held by an instance too busy to work on it.
/// </summary>
public sealed class ExtractionWorker(PendingExtractions pending, LowPriorityCpu lowPriority, IOptions<HqtOptions> options, ILogger<ExtractionWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundExtraction)
        {
            logger.LogInformation("Background extraction is off (Hqt:BackgroundExtraction): deferred captures wait for a read or another instance");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                logger.LogError(e, "The extraction backlog failed; retrying in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Whatever this process still holds goes back to the queue now, not when its lease runs out.
        try { await pending.Queue.ReleaseAsync(pending.Owner, null, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning(e, "Releasing pending-extraction claims at shutdown failed; their leases will lapse"); }
    }

    async Task DrainAsync(CancellationToken ct)
    {
        pending.SetBacklog(await pending.Queue.CountAsync(null, ct));
        while (!ct.IsCancellationRequested)
        {
            await lowPriority.RunAsync(() => true);
            if (await pending.Queue.ClaimAsync(pending.Owner, null, 1, ct) is { Count: > 0 } claimed)
            {
                foreach (var capture in claimed) await ExtractAsync(capture, ct);
                continue;
            }
            // Idle: until a capture is deferred here, or a while (another instance's captures, a lapsed lease).
            pending.SetBacklog(0);
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
            poll.CancelAfter(TimeSpan.FromSeconds(10));
            try { await pending.Wakes.ReadAsync(poll.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
    }

    async Task ExtractAsync(PendingCapture capture, CancellationToken ct)
    {
        var work = new PendingExtractions.InFlight(capture, started: false);
        if (!pending.TryRegister(work)) return;   // a read of this process holds it (a lapsed lease it re-claimed)
        try
        {
            var extracting = lowPriority.RunAsync(() => work.TryStart() ? pending.Extract(capture) : null);
            var extract = await pending.KeepingLeaseAsync([capture.Id], extracting, ct);
            // Null: a read took it over before this thread started it; the read stores it and finishes the work.
            if (extract is null) return;
            // One commit per capture: the write turn is shared with incoming captures, and a batch of big graphs
            // would hold it for tens of milliseconds in front of them.
            await pending.StoreAsync([(capture, extract)], ct);
            pending.Finished(work);
        }
        catch (Exception e)
        {
            // Failed or stopped while it was this worker's (not started, or started on its thread): the capture goes
            // back to the queue and a read waiting for it claims it itself. Taken over by a read: the read's to finish.
            if (work.TryAbandon() || work.IsStarted)
            {
                pending.Finished(work, e);
                try { await pending.Queue.ReleaseAsync(pending.Owner, [capture.Id], CancellationToken.None); }
                catch (Exception release) { logger.LogWarning(release, "Releasing capture {CaptureId} failed; its lease will lapse", capture.Id); }
            }
            throw;
        }
    }
}
