using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Tests.Lookups;

public sealed record LookupStatusDto(bool IsEnabled, int Queued, int Running, int Done, int Failed, Dictionary<string, int> Outcomes, LookupWaitingDto Waiting);

public sealed record LookupWaitingDto(string Reason, string Message, DateTimeOffset? Until, int DueNow, int QueuedBehind, List<HostWaitDto> Hosts, int CapturesOverBudget);

public sealed record HostWaitDto(string Host, DateTimeOffset Until, int Jobs);

public sealed class JobRow
{
    public long WorkId { get; init; }
    public long Depth { get; init; }
    public string State { get; init; } = "";
    public string? Outcome { get; init; }
    public long Attempts { get; init; }
    public string NotBefore { get; init; } = "";
    public string? LastError { get; init; }
}

/// <summary>Waits for the worker and reads the graph straight from the test server's database.</summary>
public static class LookupWait
{
    public static async Task<LookupStatusDto> UntilIdleAsync(HttpClient client, int atLeastDone = 0, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = (await client.GetFromJsonAsync<LookupStatusDto>("/api/lookups"))!;
            if ((status.Queued == 0 && status.Running == 0 && status.Done + status.Failed >= atLeastDone) || DateTime.UtcNow > deadline) return status;
            await Task.Delay(50);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> done, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The lookups did not get there in time.");
            await Task.Delay(50);
        }
    }

    public static async Task<T> QueryOneAsync<T>(HqtApiFactory factory, string sql, object? args = null)
    {
        await using var connection = await factory.Services.GetRequiredService<Db>().OpenAsync();
        return await connection.QuerySingleAsync<T>(sql, args);
    }

    public static async Task<List<T>> QueryAsync<T>(HqtApiFactory factory, string sql, object? args = null)
    {
        await using var connection = await factory.Services.GetRequiredService<Db>().OpenAsync();
        return (await connection.QueryAsync<T>(sql, args)).AsList();
    }

    public static Task<long> WorkIdAsync(HqtApiFactory factory, string scheme, string value) =>
        QueryOneAsync<long>(factory, "SELECT work_id FROM work_identities WHERE scheme = @scheme AND value = @value", new { scheme, value });

    public static Task<List<JobRow>> JobsAsync(HqtApiFactory factory) =>
        QueryAsync<JobRow>(factory, """
            SELECT work_id AS WorkId, depth, state, outcome, attempts, not_before AS NotBefore, last_error AS LastError
            FROM lookup_jobs ORDER BY id
            """);
}
