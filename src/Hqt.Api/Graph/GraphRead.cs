namespace Hqt.Api.Graph;

/// <summary>A reader's graph as a request got it: current, or the previous version while the current one loads.</summary>
/// <param name="IsStale">The graph has changed since this version; its refresh is under way.</param>
/// <param name="CapturedSince">Works captured after this version was read: read, so never to be suggested from it.</param>
public sealed record GraphRead(LoadedGraph Graph, bool IsStale, IReadOnlyList<long> CapturedSince)
{
    public GraphRead(LoadedGraph graph) : this(graph, false, []) { }
}
