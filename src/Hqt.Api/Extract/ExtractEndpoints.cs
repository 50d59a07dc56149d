using System.ComponentModel.DataAnnotations;
using Hqt.Api.Captures;
using Hqt.Api.Hosting;
using Hqt.Extraction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hqt.Api.Extract;

/// <param name="Url">The address the page was read at; relative links resolve against it.</param>
public sealed record ExtractRequest(
    [property: Required, StringLength(8192)] string Url,
    [property: Required(AllowEmptyStrings = true)] string Html);

public static class ExtractEndpoints
{
    public static RouteGroupBuilder MapExtract(this IEndpointRouteBuilder app)
    {
        var extract = app.MapGroup("/api/extract").WithTags("Extract");
        extract.MapPost("/", ExtractPage)
            .WithName("ExtractPage")
            .WithSummary("Extract a page's metadata, authors and references without storing anything")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimits.Cpu)
            .WithBodyLimit((HqtOptions o) => o.MaxExtractBytes);
        return extract;
    }

    static Results<Ok<PageExtract>, ValidationProblem, ProblemHttpResult> ExtractPage(ExtractRequest request)
    {
        if (!Problems.IsHttpUrl(request.Url)) return Problems.Invalid("url", Problems.HttpUrlMessage);
        if (HtmlContent.WhyNotHtml(request.Html) is { } why) return Problems.NotHtml(why);
        return TypedResults.Ok(PageExtractor.Extract(request.Html, request.Url.Trim()));
    }
}
