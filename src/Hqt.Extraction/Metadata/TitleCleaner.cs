using Hqt.Extraction.Text;

namespace Hqt.Extraction.Metadata;

/// <summary>Removes the site name pages append to or put before their titles ("Story – The Site", "Site | Story").</summary>
public static class TitleCleaner
{
    static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " // ", " / ", " ~ ", "|"];

    public static string? Clean(string? title, string? siteName, Uri? pageUri)
    {
        title = TextTools.Collapse(title);
        if (title is null) return null;
        foreach (var separator in Separators)
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last > 0 && IsSiteName(title[(last + separator.Length)..], siteName, pageUri))
                return Clean(title[..last], siteName, pageUri);
            var first = title.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0 && first + separator.Length < title.Length && IsSiteName(title[..first], siteName, pageUri))
                return Clean(title[(first + separator.Length)..], siteName, pageUri);
        }
        return title;
    }

    /// <summary>Whether a separator ("Story | Site") starts at <paramref name="at"/>.</summary>
    public static bool IsSeparatorAt(string title, int at)
    {
        foreach (var separator in Separators)
            if (string.CompareOrdinal(title, at, separator, 0, separator.Length) == 0) return true;
        return false;
    }

    /// <summary>Whether a title segment names the site: equal to its declared name or to its host's name.</summary>
    public static bool IsSiteName(string segment, string? siteName, Uri? pageUri)
    {
        var key = TextTools.LooseKey(segment);
        if (key.Length == 0) return false;
        var squeezed = key.Replace(" ", "");
        if (siteName is not null)
        {
            var site = TextTools.LooseKey(siteName);
            if (site.Length > 0 && (key == site || squeezed == site.Replace(" ", ""))) return true;
        }
        if (pageUri is null) return false;
        var host = pageUri.Host.ToLowerInvariant().Replace("-", "");
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var labels = host.Split('.');
        var hostKey = squeezed.Replace(".", "");
        return hostKey == host.Replace(".", "") || (labels.Length >= 2 && hostKey == labels[^2]) || (labels.Length >= 1 && hostKey == labels[0] && labels[0].Length > 3);
    }
}
