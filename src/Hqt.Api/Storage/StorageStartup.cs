using Hqt.Api.Auth;
using Hqt.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Storage;

public static class StorageStartup
{
    /// <summary>Creates the data directory, migrates the database and makes sure a token exists, before the first request.</summary>
    public static async Task PrepareStorageAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<HqtOptions>>().Value;
        DataFiles.EnsureDirectory(options.ResolvedDataDirectory);
        await services.GetRequiredService<Migrator>().MigrateAsync(ct: ct);
        await services.GetRequiredService<TokenBootstrap>().RunAsync(ct);
    }
}
