namespace Hqt.Api.Tests;

/// <summary>Reading one entry back out of an exported BibTeX file.</summary>
static class BibTeXText
{
    /// <summary>The entry holding <paramref name="text"/> (<c>doi = {…}</c>, <c>title = {…</c>), from its <c>@</c> to the next.</summary>
    public static string Entry(string bib, string text)
    {
        var at = bib.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no entry with {text} in:\n{bib}");
        var start = bib.LastIndexOf('@', at);
        var end = bib.IndexOf("\n@", at, StringComparison.Ordinal);
        return bib[start..(end < 0 ? bib.Length : end)];
    }
}
