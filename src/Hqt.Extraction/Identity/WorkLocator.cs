namespace Hqt.Extraction.Identity;

/// <summary>
/// Where a work appeared, read as an identity: the container (journal), its volume and the first page. Physics,
/// chemistry and astronomy cite without titles (<c>Phys. Rev. D 76, 056001 (2007)</c>); for such a reference this
/// is what tells one work from another, on one page and across the reader's pages.
/// </summary>
/// <remarks>
/// The key is the letters and digits of container and volume run together, lower case, then the first page:
/// <c>Phys. Rev. D</c> + <c>76</c>, <c>Phys Rev D</c> + <c>76</c>, <c>Phys. Rev.</c> + <c>D76</c> and a container that
/// swallowed its volume (<c>Phys. Rev. D76</c>) all read <c>physrevd76|56001</c>: the series letter sits between the
/// journal's name and the volume's digits whichever of the two the writer (or the parser) gave it to. No year: a
/// work's print and online years differ between citers, and a journal's volume and first page already name one work.
/// Journals known by two abbreviations (<c>ApJ</c>, <c>Astrophys. J.</c>) stay two keys: two works must never meet
/// by a guess.
/// </remarks>
public static class WorkLocator
{
    /// <summary>Longest volume and first page read as such: longer runs are a parse gone wrong, not a locator.</summary>
    const int MaxVolume = 10, MaxPage = 12;

    /// <summary>
    /// Containers that name no place a work appeared: a reference that says only these cites nothing a reader can find
    /// ("Ibid.", "Private communication", "in preparation").
    /// </summary>
    static readonly HashSet<string> NoPlace = new(StringComparer.Ordinal)
    {
        "ibid", "ibidem", "id", "opcit", "loccit", "privatecommunication", "personalcommunication", "privatecomm", "privcomm",
        "personalcomm", "inpress", "press", "inpreparation", "preparation", "inprep", "prep", "submitted", "submittedto",
        "unpublished", "forthcoming", "toappear", "accepted", "preprint", "manuscript", "manuscriptinpreparation",
        "thesis", "phdthesis", "inprint", "etal", "ibidp", "seealso", "see", "cf",
    };

    /// <summary>
    /// The locator key of a work, or null when the container, the volume or the first page is missing (a journal and
    /// a year name many works). <paramref name="volume"/> may be null when the container ends with it (<c>A16</c>).
    /// </summary>
    public static string? Key(string? container, string? volume, string? pages)
    {
        if (!NamesPlace(container)) return null;
        var first = FirstPage(pages);
        if (first is null) return null;
        var place = Fold(container!);
        var vol = Volume(volume);
        if (volume is not null && vol is null) return null;
        // No volume of its own: the container must end with it ("Int. J. Mod. Phys. A16").
        if (vol is null && !EndsWithVolume(place)) return null;
        return string.Concat(place, vol ?? "", "|", first);
    }

    /// <summary>
    /// A container naming where a work appeared: two letters at least and not a stand-in for one ("Ibid.", "in press",
    /// "Private communication").
    /// </summary>
    public static bool NamesPlace(string? container)
    {
        if (string.IsNullOrWhiteSpace(container) || container.Length > 300) return false;
        var folded = Fold(container);
        var letters = 0;
        foreach (var c in folded) if (char.IsLetter(c)) letters++;
        if (letters < 2) return false;
        var lettersOnly = new string(folded.Where(char.IsLetter).ToArray());
        return !NoPlace.Contains(lettersOnly) && !NoPlace.Contains(folded);
    }

    /// <summary>A volume is known: given (<c>76</c>, <c>D76</c>, <c>XII</c>), or ending the container (<c>Int. J. Mod. Phys. A16</c>).</summary>
    public static bool HasVolume(string? container, string? volume) =>
        Volume(volume) is not null || (container is not null && EndsWithVolume(Fold(container)));

    /// <summary>
    /// The first page of a range (<c>707-718</c> → <c>707</c>, <c>pp. 12–19</c> → <c>12</c>, <c>056001</c> → <c>56001</c>,
    /// <c>L12</c> → <c>l12</c>), folded; null when it holds no digit.
    /// </summary>
    public static string? FirstPage(string? pages)
    {
        if (FirstPageAsWritten(pages) is not { } written) return null;
        var first = Fold(written);
        if (first.Length is 0 or > MaxPage || !first.Any(char.IsAsciiDigit)) return null;
        // An article number printed with leading zeros ("056001") is the same article written without them.
        if (first.All(char.IsAsciiDigit)) first = first.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";
        return first;
    }

    /// <summary>The first page of a range as the reference writes it (<c>pp. 12–19</c> → <c>12</c>, <c>L12</c> stays), for a label; null when it holds no digit.</summary>
    public static string? FirstPageAsWritten(string? pages)
    {
        if (string.IsNullOrWhiteSpace(pages)) return null;
        var text = pages.Trim();
        if (text.StartsWith("pp", StringComparison.OrdinalIgnoreCase)) text = text[2..];
        else if (text.StartsWith("p.", StringComparison.OrdinalIgnoreCase) || text.StartsWith("p ", StringComparison.OrdinalIgnoreCase)) text = text[1..];
        text = text.TrimStart('.', ' ');
        var end = text.IndexOfAny(['-', '\u2013', '\u2014', '\u2012', '\u2010', ',', ' ', ';', '+', '/']);
        var first = (end < 0 ? text : text[..end]).Trim();
        return first.Length is > 0 and <= 20 && first.Any(char.IsAsciiDigit) ? first : null;
    }

    static string? Volume(string? volume)
    {
        if (string.IsNullOrWhiteSpace(volume)) return null;
        var text = volume.Trim();
        foreach (var prefix in (string[])["volume", "vol.", "vol", "v."])
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) { text = text[prefix.Length..]; break; }
        var folded = Fold(text);
        if (folded.Length is 0 or > MaxVolume) return null;
        return folded.Any(char.IsAsciiDigit) || IsRoman(folded) ? folded : null;
    }

    static bool EndsWithVolume(string place) => place.Length > 2 && char.IsAsciiDigit(place[^1]) && place.Any(char.IsLetter);

    static bool IsRoman(string folded) => folded.Length is > 0 and <= 8 && folded.All(c => c is 'i' or 'v' or 'x' or 'l' or 'c');

    /// <summary>Letters and digits only, lower case: "Phys. Rev. D" and "Phys Rev D" agree.</summary>
    public static string Fold(string text)
    {
        try { text = text.Normalize(System.Text.NormalizationForm.FormKC); }
        catch (ArgumentException) { }   // a lone surrogate: fold what is there
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) buffer[length++] = char.ToLowerInvariant(c);
        return new string(buffer[..length]);
    }
}
