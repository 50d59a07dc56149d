using System.Security.Claims;
using Hqt.Api.Auth;
using Hqt.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hqt.Api.Library;

public static class GraphViewEndpoints
{
    public const int MaxNodes = 500;

    public static RouteGroupBuilder MapGraphView(this IEndpointRouteBuilder app)
    {
        var graph = app.MapGroup("/api/graph").WithTags("Library");
        graph.MapGet("/", GetGraph)
            .WithName("GetGraphPicture")
            .WithSummary("The influence picture: your top works, people and the captures behind them, with the edges between them")
            .WithDescription("Bounded to the top `limit` nodes by evidence (at most 500): suggested works in the ranker's order, each with up to three citing captures and works, then the people who wrote them.")
            .ProducesValidationProblem();
        return graph;
    }

    static async Task<Results<Ok<GraphPicture>, ValidationProblem>> GetGraph(ClaimsPrincipal user, GraphViewService pictures, CancellationToken ct, int limit = 200)
    {
        if (limit is < 1 or > MaxNodes) return Problems.Invalid("limit", $"The limit must be between 1 and {MaxNodes}.");
        return TypedResults.Ok(await pictures.BuildAsync(user.UserId(), limit, ct));
    }
}
