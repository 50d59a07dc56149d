using System.Security.Claims;
using Dapper;
using Hqt.Api.Auth;
using Hqt.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hqt.Api.Lookups;

/// <summary>How far the reader's lookups have got: what is queued, running, done and failed, and what the done ones found.</summary>
public sealed record LookupStatusResponse(bool IsEnabled, int Queued, int Running, int Done, int Failed, IReadOnlyDictionary<string, int> Outcomes);

public static class LookupEndpoints
{
    public static RouteGroupBuilder MapLookups(this IEndpointRouteBuilder app)
    {
        var lookups = app.MapGroup("/api/lookups").WithTags("Lookups");
        lookups.MapGet("/", GetLookupStatus).WithName("GetLookupStatus").WithSummary("Progress of the reader's reference lookups");
        return lookups;
    }

    static async Task<Ok<LookupStatusResponse>> GetLookupStatus(ClaimsPrincipal user, Db db, LookupQueue queue, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<(string State, string? Outcome, long Count)>(new CommandDefinition("""
            SELECT state, outcome, COUNT(*) FROM lookup_jobs WHERE user_id = @Id GROUP BY state, outcome
            """, new { Id = user.UserId() }, cancellationToken: ct))).AsList();
        int Count(string state) => (int)rows.Where(r => r.State == state).Sum(r => r.Count);
        var outcomes = rows.Where(r => r.State is "done" or "failed" && r.Outcome is not null)
            .GroupBy(r => r.Outcome!).ToDictionary(g => g.Key, g => (int)g.Sum(r => r.Count));
        return TypedResults.Ok(new LookupStatusResponse(queue.IsEnabled, Count("queued"), Count("running"), Count("done"), Count("failed"), outcomes));
    }
}
