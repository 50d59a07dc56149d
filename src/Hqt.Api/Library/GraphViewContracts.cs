namespace Hqt.Api.Library;

/// <summary>One node of the influence picture.</summary>
/// <param name="Id"><c>work-12</c> (captures are works too) or <c>person-adalovelace</c>: what the suggestion feedback and people routes take.</param>
/// <param name="Kind"><c>capture</c> (a page you captured), <c>work</c> (upstream of them) or <c>person</c>.</param>
/// <param name="Weight">
/// Your evidence for it: the ranker's score for suggested works and people; for a capture, how many pictured works it
/// cites; for a work pictured only as a link in a chain, how many pictured works it cites.
/// </param>
/// <param name="Depth">Citation steps from your captures (0 = a capture, 1 = cited by one, …); null for people and unreached works.</param>
/// <param name="IsSuggested">Ranked among your next reads (so it can be dismissed).</param>
public sealed record GraphNode(
    string Id, string Kind, string Title, int? Year, double Weight, string Reason, string? Url, int? Depth,
    IReadOnlyList<string> Authors, bool IsSuggested);

/// <param name="Kind"><c>cites</c> (source cites target) or <c>wrote</c> (a person wrote the target).</param>
public sealed record GraphEdge(string Source, string Target, string Kind);

/// <summary>The top of your graph by evidence, with the edges between the nodes pictured.</summary>
/// <param name="Captures">All your captured pages (the picture shows those that cite what it shows).</param>
public sealed record GraphPicture(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, int Captures, long GraphVersion);
