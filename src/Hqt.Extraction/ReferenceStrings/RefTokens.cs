namespace Hqt.Extraction.ReferenceStrings;

/// <summary>One whitespace-separated token of a reference string and where it sits in it.</summary>
/// <remarks>
/// Whitespace is the unit because that is how reference strings are labelled (AnyStyle's segments never split a
/// run of non-space characters): <c>1994;81(6):</c> is one volume token, <c>1365-70.</c> one pages token.
/// </remarks>
public readonly record struct RefToken(string Text, int Start)
{
    public int End => Start + Text.Length;
}

public static class RefTokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, split at any Unicode whitespace.</summary>
    public static List<RefToken> Tokenize(string text)
    {
        var tokens = new List<RefToken>(Math.Max(4, text.Length / 6));
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (start >= 0) tokens.Add(new RefToken(text[start..i], start));
                start = -1;
            }
            else if (start < 0) start = i;
        }
        if (start >= 0) tokens.Add(new RefToken(text[start..], start));
        return tokens;
    }
}
