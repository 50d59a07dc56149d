namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// A reference string's features as 64-bit hashes, flat: per token, and per boundary (index i: between token i - 1
/// and i; boundary 0 is empty). One array each instead of an array per token, because a reference has ~30 tokens of
/// ~110 features and the per-token arrays were a good part of the parse's allocations.
/// </summary>
public sealed class RefSequence
{
    readonly ulong[] _features;
    readonly int[] _tokenStarts;   // n + 1 offsets into _features
    readonly ulong[] _edges;
    readonly int[] _edgeStarts;    // n + 1 offsets into _edges
    readonly bool[]? _midPhrase;   // per boundary: it falls inside a phrase, so a title or container goes on across it

    internal RefSequence(ulong[] features, int[] tokenStarts, ulong[] edges, int[] edgeStarts, bool[]? midPhrase = null)
    {
        _midPhrase = midPhrase;
        _features = features;
        _tokenStarts = tokenStarts;
        _edges = edges;
        _edgeStarts = edgeStarts;
    }

    public int Length => _tokenStarts.Length - 1;

    /// <summary>Every token's features end to end, and where each token's start (n + 1 offsets): the decoder's flat view.</summary>
    internal ReadOnlySpan<ulong> AllFeatures => _features.AsSpan(0, _tokenStarts[^1]);
    internal ReadOnlySpan<int> TokenStarts => _tokenStarts;

    public ReadOnlySpan<ulong> Token(int i) => _features.AsSpan(_tokenStarts[i], _tokenStarts[i + 1] - _tokenStarts[i]);

    /// <summary>True when the boundary before token i falls after a bare "of", "the", "and"… inside a phrase.</summary>
    public bool MidPhrase(int i) => _midPhrase is not null && _midPhrase[i];

    public ReadOnlySpan<ulong> Edge(int i) => _edges.AsSpan(_edgeStarts[i], _edgeStarts[i + 1] - _edgeStarts[i]);
}
