namespace Hqt.Api.Library;

public static class LibrarySetup
{
    /// <summary>Search over captures (and its backfill of older captures' text), and the influence picture.</summary>
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddSingleton<CaptureSearchStore>();
        services.AddHostedService<SearchBackfill>();
        services.AddSingleton<GraphViewService>();
        return services;
    }
}
