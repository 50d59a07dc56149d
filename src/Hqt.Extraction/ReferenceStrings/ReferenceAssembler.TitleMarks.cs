namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// Span rules read off the marks styles print around a title and its container: a part's number, a publication status,
/// a medium, a co-author's note, a chapter's pages and editors, a place, a law review's volume, ABNT's city. Like the
/// other span rules, each returns the labels it was given, or a changed copy (docs/benchmarks/refparse.md, "The
/// twenty-second session", has what each moved).
/// </summary>
public static partial class ReferenceAssembler
{
    /// <summary>
    /// A title that numbers its part goes on with the part's own title (<c>Functional anatomy of the basal ganglia. I. The
    /// cortico-basal ganglia-thalamo-cortical loop. Brain Research Reviews 20</c>, <c>Evolutionary Trends in Heteroptera.
    /// Part 1. Eggs, Architecture of the Shell…. Centre for Agricultural Publishing</c>, <c>…nutritional status. I: Ca, Cu,
    /// Fe, Mg, and Zn.. Clin Chem</c>): the tagger, trained on series whose part number ends the title (<c>Fourier integral
    /// operators. II. Acta Mathematica, 128(1)</c>), ends it at the number and gives the part's title to the journal. The
    /// sentence after the number joins the title when it ends on a full word's stop with another field after it and no
    /// date, volume or pages inside; a journal's name (<c>Acta Mathematica, 128</c>, <c>Svensk Bot. Tidskr. 26</c>) runs into
    /// its volume and stays.
    /// </summary>
    static RefLabel[] ContinueTheTitleAfterItsPartNumber(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end + 2 >= labels.Length || !EndsOnAPartNumber(tokens, start, end)) return labels;
        if (!char.IsUpper(tokens[end + 1].Text[0])) return labels;
        for (var k = end + 1; k + 1 < labels.Length && k <= end + 30; k++)
        {
            if (labels[k] is RefLabel.Date or RefLabel.Volume or RefLabel.Pages or RefLabel.Title) return labels;
            if (!EndsThePartsTitle(tokens[k].Text)) continue;
            return labels[k + 1] is RefLabel.Container or RefLabel.Publisher or RefLabel.Location
                ? Relabelled(labels, end + 1, k, RefLabel.Title) : labels;
        }
        return labels;
    }

    // "I." to "X." (or "I:") after a sentence of the title, or "Part 1." / "Teil 2:" — the number of the title's part.
    static bool EndsOnAPartNumber(IReadOnlyList<RefToken> tokens, int start, int end)
    {
        if (end - start < 2) return false;
        var number = tokens[end].Text;
        if (number[^1] is not ('.' or ':')) return false;
        var bare = number[..^1];
        if (bare is "I" or "II" or "III" or "IV" or "V" or "VI" or "VII" or "VIII" or "IX" or "X")
            return tokens[end - 1].Text[^1] == '.';
        return bare.Length is > 0 and <= 2 && bare.All(char.IsAsciiDigit)
            && tokens[end - 1].Text is "Part" or "Pt." or "Teil" or "Partie" or "Parte" && tokens[end - 2].Text[^1] == '.';
    }

    // A full stop after a word, not an abbreviation's ("Bot.", "Biol.") or an initial's; a doubled stop ("Zn..") too.
    static bool EndsThePartsTitle(string token)
    {
        if (token.EndsWith("..", StringComparison.Ordinal)) return true;
        if (token[^1] != '.' || RefFeatures.IsInitial(token)) return false;
        var word = token[..^1];
        return word.Length >= 4 && word.All(char.IsLetter) && (char.IsLower(word[0]) || word.Length > 6);
    }

    /// <summary>
    /// A publication status opening the title run (<c>Hyman, Larry M. In press. Prefixal vowel length…</c>, <c>Forthcoming.
    /// Turning the Page…</c>) stands where the date goes and is no word of the title: it is the date, and the title starts
    /// after it. No gold title in train opens with one.
    /// </summary>
    static RefLabel[] StartTheTitleAfterAStatusMark(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end - start < 2) return labels;
        var marks = StatusMarkLength(tokens, start);
        if (marks > 0 && start + marks <= end) return Relabelled(labels, start, start + marks - 1, RefLabel.Date);
        // The mark closing the byline instead (<c>Jones, A. B. Forthcoming. The Politics of Water.</c>): "A. B.
        // Forthcoming" would be a person.
        for (var length = 1; length <= 2 && start - length > 0; length++)
            if (labels[start - length] == RefLabel.Author && StatusMarkLength(tokens, start - length) == length)
                return Relabelled(labels, start - length, start - 1, RefLabel.Date);
        return labels;
    }

    // How many tokens a status mark closing its clause at token k has: "In press." 2, "(forthcoming)." 1, none 0.
    static int StatusMarkLength(IReadOnlyList<RefToken> tokens, int k)
    {
        static string Bare(string token) => token.Trim('(', ')', '[', ']', '.', ',', ';', ':').ToLowerInvariant();
        if (tokens[k].Text[^1] is '.' or ')' or ',' && Bare(tokens[k].Text) is "forthcoming" or "inpress") return 1;
        if (k + 1 >= tokens.Count || tokens[k + 1].Text[^1] is not ('.' or ')' or ',')) return 0;
        return (Bare(tokens[k].Text), Bare(tokens[k + 1].Text)) is ("in", "press") or ("im", "druck") or ("sous", "presse")
            or ("en", "prensa") or ("no", "prelo") or ("to", "appear") or ("in", "druck") ? 2 : 0;
    }

    /// <summary>
    /// ISO 690's medium mark after a title (<c>Národní plán povodí Odry [online]. Ministerstvo zemědělství…</c>,
    /// <c>Akademická príručka… [online]. 3. vyd. Trenčín…</c>, Vancouver's <c>[Internet]</c>) ends the title, as APA's
    /// descriptions do (<see cref="EndTitleBeforeItsDescription"/>); the tagger runs the title on through the publisher or
    /// edition after it when no field it knows comes between. The mark and the rest of the run are left unlabelled.
    /// </summary>
    static RefLabel[] EndTitleAtAMediumMark(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        for (var k = start + 2; k < end; k++)
        {
            var t = tokens[k].Text;
            if (t.Length < 4 || t[0] != '[' || !t.EndsWith("].", StringComparison.Ordinal)) continue;
            if (t[1..^2].ToLowerInvariant() is "online" or "internet" or "en ligne" or "en línea" or "on-line" or "electronic resource")
                return Relabelled(labels, k, end, RefLabel.Other);
        }
        return labels;
    }

    /// <summary>
    /// The Ecological Society's chapter (<c>Dunne, P. 1997. Tide and time. Pages 1—12 in H. B. Honigfeld, editor. Charting
    /// a course for the Delaware Bay Watershed. New Jersey Conservation Foundation…</c>): "Pages" and its range, then "in"
    /// and the book's editors, come between the chapter's title and the book's. The tagger runs the title through the
    /// pages; the title ends before them and the range is the pages (the book after the editors is
    /// <see cref="TheBookAfterItsEditors"/>'s).
    /// </summary>
    static RefLabel[] EndTitleBeforeTheChaptersPages(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        for (var k = start + 1; k + 2 < tokens.Count && k <= end; k++)
        {
            if (tokens[k].Text is not ("Pages" or "Page" or "Pp." or "pp.") || !tokens[k - 1].Text.EndsWith('.')) continue;
            if (!PageRangeToken().IsMatch(tokens[k + 1].Text) && !tokens[k + 1].Text.All(char.IsAsciiDigit)) continue;
            if (WithoutMarkup(tokens[k + 2].Text) != "in") continue;
            var copy = Relabelled(labels, k, Math.Min(end, k + 2), RefLabel.Other);
            copy[k + 1] = RefLabel.Pages;
            return copy;
        }
        return labels;
    }

    /// <summary>
    /// The book a chapter is in, named after its editors (Vancouver's <c>Meltzer PS. Chromosome alterations in human solid
    /// tumors. In: Vogelstein B, Kinzler KW, editors. The genetic basis of human cancer. New York: McGraw-Hill; 2002.</c>,
    /// the Ecological Society's <c>Pages 45–67 in R. T. Jones, editor. Waterfowl ecology and management.</c>): the tagger
    /// reads "In:" and the editors, then leaves the book's sentence unlabelled or takes it for a second title. After an
    /// editor run that opens with "In" and closes on "editor." or "editors.", the sentence up to its stop is the container,
    /// when the tagger found none and the title came before.
    /// </summary>
    static RefLabel[] TheBookAfterItsEditors(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (Array.IndexOf(labels, RefLabel.Container) >= 0) return labels;
        var (first, last) = FirstRun(labels, RefLabel.Editor);
        if (first < 1 || last + 1 >= labels.Length) return labels;
        var inMark = WithoutMarkup(tokens[first].Text) is "In" or "in" || IsAnInMark(tokens[first].Text)
            || WithoutMarkup(tokens[first - 1].Text) is "In" or "in" || IsAnInMark(tokens[first - 1].Text);
        if (!inMark || tokens[last].Text.ToLowerInvariant() is not ("editor." or "editors." or "eds." or "ed.")) return labels;
        var title = FirstRun(labels, RefLabel.Title).Start;
        if (title < 0 || title > first) return labels;
        var end = last + 1;
        while (end + 1 < labels.Length && labels[end] is RefLabel.Other or RefLabel.Title && !tokens[end].Text.EndsWith('.')) end++;
        if (labels[end] is not (RefLabel.Other or RefLabel.Title) || !tokens[end].Text.EndsWith('.')) return labels;
        return Relabelled(labels, last + 1, end, RefLabel.Container);
    }

    // "<italic>in</italic>" as a reader sees it.
    static string WithoutMarkup(string token) => token.Replace("<italic>", "").Replace("</italic>", "");

    /// <summary>
    /// A name inside a title (<c>Mammals collected by Dr. W. L. Abbott on the chain of islands…</c>) is the title's: the
    /// tagger labels its honorific and initials as a byline and cuts the title at "by". Up to four tokens that break the
    /// title run, where the run before them ends mid-clause and the run after them goes on in lower case within its
    /// first two words, join the title.
    /// </summary>
    static RefLabel[] MendATitleBrokenByAName(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end - start < 1 || tokens[end].Text[^1] is '.' or ',' or ':' or ';' or ')' or '”' or '"') return labels;
        var next = end + 1;
        while (next < labels.Length && next - end <= 4 && labels[next] is RefLabel.Author or RefLabel.Other) next++;
        if (next == end + 1 || next + 1 >= labels.Length || labels[next] != RefLabel.Title) return labels;
        var goesOn = false;
        for (var k = next; k <= next + 1 && labels[k] == RefLabel.Title && !goesOn; k++) goesOn = char.IsLower(tokens[k].Text[0]);
        return goesOn ? Relabelled(labels, end + 1, next - 1, RefLabel.Title) : labels;
    }

    /// <summary>
    /// APA's organisation with its division (<c>Ministère de l’Éducation nationale, Direction générale de l’Enseignement
    /// scolaire (2009b). Ressources pour la classe de seconde.</c>): the tagger ends the byline at the comma and runs the
    /// title from the division through the date. A bracketed year closing its clause inside the title run, with no date
    /// labelled anywhere and the run opening the reference or following the byline, is the date: the words before it are
    /// the organisation's, left unlabelled (an organisation names no person), and the title starts after it. A run of
    /// people's names before such a year is <see cref="StartTheTitleAfterAnInnerByline"/>'s, which comes first.
    /// </summary>
    static RefLabel[] TheDateAfterAnOrganisationsDivision(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || Array.IndexOf(labels, RefLabel.Date) >= 0 || (start > 0 && labels[start - 1] != RefLabel.Author)) return labels;
        for (var k = start + 1; k < end - 1 && k <= start + 12; k++)
        {
            var t = tokens[k].Text;
            if (!t.EndsWith(").", StringComparison.Ordinal) || !BracketedYear().IsMatch(t)) continue;
            var copy = Relabelled(labels, start, k - 1, RefLabel.Other);
            copy[k] = RefLabel.Date;
            return copy;
        }
        return labels;
    }

    /// <summary>
    /// The Bluebook writes a law review's volume before its abbreviated name and the first page after it (<c>Mark A.
    /// Lemley, Property, Intellectual Property, and Free Riding, 83 Tex. L. Rev. 1031 (2005).</c>, <c>72 Geo. Wash. L. Rev.
    /// 1208, 1210 (2004)</c> with a pinpoint page): the tagger reads the number into the journal's name ("83 Tex. L. Rev")
    /// and the first page as the volume. A number of up to three digits opening a container run of abbreviations is the
    /// volume; a volume right after the run is the first page, and a page after that the pinpoint, left unlabelled.
    /// </summary>
    static RefLabel[] TheLawReviewsVolumeBeforeItsName(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Container);
        if (start < 1 || end - start < 2 || end + 1 >= labels.Length || Array.IndexOf(labels, RefLabel.Volume, 0, start) >= 0) return labels;
        var number = tokens[start].Text;
        if (number.Length > 3 || !number.All(char.IsAsciiDigit) || !tokens[start - 1].Text.EndsWith(',')) return labels;
        var abbreviations = 0;
        for (var k = start + 1; k <= end; k++) if (tokens[k].Text.EndsWith('.') && !RefFeatures.IsInitial(tokens[k].Text) || tokens[k].Text is "L." or "J.") abbreviations++;
        if (abbreviations < 2 || !char.IsAsciiDigit(tokens[end + 1].Text[0])) return labels;
        var copy = (RefLabel[])labels.Clone();
        copy[start] = RefLabel.Volume;
        if (copy[end + 1] == RefLabel.Volume)
        {
            copy[end + 1] = RefLabel.Pages;
            if (end + 2 < copy.Length && copy[end + 2] == RefLabel.Pages) copy[end + 2] = RefLabel.Other;
        }
        return copy;
    }

    /// <summary>
    /// A title does not end on "&amp;" or "and" (<c>Arts District Green Alleys &amp; DTLA FWD. Retrieved August 25, 2016</c>):
    /// the tagger, unsure of the capitals after it, stopped there. Up to four unlabelled or byline tokens after such a
    /// title, through the first that closes with a stop, are the title's.
    /// </summary>
    static RefLabel[] ContinueTheTitleAfterItsConjunction(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end == start || tokens[end].Text is not ("&" or "and" or "und" or "et")) return labels;
        for (var k = end + 1; k < labels.Length && k <= end + 4; k++)
        {
            if (labels[k] is not (RefLabel.Other or RefLabel.Author)) return labels;
            if (tokens[k].Text.EndsWith('.')) return Relabelled(labels, end + 1, k, RefLabel.Title);
        }
        return labels;
    }

    /// <summary>
    /// A note of who wrote it with the author, in brackets after the title (<c>New Essays in Criminal Law Theory (with
    /// Heidi Hurd), Oxford University Press</c>), or of the discussion printed with it (<c>Regularization of wavelet
    /// approximations (with discussion). J. Amer. Statist. Assoc.</c>), is no part of the title. A bracket opening with
    /// "with" and a capitalised name or "discussion", closing the title run, is given back.
    /// </summary>
    static RefLabel[] EndTitleBeforeACoAuthorsNote(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        for (var k = start + 1; k < end; k++)
        {
            // A co-author's name, or a statistics journal's "(with discussion)".
            var next = tokens[k + 1].Text.TrimEnd(')', ',', '.');
            if (tokens[k].Text is not ("(with" or "(With") || !char.IsUpper(next[0]) && next is not ("discussion" or "comments" or "rejoinder")) continue;
            var close = k + 1;
            while (close < end && !tokens[close].Text.Contains(')')) close++;
            return tokens[close].Text.Contains(')') && close == end ? Relabelled(labels, k, end, RefLabel.Other) : labels;
        }
        return labels;
    }

    /// <summary>
    /// A place the tagger ran into the title's end (<c>Buddha’s Prophecy of the Messiah. La Mirada (California): The Lao
    /// Conference…</c>, <c>Trubetzkoy’s Letters and Notes. The Hague – Paris: Mouton</c>): the place run starts with the
    /// state in brackets or the second city. The title's last sentence, one to three capitalised words (maybe closed by a
    /// dash) right before such a place, is the place's.
    /// </summary>
    static RefLabel[] ThePlaceAtTheTitlesEnd(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end + 1 >= labels.Length || labels[end + 1] != RefLabel.Location) return labels;
        var place = tokens[end + 1].Text;
        var last = end;
        var dash = tokens[end].Text is "–" or "-" or "—";
        if (dash) last--;
        // "(California):" closes its bracket; Chicago's imprint "(Munich: Beck, 1967)" is no state.
        if (!dash && !(place[0] == '(' && (place.EndsWith("):") || place.EndsWith("),")))) return labels;
        var first = last;
        while (first > start && !EndsASentence(tokens[first - 1].Text)) first--;
        if (first == start || last - first > 2) return labels;
        for (var k = first; k <= last; k++)
        {
            var word = tokens[k].Text;
            if (!char.IsUpper(word[0]) || !word.All(c => char.IsLetter(c) || c is '-' or '\'')) return labels;
        }
        return Relabelled(labels, first, end, RefLabel.Location);
    }

    /// <summary>
    /// ABNT's article (<c>A formação de professores no Brasil. Revista Brasileira de Educação, Rio de Janeiro, v. 15, n. 2,
    /// p. 45-60, 2010.</c>) names the journal's city between the journal and the volume: the tagger runs the title on
    /// through the journal and takes the city for it. A container run of up to four words closed by a comma, right before
    /// ABNT's "v." and right after a title run whose last sentence follows a full stop, is the place when the training data
    /// knows its words as places, and that sentence the journal.
    /// </summary>
    static RefLabel[] TheJournalBeforeItsCity(IReadOnlyList<RefToken> tokens, RefLabel[] labels, RefLexicons lexicons)
    {
        var (start, end) = FirstRun(labels, RefLabel.Container);
        if (start < 2 || end - start > 3 || end + 1 >= labels.Length || tokens[end + 1].Text != "v." || !tokens[end].Text.EndsWith(',')) return labels;
        // A city the training data named as a place ("Rio de Janeiro", "São Paulo"); "Museum Notes, v. 7" is a journal.
        for (var k = start; k <= end; k++)
        {
            var word = RefFeatures.Core(tokens[k].Text).ToLowerInvariant();
            if (!RefLexicons.Particles.Contains(word) && !lexicons.Location.Contains(word)) return labels;
        }
        if (labels[start - 1] != RefLabel.Title || !tokens[start - 1].Text.EndsWith(',')) return labels;
        var title = FirstRun(labels, RefLabel.Title);
        if (title.End != start - 1) return labels;
        var journal = start - 1;
        while (journal > title.Start && !EndsASentence(tokens[journal - 1].Text)) journal--;
        if (journal == title.Start || start - journal > 10) return labels;
        return Relabelled(Relabelled(labels, journal, start - 1, RefLabel.Container), start, end, RefLabel.Location);
    }

    /// <summary>
    /// "by" closing the title run before the byline (<c>The Structure of Scientific Revolutions by Thomas S. Kuhn (1962)</c>,
    /// a reading list's shape) is no word of the title.
    /// </summary>
    static RefLabel[] EndTitleBeforeBy(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end == start || end + 1 >= labels.Length || tokens[end].Text is not ("by" or "By")) return labels;
        return labels[end + 1] is RefLabel.Author or RefLabel.Editor ? Relabelled(labels, end, end, RefLabel.Other) : labels;
    }
}
