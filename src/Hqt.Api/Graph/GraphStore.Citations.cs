using System.Data.Common;
using Hqt.Api.Storage;

namespace Hqt.Api.Graph;

// Citation edges.
public sealed partial class GraphStore
{
    /// <summary>Citation edges from one work, with the signal, anchor text and sentence each was seen with (one round trip on PostgreSQL).</summary>
    static async Task AddCitationsAsync(DbConnection connection, DbTransaction tx, long userId, long citingWorkId, long? originCaptureId, string origin,
        IEnumerable<(long CitedWorkId, string? Signal, string? AnchorText, string? Context)> cited, CancellationToken ct)
    {
        using var writes = new StatementBatch(connection, tx);
        using var insert = new RepeatedCommand(connection, tx, """
            INSERT INTO citations (user_id, citing_work_id, cited_work_id, origin_capture_id, origin, signal, anchor_text, context)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
            """, 8, writes);
        foreach (var (citedWorkId, signal, anchorText, context) in cited)
            if (citedWorkId != citingWorkId)
                insert.Add(userId, citingWorkId, citedWorkId, originCaptureId, origin, signal, Clip(anchorText, 500), Clip(context, 2000));
        await writes.FlushAsync(ct);
    }
}
