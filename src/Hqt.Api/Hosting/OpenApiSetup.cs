using Microsoft.OpenApi;

namespace Hqt.Api.Hosting;

public static class OpenApiSetup
{
    /// <summary>The document served at /openapi/v1.yaml, which the committed openapi.yaml must equal byte for byte.</summary>
    public static IServiceCollection AddHqtOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                // The committed file must not depend on the host that served it.
                document.Servers = [];
                document.Info = new OpenApiInfo
                {
                    Title = "hqt API",
                    Version = "v1",
                    Description = "Capture pages, extract their authors and references, and get ranked upstream suggestions.",
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
                return Task.CompletedTask;
            });
            // Routes anyone may call (health) say so instead of inheriting the document's bearer requirement.
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
                    operation.Security = [];
                return Task.CompletedTask;
            });
        });
}
