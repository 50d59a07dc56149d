namespace Hqt.Upstream;

/// <summary>How people are keyed (for <see cref="RankOptions.Excluded"/>) and shown in reasons.</summary>
public static class PersonNames
{
    public const string KeyPrefix = "person:";

    /// <summary>"Collins, Michael" and "Michael Collins" both become "michaelcollins": order-free, letters and digits only, lower case.</summary>
    public static string Normalize(string name)
    {
        var display = Display(name);
        Span<char> buffer = display.Length <= 256 ? stackalloc char[display.Length] : new char[display.Length];
        var length = 0;
        foreach (var c in display)
            if (char.IsLetterOrDigit(c)) buffer[length++] = char.ToLowerInvariant(c);
        return new string(buffer[..length]);
    }

    /// <summary>The exclusion key of a person: <c>person:</c> + <see cref="Normalize"/>.</summary>
    public static string Key(string name) => KeyPrefix + Normalize(name);

    /// <summary>"Collins, Michael" reads as "Michael Collins"; other forms are kept as written.</summary>
    public static string Display(string name)
    {
        var trimmed = name.Trim();
        var comma = trimmed.IndexOf(',');
        if (comma <= 0 || comma != trimmed.LastIndexOf(',') || comma == trimmed.Length - 1) return trimmed;
        return $"{trimmed[(comma + 1)..].Trim()} {trimmed[..comma].Trim()}";
    }
}
