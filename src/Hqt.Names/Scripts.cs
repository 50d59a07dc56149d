namespace Hqt.Names;

/// <summary>The scripts a name or a reference is written in, where that changes how it is read.</summary>
public static class Scripts
{
    /// <summary>
    /// A Han ideograph (with the extension A and compatibility blocks) or a kana, or 々 (the repetition mark in 佐々木):
    /// the scripts written without spaces between words and with the family name first.
    /// </summary>
    public static bool IsHanOrKana(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3040' and <= '\u30FF') or (>= '\uF900' and <= '\uFAFF')
            || c == '\u3005';

    /// <summary>A Hangul syllable: Korean, written with spaces between words, the family name first.</summary>
    public static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7AF';
}
