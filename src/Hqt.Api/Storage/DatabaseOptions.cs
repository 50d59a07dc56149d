namespace Hqt.Api.Storage;

/// <summary>
/// <c>Hqt:Database</c>: which engine holds the data. <c>sqlite</c> (the default) is the embedded file under the data
/// directory, for one instance; <c>postgres</c> is a PostgreSQL server named by <c>ConnectionStrings:Hqt</c>, for
/// many instances and many users.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Hqt:Database";

    public string Provider { get; set; } = "sqlite";

    /// <summary>From <c>ConnectionStrings:Hqt</c> (env <c>ConnectionStrings__Hqt</c>); only PostgreSQL reads it.</summary>
    public string? ConnectionString { get; set; }

    public DbProvider ParsedProvider => Provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DbProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DbProvider.Postgres,
        _ => throw new InvalidOperationException(Problem()),
    };

    /// <summary>Why these settings cannot start a server, or null. Checked before anything touches storage.</summary>
    public string? Problem()
    {
        var provider = Provider.Trim().ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres" or "postgresql" or "npgsql"))
            return $"Hqt:Database:Provider is '{Provider}'; it must be 'sqlite' (the default: a file in Hqt:DataDirectory) or 'postgres'.";
        if (provider != "sqlite" && string.IsNullOrWhiteSpace(ConnectionString))
            return "Hqt:Database:Provider is 'postgres' but ConnectionStrings:Hqt is not set "
                + "(e.g. ConnectionStrings__Hqt='Host=db;Database=hqt;Username=hqt;Password=…').";
        if (provider != "sqlite")
        {
            try { _ = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString); }
            catch (ArgumentException e) { return $"ConnectionStrings:Hqt is not a PostgreSQL connection string: {e.Message}"; }
        }
        return null;
    }

    /// <summary>Binds the section and the connection string, validated on start.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(Section)
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString ??= configuration.GetConnectionString("Hqt"))
            .Validate(o => o.Problem() is null, "Hqt:Database is invalid (see the message printed at start)")
            .ValidateOnStart();
    }

    /// <summary>The same as the bound options, read eagerly (Program checks it before the host is built).</summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString ??= configuration.GetConnectionString("Hqt");
        return options;
    }
}

public enum DbProvider { Sqlite, Postgres }
