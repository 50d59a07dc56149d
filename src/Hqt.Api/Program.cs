using System.Text.Json;
using System.Text.Json.Serialization;
using Hqt.Api.Auth;
using Hqt.Api.Captures;
using Hqt.Api.Captures.Pending;
using Hqt.Api.Exports;
using Hqt.Api.Extract;
using Hqt.Api.Graph;
using Hqt.Api.Home;
using Hqt.Api.Imports;
using Hqt.Api.Library;
using Hqt.Api.Hosting;
using Hqt.Api.Lookups;
using Hqt.Api.Storage;
using Hqt.Api.People;
using Hqt.Api.References;
using Hqt.Api.Suggestions;
using Hqt.Api.Upstream;
using Hqt.Api.Works;
using Scalar.AspNetCore;

// Everything this process creates is owner-only (the database holds every captured page and the token hashes).
Umask.OwnerOnly();
// `users …` and `tokens …`: the admin command line, on the same data directory, instead of the web host.
if (AdminCommands.IsCommand(args)) return await AdminCommands.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
// Loopback only unless --urls (or ASPNETCORE_URLS) says otherwise; defaults live in code because
// `dotnet run` starts in the caller's directory, where no appsettings.json is.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls("http://127.0.0.1:5180");
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
// Outbound failures are expected (a site down, no network): HostHealth logs each host once, in one line. The
// HTTP client's and the resilience pipeline's own logs would repeat every attempt with a stack trace.
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
builder.Logging.AddFilter("Polly", LogLevel.Error);
// Read before the host exists (OptionsSetup.ReadBeforeHost says which settings and why); everything else takes
// IOptions<T> from the sections bound and validated below.
var (options, lookupsOptions) = OptionsSetup.ReadBeforeHost(builder.Configuration);
var database = DatabaseOptions.Read(builder.Configuration);
if (StartupChecks.FirstProblem(options, database) is { } startupProblem)
{
    await Console.Error.WriteLineAsync($"hqt: not starting. {startupProblem}");
    return 2;
}
// Before anything touches the data directory: one server a directory.
DataFiles.EnsureDirectory(options.ResolvedDataDirectory);
var dataLock = DataDirectoryLock.TryAcquire(options.ResolvedDataDirectory);
if (dataLock is null)
{
    await Console.Error.WriteLineAsync($"hqt: not starting. Another hqt server is using the data directory {options.ResolvedDataDirectory} "
        + $"(it holds {DataDirectoryLock.FileName} there). Stop it, or give this one its own Hqt:DataDirectory.");
    return 3;
}
DataFiles.RestrictTree(options.ResolvedDataDirectory);

// Configuration and plumbing
builder.Services.AddHqtOptions();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemBodies.Complete);
// Malformed bodies are the client's 400 in every environment, never a 500 from a thrown exception.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
builder.Services.AddValidation();
builder.Services.ConfigureHttpJsonOptions(json =>
{
    // Plain integers in the schema, and validation error keys in the wire's camelCase.
    json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    json.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
    json.SerializerOptions.Converters.Add(new UtcTimeJsonConverter());
});
builder.Services.AddHqtOpenApi();
builder.Services.AddHqtRateLimits();
builder.Services.AddHqtCors();

// Storage and auth
DatabaseOptions.Register(builder.Services);
builder.Services.AddSingleton<Db>();
builder.Services.AddSingleton<Migrator>();
builder.Services.AddSingleton<TokenKey>();
builder.Services.AddSingleton<TokenStore>();
builder.Services.AddSingleton<TokenBootstrap>();
builder.Services.AddHqtDataProtection(database, options.ResolvedDataDirectory);
builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

// Features
builder.Services.AddSingleton<GraphStore>();
builder.Services.AddSingleton<CaptureExtraction>();
builder.Services.AddSingleton<CaptureStore>();
builder.Services.AddPendingExtraction();
builder.Services.AddSingleton<WorkStore>();
builder.Services.AddLookups(lookupsOptions);
builder.Services.AddSingleton<ReaderGraphCache>();
builder.Services.AddSingleton<FeedbackStore>();
builder.Services.AddSingleton<SuggestionService>();
builder.Services.AddSingleton<PageUpstreamService>();
builder.Services.AddSingleton<ExportStore>();
builder.Services.AddSingleton<ExportService>();
builder.Services.AddLibrary();
builder.Services.AddImports();

var app = builder.Build();
app.Lifetime.ApplicationStopped.Register(dataLock.Dispose);
await app.Services.PrepareStorageAsync();

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();
app.UseCors();
app.UseBodyLimits();
app.UseMiddleware<GzipRequestBody>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHome();
app.MapHqtOpenApi();
app.MapScalarApiReference("/docs", scalar => scalar.WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
app.MapExtract();
app.MapReferenceParsing();
app.MapUpstream();
// Reads of captures and the graph first finish the reader's captures that were acknowledged before being extracted.
var libraryReads = app.MapGroup("").FinishesPendingExtractions();
libraryReads.MapCaptures();
libraryReads.MapWorks();
libraryReads.MapLookups();
libraryReads.MapSuggestions();
libraryReads.MapExports();
libraryReads.MapPageUpstream();
libraryReads.MapPeople();
libraryReads.MapGraphView();
app.MapImports();

app.Run();
dataLock.Dispose();
return 0;
