namespace Hqt.Api.Captures;

/// <summary>Tells HTML (or at least text a browser would render) from bytes that only pose as a page.</summary>
public static class HtmlContent
{
    /// <summary>Why <paramref name="html"/> is not a page, or null when it is one.</summary>
    public static string? WhyNotHtml(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "The html field is empty.";
        var head = html.AsSpan(0, Math.Min(html.Length, 1024)).TrimStart();
        if (head.StartsWith("%PDF-", StringComparison.Ordinal)) return "The html field holds a PDF document, not HTML.";

        // Browsers never serialise a DOM with NULs or runs of control characters; binary files do.
        var sample = html.AsSpan(0, Math.Min(html.Length, 64 * 1024));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0') return "The html field contains NUL characters: it is binary data, not HTML.";
            if (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f') || c == '\uFFFD') control++;
        }
        if (control > sample.Length / 10) return "The html field looks like binary data, not HTML.";
        if (!sample.Contains('<')) return "The html field has no markup: it is not HTML.";
        return null;
    }
}
