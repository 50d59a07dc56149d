using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// The background loop: claims due jobs up to the configured concurrency, sleeps until woken or the poll
/// interval passes, pauses while the network looks down, and on shutdown gives running jobs back so the next
/// start resumes them. Leases are not renewed: each job runs under its lease as a deadline (<see cref="LookupRunner"/>).
/// </summary>
public sealed class LookupWorker(LookupQueue queue, LookupRunner runner, HostHealth health, TimeProvider time,
    IOptions<LookupsOptions> options, ILogger<LookupWorker> logger) : BackgroundService
{
    readonly LookupsOptions _options = options.Value;
    readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, _options.Concurrency));
        // The jobs this worker runs, by id: never claimed again while their runner still has them (LookupQueue.ClaimAsync).
        var running = new Dictionary<long, Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // No network: claim nothing until the next probe is due (jobs keep their attempts meanwhile).
                if (health.OfflineUntil is { } offline && offline > time.GetUtcNow())
                {
                    await Task.Delay(offline - time.GetUtcNow(), time, stoppingToken);
                    continue;
                }
                await slots.WaitAsync(stoppingToken);
                LookupJob? job = null;
                try
                {
                    foreach (var done in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList()) running.Remove(done);
                    job = await queue.ClaimAsync(_owner, running.Keys, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Could not claim a lookup job: {Message}", e.Message);
                }
                if (job is null)
                {
                    slots.Release();
                    await queue.WaitForWorkAsync(_options.PollInterval, stoppingToken);
                    continue;
                }
                running[job.Id] = RunAsync(job, slots, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        await Task.WhenAll(running.Values);
    }

    async Task RunAsync(LookupJob job, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            // Off the claiming loop's thread: a slow page must not hold up the next claim.
            await Task.Run(() => runner.RunAsync(job, _owner, ct), CancellationToken.None);
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
}
