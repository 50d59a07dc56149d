using System.Security.Claims;
using Dapper;
using Hqt.Api.Auth;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>How far the reader's lookups have got: what is queued, running, done and failed, what the done ones found, and why the rest waits.</summary>
public sealed record LookupStatusResponse(bool IsEnabled, int Queued, int Running, int Done, int Failed, IReadOnlyDictionary<string, int> Outcomes,
    LookupWaiting Waiting);

/// <summary>
/// Why the reader's queued lookups are not running now.
/// </summary>
/// <param name="Reason">
/// <c>idle</c> (nothing waits), <c>disabled</c>, <c>offline</c> (no network; paused until <paramref name="Until"/>),
/// <c>queued</c> (due now, behind <paramref name="QueuedBehind"/> jobs), <c>host-backoff</c> (every waiting job is on hosts
/// left alone after failing), <c>host-busy</c>, <c>retry</c> (backing off after failures), <c>running</c>, <c>budget-spent</c> (nothing
/// left to do, but captures cited more than their lookup budget).
/// </param>
/// <param name="Message">The reason in a sentence.</param>
/// <param name="Until">When the earliest waiting job may run again.</param>
/// <param name="DueNow">The reader's jobs that may run as soon as a worker is free.</param>
/// <param name="QueuedBehind">Jobs ahead of the reader's next one: those running, and one turn for each other reader with due work.</param>
/// <param name="Hosts">Hosts the reader's jobs wait for, each left alone until a time.</param>
/// <param name="CapturesOverBudget">The reader's captures whose citations were only looked up up to <c>MaxLookupsPerCapture</c>.</param>
public sealed record LookupWaiting(string Reason, string Message, DateTimeOffset? Until, int DueNow, int QueuedBehind,
    IReadOnlyList<HostWait> Hosts, int CapturesOverBudget);

public sealed record HostWait(string Host, DateTimeOffset Until, int Jobs);

public static class LookupEndpoints
{
    public static RouteGroupBuilder MapLookups(this IEndpointRouteBuilder app)
    {
        var lookups = app.MapGroup("/api/lookups").WithTags("Lookups");
        lookups.MapGet("/", GetLookupStatus).WithName("GetLookupStatus").WithSummary("Progress of the reader's reference lookups, and why the rest waits");
        return lookups;
    }

    sealed class WaitRow
    {
        public string? Reason { get; init; }
        public string? Host { get; init; }
        public long Jobs { get; init; }
        public string Until { get; init; } = "";
    }

    static async Task<Ok<LookupStatusResponse>> GetLookupStatus(ClaimsPrincipal user, Db db, LookupQueue queue, HostHealth health,
        TimeProvider time, IOptions<LookupsOptions> options, CancellationToken ct)
    {
        var userId = user.UserId();
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<(string State, string? Outcome, long Count)>(new CommandDefinition("""
            SELECT state, outcome, COUNT(*) FROM lookup_jobs WHERE user_id = @userId GROUP BY state, outcome
            """, new { userId }, cancellationToken: ct))).AsList();
        int Count(string state) => (int)rows.Where(r => r.State == state).Sum(r => r.Count);
        var outcomes = rows.Where(r => r.State is "done" or "failed" && r.Outcome is not null)
            .GroupBy(r => r.Outcome!).ToDictionary(g => g.Key, g => (int)g.Sum(r => r.Count));

