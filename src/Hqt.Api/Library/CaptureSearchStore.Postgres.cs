using System.Data.Common;
using System.Text;
using Dapper;
using Hqt.Api.Captures;

namespace Hqt.Api.Library;

/// <summary>
/// <see cref="CaptureSearchStore"/> on PostgreSQL: the same query over <c>capture_search</c>'s tsvectors (PostgreSQL
/// migration 0006) instead of FTS5. It behaves like the SQLite search: the reader's words are literal lexemes (never
/// tsquery syntax), all must match, the last one as a prefix; <c>site=</c> and <c>author=</c> are phrases in their own
/// field; dates compare capture times; snippets mark the matched words with the same private-use characters.
/// Ranking is <c>ts_rank_cd</c> where SQLite uses bm25, with the same cap: past
/// <see cref="MaxRankedMatches"/> matches, newest first.
/// </summary>
public sealed partial class CaptureSearchStore
{
    static async Task<IReadOnlyList<(CaptureRow Row, string? Snippet)>> SearchPostgresAsync(
        DbConnection connection, long userId, CaptureQuery query, string? from, string? to, int offset, int limit, CancellationToken ct)
    {
        var words = Lexemes(query.Text) is { Count: > 0 } w
            ? string.Join(" & ", w.Select((t, i) => QuoteLexeme(t) + (i == w.Count - 1 ? ":*" : "")))
            : null;
        var site = Lexemes(query.Site) is { Count: > 0 } s ? string.Join(" <-> ", s.Select(QuoteLexeme)) : null;
        var author = Lexemes(query.Author) is { Count: > 0 } a ? string.Join(" <-> ", a.Select(QuoteLexeme)) : null;
        const string filter = """
             WHERE c.user_id = @userId
               AND (@words::text IS NULL OR s.words @@ to_tsquery('simple', @words::text))
               AND (@site::text IS NULL OR s.site_words @@ to_tsquery('simple', @site::text))
               AND (@author::text IS NULL OR s.author_words @@ to_tsquery('simple', @author::text))
               AND (@from::text IS NULL OR c.captured_at >= @from::text) AND (@to::text IS NULL OR c.captured_at < @to::text)
            """;
        var args = new { userId, words, site, author, from, to, limit, offset, cap = MaxRankedMatches + 1 };
        var matches = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM (SELECT 1 FROM capture_search s JOIN captures c ON c.id = s.capture_id" + filter + " LIMIT @cap) AS m",
            args, cancellationToken: ct));
        var order = matches > MaxRankedMatches || words is null
            ? "c.id DESC"
            : "ts_rank_cd(s.words, to_tsquery('simple', @words::text)) DESC, c.id DESC";
        var snippet = words is null ? "NULL::text" : $"""
            ts_headline('simple', s.text, to_tsquery('simple', @words::text),
              'StartSel={MatchStart}, StopSel={MatchEnd}, MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…')
            """;
        var hits = await connection.QueryAsync<CaptureRow, string, (CaptureRow, string?)>(new CommandDefinition(
            CaptureStore.SelectColumns.Replace("FROM captures c", "FROM capture_search s JOIN captures c ON c.id = s.capture_id")
                .Replace("c.extract_json AS ExtractJson", $"c.extract_json AS ExtractJson, {snippet} AS Snippet")
            + filter + $" ORDER BY {order} LIMIT @limit OFFSET @offset",
            args, cancellationToken: ct),
            (row, text) => (row, string.IsNullOrEmpty(text) || !text.Contains(MatchStart) ? null : text), splitOn: "Snippet");
        return hits.AsList();
    }

    /// <summary>Words as the index keeps them: runs of letters and digits (what hqt_search_words leaves), lower-cased.</summary>
    static List<string> Lexemes(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return terms;
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (word.Length > 0) { terms.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) terms.Add(word.ToString());
        return terms.Take(16).ToList();
    }

    // A lexeme in tsquery syntax: quoted, so operators typed in a search box stay text.
    static string QuoteLexeme(string lexeme) => "'" + lexeme.Replace("\\", "\\\\").Replace("'", "''") + "'";
}
