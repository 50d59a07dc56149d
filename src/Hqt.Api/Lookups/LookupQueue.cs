using System.Data.Common;
using System.Threading.Channels;
using Dapper;
using Hqt.Api.Graph;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>
/// The persistent job table. A job is claimed with one conditional UPDATE (queued, or running with a lapsed
/// lease → running with our lease), so two workers never hold the same job and a crashed worker's jobs come back.
/// On PostgreSQL the inner SELECT would add FOR UPDATE SKIP LOCKED; the statement is otherwise the same.
/// </summary>
public sealed class LookupQueue(Db db, TimeProvider time, IOptions<LookupsOptions> options)
{
    readonly LookupsOptions _options = options.Value;
    readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public bool IsEnabled => _options.Enabled;

    /// <summary>
    /// Queues lookups for what a capture cites, inside the capture's transaction, up to its budget.
    /// <paramref name="cited"/> is what the capture's graph write just produced (each work once, in the page's order).
    /// </summary>
    public async Task EnqueueForCaptureAsync(DbConnection connection, DbTransaction tx, long userId, long captureId,
        IReadOnlyList<long> cited, CancellationToken ct)
    {
        if (!_options.Enabled || _options.MaxDepth < 1) return;
        await EnqueueAsync(connection, tx, userId, captureId, 1, cited, ct);
    }

    /// <summary>
    /// Queues lookups for imported works that carry a DOI or an arXiv id (how their own references arrive), inside the
    /// import batch's transaction. Imports have no capture, so no per-capture budget; an imported work is a round-one
    /// lookup like a capture's reference, so <c>MaxDepth</c> 0 (no rounds beyond what the reader brought) queues none.
    /// </summary>
    public async Task EnqueueImportedAsync(DbConnection connection, DbTransaction tx, long userId, IReadOnlyList<long> workIds, CancellationToken ct)
    {
        if (!_options.Enabled || _options.MaxDepth < 1 || workIds.Count == 0) return;
        var worth = await GraphStore.WorthLookingUpAsync(connection, tx, userId, workIds, scholarlyOnly: true, ct);
        using var insert = new RepeatedCommand(connection, tx, """
            INSERT INTO lookup_jobs (user_id, work_id, origin_capture_id, depth, state, attempts, not_before, created_at, updated_at)
            VALUES (@p0, @p1, NULL, 1, 'queued', 0, @p2, @p2, @p2)
            ON CONFLICT (user_id, work_id) DO NOTHING
            """, 3);
        var now = time.GetUtcNow().ToString("O");
        foreach (var workId in worth) insert.Execute(userId, workId, now);
    }

