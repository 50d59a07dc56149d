using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// The background loop: claims due jobs up to the configured concurrency, sleeps until woken or the poll
/// interval passes, and on shutdown gives running jobs back so the next start resumes them.
/// </summary>
public sealed class LookupWorker(LookupQueue queue, LookupRunner runner, IOptions<HqtOptions> options, ILogger<LookupWorker> logger) : BackgroundService
{
    readonly LookupsOptions _options = options.Value.Lookups;
    readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, _options.Concurrency));
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                LookupJob? job = null;
                try
                {
                    job = await queue.ClaimAsync(_owner, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not claim a lookup job");
                }
                if (job is null)
                {
                    slots.Release();
                    await queue.WaitForWorkAsync(_options.PollInterval, stoppingToken);
                    continue;
                }
                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunAsync(job, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        await Task.WhenAll(running);
    }

    async Task RunAsync(LookupJob job, SemaphoreSlim slots, CancellationToken ct)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            var heartbeat = RenewWhileRunningAsync(job, done.Token);
            // Off the claiming loop's thread: a slow page must not hold up the next claim.
            await Task.Run(() => runner.RunAsync(job, _owner, ct), CancellationToken.None);
            await done.CancelAsync();
            await heartbeat;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Lookup job {JobId} crashed", job.Id);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Renews the lease at a third of its length, so only a dead worker's jobs are ever reclaimed.</summary>
    async Task RenewWhileRunningAsync(LookupJob job, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.LeaseDuration / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) await queue.RenewLeaseAsync(job, _owner, ct);
        }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not renew the lease of lookup job {JobId}", job.Id);
        }
    }
}
