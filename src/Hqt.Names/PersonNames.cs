namespace Hqt.Names;

/// <summary>How people are keyed (the ranking's exclusions, the graph's people rows, <c>person-…</c> ids) and shown in reasons.</summary>
public static class PersonNames
{
    public const string KeyPrefix = "person:";

    /// <summary>"Collins, Michael" and "Michael Collins" both become "michaelcollins": letters and digits only, lower case,
    /// "Last, First" read as "First Last".</summary>
    /// <remarks>Deliberately not the name model's reading: the key is stored (people rows, <c>person-…</c> ids a reader
    /// dismissed or snoozed), so it must not move when the model learns a style. Forms of one person ("Monto AS",
    /// "A. S. Monto") are merged by <see cref="NameForms.Compatible"/> on the model's reading, not by the key.</remarks>
    public static string Normalize(string name)
    {
        // "Last, First" is read as "First Last" (as Display does) without building the display string.
        var span = name.AsSpan().Trim();
        var comma = span.IndexOf(',');
        var swap = comma > 0 && comma == span.LastIndexOf(',') && comma < span.Length - 1;
        Span<char> buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        var length = 0;
        if (swap)
        {
            length = Letters(span[(comma + 1)..], buffer);
            length += Letters(span[..comma], buffer[length..]);
        }
        else length = Letters(span, buffer);
        return new string(buffer[..length]);
    }

    static int Letters(ReadOnlySpan<char> from, Span<char> into)
    {
        var length = 0;
        foreach (var c in from)
            if (char.IsLetterOrDigit(c)) into[length++] = char.ToLowerInvariant(c);
        return length;
    }

    /// <summary>The exclusion key of a person: <c>person:</c> + <see cref="Normalize"/>.</summary>
    public static string Key(string name) => KeyPrefix + Normalize(name);

    /// <summary>A name as people read it, by the name model: "Collins, Michael" and "Collins M" read "Michael Collins" and
    /// "M. Collins"; a string the model does not split is kept as written ("Collins, Michael" still swapped), and so is an
    /// organisation ("U.S. Census Bureau" is no "U. S." with the family name "Bureau"; "Ministry of Health, Labour and
    /// Welfare" is not turned round at its comma).</summary>
    public static string Display(string name)
    {
        var trimmed = name.Trim();
        if (PersonName.IsOrganization(trimmed)) return trimmed;
        if (PersonName.TryParse(trimmed, out var person)) return person.Display;
        var comma = trimmed.IndexOf(',');
        if (comma <= 0 || comma != trimmed.LastIndexOf(',') || comma == trimmed.Length - 1) return trimmed;
        return $"{trimmed[(comma + 1)..].Trim()} {trimmed[..comma].Trim()}";
    }
}
