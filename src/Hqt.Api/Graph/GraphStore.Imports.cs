using System.Data.Common;
using Dapper;
using Hqt.Api.Storage;

namespace Hqt.Api.Graph;

// What an import batch asks of the graph beyond resolving its works.
public sealed partial class GraphStore
{
    /// <summary>Those of <paramref name="ids"/> whose page the reader captured.</summary>
    public static async Task<HashSet<long>> CapturedAmongAsync(DbConnection connection, DbTransaction tx, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT id FROM works WHERE id {connection.In("ids")} AND document_id IS NOT NULL", new { ids = ids.Distinct().ToList() }, tx, cancellationToken: ct))).ToHashSet();
}
