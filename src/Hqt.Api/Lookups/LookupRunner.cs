using Dapper;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// Runs one claimed job: OpenAlex for a DOI or arXiv id, Crossref when OpenAlex does not know the DOI, the
/// page itself when there is no scholarly answer and the work has a web URL. Records the outcome on the job.
/// </summary>
public sealed class LookupRunner(Db db, LookupQueue queue, LookupGraph graph, OpenAlexClient openAlex, CrossrefClient crossref,
    WebFetcher web, IOptions<HqtOptions> options, ILogger<LookupRunner> logger)
{
    readonly LookupsOptions _options = options.Value.Lookups;

    sealed class WorkToLookUp
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string? Url { get; init; }
        public string? Doi { get; init; }
        public string? ArxivId { get; init; }
        public long? DocumentId { get; init; }
    }

    public async Task RunAsync(LookupJob job, string owner, CancellationToken ct)
    {
        try
        {
            WorkToLookUp? work;
            await using (var connection = await db.OpenAsync(ct))
                work = await connection.QuerySingleOrDefaultAsync<WorkToLookUp>(new CommandDefinition(
                    "SELECT id, kind, url, doi, arxiv_id AS ArxivId, document_id AS DocumentId FROM works WHERE id = @WorkId", job, cancellationToken: ct));
            if (work is null) throw new LookupMiss("gone");
            // Captured since it was queued (a reader often reads what they just saw cited): the capture says it all.
            if (work.DocumentId is not null) throw new LookupMiss("captured");

            var found = await LookUpAsync(work, ct);
            // The answer must land on the work that was looked up: give it the URL that work is known by.
            var result = found with { Work = found.Work with { Url = found.Work.Url ?? work.Url } };
            await using var write = await db.BeginWriteAsync(ct);
            await graph.WriteAsync(write.Connection, write.Transaction, job, result, ct);
            await queue.CompleteAsync(write.Connection, write.Transaction, job, owner, result.Source, null, ct);
            await write.CommitAsync(ct);
            queue.Wake();
            logger.LogDebug("Lookup {JobId} of work {WorkId} via {Source}: {References} references", job.Id, job.WorkId, result.Source, result.References.Count);
        }
        catch (LookupMiss miss)
        {
            await queue.CompleteAsync(job, owner, miss.Outcome, miss.Message == miss.Outcome ? null : miss.Message, ct);
        }
        catch (RetryLaterException e)
        {
            logger.LogInformation("Lookup {JobId} of work {WorkId} will be retried: {Reason}", job.Id, job.WorkId, e.Message);
            await queue.RetryAsync(job, owner, e.Message, e.After, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await queue.ReleaseAsync(job, owner);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Lookup {JobId} of work {WorkId} failed", job.Id, job.WorkId);
            await queue.RetryAsync(job, owner, e.Message, null, ct);
        }
    }

    async Task<LookupResult> LookUpAsync(WorkToLookUp work, CancellationToken ct)
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
        if (_options.FetchWebPages && work.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && SsrfGuard.IsAllowedScheme(uri))
            return await web.FetchAsync(url, work.Kind, ct);
        throw new LookupMiss("not-found");
    }
}
