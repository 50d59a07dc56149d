using System.ComponentModel.DataAnnotations;
using Hqt.Api.Hosting;
using Hqt.Extraction.ReferenceStrings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hqt.Api.References;

/// <param name="References">Reference strings as a reader sees them in a reference list, 1 to 1,000, each at most 4,000 characters.</param>
public sealed record ParseReferencesRequest([property: Required] IReadOnlyList<string> References);

public sealed record ParseReferencesResponse(IReadOnlyList<ParsedReferenceResponse> References);

public static class ReferenceParseEndpoints
{
    public const int MaxReferences = 1000;
    const long MaxBodyBytes = 8 * 1024 * 1024;

    public static RouteGroupBuilder MapReferenceParsing(this IEndpointRouteBuilder app)
    {
        var references = app.MapGroup("/api/references").WithTags("References");
        references.MapPost("/parse", ParseReferences)
            .WithName("ParseReferences")
            .WithSummary("Parse reference strings into their fields (authors, title, container, volume, pages, year, identifiers)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return references;
    }

    static Results<Ok<ParseReferencesResponse>, ValidationProblem, ProblemHttpResult> ParseReferences(ParseReferencesRequest request)
    {
        var texts = request.References;
        if (texts.Count == 0) return Problems.Invalid("references", "Send at least one reference string.");
        if (texts.Count > MaxReferences)
            return TypedResults.Problem($"At most {MaxReferences} references a call; this one had {texts.Count}.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many references");
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i])) return Problems.Invalid($"references[{i}]", "A reference string must not be empty.");
            if (texts[i].Length > ReferenceParser.MaxLength)
                return Problems.Invalid($"references[{i}]", $"A reference string must be at most {ReferenceParser.MaxLength} characters.");
        }
        var parsed = new ParsedReferenceResponse[texts.Count];
        for (var i = 0; i < texts.Count; i++) parsed[i] = ParsedReferenceResponse.From(ReferenceParser.Parse(texts[i]));
        return TypedResults.Ok(new ParseReferencesResponse(parsed));
    }
}
