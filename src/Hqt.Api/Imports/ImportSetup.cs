namespace Hqt.Api.Imports;

public static class ImportSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportStore>();
        services.AddSingleton<ImportBatches>();
        services.AddSingleton<BookmarkFetcher>();
        services.AddSingleton<ImportWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ImportWorker>());
        return services;
    }
}
