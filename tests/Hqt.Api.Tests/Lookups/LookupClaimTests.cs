using Hqt.Api.Lookups;

namespace Hqt.Api.Tests.Lookups;

/// <summary>
/// Which job a worker claims next (<see cref="LookupQueue.ClaimAsync"/>), on job rows the test writes itself: lookups are
/// switched off, so no worker runs and every claim here is the test's own. These are the timing races of the worker
/// loop, pinned down without timing.
/// </summary>
public class LookupClaimTests
{
    const string Worker = "test-host/1/worker";

    static LookupsApiFactory Factory()
    {
        var settings = LookupsApiFactory.Defaults("http://127.0.0.2:9", "http://127.0.0.2:9");
        settings["Hqt:Lookups:Enabled"] = "false";
        return new LookupsApiFactory(settings);
    }

    /// <summary>Works to hang jobs on: a captured page's cited works (lookups are off, so the capture queues none).</summary>
    static async Task<List<long>> WorksAsync(LookupsApiFactory factory)
    {
        using var client = factory.CreateAuthorizedClient();
        var cites = Enumerable.Range(1, 4).Select(i => $"https://cited.example.org/paper/{i}").ToArray();
        (await client.PostAsJsonAsync("/api/captures", TestPages.Capture("https://blog.example.com/claims", Fixtures.Page("Claims", "Reader", 2024, cites)))).EnsureSuccessStatusCode();
        var works = await LookupWait.QueryAsync<long>(factory, "SELECT id FROM works ORDER BY id");
        Assert.True(works.Count >= 4, $"{works.Count} works");
        return works;
    }

    static async Task<long> JobAsync(LookupsApiFactory factory, long userId, long workId, string state, DateTimeOffset? leaseUntil = null,
        DateTimeOffset? claimedAt = null)
    {
        var now = DateTimeOffset.UtcNow;
        return await LookupWait.QueryOneAsync<long>(factory, """
            INSERT INTO lookup_jobs (user_id, work_id, depth, state, attempts, not_before, lease_owner, lease_until, claimed_at, created_at, updated_at)
            VALUES (@userId, @workId, 1, @state, @attempts, @notBefore, @owner, @leaseUntil, @claimedAt, @now, @now)
            RETURNING id
            """, new
        {
            userId, workId, state, attempts = state == "queued" ? 0 : 1, notBefore = now.AddMinutes(-5).ToString("O"),
            owner = state == "running" ? Worker : null, leaseUntil = leaseUntil?.ToString("O"), claimedAt = claimedAt?.ToString("O"),
            now = now.ToString("O"),
        });
    }

    static Task<long> UserAsync(LookupsApiFactory factory, string name) =>
        factory.Services.GetRequiredService<Hqt.Api.Auth.TokenStore>().EnsureUserWithTokenAsync(name, $"{name}-claim-token-Qw8Ez3Rt6Yu1", null, default);

    [Fact]
    public async Task AWorkerDoesNotTakeBackAJobItIsStillRunningButTakesOverOneWhoseRunnerIsGone()
    {
        using var factory = Factory();
        var works = await WorksAsync(factory);
        var reader = await UserAsync(factory, "claimer");
        var queue = factory.Services.GetRequiredService<LookupQueue>();
        // A job whose lease ran out a moment ago while this worker's runner still has it (it is about to be cut off and
        // say so), and another job of the same reader, due.
        var lapsed = await JobAsync(factory, reader, works[0], "running", leaseUntil: DateTimeOffset.UtcNow.AddSeconds(-1), claimedAt: DateTimeOffset.UtcNow.AddSeconds(-5));
        var due = await JobAsync(factory, reader, works[1], "queued");

        var next = await queue.ClaimAsync(Worker, [lapsed], default);
        Assert.Equal(due, next?.Id);
        Assert.Null(await queue.ClaimAsync(Worker, [lapsed, due], default));
        Assert.Equal(1, await LookupWait.QueryOneAsync<int>(factory, "SELECT attempts FROM lookup_jobs WHERE id = @lapsed", new { lapsed }));

        // Once no runner of this worker has it (it crashed, or the worker restarted), the lapsed lease is taken over.
        var taken = await queue.ClaimAsync(Worker, [due], default);
        Assert.Equal(lapsed, taken?.Id);
        Assert.Equal(2, taken!.Attempts);
        Assert.True(DateTimeOffset.Parse(taken.LeaseUntil) > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task AReaderNeverServedGoesBeforeAReaderAlreadyServed()
    {
        using var factory = Factory();
        var works = await WorksAsync(factory);
        var served = await UserAsync(factory, "served");
        var newcomer = await UserAsync(factory, "newcomer");
        // Neither has a job running; one was served a minute ago and has more due, the other has never been served.
        await JobAsync(factory, served, works[0], "done", claimedAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        await JobAsync(factory, served, works[1], "queued");
        await JobAsync(factory, served, works[2], "queued");
        var first = await JobAsync(factory, newcomer, works[3], "queued");

        var queue = factory.Services.GetRequiredService<LookupQueue>();
        var next = await queue.ClaimAsync(Worker, [], default);
        Assert.Equal(first, next?.Id);
        Assert.Equal(newcomer, next!.UserId);
    }
}
