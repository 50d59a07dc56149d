using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using Hqt.Api.Auth;
using Hqt.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hqt.Api.Exports;

public static class ExportEndpoints
{
    public static RouteHandlerBuilder MapExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/suggestions/export", ExportSuggestions)
            .WithTags("Suggestions")
            .WithName("ExportSuggestions")
            .WithSummary("Export your suggestions as BibTeX, CSL-JSON, Markdown or RIS")
            .WithDescription("""
                The format comes from `format`, else from the `Accept` header (application/x-bibtex,
                application/vnd.citationstyles.csl+json, text/markdown, application/x-research-info-systems;
                application/json means CSL-JSON), else Markdown. The file is sent as an attachment with a file name.
                BibTeX, CSL-JSON and RIS hold works only and `limit` counts works; Markdown lists works and people,
                two thirds works, and `limit` counts both. Citation keys (BibTeX keys, CSL ids, RIS IDs) are derived
                from each work and do not change when the ranking does.
                """)
            .Produces(StatusCodes.Status200OK, typeof(Stream), ExportFormat.All[0].MediaType, [.. ExportFormat.All.Skip(1).Select(f => f.MediaType)])
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

    static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportSuggestions(
        HttpRequest request, ClaimsPrincipal user, ExportService exports, CancellationToken ct,
        [AllowedValues("bibtex", "csljson", "markdown", "ris")] string? format = null,
        [Range(1, 500)] int limit = 50)
    {
        ExportFormat? chosen;
        if (format is not null)
        {
            if (ExportFormat.Named(format) is not { } named) return Problems.Invalid("format", $"The format is {ExportFormat.Names}.");
            chosen = named;
        }
        else if (ExportFormat.Negotiate(request.GetTypedHeaders().Accept) is { } negotiated) chosen = negotiated;
        else return TypedResults.Problem(
            $"None of the media types in Accept is an export format: ask for {string.Join(", ", ExportFormat.All.Select(f => f.MediaType))}, or pass format={ExportFormat.Names}.",
            statusCode: StatusCodes.Status406NotAcceptable, title: "Not Acceptable");
        if (limit is < 1 or > 500) return Problems.Invalid("limit", "The limit must be between 1 and 500.");

        var content = await exports.ReadAsync(user.UserId(), chosen, limit, ct);
        var bytes = Encoding.UTF8.GetBytes(chosen.Write(content));
        return TypedResults.File(bytes, chosen.ContentType, chosen.FileName);
    }
}
