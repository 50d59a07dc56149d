using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Hosting;

/// <summary>
/// The largest request body a route takes, named by the setting that bounds it and read from validated options per
/// request: routes are mapped without reading configuration, and the limit follows the one bound section.
/// </summary>
public sealed class BodyLimit(Func<HttpContext, long> limit)
{
    public long For(HttpContext context) => limit(context);
}

public static class BodyLimits
{
    /// <summary>Bounds this route's request body by a setting of <typeparamref name="TOptions"/>; a larger body is a 413.</summary>
    public static TBuilder WithBodyLimit<TBuilder, TOptions>(this TBuilder builder, Func<TOptions, long> setting)
        where TBuilder : IEndpointConventionBuilder where TOptions : class =>
        builder.WithMetadata(new BodyLimit(context => setting(context.RequestServices.GetRequiredService<IOptions<TOptions>>().Value)));

    /// <summary>Applies the matched route's <see cref="BodyLimit"/> before anything reads the body (routing has run).</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>() is { } limit
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit.For(context);
        await next(context);
    });
}
