using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Auth;

/// <summary>
/// Users and their bearer tokens. Only keyed hashes (HMAC-SHA256 with the server's <see cref="TokenKey"/>) of tokens
/// are stored; rows from before keys (plain SHA-256) still sign in and are re-hashed the first time they do.
/// </summary>
public sealed class TokenStore(Db db, TokenKey key, TimeProvider time)
{
    public const string KeyedKind = "hmac-sha256";
    const string LegacyKind = "sha256";
    /// <summary>last_used_at is written at most this often a token: a read is not a write.</summary>
    static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);
    readonly ConcurrentDictionary<long, DateTimeOffset> _lastUsedWritten = new();

    public string Hash(string token) => Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes(token)));

    static string LegacyHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A fresh random token: 32 bytes, URL-safe.</summary>
    public static string NewToken() =>
        "hqt_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    sealed class TokenMatch
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public string HashKind { get; init; } = "";
    }

    /// <summary>The user the token belongs to, or null when it is unknown, revoked or expired. Read from the database every time: no cache can serve a revoked token.</summary>
    public async Task<long?> FindUserAsync(string token, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var match = await connection.QuerySingleOrDefaultAsync<TokenMatch>(new CommandDefinition("""
            SELECT id, user_id AS UserId, hash_kind AS HashKind FROM api_tokens
            WHERE ((hash_kind = 'hmac-sha256' AND token_hash = @keyed) OR (hash_kind = 'sha256' AND token_hash = @legacy))
              AND (expires_at IS NULL OR expires_at > @now)
            """, new { keyed = Hash(token), legacy = LegacyHash(token), now = now.UtcDateTime.ToString("O") }, cancellationToken: ct));
        if (match is null) return null;

        if (match.HashKind == LegacyKind)
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_tokens SET token_hash = @keyed, hash_kind = 'hmac-sha256' WHERE id = @Id",
                new { match.Id, keyed = Hash(token) }, cancellationToken: ct));
        if (!_lastUsedWritten.TryGetValue(match.Id, out var written) || now - written >= LastUsedGranularity)
        {
            _lastUsedWritten[match.Id] = now;
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_tokens SET last_used_at = @now WHERE id = @Id", new { match.Id, now = now.UtcDateTime.ToString("O") }, cancellationToken: ct));
        }
        return match.UserId;
    }

    public async Task<bool> AnyAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM api_tokens)", cancellationToken: ct));
    }

    /// <summary>Creates a user who signs in with <paramref name="token"/>, unless the token already exists.</summary>
    public async Task<long> EnsureUserWithTokenAsync(string name, string token, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        if (await FindAnyAsync(token, ct) is { } existing) return existing;
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var userId = await AddUserAsync(connection, transaction, name);
        await InsertTokenAsync(connection, transaction, userId, token, null, expiresAt, isBootstrap: false);
        await transaction.CommitAsync(ct);
        return userId;
    }

    async Task<long?> FindAnyAsync(string token, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT user_id FROM api_tokens WHERE token_hash IN (@keyed, @legacy)", new { keyed = Hash(token), legacy = LegacyHash(token) }, cancellationToken: ct));
    }

    /// <summary>
    /// Makes <paramref name="token"/> the bootstrap token (<c>Hqt:ApiToken</c>): unchanged, nothing happens; changed, the new
    /// value replaces the old one on the same user (the old value stops working); on a first start, it belongs to the
    /// oldest user named "default" (the one a generated token file signs in as) or to a new one.
    /// </summary>
    public async Task<long> EnsureBootstrapTokenAsync(string token, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Instances starting together on one PostgreSQL database would each find no bootstrap token and each insert it
        // (a unique-key crash at start, or two "default" users): one at a time. SQLite has one server a data directory.
        if (db.IsPostgres)
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = BootstrapLockKey }, transaction, cancellationToken: ct));
        var hash = Hash(token);
        var legacy = LegacyHash(token);
        // The same value as before (or one a pre-key version stored): keep it, marked as the bootstrap token.
        var same = await connection.QuerySingleOrDefaultAsync<TokenMatch>(
            "SELECT id, user_id AS UserId, hash_kind AS HashKind FROM api_tokens WHERE token_hash IN (@hash, @legacy)", new { hash, legacy }, transaction);
        if (same is not null)
        {
            await connection.ExecuteAsync("""
                UPDATE api_tokens SET is_bootstrap = CASE WHEN id = @Id THEN 1 ELSE 0 END,
                                      token_hash = CASE WHEN id = @Id THEN @hash ELSE token_hash END,
                                      hash_kind = CASE WHEN id = @Id THEN 'hmac-sha256' ELSE hash_kind END,
                                      name = CASE WHEN id = @Id THEN COALESCE(name, 'Hqt:ApiToken') ELSE name END
                WHERE id = @Id OR is_bootstrap = 1
                """, new { same.Id, hash }, transaction);
            await transaction.CommitAsync(ct);
            return same.UserId;
        }
        var userId = await connection.ExecuteScalarAsync<long?>(
                "SELECT user_id FROM api_tokens WHERE is_bootstrap = 1 ORDER BY id LIMIT 1", transaction: transaction)
            ?? await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM users WHERE name = 'default' ORDER BY id LIMIT 1", transaction: transaction)
            ?? await AddUserAsync(connection, transaction, "default");
        await connection.ExecuteAsync("DELETE FROM api_tokens WHERE is_bootstrap = 1", transaction: transaction);
        await InsertTokenAsync(connection, transaction, userId, token, "Hqt:ApiToken", null, isBootstrap: true);
        await transaction.CommitAsync(ct);
        return userId;
    }

    /// <summary>The advisory lock that serialises <see cref="EnsureBootstrapTokenAsync"/> across instances (any constant no other lock uses).</summary>
    const long BootstrapLockKey = 7244;

    public async Task<long> AddUserAsync(DbConnection connection, DbTransaction? transaction, string name) =>
        await connection.ExecuteScalarAsync<long>(
            "INSERT INTO users (name, created_at) VALUES (@name, @now) RETURNING id", new { name, now = time.GetUtcNow().ToString("O") }, transaction);

    public async Task<long> InsertTokenAsync(DbConnection connection, DbTransaction? transaction, long userId, string token, string? name,
        DateTimeOffset? expiresAt, bool isBootstrap) =>
        await connection.ExecuteScalarAsync<long>("""
            INSERT INTO api_tokens (user_id, token_hash, hash_kind, name, created_at, expires_at, is_bootstrap)
            VALUES (@userId, @hash, 'hmac-sha256', @name, @now, @expiresAt, @isBootstrap)
            RETURNING id
            """, new
        {
            userId, hash = Hash(token), name, now = time.GetUtcNow().ToString("O"),
            expiresAt = expiresAt?.UtcDateTime.ToString("O"), isBootstrap = isBootstrap ? 1 : 0,
        }, transaction);
}
