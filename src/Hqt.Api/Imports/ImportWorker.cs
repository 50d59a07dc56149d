using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Imports;

/// <summary>
/// Runs imports in the background, one step at a time (a batch of entries, or one bookmarked page), oldest job
/// first and storing before fetching. Jobs live in the database, so a restarted server carries on where it stopped.
/// </summary>
public sealed class ImportWorker(ImportStore store, ImportBatches batches, BookmarkFetcher bookmarks, IOptions<ImportOptions> options,
    ILogger<ImportWorker> logger) : BackgroundService
{
    readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    // A step that keeps failing (a bug, a broken file that parsed at upload but not now) fails its job instead of looping.
    readonly Dictionary<long, int> _failures = [];

    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var job = await store.NextOpenAsync(stoppingToken);
            if (job is null)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                idle.CancelAfter(TimeSpan.FromSeconds(5));
                try { await _wake.Reader.ReadAsync(idle.Token); } catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
                continue;
            }
            try
            {
                if (job.State is "queued" or "storing")
                {
                    var file = await store.FileAsync(job, stoppingToken);
                    await batches.StoreNextAsync(job, file, stoppingToken);
                }
                else if (await bookmarks.FetchNextAsync(job, stoppingToken))
                    await Task.Delay(options.Value.FetchInterval, stoppingToken);
                else store.Forget(job.Id);
                _failures.Remove(job.Id);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                var failures = _failures[job.Id] = _failures.GetValueOrDefault(job.Id) + 1;
                logger.LogError(e, "Import {ImportId} step failed ({Failures} in a row)", job.Id, failures);
                if (failures >= 3)
                {
                    _failures.Remove(job.Id);
                    await store.FailAsync(job.Id, $"Stopped after {job.Cursor} of {job.Total} entries were stored: {e.Message}", stoppingToken);
                }
                else await Task.Delay(TimeSpan.FromSeconds(failures), stoppingToken);
            }
        }
    }
}
