namespace Hqt.Api.Hosting;

public static class Cors
{
    /// <summary>
    /// Only the configured extension origins may call the API from a browser (<see cref="CorsOptions"/>); in Development
    /// with none configured, any extension origin. Web pages never. No cookies: the token travels in a header.
    /// </summary>
    public static IServiceCollection AddHqtCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<HqtOptions>, IHostEnvironment>((cors, bound, environment) =>
            {
                var allowed = bound.Value.Cors.ExtensionOrigins.Select(o => o.Trim().TrimEnd('/')).Where(o => o.Length > 0).ToHashSet(StringComparer.Ordinal);
                var anyExtension = allowed.Count == 0 && environment.IsDevelopment();
                cors.AddDefaultPolicy(policy => policy
                    .SetIsOriginAllowed(origin => allowed.Contains(origin) || (anyExtension && IsExtensionOrigin(origin)))
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .WithExposedHeaders("Location", "Retry-After"));
            });
        return services;
    }

    public static bool IsExtensionOrigin(string origin) =>
        origin.StartsWith("chrome-extension://", StringComparison.Ordinal) || origin.StartsWith("moz-extension://", StringComparison.Ordinal);
}
