using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Hqt.Api.Hosting;

/// <summary>
/// The document served at /openapi/v1.yaml, which the committed openapi.yaml must equal byte for byte. Written so
/// generators (Kiota, NSwag) and linters (redocly, spectral) take it without hand edits, by general transformers
/// that read each endpoint's metadata: an endpoint added later gets the same treatment without touching this file.
/// </summary>
public static class OpenApiSetup
{
    /// <summary>The server the document names: the default loopback address (a constant, so the committed file does
    /// not depend on the host that served it).</summary>
    public const string DefaultServer = "http://127.0.0.1:5180";

    static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Whether the server is up; anyone may ask.",
        ["Captures"] = "Pages the reader captured, and what was extracted from them.",
        ["Extract"] = "Extraction of a page without storing it.",
        ["Lookups"] = "Progress of the reference lookups that fill in cited works from scholarly indexes.",
        ["Suggestions"] = "Works and people upstream of the reader's library, with feedback and exports.",
        ["Pages"] = "What one page stands on, ranked against the reader's library.",
        ["People"] = "A person in the reader's graph: what they wrote and who cites it.",
        ["Works"] = "A work in the reader's graph: its identities, references and citers.",
        ["Upstream"] = "Ranking of a graph the caller sends, without storing anything.",
    };

    static readonly Dictionary<int, string> ProblemDescriptions = new()
    {
        [400] = "The request is invalid: `errors` names each field and what is wrong with it, `detail` says what could not be read.",
        [401] = "No bearer token, or one the server does not know.",
        [404] = "Nothing with this id in your library.",
        [406] = "None of the media types in Accept can be served.",
        [409] = "The request conflicts with what is stored.",
        [413] = "The body is larger than the server accepts.",
        [415] = "The body is not JSON (or gzip-encoded JSON).",
        [422] = "The request is well-formed but cannot be processed.",
        [429] = "Too many requests: wait for the number of seconds in Retry-After.",
    };

    public static IServiceCollection AddHqtOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Servers = [new OpenApiServer { Url = DefaultServer, Description = "The server on its default loopback address" }];
                document.Info = new OpenApiInfo
                {
                    Title = "hqt API",
                    Version = "v1",
                    Description = "Capture pages, extract their authors and references, and get ranked upstream suggestions. "
                        + "Every error is an RFC 9457 problem (application/problem+json) with a `detail`; validation problems list `errors` by field. "
                        + "Times are UTC, written with a Z and at most millisecond precision.",
                    Contact = new OpenApiContact { Name = "hqt", Url = new Uri(DefaultServer + "/docs") },
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["bearer"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "The token in the api-token file of the data directory, or the one configured as Hqt:ApiToken.",
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                DescribeTags(document);
                GiveProblemsTheirBodies(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                // Routes anyone may call (health) say so instead of inheriting the document's bearer requirement.
                if (anonymous) operation.Security = [];
                operation.Responses ??= new OpenApiResponses();
                if (string.IsNullOrWhiteSpace(operation.Description)) operation.Description = operation.Summary is { } summary ? summary + "." : null;
                if (!anonymous) Respond(operation, 401);
                if (metadata.OfType<EnableRateLimitingAttribute>().Any()) Respond(operation, 429);
                if (metadata.OfType<BodyLimit>().Any() || metadata.OfType<Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute>().Any()) Respond(operation, 413);
                if (operation.RequestBody is not null) { Respond(operation, 400); Respond(operation, 415); }
                if (operation.Parameters?.Count > 0) Respond(operation, 400);
                if (metadata.OfType<Captures.Pending.ReportsPendingCaptures>().Any()) AddPendingHeader(operation);
                DeclareAllowedValues(operation, context);
                return Task.CompletedTask;
            });
            // [AllowedValues] on a wire record's property is its enum.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(AllowedValuesAttribute), true) is [AllowedValuesAttribute allowed, ..])
                    schema.Enum = EnumOf(allowed);
                return Task.CompletedTask;
            });
        });

    /// <summary>/openapi/v1.json and /openapi/v1.yaml, the latter as application/yaml (RFC 9512), not the framework's text/plain+yaml.</summary>
    public static void MapHqtOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.yaml").AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            var response = context.HttpContext.Response;
            response.OnStarting(() =>
            {
                if (response.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true) response.ContentType = "application/yaml; charset=utf-8";
                return Task.CompletedTask;
            });
            return await next(context);
        });
    }

    static List<JsonNode> EnumOf(AllowedValuesAttribute allowed) =>
        allowed.Values.OfType<object>().Select(v => (JsonNode)JsonValue.Create(v.ToString())!).ToList();

    static void Respond(OpenApiOperation operation, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key)) operation.Responses[key] = new OpenApiResponse();
    }

    /// <summary>Query and route parameters with [AllowedValues] are declared as enums (validation enforces the same list).</summary>
    static void DeclareAllowedValues(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            var info = (description.ParameterDescriptor as Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor)?.ParameterInfo;
            if (info?.GetCustomAttributes(typeof(AllowedValuesAttribute), true) is not [AllowedValuesAttribute allowed, ..]) continue;
            if (operation.Parameters?.FirstOrDefault(p => p.Name == description.Name)?.Schema is OpenApiSchema schema)
                schema.Enum = EnumOf(allowed);
        }
    }

    static void AddPendingHeader(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses!)
        {
            if (!status.StartsWith('2') || response is not OpenApiResponse concrete) continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers[Captures.Pending.PendingReadFilter.PendingHeader] = new OpenApiHeader
            {
                Description = "Present when some of your captures are still being extracted: how many. The answer leaves them out; ask again shortly.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            };
        }
    }

    static void DescribeTags(OpenApiDocument document)
    {
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagDescriptions.GetValueOrDefault(name, $"The {name.ToLowerInvariant()} endpoints."),
        }));
    }

    /// <summary>
    /// Every error response is a problem body (400 the validation problem, with <c>errors</c>), each with a description;
    /// 201 answers name the new resource in Location, 429 answers say when to retry in Retry-After.
    /// </summary>
    static void GiveProblemsTheirBodies(OpenApiDocument document)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            if (operation.Responses is null) continue;
            foreach (var (status, response) in operation.Responses)
            {
                if (response is not OpenApiResponse concrete || !int.TryParse(status, out var code)) continue;
                if (code >= 400)
                {
                    if (ProblemDescriptions.TryGetValue(code, out var description) && (concrete.Description is null or "" || IsReasonPhrase(concrete.Description, code)))
                        concrete.Description = description;
                    if (concrete.Content is null || concrete.Content.Count == 0)
                        concrete.Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(code == 400 ? "HttpValidationProblemDetails" : "ProblemDetails", document) },
                        };
                }
                if (code == 429) Header(concrete, "Retry-After", "Seconds to wait before asking again.", JsonSchemaType.Integer);
                if (code == 201) Header(concrete, "Location", "The URL of what was created.", JsonSchemaType.String, "uri-reference");
            }
        }
    }

    static bool IsReasonPhrase(string description, int code) =>
        description == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code);

    static void Header(OpenApiResponse response, string name, string description, JsonSchemaType type, string? format = null)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type, Format = format } };
    }
}
