using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Hqt.Api.Storage;

/// <summary>
/// Forward-only migrations: numbered SQL files embedded in the assembly, each applied once in its own
/// transaction and recorded in <c>schema_version</c>.
/// </summary>
public sealed class Migrator(Db db, ILogger<Migrator> logger)
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = LoadMigrations();

    public static int LatestVersion => Migrations[^1].Version;

    public async Task MigrateAsync(int? upTo = null, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """);
        var current = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version") ?? 0;
        foreach (var (version, name, sql) in Migrations.Where(m => m.Version > current && m.Version <= (upTo ?? int.MaxValue)))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
                new { version, name, appliedAt = DateTimeOffset.UtcNow.ToString("O") }, transaction);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Applied migration {Version} {Name}", version, name);
        }
    }

    static List<(int, string, string)> LoadMigrations()
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            // Resource names look like Hqt.Api.Storage.Migrations.0001_initial.sql.
            var file = resource.Split('.')[^2];
            var version = int.Parse(file[..file.IndexOf('_')]);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add((version, file, reader.ReadToEnd()));
        }
        return migrations.OrderBy(m => m.Item1).ToList();
    }
}
