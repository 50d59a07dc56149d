using System.Globalization;
using System.Text;

namespace Hqt.Api.Graph;

/// <summary>One spelling per name for matching: "Collins, Michael" and "michael  collins" share a key.</summary>
public static class PersonNames
{
    public static string Key(string name)
    {
        var trimmed = name.Trim();
        var comma = trimmed.IndexOf(',');
        // "Last, First" → "First Last"; a second comma means it is not that form ("Smith, J., Jr").
        if (comma > 0 && trimmed.IndexOf(',', comma + 1) < 0 && !trimmed.Any(char.IsDigit))
            trimmed = trimmed[(comma + 1)..].Trim() + " " + trimmed[..comma].Trim();

        var decomposed = trimmed.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
            else if (key.Length > 0 && key[^1] != ' ') key.Append(' ');
        }
        return key.ToString().Trim();
    }
}
