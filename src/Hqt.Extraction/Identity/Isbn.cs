using System.Text.RegularExpressions;

namespace Hqt.Extraction.Identity;

/// <summary>ISBNs: ten or thirteen digits, checksum-validated; the canonical form is the 13-digit one without hyphens.</summary>
public static partial class Isbn
{
    // Prose needs the "ISBN" label: a bare run of digits is a phone number as often as a book.
    [GeneratedRegex(@"ISBN(?:-1[03])?:?\s*(?<isbn>(?:97[89][\s\-]?)?(?:\d[\s\-]?){9}[\dXx])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InText();

    [GeneratedRegex(@"^ISBN(?:-1[03])?\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    /// <summary>
    /// The ISBN-13 for an ISBN-10 or ISBN-13 written with or without hyphens, spaces or an <c>ISBN</c> label;
    /// null when it is not one or its check digit is wrong.
    /// </summary>
    public static string? ToIsbn13(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        Span<char> digits = stackalloc char[13];
        var count = 0;
        var value = Label().Replace(text.Trim(), "");
        foreach (var c in value)
        {
            if (c is '-' or ' ' or '\u2010' or '\u2011' or '\u00a0') continue;
            if (count == 13) return null;
            if (char.IsAsciiDigit(c) || (c is 'X' or 'x' && count == 9)) digits[count++] = char.ToUpperInvariant(c);
            else return null;
        }
        if (count == 10) return IsValid10(digits[..10]) ? To13(digits[..10]) : null;
        if (count == 13 && digits[9] != 'X' && digits[..3] is "978" or "979") return IsValid13(digits) ? new string(digits) : null;
        return null;
    }

    /// <summary>Every labelled, valid ISBN in a run of text, as ISBN-13.</summary>
    public static IEnumerable<string> FindAll(string text)
    {
        if (text.IndexOf("ISBN", StringComparison.OrdinalIgnoreCase) < 0) yield break;
        foreach (Match match in InText().Matches(text))
            if (ToIsbn13(match.Groups["isbn"].Value) is { } isbn) yield return isbn;
    }

    static bool IsValid10(ReadOnlySpan<char> d)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            if (d[i] == 'X' && i != 9) return false;
            sum += (10 - i) * (d[i] == 'X' ? 10 : d[i] - '0');
        }
        return sum % 11 == 0;
    }

    static bool IsValid13(ReadOnlySpan<char> d) => Check13(d[..12]) == d[12] - '0';

    static int Check13(ReadOnlySpan<char> d)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (d[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return (10 - sum % 10) % 10;
    }

    static string To13(ReadOnlySpan<char> isbn10)
    {
        Span<char> d = stackalloc char[13];
        "978".AsSpan().CopyTo(d);
        isbn10[..9].CopyTo(d[3..]);
        d[12] = (char)('0' + Check13(d[..12]));
        return new string(d);
    }
}
