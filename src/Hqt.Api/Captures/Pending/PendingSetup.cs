namespace Hqt.Api.Captures.Pending;

/// <summary>
/// Pending extraction's parts: the queue (<see cref="PendingQueue"/>, the store of deferred captures and their claims),
/// the worker (<see cref="ExtractionWorker"/>, draining it in the background) and the read filter
/// (<see cref="PendingReadFilter"/>, attached to a route group with <c>FinishesPendingExtractions()</c>), with what they
/// share in one process (<see cref="PendingExtractions"/>).
/// </summary>
public static class PendingSetup
{
    public static IServiceCollection AddPendingExtraction(this IServiceCollection services)
    {
        services.AddSingleton<LowPriorityCpu>();
        services.AddSingleton<PendingQueue>();
        services.AddSingleton<PendingExtractions>();
        services.AddSingleton<PendingReadFilter>();
        services.AddHostedService<ExtractionWorker>();
        return services;
    }
}