    /// <summary>
    /// Queues a lookup for each work worth one (a DOI, an arXiv id or a web URL; not captured, not a person),
    /// skipping works that already have a job, until the capture's budget is spent.
    /// </summary>
    public async Task<int> EnqueueAsync(DbConnection connection, DbTransaction tx, long userId, long captureId, int depth,
        IReadOnlyList<long> workIds, CancellationToken ct)
    {
        if (depth > _options.MaxDepth || workIds.Count == 0) return 0;
        var worth = await GraphStore.WorthLookingUpAsync(connection, tx, userId, workIds, scholarlyOnly: false, ct);
        if (worth.Count == 0) return 0;
        var now = time.GetUtcNow().ToString("O");
        if (connection.IsPostgres())
        {
            // One statement for the capture's jobs (it was a round trip a job, inside the reader's graph lock): the works
            // in the page's order that have no job yet, up to what is left of the capture's budget. The graph lock is
            // held (every enqueue for this reader takes it first), so no other job of this reader appears meanwhile;
            // ON CONFLICT stays for a job of another kind of origin.
            return await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO lookup_jobs (user_id, work_id, origin_capture_id, depth, state, attempts, not_before, created_at, updated_at)
                SELECT @userId, w.work_id, @captureId, @depth, 'queued', 0, @now, @now, @now
                FROM unnest(@worth) WITH ORDINALITY AS w (work_id, n)
                WHERE NOT EXISTS (SELECT 1 FROM lookup_jobs j WHERE j.user_id = @userId AND j.work_id = w.work_id)
                ORDER BY w.n
                LIMIT GREATEST(0, @budget - (SELECT COUNT(*) FROM lookup_jobs WHERE origin_capture_id = @captureId))
                ON CONFLICT (user_id, work_id) DO NOTHING
                """, new { userId, captureId, depth, now, worth = worth.ToArray(), budget = _options.MaxLookupsPerCapture }, tx, cancellationToken: ct));
        }
        var spent = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM lookup_jobs WHERE origin_capture_id = @captureId", new { captureId }, tx, cancellationToken: ct));
        if (spent >= _options.MaxLookupsPerCapture) return 0;
        var queued = 0;
        using var insert = new RepeatedCommand(connection, tx, """
            INSERT INTO lookup_jobs (user_id, work_id, origin_capture_id, depth, state, attempts, not_before, created_at, updated_at)
            VALUES (@p0, @p4, @p1, @p2, 'queued', 0, @p3, @p3, @p3)
            ON CONFLICT (user_id, work_id) DO NOTHING
            """, 5);
        foreach (var workId in worth)
        {
            if (spent + queued >= _options.MaxLookupsPerCapture) break;
            queued += insert.Execute(userId, captureId, depth, now, workId);
        }
        return queued;
    }

    /// <summary>Tells an idle worker there is work (after the enqueuing transaction committed).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try { await _wake.Reader.ReadAsync(timer.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }

    /// <summary>
    /// Claims the next job, round-robin by user: among users with due work, the one with the fewest jobs running and
    /// then the oldest last claim goes first, and within a user the shallowest, oldest job. One reader's 300 queued
    /// jobs then take turns with another reader's one instead of standing in front of it.
    /// </summary>
    /// <param name="running">
    /// The jobs the claiming worker is still running. A lapsed lease is for a worker that is gone; one of these may have
    /// lapsed a moment before its runner is cut off and says so, and taking it again would run it twice under the same
    /// owner (the second run found the host busy and put the job off, and the first run's "overran" was then dropped).
    /// </param>
    public async Task<LookupJob?> ClaimAsync(string owner, IReadOnlyCollection<long> running, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        // PostgreSQL: many instances claim at once; SKIP LOCKED makes each take a different job instead of queueing
        // on the same row (and then finding it taken). SQLite has one writer, so the plain text is enough there.
        var skipLocked = db.Pick(sqlite: "", postgres: "FOR UPDATE OF j SKIP LOCKED");
        // A reader never served has no last claim: COALESCE puts them first on both providers (PostgreSQL sorts a NULL
        // last, SQLite first, so on PostgreSQL a newcomer lost every tie to readers already served).
        // At most Concurrency ids, one parameter each: the same text on both providers.
        var args = new DynamicParameters(new { owner, now = now.ToString("O"), leaseUntil = (now + _options.LeaseDuration).ToString("O") });
        var ids = running.Select((id, i) => { args.Add($"r{i}", id); return $"@r{i}"; }).ToList();
        string NotMine(string alias) => ids.Count == 0 ? "" : $"AND NOT ({alias}.state = 'running' AND {alias}.id IN ({string.Join(", ", ids)}))";
        return await connection.QuerySingleOrDefaultAsync<LookupJob>(new CommandDefinition($"""
            UPDATE lookup_jobs
            SET state = 'running', lease_owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1,
                claimed_at = @now, updated_at = @now, wait_reason = NULL, wait_host = NULL
            WHERE id = (
                SELECT j.id FROM lookup_jobs j
                WHERE j.user_id = (
                    SELECT d.user_id FROM lookup_jobs d
                    WHERE ((d.state = 'queued' AND d.not_before <= @now) OR (d.state = 'running' AND d.lease_until < @now)) {NotMine("d")}
                    GROUP BY d.user_id
                    ORDER BY (SELECT COUNT(*) FROM lookup_jobs r WHERE r.user_id = d.user_id AND r.state = 'running' AND r.lease_until >= @now),
                             COALESCE((SELECT MAX(c.claimed_at) FROM lookup_jobs c WHERE c.user_id = d.user_id), ''),
                             d.user_id
                    LIMIT 1)
                  AND ((j.state = 'queued' AND j.not_before <= @now) OR (j.state = 'running' AND j.lease_until < @now)) {NotMine("j")}
                ORDER BY j.depth, j.id LIMIT 1 {skipLocked})
              AND (state = 'queued' OR lease_until < @now)
            RETURNING id, user_id AS UserId, work_id AS WorkId, origin_capture_id AS OriginCaptureId, depth, attempts, lease_until AS LeaseUntil
            """, args, cancellationToken: ct));
    }

    /// <summary>Marks the job finished; inside the transaction that stored what it found, when there is one.</summary>
    /// <returns>1, or 0 when the job is no longer this worker's (its lease ran out and another claimed it).</returns>
    public Task<int> CompleteAsync(DbConnection connection, DbTransaction? tx, LookupJob job, string owner, string outcome, string? detail, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE lookup_jobs SET state = 'done', outcome = @outcome, last_error = @detail, lease_owner = NULL, lease_until = NULL, updated_at = @now
            WHERE id = @Id AND lease_owner = @owner
            """, new { job.Id, owner, outcome, detail = Clip(detail), now = time.GetUtcNow().ToString("O") }, tx, cancellationToken: ct));

