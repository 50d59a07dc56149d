using System.Text;
using System.Text.RegularExpressions;
using Hqt.Tests;

namespace Hqt.Api.Tests;

/// <summary>
/// The graph's tables (works, work_identities, people, authorships, citations) have one owner: the graph store in
/// <c>src/Hqt.Api/Graph/</c>. This reads the product's source (src/ and tools/; tests and benches may inspect the
/// database as they like) and fails on any SQL statement on those tables anywhere else, so a schema change or a
/// second database provider stays one folder's work.
/// </summary>
public class GraphOwnershipTests
{
    static readonly string[] GraphTables = ["works", "work_identities", "people", "authorships", "citations"];

    static readonly string Tables = string.Join("|", GraphTables);

    // A table named where SQL names the tables a statement reads or writes: FROM, JOIN, INTO, UPDATE, TABLE (ALTER,
    // CREATE, DROP), or a comma-separated FROM list ("FROM captures c, works w").
    static readonly Regex TableReference = new($@"\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?:{Tables})\b|\bFROM\s+\w+(?:\s+(?:AS\s+)?\w+)?\s*,\s*(?:{Tables})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // The same in SQL's capitals: SQL even when the statement's verb sits in another literal ("SELECT … " + "FROM works").
    static readonly Regex CapitalTableReference = new($@"\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(?:{Tables})\b", RegexOptions.CultureInvariant);

    static readonly Regex StatementVerb = new(@"\b(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public void NoStatementOnTheGraphTablesOutsideTheGraphStore()
    {
        var graphFolder = Path.Combine(SharedData.RepoRoot, "src", "Hqt.Api", "Graph") + Path.DirectorySeparatorChar;
        var offences = SourceFiles()
            .Where(file => !file.StartsWith(graphFolder, StringComparison.Ordinal))
            .SelectMany(file => GraphStatements(File.ReadAllText(file)).Select(sql => $"{Path.GetRelativePath(SharedData.RepoRoot, file)}: {Shorten(sql)}"))
            .ToList();

        Assert.True(offences.Count == 0, "SQL on the graph tables outside src/Hqt.Api/Graph/ (move it into GraphStore):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void TheScanFindsTheGraphStoresOwnStatements()
    {
        // The scan must see real statements, or the test above would pass on a scanner that sees nothing.
        var graphFolder = Path.Combine(SharedData.RepoRoot, "src", "Hqt.Api", "Graph");
        var found = Directory.EnumerateFiles(graphFolder, "*.cs").SelectMany(f => GraphStatements(File.ReadAllText(f))).ToList();

        foreach (var table in GraphTables)
            Assert.Contains(found, sql => Regex.IsMatch(sql, $@"\b{table}\b"));
        Assert.Contains(found, sql => sql.Contains("INSERT INTO works", StringComparison.Ordinal));
        Assert.Contains(found, sql => sql.Contains("DELETE FROM citations", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("var sql = \"SELECT id FROM works WHERE user_id = @u\";")]
    [InlineData("const string Sql = \"\"\"\n    DELETE FROM citations\n    WHERE origin_capture_id = @id\n    \"\"\";")]
    [InlineData("db.Execute(@\"UPDATE people SET name = @n\");")]
    [InlineData("var s = $\"INSERT INTO work_identities (scheme) VALUES ({x})\";")]
    [InlineData("var s = \"select c.id from captures c join authorships a on a.work_id = c.work_id\";")]
    [InlineData("var s = \"SELECT c.id \" + \"FROM works w\";")]
    [InlineData("var s = \"SELECT 1 FROM captures c, citations x WHERE x.id = c.id\";")]
    [InlineData("var s = $$\"\"\"\n  SELECT {{x}} FROM works\n  \"\"\";")]
    public void AStatementOnAGraphTableIsFound(string source) => Assert.NotEmpty(GraphStatements(source));

    [Theory]
    [InlineData("// Reads what it needs FROM works and citations (the graph store's job).")]
    [InlineData("/* SELECT * FROM works */ var x = 1;")]
    [InlineData("var s = \"SELECT id FROM captures WHERE work_id = @w\";")]
    [InlineData("var s = \"Your next reads: works and people upstream of your library\";")]
    [InlineData("var s = \"Suggestions drawn from works the reader cites\";")]
    [InlineData("var c = '\"'; var s = \"SELECT 1 FROM lookup_jobs\";")]
    [InlineData("var s = \"INSERT INTO lookup_jobs (work_id) VALUES (@w)\";")]
    public void ProseCommentsAndOtherTablesAreNot(string source) => Assert.Empty(GraphStatements(source));

    static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tools" }.Select(d => Path.Combine(SharedData.RepoRoot, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The string literals of a C# source that are SQL statements on a graph table.</summary>
    static IEnumerable<string> GraphStatements(string source) =>
        StringLiterals(source).Where(text =>
            CapitalTableReference.IsMatch(text) || (TableReference.IsMatch(text) && StatementVerb.IsMatch(text)));

    /// <summary>
    /// The contents of every string literal (regular, verbatim, interpolated, raw), comments and char literals skipped:
    /// SQL lives in literals, and prose about tables lives in comments.
    /// </summary>
    static List<string> StringLiterals(string s)
    {
        var literals = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '/') { i = IndexOrEnd(s, "\n", i); continue; }
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '*') { i = IndexOrEnd(s, "*/", i + 2) + 2; continue; }
            if (c == '\'')
            {
                i++;
                while (i < s.Length && s[i] != '\'') i += s[i] == '\\' ? 2 : 1;
                i++;
                continue;
            }
            if (c != '"') { i++; continue; }

            var verbatim = false;
            for (var back = i - 1; back >= 0 && s[back] is '@' or '$'; back--) verbatim |= s[back] == '@';
            var quotes = 0;
            while (i + quotes < s.Length && s[i + quotes] == '"') quotes++;
            var text = new StringBuilder();
            if (quotes >= 3)
            {
                // Raw: ends at the same run of quotes.
                var close = new string('"', quotes);
                var end = IndexOrEnd(s, close, i + quotes);
                text.Append(s, i + quotes, end - i - quotes);
                i = end + quotes;
            }
            else if (quotes == 2 && !verbatim) { i += 2; } // ""
            else
            {
                i++;
                while (i < s.Length)
                {
                    if (verbatim && s[i] == '"' && i + 1 < s.Length && s[i + 1] == '"') { text.Append('"'); i += 2; continue; }
                    if (s[i] == '"') { i++; break; }
                    if (!verbatim && s[i] == '\\' && i + 1 < s.Length) { text.Append(s[i + 1]); i += 2; continue; }
                    text.Append(s[i++]);
                }
            }
            literals.Add(text.ToString());
        }
        return literals;
    }

    static int IndexOrEnd(string s, string value, int from)
    {
        var at = s.IndexOf(value, from, StringComparison.Ordinal);
        return at < 0 ? s.Length : at;
    }

    static string Shorten(string sql)
    {
        var flat = Regex.Replace(sql, @"\s+", " ").Trim();
        return flat.Length > 120 ? flat[..120] + "…" : flat;
    }
}
