using Dapper;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Tests;

/// <summary>Migrations on the suite's provider: from empty, from the previous version keeping data, applied once.</summary>
public class MigrationTests : IDisposable
{
    readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "hqt-tests", Guid.NewGuid().ToString("N"));
    readonly PostgresDatabase? _postgres = TestDatabase.IsPostgres ? TestDatabase.CreateEmpty() : null;

    Db NewDb()
    {
        Directory.CreateDirectory(_dataDirectory);
        var database = _postgres is null
            ? new DatabaseOptions()
            : new DatabaseOptions { Provider = "postgres", ConnectionString = _postgres.ConnectionString };
        return new Db(Options.Create(new HqtOptions { DataDirectory = _dataDirectory }), Options.Create(database));
    }

    [Fact]
    public async Task AnOlderDatabaseUpgradesKeepingItsData()
    {
        await using var db = NewDb();
        var migrator = new Migrator(db, NullLogger<Migrator>.Instance);
        await migrator.MigrateAsync(upTo: 1);
        await using (var connection = await db.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO users (id, name, created_at) VALUES (1, 'old', '2024-01-01T00:00:00Z');
                INSERT INTO documents (id, user_id, canonical_url, created_at) VALUES (1, 1, 'https://old.example/', '2024-01-01T00:00:00Z');
                """);
            await connection.ExecuteAsync("""
                INSERT INTO captures (id, user_id, document_id, url, captured_at, received_at, content_hash, html_gzip, html_length, extractor_version, extract_json)
                VALUES (1, 1, 1, 'https://old.example/', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'h', @html, 1, 1, '{"authors":[{"name":"Ada Lovelace"}],"siteName":"Old"}');
                """, new { html = new byte[] { 0 } });
        }

        await migrator.MigrateAsync();
        await migrator.MigrateAsync(); // a second start applies nothing twice

        await using var after = await db.OpenAsync();
        Assert.Equal(Migrator.LatestVersion, await after.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(Migrator.Migrations.Count, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("https://old.example/", await after.ExecuteScalarAsync<string>("SELECT url FROM captures WHERE id = 1"));
        // 0006 indexed the old capture's extracted fields for search.
        Assert.Equal(1, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM capture_search_backfill"));
        if (db.IsPostgres)
        {
            Assert.Equal("Ada Lovelace", await after.ExecuteScalarAsync<string>("SELECT authors FROM capture_search WHERE capture_id = 1"));
            // An id handed out after explicit ids: identity columns must not collide with the rows inserted by id.
            await after.ExecuteAsync("SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT MAX(id) FROM users))");
        }
        else
        {
            Assert.Equal("wal", await after.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            Assert.Equal(1, await after.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
            Assert.Equal("Ada Lovelace", await after.ExecuteScalarAsync<string>("SELECT authors FROM capture_search WHERE rowid = 1"));
        }
    }

    [Fact]
    public async Task ThePreviousVersionUpgradesToTheCurrentOne()
    {
        await using var db = NewDb();
        var migrator = new Migrator(db, NullLogger<Migrator>.Instance);
        await migrator.MigrateAsync(upTo: Migrator.LatestVersion - 1);
        await using (var connection = await db.OpenAsync())
            Assert.Equal(Migrator.LatestVersion - 1, await connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
        await migrator.MigrateAsync();
        await using var after = await db.OpenAsync();
        Assert.Equal(Migrator.LatestVersion, await after.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
    }

    [SkippableFact]
    public async Task InstancesStartingTogetherMigrateOnce()
    {
        Skip.IfNot(TestDatabase.IsPostgres, "PostgreSQL only: on SQLite one server owns the data directory (hqt.lock), so no two migrate one file");
        await using var first = NewDb();
        await using var second = NewDb();
        await Task.WhenAll(
            new Migrator(first, NullLogger<Migrator>.Instance).MigrateAsync(),
            new Migrator(second, NullLogger<Migrator>.Instance).MigrateAsync());
        await using var connection = await first.OpenAsync();
        Assert.Equal(Migrator.Migrations.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public void MigrationsAreNumberedWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, Migrator.Migrations.Count), Migrator.Migrations.Select(m => m.Version));
    }

    [Fact]
    public void PostgresMigrationsMirrorSqlitesNumbers()
    {
        // One schema version is one schema on either engine: every SQLite migration has its PostgreSQL twin.
        Assert.Equal(Migrator.Migrations.Select(m => m.Name), Migrator.PostgresMigrations.Select(m => m.Name));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _postgres?.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
