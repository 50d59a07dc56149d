using Hqt.Upstream;

namespace Hqt.Api.Suggestions;

/// <summary>
/// The ids suggestions carry on the wire. Works are <c>work-{id}</c>. Suggested people are keyed by their
/// normalised name (<c>person-adalovelace</c>, the ranker's <see cref="PersonNames.Normalize"/>): upstream authors are known by name from many sources,
/// and the ranker gathers a name's evidence across all of them.
/// </summary>
public static class SuggestionIds
{
    public static string Work(long id) => $"work-{id}";

    public static string Person(string name) => "person-" + PersonNames.Normalize(name);

    public static long? WorkId(string itemId) =>
        itemId.StartsWith("work-", StringComparison.Ordinal) && long.TryParse(itemId.AsSpan(5), out var id) ? id : null;

    public static bool IsPerson(string itemId) => itemId.StartsWith("person-", StringComparison.Ordinal) && itemId.Length > 7;

    /// <summary>The id the ranker excludes for a wire id: the work's id, or <c>person:</c> and the name key.</summary>
    public static string ToRankerId(string itemId) =>
        WorkId(itemId) is { } work ? work.ToString() : PersonNames.KeyPrefix + itemId["person-".Length..];

    public static bool IsValid(string itemId) => WorkId(itemId) is not null || IsPerson(itemId);
}
