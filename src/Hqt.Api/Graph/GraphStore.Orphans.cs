using System.Data.Common;
using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Graph;

// The one clean-up of the graph: works and people nothing holds on to any more.
public sealed partial class GraphStore
{
    /// <summary>
    /// Deletes those of <paramref name="touched"/> that nothing holds, and then their authors that wrote nothing else.
    /// A work stays while a capture (other than <paramref name="leavingCaptureId"/>, on its way out) is of it, or anything
    /// still cites it or is cited by it; a person while they author any work. Only the people of the touched works are
    /// checked, not the whole library.
    /// </summary>
    static async Task CollectOrphansAsync(DbConnection connection, DbTransaction tx, long userId, IReadOnlyList<long> touched, long? leavingCaptureId, CancellationToken ct)
    {
        if (touched.Count == 0) return;
        var authors = (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT DISTINCT person_id FROM authorships WHERE work_id {connection.In("touched")}", new { touched }, tx, cancellationToken: ct))).AsList();
        await connection.ExecuteAsync(new CommandDefinition($"""
            DELETE FROM works
            WHERE user_id = @userId AND id {connection.In("touched")}
              AND NOT EXISTS (SELECT 1 FROM captures c WHERE c.work_id = works.id AND c.id <> @leaving)
              AND NOT EXISTS (SELECT 1 FROM citations x WHERE x.cited_work_id = works.id OR x.citing_work_id = works.id);
            """, new { userId, touched, leaving = leavingCaptureId ?? 0 }, tx, cancellationToken: ct));
        if (authors.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition($"""
                DELETE FROM people
                WHERE user_id = @userId AND id {connection.In("authors")} AND NOT EXISTS (SELECT 1 FROM authorships a WHERE a.person_id = people.id);
                """, new { userId, authors }, tx, cancellationToken: ct));
    }
}
