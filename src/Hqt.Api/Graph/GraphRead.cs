namespace Hqt.Api.Graph;

/// <summary>A reader's graph as a request got it: current, or the previous version while the current one loads.</summary>
/// <param name="IsStale">The graph has changed since this version; its refresh is under way.</param>
public sealed record GraphRead(LoadedGraph Graph, bool IsStale);
