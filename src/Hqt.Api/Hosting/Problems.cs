using Microsoft.AspNetCore.Http.HttpResults;

namespace Hqt.Api.Hosting;

/// <summary>The few checks handlers share, answered as the framework's own validation problems.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotHtml(string why) =>
        TypedResults.Problem(why, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not an HTML page");

    public static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    public const string HttpUrlMessage = "The url must be an absolute http or https URL.";
}
