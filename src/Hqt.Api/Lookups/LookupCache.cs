using Dapper;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Lookups;

/// <summary>An answer worth keeping: a body for 200, none for "not found".</summary>
public sealed record CachedAnswer(int Status, string? Body);

/// <summary>Answers from OpenAlex, Crossref and robots.txt, kept for a TTL so a re-lookup costs no request.</summary>
public sealed class LookupCache(Db db, TimeProvider time, IOptions<LookupsOptions> options)
{
    readonly TimeSpan _ttl = options.Value.CacheTtl;

    sealed class CacheRow
    {
        public long Status { get; init; }
        public string? Body { get; init; }
    }

    public async Task<CachedAnswer> GetOrFetchAsync(string source, string key, Func<CancellationToken, Task<CachedAnswer>> fetch, CancellationToken ct, TimeSpan? ttl = null)
    {
        var now = time.GetUtcNow();
        await using (var connection = await db.OpenAsync(ct))
        {
            var hit = await connection.QuerySingleOrDefaultAsync<CacheRow>(new CommandDefinition("""
                SELECT status, body FROM lookup_cache WHERE source = @source AND cache_key = @key AND expires_at > @now
                """, new { source, key, now = now.ToString("O") }, cancellationToken: ct));
            if (hit is not null) return new CachedAnswer((int)hit.Status, hit.Body);
        }

        var answer = await fetch(ct);
        await using (var connection = await db.OpenAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO lookup_cache (source, cache_key, status, body, fetched_at, expires_at)
                VALUES (@source, @key, @Status, @Body, @now, @expires)
                ON CONFLICT (source, cache_key) DO UPDATE SET
                  status = excluded.status, body = excluded.body, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at
                """, new { source, key, answer.Status, answer.Body, now = now.ToString("O"), expires = (now + (ttl ?? _ttl)).ToString("O") }, cancellationToken: ct));
        }
        return answer;
    }
}
