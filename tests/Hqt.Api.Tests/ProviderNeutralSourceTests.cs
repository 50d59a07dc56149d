using System.Text;
using System.Text.RegularExpressions;
using Hqt.Tests;

namespace Hqt.Api.Tests;

/// <summary>
/// No provider-specific SQL outside the stores (issue 17): where SQLite and PostgreSQL differ (a dialect switch, a
/// locking clause, an engine's functions, pragmas, full-text syntax, the drivers themselves), the difference lives in
/// a store, beside the statement, so a feature's handlers, workers and services run unchanged on either. This reads
/// the host's source (comments aside: prose may name anything) and fails on such a construct in a file that is not a
/// store. A store is <c>Graph/</c> (the graph store), <c>Storage/</c> (connections, migrations) or a file named for
/// the table it owns: <c>…Store.cs</c> (and its <c>…Store.Part.cs</c> partials), <c>…Queue.cs</c> (a job table),
/// <c>…Index.cs</c> (a search index).
/// </summary>
public class ProviderNeutralSourceTests
{
    static readonly (string Name, Regex Pattern)[] ProviderConstructs =
    [
        ("a provider switch", new(@"\bIsPostgres\b|\.Pick\s*\(|\.In\s*\(\s*""")),
        ("PostgreSQL's functions or catalogs", new(@"\bpg_[a-z_]+", RegexOptions.IgnoreCase)),
        ("SQLite's catalogs or functions", new(@"\bsqlite_[a-z_]+", RegexOptions.IgnoreCase)),
        ("a pragma", new(@"\bPRAGMA\b", RegexOptions.IgnoreCase)),
        ("a row-locking clause", new(@"\bSKIP\s+LOCKED\b|\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE)\b")),
        ("a SQLite transaction mode", new(@"\bBEGIN\s+(?:IMMEDIATE|EXCLUSIVE)\b", RegexOptions.IgnoreCase)),
        ("FTS5 syntax", new(@"\bMATCH\s+@|\bbm25\s*\(|\b(?:snippet|highlight)\s*\(\s*\w+\s*,\s*-?\d|\bfts5\b|\browid\b", RegexOptions.IgnoreCase)),
        ("PostgreSQL text search", new(@"\bto_tsquery\b|\bts_rank\w*|\bts_headline\b|\btsvector\b|\bwebsearch_to_tsquery\b", RegexOptions.IgnoreCase)),
        ("a PostgreSQL cast", new(@"::\s*(?:text|integer|int[248]?|bigint|boolean|jsonb?|timestamptz|regclass)\b")),
        ("ILIKE", new(@"\bILIKE\b", RegexOptions.IgnoreCase)),
        ("a driver's own types", new(@"\bNpgsql\w*|\bSqlite(?:Connection|Command|Exception|Transaction)\b|Microsoft\.Data\.Sqlite")),
    ];

    static readonly Regex StoreFileName = new(@"^\w+(?:Store|Queue|Index)(?:\.\w+)?\.cs$");

