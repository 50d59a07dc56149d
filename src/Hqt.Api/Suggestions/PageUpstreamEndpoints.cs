using System.Security.Claims;
using Hqt.Api.Auth;
using Hqt.Api.Captures;
using Hqt.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hqt.Api.Suggestions;

public static class PageUpstreamEndpoints
{
    public static RouteGroupBuilder MapPageUpstream(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/api/pages/upstream").WithTags("Suggestions");
        pages.MapGet("/", GetPageUpstream)
            .WithName("GetPageUpstream")
            .WithSummary("What a captured page cites, ranked by your graph, and who inspired its authors")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        pages.MapPost("/", PostPageUpstream)
            .WithName("RankPageUpstream")
            .WithSummary("The same for a page you have not captured: send its URL and HTML")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimits.Cpu)
            .WithBodyLimit((HqtOptions o) => o.MaxCaptureBytes);
        return pages;
    }

    static async Task<Results<Ok<PageUpstream>, ProblemHttpResult, ValidationProblem>> GetPageUpstream(
        string? url, ClaimsPrincipal user, PageUpstreamService service, CancellationToken ct)
    {
        if (url is null || !Problems.IsHttpUrl(url)) return Problems.Invalid("url", Problems.HttpUrlMessage);
        return await service.ForCapturedAsync(user.UserId(), url.Trim(), ct) is { } page
            ? TypedResults.Ok(page)
            : TypedResults.Problem(
                "You have not captured this page. POST its url and html to /api/pages/upstream, or capture it first.",
                statusCode: StatusCodes.Status404NotFound, title: "Page not captured");
    }

    static async Task<Results<Ok<PageUpstream>, ValidationProblem, ProblemHttpResult>> PostPageUpstream(
        PageUpstreamRequest request, ClaimsPrincipal user, PageUpstreamService service, CaptureExtraction extraction, CancellationToken ct)
    {
        if (!Problems.IsHttpUrl(request.Url)) return Problems.Invalid("url", Problems.HttpUrlMessage);
        if (HtmlContent.WhyNotHtml(request.Html) is { } why) return Problems.NotHtml(why);
        var extract = extraction.Run(request.Html, request.Url.Trim());
        return TypedResults.Ok(await service.ForPageAsync(user.UserId(), request.Url.Trim(), extract, ct));
    }
}
