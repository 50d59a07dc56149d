using System.Text;
using Hqt.Names;

namespace Hqt.Extraction.Text;

/// <summary>Whitespace and comparison helpers every extractor shares, so they agree on what "the same text" means.</summary>
public static class TextTools
{
    /// <summary>Trims and folds every run of whitespace (incl. no-break and zero-width spaces) to one space; null when nothing is left.</summary>
    public static string? Collapse(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (c is '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff' or '\u00ad') continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>A key for comparing names and titles: compatibility-normalised, lower case, letters and digits only, single spaces.</summary>
    public static string Key(string value)
    {
        var normalized = value.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '’' or '.')) pendingSpace = true;
        }
        return builder.ToString();
    }

    /// <summary><see cref="Key"/> without diacritics, for matching names spelt with and without accents.</summary>
    /// <remarks>Not <c>string.Normalize</c>: under InvariantGlobalization it leaves "é" as it is (<see cref="LatinDiacritics"/>).</remarks>
    public static string LooseKey(string value) => LatinDiacritics.Strip(Key(value));

    public static int CountWords(string value)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; count++; }
        }
        return count;
    }

    /// <summary>Whether the text is mostly in a script that does not separate words with spaces (CJK).</summary>
    public static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7af' or >= '\uff66' and <= '\uff9f';
}
