using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Hqt.Api.Storage;

/// <summary>
/// Data-protection keys in the PostgreSQL database, so every instance of a deployment reads and writes the same key
/// ring (a key one instance makes is used by the others; with keys per instance, whatever one protects the others
/// cannot read). On SQLite the keys stay in the data directory's <c>keys/</c> folder: one instance owns that file anyway.
/// </summary>
/// <remarks>
/// The table is created here, not by a numbered migration: it exists on PostgreSQL only, and the migration numbers
/// are one schema on both engines. Data protection asks synchronously, a few times a process lifetime.
/// </remarks>
public sealed class DatabaseKeyRepository(Db db) : IXmlRepository
{
    const string CreateTable = """
        CREATE TABLE IF NOT EXISTS data_protection_keys (
            friendly_name text PRIMARY KEY,
            xml text NOT NULL,
            created_at text NOT NULL
        )
        """;

    bool _created;

    public IReadOnlyCollection<XElement> GetAllElements() => Run(async connection =>
        (await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name"))
            .Select(x => XElement.Parse(x)).ToList());

    public void StoreElement(XElement element, string friendlyName) => Run(async connection =>
        await connection.ExecuteAsync("""
            INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @createdAt)
            ON CONFLICT (friendly_name) DO NOTHING
            """, new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), createdAt = DateTimeOffset.UtcNow.ToString("O") }));

    T Run<T>(Func<System.Data.Common.DbConnection, Task<T>> action) => Task.Run(async () =>
    {
        await using var connection = await db.OpenAsync();
        if (!_created)
        {
            // Two instances starting together: CREATE TABLE IF NOT EXISTS can still race on the catalog, so one lock.
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(7243)", transaction: tx);
            await connection.ExecuteAsync(CreateTable, transaction: tx);
            await tx.CommitAsync();
            _created = true;
        }
        return await action(connection);
    }).GetAwaiter().GetResult();
}
