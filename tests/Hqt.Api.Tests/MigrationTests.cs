using Dapper;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Tests;

public class MigrationTests : IDisposable
{
    readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "hqt-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AnOlderDatabaseFileUpgradesKeepingItsData()
    {
        Directory.CreateDirectory(_dataDirectory);
        var db = new Db(Options.Create(new HqtOptions { DataDirectory = _dataDirectory }));
        var migrator = new Migrator(db, NullLogger<Migrator>.Instance);
        await migrator.MigrateAsync(upTo: 1);
        await using (var connection = await db.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO users (id, name, created_at) VALUES (1, 'old', '2024-01-01T00:00:00Z');
                INSERT INTO documents (id, user_id, canonical_url, created_at) VALUES (1, 1, 'https://old.example/', '2024-01-01T00:00:00Z');
                INSERT INTO captures (id, user_id, document_id, url, captured_at, received_at, content_hash, html_gzip, html_length, extractor_version, extract_json)
                VALUES (1, 1, 1, 'https://old.example/', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'h', x'00', 1, 1, '{}');
                """);
        }

        await migrator.MigrateAsync();
        await migrator.MigrateAsync(); // a second start applies nothing twice

        await using var after = await db.OpenAsync();
        Assert.Equal(Migrator.LatestVersion, await after.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(Migrator.Migrations.Count, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("https://old.example/", await after.ExecuteScalarAsync<string>("SELECT url FROM captures WHERE id = 1"));
        Assert.Equal("wal", await after.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await after.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
    }

    [Fact]
    public void MigrationsAreNumberedWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, Migrator.Migrations.Count), Migrator.Migrations.Select(m => m.Version));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
