using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Library;

/// <summary>
/// Indexes the full text of captures stored before search existed (listed in <c>capture_search_backfill</c> by
/// migration 0006), a few at a time in the background; their titles, authors and sites were indexed by the
/// migration itself. Each batch updates the index and leaves the list in one transaction, so a crash resumes.
/// </summary>
public sealed class SearchBackfill(Db db, ILogger<SearchBackfill> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var done = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            List<(long Id, byte[] Html)> batch;
            await using (var connection = await db.OpenAsync(stoppingToken))
                batch = (await connection.QueryAsync<(long, byte[])>(new CommandDefinition("""
                    SELECT b.capture_id, c.html_gzip FROM capture_search_backfill b JOIN captures c ON c.id = b.capture_id
                    ORDER BY b.capture_id LIMIT 20
                    """, cancellationToken: stoppingToken))).AsList();
            if (batch.Count == 0) break;
            var texts = batch.Select(b => (b.Id, Text: CaptureSearchIndex.TextOf(b.Html))).ToList();
            await using (var write = await db.BeginWriteAsync(stoppingToken))
            {
                foreach (var (id, text) in texts)
                    await CaptureSearchIndex.SetBackfilledTextAsync(write.Connection, write.Transaction, id, text, stoppingToken);
                await write.CommitAsync(stoppingToken);
            }
            done += batch.Count;
        }
        // Deleted captures leave their ids behind (no foreign key on a work list): clear what no batch can reach.
        await using (var connection = await db.OpenAsync(stoppingToken))
            await connection.ExecuteAsync("DELETE FROM capture_search_backfill WHERE capture_id NOT IN (SELECT id FROM captures)");
        if (done > 0) logger.LogInformation("Indexed the text of {Count} earlier captures for search", done);
    }
}
