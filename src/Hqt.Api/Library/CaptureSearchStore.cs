using System.Text;
using Dapper;
using Hqt.Api.Captures;
using Hqt.Api.Storage;

namespace Hqt.Api.Library;

/// <summary>What the reader asked of their captures: words, and filters by site, author and capture date.</summary>
/// <param name="To">Exclusive: captures before this moment.</param>
public sealed record CaptureQuery(string? Text, string? Site, string? Author, DateTimeOffset? From, DateTimeOffset? To)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Site) && string.IsNullOrWhiteSpace(Author) && From is null && To is null;
}

/// <summary>
/// Searches a user's captures through the index <c>capture_search</c>, best match first: FTS5 on SQLite (here), tsvectors
/// on PostgreSQL (<c>CaptureSearchStore.Postgres.cs</c>); <see cref="CaptureSearchIndex"/> writes the index.
/// </summary>
public sealed partial class CaptureSearchStore(Db db)
{
    /// <summary>Marks around the matched words in a snippet (private-use characters: no page text contains them by accident).</summary>
    public const char MatchStart = '\uE000', MatchEnd = '\uE001';

    /// <summary>
    /// Up to this many matches are ordered by relevance (bm25); a query matching more (a common word, a whole site)
    /// lists them newest first. bm25 must score every match before the first page (about 40-70 ms for 10k matches
    /// on the bench machine), while newest first reads the first page straight off the index (under 2 ms); and
    /// when a word is in a thousand of your pages, relevance among them says little.
    /// </summary>
    public const int MaxRankedMatches = 1000;

    public async Task<IReadOnlyList<(CaptureRow Row, string? Snippet)>> SearchAsync(long userId, CaptureQuery query, int offset, int limit, CancellationToken ct)
    {
        var match = MatchExpression(query);
        var from = query.From?.UtcDateTime.ToString("O");
        var to = query.To?.UtcDateTime.ToString("O");
        await using var connection = await db.OpenAsync(ct);
        if (connection.IsPostgres()) return await SearchPostgresAsync(connection, userId, query, from, to, offset, limit, ct);
        if (match is null)
        {
            // Dates only: newest first, no index needed beyond the user's captures.
            var rows = await connection.QueryAsync<CaptureRow>(new CommandDefinition(CaptureStore.SelectColumns + """
                 WHERE c.user_id = @userId AND (@from IS NULL OR c.captured_at >= @from) AND (@to IS NULL OR c.captured_at < @to)
                ORDER BY c.id DESC LIMIT @limit OFFSET @offset
                """, new { userId, from, to, limit, offset }, cancellationToken: ct));
            return rows.Select(r => (r, (string?)null)).ToList();
        }
        var matches = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM (SELECT 1 FROM capture_search WHERE capture_search MATCH @match LIMIT @cap)",
            new { match, cap = MaxRankedMatches + 1 }, cancellationToken: ct));
        var order = matches > MaxRankedMatches ? "s.rowid DESC" : "s.rank";
        var hits = await connection.QueryAsync<CaptureRow, string, (CaptureRow, string?)>(new CommandDefinition(
            CaptureStore.SelectColumns.Replace("FROM captures c", "FROM capture_search s JOIN captures c ON c.id = s.rowid")
                .Replace("c.extract_json AS ExtractJson", $"c.extract_json AS ExtractJson, snippet(capture_search, 3, char({(int)MatchStart}), char({(int)MatchEnd}), '…', 16) AS Snippet") + $"""
             WHERE capture_search MATCH @match AND c.user_id = @userId
               AND (@from IS NULL OR c.captured_at >= @from) AND (@to IS NULL OR c.captured_at < @to)
            ORDER BY {order} LIMIT @limit OFFSET @offset
            """, new { match, userId, from, to, limit, offset }, cancellationToken: ct),
            (row, snippet) => (row, string.IsNullOrEmpty(snippet) ? null : snippet), splitOn: "Snippet");
        return hits.AsList();
    }

    /// <summary>
    /// The FTS5 expression for a query, or null when it has no words to match. The reader's words are quoted
    /// one by one (FTS5 operators typed into a search box are text, not syntax), all must match, and the last one
    /// matches as a prefix, so results follow the typing.
    /// </summary>
    public static string? MatchExpression(CaptureQuery query)
    {
        var parts = new List<string>();
        if (Terms(query.Text) is { Count: > 0 } words)
            parts.Add(string.Join(' ', words.Select((w, i) => Quote(w) + (i == words.Count - 1 ? "*" : ""))));
        if (Terms(query.Site) is { Count: > 0 } site) parts.Add("site : " + Quote(string.Join(' ', site)));
        if (Terms(query.Author) is { Count: > 0 } author) parts.Add("authors : " + Quote(string.Join(' ', author)));
        return parts.Count == 0 ? null : string.Join(" AND ", parts.Select(p => $"({p})"));
    }

    // Words as the index's tokenizer sees them (letters and digits); everything else separates them.
    static List<string> Terms(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return terms;
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c)) word.Append(c);
            else if (word.Length > 0) { terms.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) terms.Add(word.ToString());
        return terms.Take(16).ToList();
    }

    static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
