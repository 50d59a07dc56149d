namespace Hqt.Extraction.Text;

/// <summary>
/// The back-links a page puts before each of its notes, which a copy of the note's text keeps: Wikipedia's caret and its
/// letters, one for each place that cites the note (<c>^ a b c</c>, <c>^ Jump up to: a b</c>), and the arrows of other
/// sites (<c>↑</c>, <c>↵</c>). They are no part of the reference: read as one they made people named "a b Smith" and "↑
/// Dupont". The letters are taken only after a mark and only in their order (a, b, … z, aa, ab, …), so a family name's
/// particle after a lone caret (<c>^ de Solla Price, D. J.</c>, <c>^ la Cruz, M.</c>) stays.
/// </summary>
public static class NoteBacklinks
{
    /// <summary>Where the note's own text starts in <paramref name="text"/>: 0 when it opens with no back-link mark.</summary>
    public static int End(string text)
    {
        var i = SkipSpaces(text, 0);
        var marked = false;
        while (i < text.Length)
        {
            if (text[i] is '^' or '↑' or '↵') i++;
            else if (text.AsSpan(i).StartsWith("Jump up", StringComparison.Ordinal))
            {
                i += "Jump up".Length;
                if (text.AsSpan(i).StartsWith(" to", StringComparison.Ordinal)) i += " to".Length;
                if (i < text.Length && text[i] == ':') i++;
            }
            else break;
            marked = true;
            i = SkipSpaces(text, i);
        }
        if (!marked) return 0;
        // The citing places' letters, in order, each followed by a space.
        for (var letter = "a"; i + letter.Length < text.Length && text.AsSpan(i).StartsWith(letter, StringComparison.Ordinal)
             && char.IsWhiteSpace(text[i + letter.Length]); letter = Next(letter))
            i = SkipSpaces(text, i + letter.Length);
        return i;
    }

    /// <summary><paramref name="text"/> without the back-link marks it opens with.</summary>
    public static string Strip(string text) => End(text) is var end and > 0 ? text[end..] : text;

    static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    // a → b, z → aa, az → ba: the letters Wikipedia gives the places citing one note.
    static string Next(string letter) => letter switch
    {
        "z" => "aa",
        [var c] => ((char)(c + 1)).ToString(),
        [var first, 'z'] => $"{(char)(first + 1)}a",
        [var first, var last] => $"{first}{(char)(last + 1)}",
        _ => "",
    };
}
