using System.Data.Common;
using System.Reflection;
using Dapper;

namespace Hqt.Api.Storage;

/// <summary>
/// Forward-only migrations: numbered SQL files embedded in the assembly, each applied once in its own
/// transaction and recorded in <c>schema_version</c>. SQLite's are in <c>Migrations/</c>, PostgreSQL's in
/// <c>Migrations/Postgres/</c> with the same numbers: one schema version is one schema on either engine.
/// </summary>
public sealed class Migrator(Db db, ILogger<Migrator> logger)
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = LoadMigrations(postgres: false);
    public static IReadOnlyList<(int Version, string Name, string Sql)> PostgresMigrations { get; } = LoadMigrations(postgres: true);

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Any number: the advisory lock's key, so instances starting together migrate one after the other.</summary>
    const long MigrationLockKey = 0x6871_745F_6D69_67; // "hqt_mig"

    public async Task MigrateAsync(int? upTo = null, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        if (db.IsPostgres)
        {
            // A session lock held while migrating: a second instance waits here, then finds nothing left to apply.
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey }, cancellationToken: ct));
            try { await ApplyAsync(connection, PostgresMigrations, upTo, ct); }
            finally { await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey }); }
            return;
        }
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await ApplyAsync(connection, Migrations, upTo, ct);
    }

    async Task ApplyAsync(DbConnection connection, IReadOnlyList<(int Version, string Name, string Sql)> migrations, int? upTo, CancellationToken ct)
    {
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """);
        var current = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version") ?? 0;
        foreach (var (version, name, sql) in migrations.Where(m => m.Version > current && m.Version <= (upTo ?? int.MaxValue)))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
                new { version, name, appliedAt = DateTimeOffset.UtcNow.ToString("O") }, transaction);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Applied migration {Version} {Name}", version, name);
        }
    }

    static List<(int, string, string)> LoadMigrations(bool postgres)
    {
        var assembly = typeof(Migrator).Assembly;
        var folder = postgres ? "Hqt.Api.Storage.Migrations.Postgres." : "Hqt.Api.Storage.Migrations.";
        var migrations = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)
                         && !n[folder.Length..^4].Contains('.')))
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
