using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hqt.Api.Storage;

/// <summary>
/// What stores ask of the engine behind a connection they were handed: which text of a statement to run where the
/// two must differ, and whether an error is a unique-constraint loss (a concurrent twin won).
/// </summary>
public static class SqlDialect
{
    public static bool IsPostgres(this DbConnection connection) => connection is NpgsqlConnection;

    public static string Pick(this DbConnection connection, string sqlite, string postgres) =>
        connection is NpgsqlConnection ? postgres : sqlite;

    /// <summary>
    /// "is one of the list <paramref name="name"/>": Dapper expands <c>IN @name</c> into one parameter per item on SQLite,
    /// but hands Npgsql the whole list as one array parameter, which PostgreSQL matches with <c>= ANY(@name)</c>.
    /// </summary>
    public static string In(this DbConnection connection, string name) =>
        connection is NpgsqlConnection ? $"= ANY(@{name})" : $"IN @{name}";

    /// <summary>A constraint said no (SQLite's SQLITE_CONSTRAINT; PostgreSQL's unique_violation).</summary>
    public static bool IsUniqueViolation(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode == 19,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
