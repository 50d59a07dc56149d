using System.Globalization;
using System.Text.RegularExpressions;

namespace Hqt.Extraction.Metadata;

/// <summary>Page dates in the shapes CMSes write them, turned into ISO 8601 as precise as the page is.</summary>
public static partial class DateNormalizer
{
    static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd'T'HH:mm:ssz", "yyyy-MM-dd'T'HH:mm:sszz", "yyyy-MM-dd HH:mm:ss zzz",
        "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'GMT'",
        "yyyyMMdd'T'HHmmssK",
    ];

    static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy.MM.dd", "yyyyMMdd", "yyyy-M-d", "dd.MM.yyyy", "d.M.yyyy",
        "MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy", "dddd, MMMM d, yyyy", "MMMM d yyyy",
    ];

    /// <summary>An ISO 8601 date (<c>2021-07-15</c>), date-time with offset, or month/year; null when the text is not a date.</summary>
    public static string? Normalize(string? value)
    {
        value = Text.TextTools.Collapse(value);
        if (value is null || value.Length > 64) return null;
        var inv = CultureInfo.InvariantCulture;
        if (DateTimeOffset.TryParseExact(value, DateTimeFormats, inv, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var withTime))
        {
            var hasOffset = OffsetPattern().IsMatch(value) || value.Contains("GMT", StringComparison.Ordinal);
            return hasOffset ? withTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", inv) : withTime.ToString("yyyy-MM-dd'T'HH:mm:ss", inv);
        }
        var trimmed = value.Split('T', ' ')[0];
        if (DateTime.TryParseExact(trimmed, DateFormats, inv, DateTimeStyles.None, out var dateOnly) && Plausible(dateOnly.Year))
            return dateOnly.ToString("yyyy-MM-dd", inv);
        if (DateTime.TryParseExact(value, DateFormats, inv, DateTimeStyles.AllowWhiteSpaces, out dateOnly) && Plausible(dateOnly.Year))
            return dateOnly.ToString("yyyy-MM-dd", inv);
        if (YearMonth().Match(value) is { Success: true } ym && Plausible(int.Parse(ym.Groups[1].Value, inv)))
            return ym.Groups[2].Success ? $"{ym.Groups[1].Value}-{ym.Groups[2].Value}" : ym.Groups[1].Value;
        if (DateTimeOffset.TryParse(value, inv, DateTimeStyles.AssumeUniversal, out var loose) && Plausible(loose.Year))
            return loose.TimeOfDay == TimeSpan.Zero ? loose.ToString("yyyy-MM-dd", inv) : loose.ToString("yyyy-MM-dd'T'HH:mm:sszzz", inv);
        return null;
    }

    static bool Plausible(int year) => year is >= 1900 and <= 2200;

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$")]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^(\d{4})(?:[-/](\d{2}))?$")]
    private static partial Regex YearMonth();
}
