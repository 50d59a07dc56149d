using System.Security.Claims;
using System.Text;
using Hqt.Api.Auth;
using Hqt.Api.Hosting;
using Hqt.Extraction.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hqt.Api.Imports;

public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("Imports");
        imports.MapPost("/", StartImport)
            .WithName("StartImport")
            .WithSummary("Import a BibTeX, CSL-JSON, RIS or browser bookmarks file into your graph")
            .WithDescription("The file is the request body (any content type; gzip accepted). `format` is bibtex, csljson, ris or bookmarks, detected when absent. Answers 202 with the job: entries are stored in the background (GET /api/imports/{id} for progress and the report), and bookmarked pages are then fetched politely and captured.")
            .Accepts<string>("text/plain", "application/x-bibtex", "application/json", "application/x-research-info-systems", "text/html")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithBodyLimit((ImportOptions o) => o.MaxFileBytes);
        imports.MapGet("/", ListImports).WithName("ListImports").WithSummary("Your imports, newest first");
        imports.MapGet("/{id:long}", GetImport).WithName("GetImport").WithSummary("An import's progress and its report: what was added, merged or skipped, and why");
        return imports;
    }

    static async Task<Results<Accepted<ImportJobResponse>, ValidationProblem, ProblemHttpResult>> StartImport(
        HttpRequest request, ClaimsPrincipal user, ImportStore store, ImportWorker worker, IOptions<ImportOptions> options, CancellationToken ct,
        string? format = null, string? name = null)
    {
        if (format is not null && format.Length > 20) return Problems.Invalid("format", "The format is bibtex, csljson, ris or bookmarks.");
        if (name is { Length: > 300 }) return Problems.Invalid("name", "The file name is at most 300 characters.");
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
            return TypedResults.Problem("The file is empty: send the file's contents as the request body.", statusCode: 400, title: "Empty file");
        if (text.Contains('\0'))
            return TypedResults.Problem("The file contains NUL characters: it is not a text file (BibTeX, CSL-JSON, RIS or bookmarks HTML).",
                statusCode: 422, title: "Not a text file");
        ImportFile file;
        try
        {
            file = ImportFormats.Read(text, format);
        }
        catch (ImportFormatException e)
        {
            return TypedResults.Problem(e.Message, statusCode: 422, title: "Not an importable file");
        }
        if (file.Entries.Count > options.Value.MaxEntries)
            return TypedResults.Problem($"The file has {file.Entries.Count} entries; at most {options.Value.MaxEntries} are imported at once: split it.",
                statusCode: 422, title: "Too many entries");
        var job = await store.CreateAsync(user.UserId(), file, text, name, ct);
        worker.Wake();
        return TypedResults.Accepted($"/api/imports/{job.Id}", job);
    }

    static async Task<Ok<ImportList>> ListImports(ClaimsPrincipal user, ImportStore store, CancellationToken ct) =>
        TypedResults.Ok(new ImportList(await store.ListAsync(user.UserId(), 20, ct)));

    static async Task<Results<Ok<ImportJobResponse>, NotFound>> GetImport(long id, ClaimsPrincipal user, ImportStore store, CancellationToken ct) =>
        await store.FindAsync(user.UserId(), id, ct) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();
}
