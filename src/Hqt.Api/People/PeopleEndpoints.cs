using System.Security.Claims;
using Hqt.Api.Auth;
using Hqt.Api.Graph;
using Hqt.Api.Suggestions;
using Hqt.Upstream;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hqt.Api.People;

/// <param name="Title">The work's own title, null when it has none.</param>
/// <param name="Label">What to show it as: its title, else who, when and where it appeared, else a name from its address.</param>
public sealed record PersonWork(string Id, string? Title, int? Year, string? Url, bool IsCaptured, string? Label = null);
/// <param name="Label">What to show it as (see <see cref="PersonWork.Label"/>).</param>
public sealed record CitedWork(string Id, string? Title, string? Url, int Count, string? Label = null);

/// <summary>A person, the works of theirs the reader's graph holds, whom those works cite most, and what in the graph cites them.</summary>
/// <param name="Id">As asked: a people id (<c>17</c>, a writer you read) or a suggestion id (<c>person-adalovelace</c>).</param>
/// <param name="CitedBy">Works and captures in your graph citing this person's works, most citations first; <c>Count</c> is how many of their works each cites.</param>
public sealed record PersonResponse(string Id, string Name, string? ProfileUrl, IReadOnlyList<PersonWork> Works, IReadOnlyList<CitedWork> CitesMost,
    IReadOnlyList<CitedWork>? CitedBy = null);

public static class PeopleEndpoints
{
    public static RouteGroupBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").WithTags("People");
        people.MapGet("/{id}", GetPerson)
            .WithName("GetPerson")
            .WithSummary("A person's works in your graph, who they cite most, and what cites them");
        return people;
    }

    static async Task<Results<Ok<PersonResponse>, NotFound>> GetPerson(
        string id, ClaimsPrincipal user, GraphStore store, ReaderGraphCache graphs, CancellationToken ct)
    {
        var userId = user.UserId();
        var graph = await graphs.GetAsync(userId, ct);
        string name;
        string? profileUrl = null;
        List<long> workIds;
        if (long.TryParse(id, out var personId))
        {
            if (await store.FindPersonAsync(userId, personId, ct) is not { } person) return TypedResults.NotFound();
            (name, profileUrl, workIds) = person;
        }
        else if (SuggestionIds.IsPerson(id))
        {
            var key = id["person-".Length..];
            workIds = graph.Works.Values.Where(w => w.Authors.Any(a => PersonNames.Normalize(a) == key)).Select(w => w.Id).ToList();
            if (workIds.Count == 0) return TypedResults.NotFound();
            name = graph.Works[workIds[0]].Authors.First(a => PersonNames.Normalize(a) == key);
        }
        else return TypedResults.NotFound();

        var works = workIds.Where(graph.Works.ContainsKey).Select(w => graph.Works[w])
            .OrderByDescending(w => w.Year).Select(w => new PersonWork(SuggestionIds.Work(w.Id), w.Title, w.Year, w.Link, w.IsCaptured, SuggestionService.Display(w))).ToList();
        var citesMost = workIds.SelectMany(w => graph.Cites.GetValueOrDefault(w) ?? [])
            .GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(10)
            .Select(g => graph.Works.TryGetValue(g.Key, out var w) ? new CitedWork(SuggestionIds.Work(w.Id), w.Title, w.Link, g.Count(), SuggestionService.Display(w)) : null)
            .OfType<CitedWork>().ToList();
        var theirs = workIds.ToHashSet();
        // The graph keeps edges one way (citing → cited): one pass over it finds who cites this person.
        var citedBy = graph.Cites
            .Select(edge => (Citer: edge.Key, Count: theirs.Contains(edge.Key) ? 0 : edge.Value.Count(theirs.Contains)))
            .Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Citer).Take(10)
            .Select(c => graph.Works.TryGetValue(c.Citer, out var w) ? new CitedWork(SuggestionIds.Work(w.Id), w.Title, w.Link, c.Count, SuggestionService.Display(w)) : null)
            .OfType<CitedWork>().ToList();
        return TypedResults.Ok(new PersonResponse(id, name, profileUrl, works, citesMost, citedBy));
    }
}
