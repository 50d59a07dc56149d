using System.ComponentModel.DataAnnotations;

namespace Hqt.Api.Graph;

/// <summary>
/// The <c>Hqt:Graph</c> settings: when a ranking may be answered from the previous version of a reader's graph
/// while the new one loads (see <see cref="ReaderGraphCache.GetForRankingAsync"/>).
/// </summary>
public sealed class GraphRefreshOptions
{
    public const string Section = "Hqt:Graph";

    /// <summary>
    /// A graph of at least this many works is refreshed in the background after a change, the previous version
    /// answering meanwhile; a smaller one is simply reloaded, so small libraries always answer exactly. Size, not a
    /// measured load time, decides: a busy machine or a cold start must not change what a reader sees. About 1,500
    /// captures make 20,000 works; below that, load and preparation take a few tens of milliseconds.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int BackgroundRefreshMinWorks { get; set; } = 20_000;

    /// <summary>How long after a change was first seen the previous version may still answer; 0 never serves it.</summary>
    [Range(0, 86_400)]
    public int MaxStaleSeconds { get; set; } = 10;
}
