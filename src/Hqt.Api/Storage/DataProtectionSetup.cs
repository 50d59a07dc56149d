using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Hqt.Api.Storage;

static class DataProtectionSetup
{
    /// <summary>
    /// Authentication pulls in data protection. Its keys live with the server's data: in the data directory on SQLite,
    /// in the database on PostgreSQL, where every instance of a deployment must share them.
    /// </summary>
    public static void AddHqtDataProtection(this IServiceCollection services, DatabaseOptions database, string dataDirectory)
    {
        if (database.ParsedProvider == DbProvider.Postgres)
            services.AddDataProtection().SetApplicationName("hqt").Services.AddOptions<KeyManagementOptions>()
                .Configure<Db>((keys, db) => keys.XmlRepository = new DatabaseKeyRepository(db));
        else
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
    }
}
