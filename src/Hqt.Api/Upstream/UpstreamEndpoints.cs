using Hqt.Api.Hosting;
using Hqt.Upstream;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Upstream;

public static class UpstreamEndpoints
{
    public static RouteGroupBuilder MapUpstream(this IEndpointRouteBuilder app)
    {
        var upstream = app.MapGroup("/api/upstream").WithTags("Upstream");
        upstream.MapPost("/", RankUpstream)
            .WithName("RankUpstream")
            .WithSummary("Rank the works and people upstream of the captures in the body (upstream-suggest/v1), storing nothing")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimits.Cpu)
            .WithBodyLimit((HqtOptions o) => o.MaxUpstreamBytes);
        return upstream;
    }

    static Results<Ok<UpstreamResponse>, ValidationProblem> RankUpstream(UpstreamRequest request)
    {
        if (request.Schema is { } schema && schema != UpstreamRequest.SchemaName)
            return Problems.Invalid("schema", $"Only \"{UpstreamRequest.SchemaName}\" is understood.");
        if (FirstProblem(request) is { } problem) return Problems.Invalid(problem.Field, problem.Message);
        return TypedResults.Ok(UpstreamRanker.Rank(request.ToGraph(), request.ToOptions()).ToResponse());
    }

    // What annotations cannot say: ids are unique among captures and no list holds a null.
    static (string Field, string Message)? FirstProblem(UpstreamRequest request)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Captures.Count; i++)
        {
            var capture = request.Captures[i];
            if (capture is null) return ($"captures[{i}]", "A capture cannot be null.");
            if (!ids.Add(capture.Id)) return ($"captures[{i}].id", $"The capture id \"{capture.Id}\" appears twice.");
            if (capture.References?.Any(r => r is null) == true) return ($"captures[{i}].references", "A reference cannot be null.");
            if (capture.Authors?.Any(a => a is null) == true) return ($"captures[{i}].authors", "An author cannot be null.");
        }
        var works = request.Lookup?.Works ?? [];
        for (var i = 0; i < works.Count; i++)
        {
            if (works[i] is null) return ($"lookup.works[{i}]", "A work cannot be null.");
            if (works[i].References?.Any(string.IsNullOrEmpty) == true) return ($"lookup.works[{i}].references", "A reference id cannot be empty.");
            if (works[i].Authors?.Any(a => a is null) == true) return ($"lookup.works[{i}].authors", "An author cannot be null.");
        }
        return null;
    }
}