        var args = new { userId, now = now.ToString("O"), budget = options.Value.MaxLookupsPerCapture };
        var due = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT COUNT(*) FROM lookup_jobs WHERE user_id = @userId AND state = 'queued' AND not_before <= @now
            """, args, cancellationToken: ct));
        var waits = (await connection.QueryAsync<WaitRow>(new CommandDefinition("""
            SELECT COALESCE(wait_reason, 'retry') AS Reason, wait_host AS Host, COUNT(*) AS Jobs, MIN(not_before) AS Until
            FROM lookup_jobs WHERE user_id = @userId AND state = 'queued' AND not_before > @now
            GROUP BY COALESCE(wait_reason, 'retry'), wait_host ORDER BY MIN(not_before)
            """, args, cancellationToken: ct))).AsList();
        var behind = due == 0 ? 0 : await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM lookup_jobs WHERE state = 'running' AND lease_until >= @now AND user_id <> @userId)
                 + (SELECT COUNT(DISTINCT user_id) FROM lookup_jobs WHERE state = 'queued' AND not_before <= @now AND user_id <> @userId)
            """, args, cancellationToken: ct));
        var overBudget = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT COUNT(*) FROM (SELECT origin_capture_id FROM lookup_jobs WHERE user_id = @userId AND origin_capture_id IS NOT NULL
                                  GROUP BY origin_capture_id HAVING COUNT(*) >= @budget) AS spent
            """, args, cancellationToken: ct));

        var hosts = waits.Where(w => w.Host is not null && w.Reason is "host-backoff" or "host-busy")
            .GroupBy(w => w.Host!)
            .Select(g => new HostWait(g.Key, health.BackingOffUntil(g.Key) ?? DateTimeOffset.Parse(g.Min(w => w.Until)!), (int)g.Sum(w => w.Jobs)))
            .OrderBy(h => h.Until).ToList();
        var waiting = Explain(queue.IsEnabled, health.OfflineUntil, due, behind, waits, hosts, overBudget, Count("running"));
        return TypedResults.Ok(new LookupStatusResponse(queue.IsEnabled, Count("queued"), Count("running"), Count("done"), Count("failed"), outcomes, waiting));
    }

    static int WaitRank(string? reason) => reason switch { "offline" => 0, "host-backoff" => 1, "host-busy" => 3, _ => 2 };

    static LookupWaiting Explain(bool enabled, DateTimeOffset? offlineUntil, int due, int behind, List<WaitRow> waits, List<HostWait> hosts,
        int overBudget, int running)
    {
        var queued = due + (int)waits.Sum(w => w.Jobs);
        var earliest = waits.Count > 0 ? DateTimeOffset.Parse(waits[0].Until) : (DateTimeOffset?)null;
        LookupWaiting Say(string reason, string message, DateTimeOffset? until) => new(reason, message, until, due, behind, hosts, overBudget);

        if (!enabled) return Say("disabled", "Lookups are switched off (Hqt:Lookups:Enabled=false).", null);
        if (queued > 0 && offlineUntil is { } offline)
            return Say("offline", $"No network: several hosts could not be reached, so lookups are paused; the next try is at {offline:O}.", offline);
        if (due > 0)
            return Say("queued", behind == 0 ? $"{due} lookups are due and start as workers free up." : $"{due} lookups are due, queued behind {behind} jobs.", null);
        if (waits.Count > 0)
        {
            // The reason that explains the wait best, not the group that happens to be due first: a host left alone after
            // failing holds its jobs for minutes, while "busy" lasts one request (and a failing host's jobs are often
            // marked busy behind the one attempt that is timing out). Which group is due first depends on timing alone.
            var first = waits.OrderBy(w => WaitRank(w.Reason)).ThenBy(w => w.Until, StringComparer.Ordinal).First();
            var until = DateTimeOffset.Parse(first.Until);
            var message = first.Reason switch
            {
                "host-backoff" => $"Waiting for {first.Host}, left alone after failing until {until:O}.",
                "host-busy" => $"Waiting for {first.Host}, busy with another lookup.",
                "offline" => $"Waiting for the network, which was down; next try at {until:O}.",
                _ => $"Retrying after failures; the next try is at {until:O}.",
            };
            return Say(first.Reason ?? "retry", message, earliest);
        }
        if (running > 0) return Say("running", $"{running} lookups are running.", null);
        if (overBudget > 0)
            return Say("budget-spent", $"{overBudget} captures cited more works than their lookup budget (Hqt:Lookups:MaxLookupsPerCapture); the rest are not looked up.", null);
        return Say("idle", "Nothing is waiting.", null);
    }
}
