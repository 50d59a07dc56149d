namespace Hqt.Api.Hosting;

/// <summary>
/// Every problem body says what went wrong in <c>detail</c>, also when the framework answered on its own (a body
/// that is not JSON, a value of the wrong type, a missing token, an unknown route); a 400 without field errors
/// gets them too, so clients read one shape for every validation failure.
/// </summary>
public static class ProblemBodies
{
    static readonly Dictionary<int, string> Details = new()
    {
        [400] = "The request could not be read: the body is not valid JSON, or a value has the wrong type or format (times need a zone: Z or an offset). The API's schema at /openapi/v1.yaml lists what each field takes.",
        [401] = "Send your API token as 'Authorization: Bearer <token>'.",
        [403] = "This token may not do that.",
        [404] = "Nothing here: no such route, or nothing with this id in your library.",
        [405] = "This route does not take that method.",
        [406] = "None of the media types in Accept can be served.",
        [413] = "The body is larger than the server accepts.",
        [415] = "Send the body as application/json (gzip-encoded if you like, with Content-Encoding: gzip).",
        [429] = "Too many requests: wait for the number of seconds in Retry-After.",
        [500] = "The server failed to answer; its log has the details.",
        [503] = "The server is busy or starting; try again shortly.",
    };

    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (string.IsNullOrEmpty(problem.Detail) && Details.TryGetValue(status, out var detail))
        {
            problem.Detail = status == 400 && problem is HttpValidationProblemDetails { Errors.Count: > 0 }
                ? "One or more fields are invalid: see errors."
                : detail;
        }
        if (status == 400 && problem is not HttpValidationProblemDetails && !problem.Extensions.ContainsKey("errors"))
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [context.HttpContext.Request.ContentLength > 0 ? "body" : "request"] = [problem.Detail!] };
    }
}
