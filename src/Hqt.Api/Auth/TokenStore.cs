using System.Security.Cryptography;
using System.Text;
using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Auth;

/// <summary>Users and their bearer tokens. Only SHA-256 hashes of tokens are stored.</summary>
public sealed class TokenStore(Db db)
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A fresh random token: 32 bytes, URL-safe.</summary>
    public static string NewToken() =>
        "hqt_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The user the token belongs to, or null when it is unknown or expired.</summary>
    public async Task<long?> FindUserAsync(string token, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            SELECT user_id FROM api_tokens
            WHERE token_hash = @hash AND (expires_at IS NULL OR expires_at > @now)
            """, new { hash = Hash(token), now = now.UtcDateTime.ToString("O") }, cancellationToken: ct));
    }

    public async Task<bool> AnyAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM api_tokens)", cancellationToken: ct));
    }

    /// <summary>Creates a user who signs in with <paramref name="token"/>, unless the token already exists.</summary>
    public async Task<long> EnsureUserWithTokenAsync(string name, string token, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var hash = Hash(token);
        var existing = await connection.ExecuteScalarAsync<long?>(
            "SELECT user_id FROM api_tokens WHERE token_hash = @hash", new { hash }, transaction);
        if (existing is { } id) return id;

        var now = DateTimeOffset.UtcNow.ToString("O");
        var userId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO users (name, created_at) VALUES (@name, @now) RETURNING id", new { name, now }, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at)
            VALUES (@userId, @hash, @now, @expiresAt)
            """, new { userId, hash, now, expiresAt = expiresAt?.UtcDateTime.ToString("O") }, transaction);
        await transaction.CommitAsync(ct);
        return userId;
    }
}
