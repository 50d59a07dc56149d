namespace Hqt.Api.Hosting;

public static class Cors
{
    /// <summary>Browser extensions may call the API; web pages may not. No cookies: the token travels in a header.</summary>
    public static IServiceCollection AddHqtCors(this IServiceCollection services) =>
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(IsExtensionOrigin)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("Location", "Retry-After")));

    public static bool IsExtensionOrigin(string origin) =>
        origin.StartsWith("chrome-extension://", StringComparison.Ordinal) || origin.StartsWith("moz-extension://", StringComparison.Ordinal);
}