    public async Task CompleteAsync(LookupJob job, string owner, string outcome, string? detail, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await CompleteAsync(connection, null, job, owner, outcome, detail, ct);
    }

    /// <summary>
    /// A transient failure: back off (doubling, or as long as the server asked), or give up after the last attempt.
    /// A wait that tried nothing (a host left alone, a busy host, no network) keeps the job's attempts.
    /// </summary>
    public async Task RetryAsync(LookupJob job, string owner, RetryLaterException e, CancellationToken ct)
    {
        var backoff = e.CountsAsAttempt ? _options.RetryBackoff * Math.Pow(2, Math.Max(0, job.Attempts - 1)) : TimeSpan.Zero;
        var wait = e.After is { } asked && asked > backoff ? asked : backoff;
        if (wait <= TimeSpan.Zero) wait = _options.PollInterval;
        var giveUp = e.CountsAsAttempt && job.Attempts >= _options.MaxAttempts;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE lookup_jobs SET state = @state, outcome = @outcome, last_error = @error, not_before = @notBefore,
                                   attempts = attempts - @refund, wait_reason = @reason, wait_host = @host,
                                   lease_owner = NULL, lease_until = NULL, updated_at = @now
            WHERE id = @Id AND lease_owner = @owner
            """, new
        {
            job.Id, owner, state = giveUp ? "failed" : "queued", outcome = giveUp ? "error" : null, error = Clip(e.Message),
            refund = e.CountsAsAttempt ? 0 : 1, reason = giveUp ? null : e.WaitReason, host = giveUp ? null : e.Host,
            notBefore = (time.GetUtcNow() + wait).ToString("O"), now = time.GetUtcNow().ToString("O"),
        }, cancellationToken: ct));
    }

    /// <summary>Gives a job back untouched (the server is stopping): the attempt does not count.</summary>
    public async Task ReleaseAsync(LookupJob job, string owner)
    {
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("""
            UPDATE lookup_jobs SET state = 'queued', attempts = attempts - 1, lease_owner = NULL, lease_until = NULL
            WHERE id = @Id AND lease_owner = @owner AND state = 'running'
            """, new { job.Id, owner });
    }

    static string? Clip(string? text) => text is { Length: > 500 } ? text[..500] : text;
}
