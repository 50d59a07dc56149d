using System.Globalization;
using Dapper;
using Hqt.Api.Hosting;
using Hqt.Api.Storage;

namespace Hqt.Api.Auth;

/// <summary>
/// The command line for users and tokens, on the same binary and data directory as the server, run before (and
/// instead of) the web host: <c>users add NAME</c>, <c>users list</c>, <c>tokens issue USER [--name N] [--expires DATE]</c>,
/// <c>tokens list [USER]</c>, <c>tokens revoke ID</c>, <c>tokens rotate ID</c>. USER is a user's id or name. It works while
/// the server runs (SQLite takes turns), and a revoked token is refused by the running server at its next request.
/// </summary>
public static class AdminCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "users" or "tokens";

    const string Usage = """
        usage: hqt users add NAME
               hqt users list
               hqt tokens issue USER [--name NAME] [--expires YYYY-MM-DD|ISO-8601]
               hqt tokens list [USER]
               hqt tokens revoke TOKEN-ID
               hqt tokens rotate TOKEN-ID
        USER is a user's id or name. Settings as for the server (Hqt__DataDirectory, --Hqt:DataDirectory=PATH).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        // Configuration arguments (--Hqt:DataDirectory=…) go to the host; the rest is the command.
        var settings = args.Where(a => (a.StartsWith("--Hqt:", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--ConnectionStrings:", StringComparison.OrdinalIgnoreCase)) && a.Contains('=')).ToArray();
        var command = args.Except(settings).ToList();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings });
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<HqtOptions>().BindConfiguration(HqtOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        DatabaseOptions.Register(builder.Services);
        builder.Services.AddSingleton<Db>();
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddSingleton<TokenKey>();
        builder.Services.AddSingleton<TokenStore>();
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HqtOptions>>().Value;
        if (DatabaseOptions.Read(builder.Configuration).Problem() is { } databaseProblem)
        {
            await Console.Error.WriteLineAsync($"hqt: {databaseProblem}");
            return 2;
        }
        try
        {
            DataFiles.EnsureDirectory(options.ResolvedDataDirectory);
            await host.Services.GetRequiredService<Migrator>().MigrateAsync();
            DataFiles.RestrictTree(options.ResolvedDataDirectory);
            var cli = new Cli(host.Services.GetRequiredService<Db>(), host.Services.GetRequiredService<TokenStore>(), TimeProvider.System);
            return await cli.RunAsync(command);
        }
        catch (CommandException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
    }

    sealed class CommandException(string message, int exitCode = 1) : Exception(message)
    {
        public int ExitCode { get; } = exitCode;
    }

    sealed class UserRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public long Tokens { get; init; }
    }

    sealed class TokenRow
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public string User { get; init; } = "";
        public string? Name { get; init; }
        public string CreatedAt { get; init; } = "";
        public string? LastUsedAt { get; init; }
        public string? ExpiresAt { get; init; }
        public long IsBootstrap { get; init; }
    }

    sealed class Cli(Db db, TokenStore tokens, TimeProvider time)
    {
        public Task<int> RunAsync(List<string> args) => (args.ElementAtOrDefault(0), args.ElementAtOrDefault(1)) switch
        {
            ("users", "add") when args.Count == 3 => AddUserAsync(args[2]),
            ("users", "list") when args.Count == 2 => ListUsersAsync(),
            ("tokens", "issue") when args.Count >= 3 => IssueAsync(args[2], args.Skip(3).ToList()),
            ("tokens", "list") when args.Count is 2 or 3 => ListTokensAsync(args.ElementAtOrDefault(2)),
            ("tokens", "revoke") when args.Count == 3 => RevokeAsync(TokenId(args[2])),
            ("tokens", "rotate") when args.Count == 3 => RotateAsync(TokenId(args[2])),
            _ => throw new CommandException(Usage, 2),
        };

        async Task<int> AddUserAsync(string name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || long.TryParse(name, out _))
                throw new CommandException("A user name is 1 to 100 characters and not a number (numbers name users by id).", 2);
            await using var connection = await db.OpenAsync();
            if (await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM users WHERE name = @name)", new { name }))
                throw new CommandException($"A user named '{name}' already exists.");
            var id = await tokens.AddUserAsync(connection, null, name.Trim());
            Console.WriteLine($"user {id} {name.Trim()}");
            Console.WriteLine($"Next: hqt tokens issue {id} --name <device>");
            return 0;
        }

        async Task<int> ListUsersAsync()
        {
            await using var connection = await db.OpenAsync();
            var users = await connection.QueryAsync<UserRow>("""
                SELECT u.id, u.name, u.created_at AS CreatedAt, (SELECT COUNT(*) FROM api_tokens t WHERE t.user_id = u.id) AS Tokens
                FROM users u ORDER BY u.id
                """);
            Console.WriteLine($"{"ID",-6} {"NAME",-24} {"CREATED",-20} TOKENS");
            foreach (var u in users) Console.WriteLine($"{u.Id,-6} {u.Name,-24} {Short(u.CreatedAt),-20} {u.Tokens}");
            return 0;
        }

        async Task<int> IssueAsync(string user, List<string> flags)
        {
            string? name = null;
            DateTimeOffset? expires = null;
            for (var i = 0; i < flags.Count; i++)
            {
                var value = i + 1 < flags.Count ? flags[i + 1] : throw new CommandException($"{flags[i]} needs a value.", 2);
                switch (flags[i++])
                {
                    case "--name": name = value; break;
                    case "--expires": expires = ParseDate(value); break;
                    default: throw new CommandException(Usage, 2);
                }
            }
            if (expires is { } e && e <= time.GetUtcNow()) throw new CommandException($"--expires {e:O} is in the past.", 2);
            await using var connection = await db.OpenAsync();
            var userId = await UserIdAsync(connection, user);
            var token = TokenStore.NewToken();
            var id = await tokens.InsertTokenAsync(connection, null, userId, token, name, expires, isBootstrap: false);
            Console.WriteLine($"token {id} for user {userId}{(name is null ? "" : $" ({name})")}{(expires is null ? "" : $", expires {expires:O}")}");
            Console.WriteLine(token);
            await Console.Error.WriteLineAsync("The token is shown once; only its keyed hash is stored.");
            return 0;
        }

        async Task<int> ListTokensAsync(string? user)
        {
            await using var connection = await db.OpenAsync();
            long? userId = user is null ? null : await UserIdAsync(connection, user);
            var rows = await connection.QueryAsync<TokenRow>("""
                SELECT t.id, t.user_id AS UserId, u.name AS User, t.name, t.created_at AS CreatedAt, t.last_used_at AS LastUsedAt,
                       t.expires_at AS ExpiresAt, t.is_bootstrap AS IsBootstrap
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE @userId IS NULL OR t.user_id = @userId ORDER BY t.id
                """, new { userId });
            Console.WriteLine($"{"ID",-6} {"USER",-20} {"NAME",-20} {"CREATED",-20} {"LAST USED",-20} EXPIRES");
            foreach (var t in rows)
                Console.WriteLine($"{t.Id,-6} {$"{t.UserId} {t.User}",-20} {(t.IsBootstrap == 1 ? "Hqt:ApiToken" : t.Name ?? "-"),-20} {Short(t.CreatedAt),-20} {Short(t.LastUsedAt) ?? "never",-20} {Short(t.ExpiresAt) ?? "never"}");
            return 0;
        }

        async Task<int> RevokeAsync(long id)
        {
            await using var connection = await db.OpenAsync();
            if (await connection.ExecuteAsync("DELETE FROM api_tokens WHERE id = @id", new { id }) == 0)
                throw new CommandException($"No token {id}.");
            Console.WriteLine($"token {id} revoked");
            return 0;
        }

        async Task<int> RotateAsync(long id)
        {
            await using var connection = await db.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var old = await connection.QuerySingleOrDefaultAsync<TokenRow>(
                "SELECT id, user_id AS UserId, name, expires_at AS ExpiresAt, is_bootstrap AS IsBootstrap FROM api_tokens WHERE id = @id", new { id }, transaction)
                ?? throw new CommandException($"No token {id}.");
            if (old.IsBootstrap == 1)
                throw new CommandException($"Token {id} is Hqt:ApiToken: change the setting instead (the new value replaces it on the same user).");
            var token = TokenStore.NewToken();
            var expires = old.ExpiresAt is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(old.ExpiresAt, CultureInfo.InvariantCulture);
            var newId = await tokens.InsertTokenAsync(connection, transaction, old.UserId, token, old.Name, expires, isBootstrap: false);
            await connection.ExecuteAsync("DELETE FROM api_tokens WHERE id = @id", new { id }, transaction);
            await transaction.CommitAsync();
            Console.WriteLine($"token {id} replaced by token {newId} for user {old.UserId}");
            Console.WriteLine(token);
            return 0;
        }

        static async Task<long> UserIdAsync(System.Data.Common.DbConnection connection, string user)
        {
            var id = long.TryParse(user, out var n)
                ? await connection.ExecuteScalarAsync<long?>("SELECT id FROM users WHERE id = @n", new { n })
                : await connection.ExecuteScalarAsync<long?>("SELECT MIN(id) FROM users WHERE name = @user", new { user });
            return id ?? throw new CommandException($"No user '{user}' (hqt users list shows them).");
        }

        static long TokenId(string text) => long.TryParse(text, out var id) ? id : throw new CommandException($"'{text}' is not a token id (hqt tokens list shows them).", 2);

        static DateTimeOffset ParseDate(string text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
                ? date : throw new CommandException($"--expires '{text}' is not a date (2027-01-31 or 2027-01-31T12:00:00Z).", 2);

        static string? Short(string? iso) => iso is null ? null : DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
    }
}
