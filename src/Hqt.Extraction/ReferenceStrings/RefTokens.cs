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
    /// <summary>
    /// The tokens of <paramref name="text"/>, split at any Unicode whitespace, and after the colon that ends a volume
    /// before its pages (<c>2013;84(2):317-25</c> → <c>2013;84(2):</c> <c>317-25</c>), an electronic article number's too
    /// (<c>2005;2(8):e124</c>, <c>2015;349(6251):aac4716</c>): labelled data writes a space there, real reference lists
    /// mostly do not.
    /// </summary>
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
            else if (text[i] == ':' && OpensPages(text, i + 1) && (text[i - 1] == ')' || char.IsAsciiDigit(text[i - 1])) && IsVolumeBefore(text, start, i))
            {
                tokens.Add(new RefToken(text[start..(i + 1)], start));
                start = -1;
            }
        }
        if (start >= 0) tokens.Add(new RefToken(text[start..], start));
        return tokens;
    }

    // A page or an article number: a digit, or up to three letters and a digit ("e124", "aac4716").
    static bool OpensPages(string text, int at)
    {
        var letters = 0;
        while (at + letters < text.Length && letters < 3 && char.IsAsciiLetter(text[at + letters])) letters++;
        return at + letters < text.Length && char.IsAsciiDigit(text[at + letters]);
    }

    // "84(2):" or "2013;84:" : digits (and a bracketed issue) only, so a time ("10:30") or a Bible verse stays whole.
    static bool IsVolumeBefore(string text, int start, int colon)
    {
        var digits = 0;
        for (var k = start; k < colon; k++)
        {
            var c = text[k];
            if (char.IsAsciiDigit(c)) digits++;
            else if (c is not ('(' or ')' or ';' or '-' or '/') && !char.IsLetter(c)) return false;
        }
        return digits >= 1 && text.AsSpan(start, colon - start).IndexOfAny('(', ';') >= 0;
    }
}
