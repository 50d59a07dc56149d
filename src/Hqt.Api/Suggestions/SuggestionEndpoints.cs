using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hqt.Api.Auth;
using Hqt.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hqt.Api.Suggestions;

public static class SuggestionEndpoints
{
    public static RouteGroupBuilder MapSuggestions(this IEndpointRouteBuilder app)
    {
        var suggestions = app.MapGroup("/api/suggestions").WithTags("Suggestions");
        suggestions.MapGet("/", ListSuggestions)
            .WithName("ListSuggestions")
            .WithSummary("Your next reads: works and people upstream of your library, ranked, each with its reason")
            .ProducesValidationProblem();
        foreach (var state in FeedbackStore.States)
        {
            var verb = state switch { "dismissed" => "dismiss", "snoozed" => "snooze", _ => "read" };
            var name = char.ToUpperInvariant(verb[0]) + verb[1..];
            if (state == "snoozed")
                suggestions.MapPost($"/{{id}}/{verb}", Snooze).WithName("SnoozeSuggestion")
                    .WithSummary("Hide a suggestion until a time").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
            else
                suggestions.MapPost($"/{{id}}/{verb}", (string id, ClaimsPrincipal user, FeedbackStore store, TimeProvider time, CancellationToken ct) =>
                        SetFeedback(id, state, null, user, store, time, ct))
                    .WithName($"{name}Suggestion")
                    .WithSummary(state == "dismissed" ? "Dismiss a suggestion for good" : "Mark a suggestion read: it joins your library")
                    .ProducesValidationProblem()
                    .ProducesProblem(StatusCodes.Status404NotFound);
            suggestions.MapDelete($"/{{id}}/{verb}", (string id, ClaimsPrincipal user, FeedbackStore store, CancellationToken ct) =>
                    ClearFeedback(id, state, user, store, ct))
                .WithName($"Undo{name}Suggestion")
                .WithSummary($"Undo {verb} on a suggestion")
                .ProducesValidationProblem();
        }
        return suggestions;
    }

    static async Task<Results<Ok<SuggestionList>, ValidationProblem>> ListSuggestions(
        ClaimsPrincipal user, SuggestionService service, CancellationToken ct,
        [AllowedValues("work", "person", "all")] string kind = "all", [Range(1, 200)] int limit = 20, [Range(0, 0.5)] double explore = 0)
    {
        if (kind is not ("work" or "person" or "all")) return Problems.Invalid("kind", "The kind is work, person or all.");
        if (limit is < 1 or > 200) return Problems.Invalid("limit", "The limit must be between 1 and 200.");
        if (explore is < 0 or > 0.5 || double.IsNaN(explore)) return Problems.Invalid("explore", "The explore share must be between 0 and 0.5.");
        return TypedResults.Ok(await service.ListAsync(user.UserId(), kind, limit, explore, ct));
    }

    static Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Snooze(
        string id, SnoozeRequest request, ClaimsPrincipal user, FeedbackStore store, TimeProvider time, CancellationToken ct) =>
        request.Until is { } until && until > time.GetUtcNow()
            ? SetFeedback(id, "snoozed", until, user, store, time, ct)
            : Task.FromResult<Results<NoContent, ProblemHttpResult, ValidationProblem>>(Problems.Invalid("until", "Snooze until a time in the future."));

    static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> SetFeedback(
        string id, string state, DateTimeOffset? until, ClaimsPrincipal user, FeedbackStore store, TimeProvider time, CancellationToken ct)
    {
        if (!SuggestionIds.IsValid(id)) return Problems.Invalid("id", "Suggestion ids look like work-12 or person-adalovelace.");
        // Feedback on a work that is not in the library would be stored and never matter: the id is wrong.
        if (!await store.IsKnownAsync(user.UserId(), id, ct))
            return TypedResults.Problem($"There is no {id} in your library.", statusCode: StatusCodes.Status404NotFound);
        await store.SetAsync(user.UserId(), id, state, until, time.GetUtcNow(), ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, NotFound, ValidationProblem>> ClearFeedback(
        string id, string state, ClaimsPrincipal user, FeedbackStore store, CancellationToken ct)
    {
        if (!SuggestionIds.IsValid(id)) return Problems.Invalid("id", "Suggestion ids look like work-12 or person-adalovelace.");
        return await store.ClearAsync(user.UserId(), id, state, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
