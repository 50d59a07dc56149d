namespace Hqt.Extraction.ReferenceStrings;

/// <summary>The byline's span rules: a person's name or initials the tagger left out of the author run.</summary>
public static partial class ReferenceAssembler
{
    /// <summary>Whether <see cref="CompleteTheByline"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool BylineFamilyName = true;

    /// <summary>
    /// A byline written initials first (<c>J. COLONGE et I. C. DUBIN. Bull. Soc. Chim. Fr.</c>, <c>P. G. GRAHAM and D. C.
    /// WEATHERBURN. Aust. J. Chem.</c>) whose author span ends on the last person's initials has lost that person's family
    /// name to the next field: the tagger took <c>DUBIN.</c> for the first word of the journal or the title. The word
    /// right after the span joins it when the last person (after the last comma or conjunction) is initials only and the
    /// word is name-shaped (capitalised letters, maybe hyphenated). A Vancouver byline (<c>Smith J, Jones K. Title</c>)
    /// ends on initials too, but its last person has a family name before them, so it is left alone.
    /// </summary>
    static RefLabel[] CompleteTheByline(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!BylineFamilyName) return labels;
        var (first, end) = FirstRun(labels, RefLabel.Author);
        if (first < 0) return labels;
        if (end + 1 >= labels.Length || labels[end + 1] is not (RefLabel.Container or RefLabel.Title)) return labels;
        // The last person: the tokens after the last separator of the span, all initials.
        var k = end;
        while (k >= first && RefFeatures.IsInitial(tokens[k].Text) && !EndsPerson(tokens[k].Text)) k--;
        if (k == end) return labels;
        if (k >= first && !EndsPerson(tokens[k].Text) && !IsConjunction(tokens[k].Text)) return labels;
        // Only in a byline written initials first, with periods ("A.", "J.-F."): "Smith, J., Jones, K. Title" ends on
        // initials after a comma too, and so does "BON, C. Le handicap…" (a capital surname reads as initials without them).
        if (!RefFeatures.IsInitial(tokens[first].Text) || !tokens[first].Text.Contains('.')) return labels;
        var next = tokens[end + 1].Text.TrimEnd('.', ',', ';', ':');
        if (next.Length < 2 || !char.IsUpper(next[0]) || !next.All(c => char.IsLetter(c) || c is '-' or '\'' or '’')) return labels;
        // "A. B. Phys. Rev." has no family name to find: an abbreviation ends in a period after a lower-case letter and
        // is short; a family name written in capitals, or longer, is taken.
        var word = tokens[end + 1].Text;
        if (!next.All(c => !char.IsLetter(c) || char.IsUpper(c)) && (next.Length <= 5 && word.EndsWith('.'))) return labels;
        var copy = (RefLabel[])labels.Clone();
        copy[end + 1] = RefLabel.Author;
        return copy;
    }

    /// <summary>Whether <see cref="EndTheBylineWithItsInitials"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool BylineInitials = true;

    /// <summary>
    /// A Vancouver byline's last initials (<c>Mead PS, Petersen JM. 2006.</c>, <c>Peters OA. Differences in…</c>) are left
    /// out of the author span by the tagger, which learned it from the training labels: they are recovered from the gold's
    /// family names, and the initials after the last one fall outside. The last person then has no given name, which the
    /// scorer (family names only) cannot see and a reader can: "Petersen" instead of "J. M. Petersen", and two people of
    /// one family name merged. The token right after the span joins it when it is one to three capitals closed by a period
    /// or comma and the span ends on a word that is no initial and closes nothing.
    /// </summary>
    static RefLabel[] EndTheBylineWithItsInitials(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!BylineInitials) return labels;
        var (first, end) = FirstRun(labels, RefLabel.Author);
        if (first < 0) return labels;
        if (end + 1 >= labels.Length || labels[end + 1] != RefLabel.Other) return labels;
        var last = tokens[end].Text;
        if (last[^1] is ',' or ';' or '.' or ':' || !char.IsUpper(last[0]) || !last.Any(char.IsLower) || RefFeatures.IsInitial(last)) return labels;
        var next = tokens[end + 1].Text;
        var bare = next.TrimEnd('.', ',', ';');
        if (bare.Length == next.Length || bare.Length is < 1 or > 3 || !bare.All(char.IsAsciiLetterUpper)) return labels;
        var copy = (RefLabel[])labels.Clone();
        copy[end + 1] = RefLabel.Author;
        return copy;
    }
}
