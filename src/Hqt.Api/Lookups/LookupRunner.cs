using System.Globalization;
using Hqt.Api.Graph;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// Runs one claimed job: OpenAlex for a DOI or arXiv id, Crossref when OpenAlex does not know the DOI, Crossref's
/// bibliographic search for a work cited without a title (by journal, volume and first page), the
/// page itself when there is no scholarly answer and the work has a web URL. Records the outcome on the job.
/// </summary>
public sealed class LookupRunner(Db db, LookupQueue queue, GraphStore graph, OpenAlexClient openAlex, CrossrefClient crossref,
    WebFetcher web, TimeProvider time, IOptions<LookupsOptions> options, IOptions<HqtOptions> hqt, ILogger<LookupRunner> logger)
{
    readonly LookupsOptions _options = options.Value;

    /// <param name="stopping">The server is stopping: the job is given back untouched.</param>
    public async Task RunAsync(LookupJob job, string owner, CancellationToken stopping)
    {
        // The lease is the job's deadline: a job that overruns it is cut off here rather than renewed for ever, so a
        // worker slot is never held longer than LeaseDuration whatever the hosts do. The cut-off is the lease's own end,
        // not LeaseDuration from here: the run starts a little after the claim (more under load), and a run outliving
        // its lease could meet another instance's run of the same job, which may take a lapsed lease.
        var left = DateTimeOffset.Parse(job.LeaseUntil, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) - time.GetUtcNow();
        using var lease = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping, lease.Token);
        var ct = deadline.Token;
        try
        {
            var work = await graph.FindWorkToLookUpAsync(job.WorkId, ct);
            if (work is null) throw new LookupMiss("gone");
            // Captured since it was queued (a reader often reads what they just saw cited): the capture says it all.
            if (work.DocumentId is not null) throw new LookupMiss("captured");

            var found = await LookUpAsync(work, ct);
            // The answer must land on the work that was looked up: give it the URL that work is known by.
            // Scholarly answers are bounded as pages are: titles cut, references capped.
            var result = found with
            {
                Work = found.Work with { Url = found.Work.Url ?? work.Url, Title = Clip(found.Work.Title) },
                References = found.References.Take(hqt.Value.MaxReferencesPerCapture)
                    .Select(r => r with { Facts = r.Facts with { Title = Clip(r.Facts.Title) } }).ToList(),
            };
            await using var write = await db.BeginWriteAsync(ct);
            // PostgreSQL: the reader's graph lock before any row (the job's included), in the order every graph writer
            // takes them; taken after the job row, an extraction holding the graph lock and enqueueing this job deadlocked.
            await GraphStore.LockUserGraphAsync(write.Connection, write.Transaction, job.UserId, ct);
            // Lease gone (it ran out and another worker took the job): that worker's answer counts, not this one.
            if (await queue.CompleteAsync(write.Connection, write.Transaction, job, owner, result.Source, null, ct) == 0) return;
            // What it found and the next round within the capture's budget, in one transaction with the job's completion.
            var cited = await graph.WriteLookupAsync(write.Connection, write.Transaction, job.UserId, result, ct, lookedUp: job.WorkId);
            if (job.OriginCaptureId is { } captureId)
                await queue.EnqueueAsync(write.Connection, write.Transaction, job.UserId, captureId, job.Depth + 1, cited, ct);
            await write.CommitAsync(ct);
            queue.Wake();
            logger.LogDebug("Lookup {JobId} of work {WorkId} via {Source}: {References} references", job.Id, job.WorkId, result.Source, result.References.Count);
        }
        catch (LookupMiss miss)
        {
            await queue.CompleteAsync(job, owner, miss.Outcome, miss.Message == miss.Outcome ? null : miss.Message, stopping);
        }
        catch (RetryLaterException e)
        {
            // Expected (a host down, slow or busy; no network): HostHealth logs the host once, the job only at Debug.
            logger.LogDebug("Lookup {JobId} of work {WorkId} waits ({Reason}): {Message}", job.Id, job.WorkId, e.WaitReason, e.Message);
            await queue.RetryAsync(job, owner, e, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await queue.ReleaseAsync(job, owner);
        }
        catch (OperationCanceledException) when (lease.IsCancellationRequested)
        {
            logger.LogInformation("Lookup {JobId} of work {WorkId} overran its lease of {Lease} and was stopped", job.Id, job.WorkId, _options.LeaseDuration);
            await queue.RetryAsync(job, owner, new RetryLaterException($"overran its lease of {_options.LeaseDuration}"), stopping);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Lookup {JobId} of work {WorkId} failed", job.Id, job.WorkId);
            await queue.RetryAsync(job, owner, new RetryLaterException(e.Message), stopping);
        }
    }

    static string? Clip(string? title) => Captures.ExtractLimits.Clip(title, Captures.ExtractLimits.MaxTitleLength);

    async Task<LookupResult> LookUpAsync(GraphStore.WorkToLookUp work, CancellationToken ct)
    {
        // A work cited only by a doi.org or arxiv.org link is as good as one with the identifier.
        var registeredDoi = work.Doi ?? Identifiers.DoiFromUrl(work.Url);
        var arxiv = work.ArxivId ?? Identifiers.ArxivFromUrl(work.Url);
        var doi = registeredDoi ?? (arxiv is not null ? Identifiers.DoiForArxiv(arxiv) : null);
        if (doi is not null)
        {
            if (await openAlex.LookUpAsync(doi, ct) is { } found) return found;
            // Crossref registers no arXiv (DataCite) DOIs.
            if (registeredDoi is not null && await crossref.LookUpAsync(doi, ct) is { } registered) return registered;
        }
        // A journal reference cited without a title: Crossref's bibliographic search, taken only on a sure match.
        if (work.IsLocatedOnly)
        {
            if (await crossref.FindByPlaceAsync(work, ct) is { } placed) return placed;
            if (work.Url is null) throw new LookupMiss("not-found");
        }
        if (_options.FetchWebPages && work.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && SsrfGuard.IsAllowedScheme(uri))
            return await web.FetchAsync(url, work.Kind, ct);
        throw new LookupMiss("not-found");
    }
}
