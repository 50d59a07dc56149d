using System.Diagnostics;
using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Captures.Pending;

/// <summary>
/// Reads that show captures or the graph first finish the reader's pending extractions, so no read shows a capture
/// that was acknowledged but not yet in the graph. Within <c>Hqt:PendingReadBudget</c> a read: claims the reader's
/// unclaimed pending captures and extracts them itself (a batch per commit); takes over those this process's worker
/// claimed but has not started; and waits for those being extracted elsewhere (a started extraction here, or a claim
/// of another instance, polled) rather than computing them twice: the holder stores them in one transaction, so the
/// read sees a capture either pending or wholly extracted. A lapsed lease (the holder crashed) makes the capture
/// claimable again, and the read takes it. A backlog bigger than the budget is answered with what is done, and the
/// answer says how many are left in a <c>Hqt-Pending-Captures</c> header.
/// </summary>
public sealed class PendingReadFilter(PendingExtractions pending, IOptions<HqtOptions> options)
{
    public const string PendingHeader = "Hqt-Pending-Captures";
    const int BatchSize = 8;
    static readonly TimeSpan PollElsewhere = TimeSpan.FromMilliseconds(50);

    /// <summary>Extracts the user's pending captures for up to <paramref name="budget"/>; returns how many are still pending (0 almost always).</summary>
    public async Task<int> FinishForUserAsync(long userId, TimeSpan budget, CancellationToken ct)
    {
        var queue = pending.Queue;
        // Almost every read finds nothing pending: one read of the pending captures' partial index says so, where a
        // claim is a write transaction (the single writer's turn on SQLite): that cost every read of a 10k library ~20 ms.
        if (await queue.CountAsync(userId, ct) == 0) return 0;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (clock.Elapsed > budget) return await queue.CountAsync(userId, ct);
            if (await queue.ClaimAsync(pending.Owner, userId, BatchSize, ct) is { Count: > 0 } claimed)
            {
                var mine = claimed.Select(c => new PendingExtractions.InFlight(c, started: true)).Where(pending.TryRegister).ToList();
                await ExtractAsync(mine, ct);
                continue;
            }
            var held = await queue.HeldAsync(userId, ct);
            if (held.Count == 0)
            {
                if (await queue.CountAsync(userId, ct) == 0) return 0;
                continue;   // released or lapsed between the two statements: claim them
            }
            var takenOver = new List<PendingExtractions.InFlight>();
            var runningHere = new List<Task>();
            foreach (var id in held)
            {
                if (pending.Running(id) is not { } work) continue;
                if (work.TryTakeOver()) takenOver.Add(work);
                else runningHere.Add(work.Done.Task);
            }
            if (takenOver.Count > 0)
            {
                await ExtractAsync(takenOver, ct);
                continue;
            }
            var left = budget - clock.Elapsed;
            if (left <= TimeSpan.Zero) continue;
            // Held by another instance: poll its progress (and its lease); held only here: wait for them to finish.
            var wait = runningHere.Count < held.Count && left > PollElsewhere ? PollElsewhere : left;
            var here = Task.WhenAll(runningHere);
            await Task.WhenAny(here, Task.Delay(wait, ct));
            // A failed extraction here released its capture: the next round claims it.
            if (here.IsFaulted) _ = here.Exception;
        }
    }

    /// <summary>Extracts at normal priority (the reader is waiting) and stores the batch in one commit, or gives the captures back.</summary>
    async Task ExtractAsync(List<PendingExtractions.InFlight> works, CancellationToken ct)
    {
        if (works.Count == 0) return;
        var ids = works.Select(w => w.Capture.Id).ToList();
        try
        {
            var extracted = await pending.KeepingLeaseAsync(ids,
                Task.Run(() => works.Select(w => (w.Capture, pending.Extract(w.Capture))).ToList(), ct), ct);
            await pending.StoreAsync(extracted, ct);
            foreach (var work in works) pending.Finished(work);
        }
        catch (Exception e)
        {
            foreach (var work in works) pending.Finished(work, e);
            await pending.Queue.ReleaseAsync(pending.Owner, ids, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The read budget of <c>Hqt:PendingReadBudget</c>.</summary>
    public TimeSpan ReadBudget => options.Value.PendingReadBudget;
}

/// <summary>Attaches <see cref="PendingReadFilter"/> to a route group, and lets an endpoint in it opt out.</summary>
public static class PendingReadFilterExtensions
{
    /// <summary>
    /// Every endpoint of the group (and of the groups mapped inside it) finishes the reader's pending extractions
    /// first, except those marked <see cref="SkipsPendingExtractions"/> (by <see cref="AnswersBeforePendingExtractions{TBuilder}"/>).
    /// </summary>
    public static RouteGroupBuilder FinishesPendingExtractions(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated == true && http.GetEndpoint()?.Metadata.GetMetadata<SkipsPendingExtractions>() is null)
            {
                var filter = http.RequestServices.GetRequiredService<PendingReadFilter>();
                var left = await filter.FinishForUserAsync(Auth.CurrentUser.UserId(http.User), filter.ReadBudget, http.RequestAborted);
                if (left > 0) http.Response.Headers[PendingReadFilter.PendingHeader] = left.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return await next(context);
        });
        // Finally: after the endpoints' own conventions, so an opt-out is seen (the OpenAPI document declares the header from this).
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<SkipsPendingExtractions>().Any()) endpoint.Metadata.Add(new ReportsPendingCaptures());
        });
        return group;
    }

    /// <summary>An endpoint in such a group that writes without showing the graph (storing a capture, deleting one): it does not wait.</summary>
    public static TBuilder AnswersBeforePendingExtractions<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SkipsPendingExtractions());
}

/// <summary>Marks an endpoint that may answer with a <c>Hqt-Pending-Captures</c> header (the OpenAPI document declares it).</summary>
public sealed record ReportsPendingCaptures;

/// <summary>Marks an endpoint that answers without finishing the reader's pending extractions.</summary>
public sealed record SkipsPendingExtractions;