    [Fact]
    public void NoProviderSpecificSqlOutsideTheStores()
    {
        var offences = HostSources()
            .Where(file => !IsStore(file))
            .SelectMany(file => Offences(File.ReadAllText(file)).Select(o => $"{Path.GetRelativePath(SharedData.RepoRoot, file)}: {o}"))
            .ToList();

        Assert.True(offences.Count == 0,
            "Provider-specific SQL outside the stores (move the statement into the store that owns its table):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void TheScanSeesTheStoresOwnProviderSpecificSql()
    {
        // The scan must see real code, or the test above would pass on a scanner that sees nothing.
        var stores = HostSources().Where(IsStore).ToList();
        var found = stores.SelectMany(f => Offences(File.ReadAllText(f))).ToList();

        Assert.Contains(stores, f => f.EndsWith($"Captures{Path.DirectorySeparatorChar}Pending{Path.DirectorySeparatorChar}PendingQueue.cs", StringComparison.Ordinal));
        Assert.Contains(found, o => o.Contains("SKIP LOCKED", StringComparison.Ordinal));
        Assert.Contains(found, o => o.Contains("pg_advisory_xact_lock", StringComparison.Ordinal));
        Assert.Contains(found, o => o.Contains("PRAGMA", StringComparison.Ordinal));
        Assert.Contains(found, o => o.Contains("to_tsquery", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("if (db.IsPostgres) await Lock();")]
    [InlineData("if (connection.IsPostgres()) await Lock();")]
    [InlineData("var sql = connection.Pick(sqlite: \"\", postgres: \"FOR UPDATE\");")]
    [InlineData("var s = $\"SELECT 1 FROM t WHERE id {connection.In(\"ids\")}\";")]
    [InlineData("var s = \"SELECT pg_advisory_xact_lock(1)\";")]
    [InlineData("var s = \"SELECT name FROM sqlite_master\";")]
    [InlineData("await c.ExecuteAsync(\"PRAGMA foreign_keys = ON\");")]
    [InlineData("var s = \"\"\"\n    SELECT id FROM jobs\n    LIMIT 1 FOR UPDATE SKIP LOCKED\n    \"\"\";")]
    [InlineData("var s = \"SELECT cursor FROM imports WHERE id = @Id FOR UPDATE\";")]
    [InlineData("var s = \"BEGIN IMMEDIATE\";")]
    [InlineData("var s = \"SELECT rowid FROM capture_search WHERE capture_search MATCH @q ORDER BY bm25(capture_search)\";")]
    [InlineData("var s = \"WHERE s.words @@ to_tsquery('simple', @q)\";")]
    [InlineData("var s = \"WHERE (@from::text IS NULL)\";")]
    [InlineData("using var c = new NpgsqlConnection(cs);")]
    [InlineData("catch (SqliteException e) when (e.SqliteErrorCode == 19) { }")]
    public void AProviderSpecificConstructIsFound(string source) => Assert.NotEmpty(Offences(source));

    [Theory]
    [InlineData("// PostgreSQL: SKIP LOCKED makes instances take different rows (the store's job).")]
    [InlineData("/* db.IsPostgres */ var x = 1;")]
    [InlineData("/// <summary>On SQLite, PRAGMA settings are the store's.</summary>")]
    [InlineData("var s = \"INSERT INTO t (a) VALUES (@a) ON CONFLICT (a) DO NOTHING RETURNING id\";")]
    [InlineData("var s = \"SELECT COALESCE(MAX(id), 0) FROM captures WHERE user_id = @u\";")]
    [InlineData("var s = \"Read the pages for updates\"; var t = global::System.String.Empty;")]
    [InlineData("var picked = items.Where(i => i.IsPicked).ToList();")]
    public void PortableSqlProseAndCommentsAreNot(string source) => Assert.Empty(Offences(source));

    [Theory]
    [InlineData("Graph/GraphStore.Works.cs", true)]
    [InlineData("Storage/Db.cs", true)]
    [InlineData("Captures/CaptureStore.cs", true)]
    [InlineData("Library/CaptureSearchStore.Postgres.cs", true)]
    [InlineData("Lookups/LookupQueue.cs", true)]
    [InlineData("Library/CaptureSearchIndex.cs", true)]
    [InlineData("Imports/ImportBatches.cs", false)]
    [InlineData("Captures/Pending/ExtractionWorker.cs", false)]
    [InlineData("Library/SearchBackfill.cs", false)]
    public void StoresAreTheGraphAndStorageFoldersAndFilesNamedForTheirTable(string relative, bool isStore) =>
        Assert.Equal(isStore, IsStore(Path.Combine(HostRoot, relative.Replace('/', Path.DirectorySeparatorChar))));

    static string HostRoot => Path.Combine(SharedData.RepoRoot, "src", "Hqt.Api");

    static bool IsStore(string file)
    {
        var relative = Path.GetRelativePath(HostRoot, file);
        var top = relative.Split(Path.DirectorySeparatorChar)[0];
        return top is "Graph" or "Storage" || StoreFileName.IsMatch(Path.GetFileName(file));
    }

    static IEnumerable<string> HostSources() =>
        Directory.EnumerateFiles(HostRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>Each provider-specific construct in the code (string literals included, comments not), with its line.</summary>
    static IEnumerable<string> Offences(string source)
    {
        var lines = WithoutComments(source).Split('\n');
        for (var i = 0; i < lines.Length; i++)
            foreach (var (name, pattern) in ProviderConstructs)
                if (pattern.Match(lines[i]) is { Success: true } match)
                    yield return $"line {i + 1}: {name} ({match.Value.Trim()}): {lines[i].Trim()}";
    }

    /// <summary>The source with its comments blanked (line breaks kept, so line numbers hold); string and char literals stay.</summary>
    static string WithoutComments(string s)
    {
        var code = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                while (i < s.Length && s[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? s.Length : end + 2;
                code.Append('\n', s.AsSpan(i, end - i).Count('\n'));
                i = end;
                continue;
            }
            if (c == '\'')
            {
                var start = i++;
                while (i < s.Length && s[i] != '\'' && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
                i = Math.Min(i + 1, s.Length);
                code.Append(s, start, i - start);
                continue;
            }
            if (c != '"') { code.Append(c); i++; continue; }

            // A string: copied whole, so a "//" inside a URL is not taken for a comment.
            var verbatim = false;
            for (var back = i - 1; back >= 0 && s[back] is '@' or '$'; back--) verbatim |= s[back] == '@';
            var quotes = 0;
            while (i + quotes < s.Length && s[i + quotes] == '"') quotes++;
            var from = i;
            if (quotes >= 3)
            {
                var close = s.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                i = close < 0 ? s.Length : close + quotes;
            }
            else if (quotes == 2 && !verbatim) i += 2;
            else
            {
                i++;
                while (i < s.Length)
                {
                    if (verbatim && s[i] == '"' && i + 1 < s.Length && s[i + 1] == '"') { i += 2; continue; }
                    if (s[i] == '"') { i++; break; }
                    if (!verbatim && s[i] == '\\') { i += 2; continue; }
                    i++;
                }
            }
            code.Append(s, from, Math.Min(i, s.Length) - from);
        }
        return code.ToString();
    }
}
