using System.Security.Claims;
using Hqt.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hqt.Api.Works;

public static class WorkEndpoints
{
    public static RouteGroupBuilder MapWorks(this IEndpointRouteBuilder app)
    {
        var works = app.MapGroup("/api/works").WithTags("Works");
        works.MapGet("/{id}", GetWork)
            .WithName("GetWork")
            .WithSummary("Get a work with its identities, references, citers in your graph and its lookup status")
            .WithDescription("The id is the one suggestions give (work-12); a bare number is accepted too.");
        return works;
    }

    static async Task<Results<Ok<WorkResponse>, NotFound>> GetWork(string id, ClaimsPrincipal user, WorkStore store, CancellationToken ct) =>
        WorkIds.Parse(id) is { } workId && await store.FindAsync(user.UserId(), workId, ct) is { } work
            ? TypedResults.Ok(work)
            : TypedResults.NotFound();
}
