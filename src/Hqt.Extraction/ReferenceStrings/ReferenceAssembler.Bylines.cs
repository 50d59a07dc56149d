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
        while (k >= first && (RefFeatures.IsInitial(tokens[k].Text) || IsATransliteratedInitial(tokens[k].Text)) && !EndsPerson(tokens[k].Text)) k--;
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

    /// <summary>
    /// German humanities lists write the byline as names, then a colon, then the title (<c>Wolfgang Jantzen, Markus
    /// Dederich: Behinderung und Anerkennung.</c>, <c>Hans Eberwein, Annelie Belusa, Johannes Mand, Evelyn Michaelis:
    /// Probleme des Lernens…</c>), and the tagger began the title at the last name: "Markus Dederich: Behinderung…". A title
    /// that opens with a given name the lexicon knows and one or two more capitalised words, the last closed by the colon,
    /// right after a byline written given name first whose last person closed with a comma, opens with that person. A
    /// quoted title ("Karl Haushofer: His Role in German Geopolitics…", a title about a person) is left alone, as is one
    /// opening with a function word the lexicon holds among its given names ("The").
    /// </summary>
    static RefLabel[] TheLastNameBeforeTheColon(IReadOnlyList<RefToken> tokens, RefLabel[] labels, RefLexicons lexicons)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 1 || labels[start - 1] != RefLabel.Author || !tokens[start - 1].Text.EndsWith(',')) return labels;
        var (byline, _) = FirstRun(labels, RefLabel.Author);
        if (!IsAGivenName(tokens[start].Text, lexicons) || !IsAGivenName(tokens[byline].Text, lexicons)) return labels;
        for (var k = start + 1; k <= start + 2 && k < end - 1; k++)
        {
            var word = tokens[k].Text;
            var bare = word.TrimEnd(':');
            if (!IsACapitalisedName(bare)) return labels;
            if (word.EndsWith(':')) return Relabelled(labels, start, k, RefLabel.Author);
        }
        return labels;
    }

    /// <summary>
    /// ABNT writes a family name's particle after the given names (<c>SOUZA, Maria Aparecida de. A formação…</c>), and the
    /// tagger leaves the particle, closed by the byline's stop, out of the author span: the person became "Maria Aparecida
    /// Souza". A lower-case particle with a stop right after a span that ends on a capitalised given name joins it.
    /// </summary>
    static RefLabel[] TheParticleAfterTheGivenNames(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (first, end) = FirstRun(labels, RefLabel.Author);
        if (first < 0 || end - first < 1 || end + 2 >= labels.Length || !tokens[first].Text.EndsWith(',')) return labels;
        var particle = tokens[end + 1].Text;
        if (particle.Length < 3 || particle[^1] != '.' || !RefLexicons.Particles.Contains(particle[..^1])) return labels;
        if (!IsACapitalisedName(tokens[end].Text) || RefFeatures.IsInitial(tokens[end].Text)) return labels;
        return Relabelled(labels, end + 1, end + 1, RefLabel.Author);
    }

    /// <summary>
    /// A title that opens with someone's name in the possessive (<c>Yoon, Tae S. Blake's "Milton": The Quest…</c>,
    /// <c>Jakobson, Roman. N. S. Trubetzkoy’s Letters and Notes.</c>): no person's name ends on "'s", so the tagger's byline
    /// ends before the possessive and, when the title run opens with it, before the initials that name the same person.
    /// </summary>
    static RefLabel[] APossessiveOpensTheTitle(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (first, end) = FirstRun(labels, RefLabel.Author);
        if (first < 0 || end + 1 >= labels.Length || labels[end + 1] != RefLabel.Title) return labels;
        static bool Possessive(string word) => word.Length > 3 && char.IsUpper(word[0]) && (word.EndsWith("'s") || word.EndsWith("’s"));
        // After a person closed by a stop the possessive is the title's; after a given name it is the writer's own
        // ("Leslie Lamport's “Time, Clocks…”", which the names step reads as Leslie Lamport).
        if (end > first && Possessive(tokens[end].Text) && tokens[end - 1].Text.EndsWith('.')) return Relabelled(labels, end, end, RefLabel.Title);
        if (!Possessive(tokens[end + 1].Text)) return labels;
        // The initials before it, after a person closed by a stop: "Jakobson, Roman. | N. S. Trubetzkoy’s".
        var k = end;
        while (k > first && RefFeatures.IsInitial(tokens[k].Text) && tokens[k].Text.EndsWith('.')) k--;
        if (k == end || k < first || !tokens[k].Text.EndsWith('.') || RefFeatures.IsInitial(tokens[k].Text)) return labels;
        return Relabelled(labels, k + 1, end, RefLabel.Title);
    }

    /// <summary>
    /// A chapter's title read as its byline (<c>Петров П. Метод анализа. В: Сборник трудов института. Москва, 2001.</c>): the
    /// tagger, unsure of the Cyrillic "В:", ran the author span through the title to the mark, and "Петров П. Метод анализа
    /// В" became a person (Polish "W:" after such a span left the work with no title). An "In:" mark inside the author
    /// span or right after it, after a person closed by initials and a stop, ends the byline there: the words between are
    /// the title, and the sentence after the mark, when no container was found, the book. A sure sign of the reading, as
    /// an editors' mark is: the parse is confident.
    /// </summary>
    static RefLabel[] TheTitleBeforeAnInMarkInTheByline(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (first, end) = FirstRun(labels, RefLabel.Author);
        if (first < 0 || end - first < 3 || Array.IndexOf(labels, RefLabel.Title, 0, first) >= 0) return labels;
        var mark = -1;
        for (var k = first + 3; k <= end + 1 && k < tokens.Count && mark < 0; k++) if (IsAnInMark(tokens[k].Text)) mark = k;
        if (mark < 0 || !tokens[mark - 1].Text.EndsWith('.')) return labels;
        var initials = -1;
        for (var k = first + 1; k < mark - 1 && initials < 0; k++)
            if (RefFeatures.IsInitial(tokens[k].Text) && tokens[k].Text.EndsWith('.') && !RefFeatures.IsInitial(tokens[k + 1].Text)
                && char.IsUpper(tokens[k + 1].Text[0]) && !tokens[k + 1].Text.EndsWith(',')) initials = k;
        if (initials < 0) return labels;
        var copy = Relabelled(labels, initials + 1, mark - 1, RefLabel.Title);
        copy[mark] = RefLabel.Other;
        // The book: the sentence after the mark, whatever the tagger called it.
        var (book, last) = (mark + 1, mark + 1);
        if (Array.IndexOf(copy, RefLabel.Container) >= 0 || book >= copy.Length) return copy;
        while (last + 1 < copy.Length && !tokens[last].Text.EndsWith('.') && copy[last + 1] is RefLabel.Title or RefLabel.Author or RefLabel.Publisher or RefLabel.Other) last++;
        return copy[book] is RefLabel.Title or RefLabel.Author or RefLabel.Publisher or RefLabel.Other ? Relabelled(copy, book, last, RefLabel.Container) : copy;
    }

    /// <summary>
    /// A byline whose last person is complete, family name, comma and initials closed by a stop (<c>Warren, E.K. Long Range
    /// Planning:…</c>, <c>Hazell, T.J.; DeGuire, J.R.; Weiler, H.A. Vitamin D: An overview…</c>), ends there: the tagger
    /// ran it on into the title's first words, and "E. K. Long" and "H. A. D. Vitamin" became people. In a byline written
    /// family name first, one to three words after such a person's initials, capitalised, none closing with a comma,
    /// semicolon or stop (<c>Clinton, J. Robert.</c> is one man), right before the title run, are the title's.
    /// </summary>
    static RefLabel[] EndTheBylineAfterACompletePerson(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (first, end) = FirstRun(labels, RefLabel.Author);
        if (first < 0 || end - first < 2 || end + 1 >= labels.Length || labels[end + 1] != RefLabel.Title) return labels;
        if (!tokens[first].Text.EndsWith(',') || !RefFeatures.IsInitial(tokens[first + 1].Text)) return labels;
        for (var k = end - 1; k > first && k >= end - 3; k--)
        {
            var initials = tokens[k].Text;
            if (initials[^1] != '.' || !RefFeatures.IsInitial(initials) || !tokens[k - 1].Text.EndsWith(',')) continue;
            // The person opens the byline or follows a semicolon: "Nowak, B." in "G. Nowak, B. Szewczyk" is no person.
            if (k - 1 != first && !tokens[k - 2].Text.EndsWith(';')) return labels;
            var word = tokens[k + 1].Text;
            if (!char.IsUpper(word[0]) || RefFeatures.IsInitial(word) || !word.Skip(1).Any(char.IsLower)) return labels;
            for (var j = k + 1; j <= end; j++) if (tokens[j].Text[^1] is ',' or ';' or '.') return labels;
            return Relabelled(labels, k + 1, end, RefLabel.Title);
        }
        return labels;
    }

    /// <summary>
    /// ISO 690 as French, Czech and Slovak lists print it closes each person with a full stop (<c>LANGENFELD, Solange.
    /// MERKLING, Jacky. Psychologie, sociologie, anthropologie.</c>): the tagger ends the byline at the first stop and opens
    /// the title with the next author, who then names the work. A family name in capitals with its comma, then a
    /// capitalised given name closed by a stop, right after a byline that writes a family name in capitals too, is the
    /// byline's.
    /// </summary>
    static RefLabel[] TheNextAuthorAfterAStop(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 1 || labels[start - 1] != RefLabel.Author) return labels;
        var byline = start - 1;
        while (byline > 0 && labels[byline - 1] == RefLabel.Author) byline--;
        var capitals = false;
        for (var k = byline; k < start && !capitals; k++) capitals = IsAFamilyInCapitals(tokens[k].Text.TrimEnd(','));
        if (!capitals) return labels;
        var next = start;
        while (next + 2 <= end && tokens[next].Text.EndsWith(',') && IsAFamilyInCapitals(tokens[next].Text[..^1])
               && tokens[next + 1].Text is [.. var given, '.'] && given.Split('-').All(IsACapitalisedName))
            next += 2;
        return next == start ? labels : Relabelled(labels, start, next - 1, RefLabel.Author);
    }

    // A family name in capitals: "MERKLING", "SAINT-EXUPÉRY", "D'ALEMBERT"; two letters at least.
    static bool IsAFamilyInCapitals(string word) =>
        word.Count(char.IsLetter) >= 2 && word.All(c => char.IsUpper(c) || c is '-' or '\'' or '’');

    // One capitalised name word: "Dederich", "Jean-Marie", "O’Neil" (not "McDowell" or "DUPONT").
    static bool IsACapitalisedName(string word) =>
        word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).All(c => char.IsLower(c) || c is '-' or '\'' or '’');

    static bool IsAGivenName(string token, RefLexicons lexicons)
    {
        if (token.Length < 2 || !char.IsUpper(token[0])) return false;
        var word = RefFeatures.Core(token).ToLowerInvariant();
        return lexicons.Given.Contains(word) && !RefLexicons.FunctionWords.Contains(word);
    }

    // A Russian name's initial transliterated in two letters and set in capitals, as French journals print it ("V. YA.
    // SHTERN", "E. KH. ZAITSEVA"); "Ya." and "Kh." read as initials already.
    static bool IsATransliteratedInitial(string token) => token is "YA." or "YU." or "YE." or "ZH." or "KH." or "TS." or "CH." or "SH.";

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
        var next = tokens[end + 1].Text;
        // French lists put the initials in brackets after the family name, in capitals or not (<c>BRUN (J.-P.), CONGÈS (G.).</c>).
        if (ReferenceNames.AreInitialsInBracketsClosingAClause(next) && last[^1] is not (',' or ';' or '.' or ':')) return Relabelled(labels, end + 1, end + 1, RefLabel.Author);
        if (last[^1] is ',' or ';' or '.' or ':' || !char.IsUpper(last[0]) || !last.Any(char.IsLower) || RefFeatures.IsInitial(last)) return labels;
        var bare = next.TrimEnd('.', ',', ';');
        if (bare.Length == next.Length || bare.Length is < 1 or > 3 || !bare.All(char.IsAsciiLetterUpper)) return labels;
        var copy = (RefLabel[])labels.Clone();
        copy[end + 1] = RefLabel.Author;
        return copy;
    }

    /// <summary>Whether <see cref="TheTitleAfterAVancouverByline"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleAfterVancouverByline = true;

    /// <summary>
    /// A Vancouver byline closes on its last person's initials and a full stop (<c>Sakai K. Task Set and Prefrontal
    /// Cortex. Annual Review of Neuroscience, 2008</c>); where the tagger found no title at all and ran the author span on
    /// past that stop, the words after it, up to the span's end, are the title.
    /// </summary>
    static RefLabel[] TheTitleAfterAVancouverByline(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleAfterVancouverByline || Array.IndexOf(labels, RefLabel.Title) >= 0) return labels;
        var (first, end) = FirstRun(labels, RefLabel.Author);
        if (first < 0) return labels;
        for (var k = first + 1; k <= end - 3; k++)
        {
            var text = tokens[k].Text;
            if (text.Length is < 2 or > 4 || text[^1] != '.' || !text[..^1].All(char.IsAsciiLetterUpper)) continue;
            var family = tokens[k - 1].Text;
            // "Samuel R. Driver, and Charles A Briggs": a name with its middle initial, the list going on after it.
            if (!char.IsUpper(family[0]) || !char.IsLetter(family[^1]) || family.Length < 2 || RefFeatures.IsInitial(tokens[k + 1].Text)
                || tokens[k + 1].Text.EndsWith(',') || IsConjunction(tokens[k + 1].Text)) continue;
            // The words after read as a title: one of them is a lower-case word (names are capitalised; "d’Errico" is one).
            var lower = false;
            for (var j = k + 1; j <= end; j++) lower |= tokens[j].Text.TrimEnd(',', '.', ':').All(char.IsAsciiLetterLower);
            if (!lower) return labels;
            return Relabelled(labels, k + 1, end, RefLabel.Title);
        }
        return labels;
    }

    /// <summary>
    /// A title that opens with an acronym in capitals (<c>Toutanova, K. BERT: pre-training of…</c>, <c>Irwin, J. J. ZINC
    /// 15--Ligand discovery…</c>) reads to the tagger like one more family name in capitals, and the name step then makes
    /// "K. Bert" of it. After "Family, I." initials, a capitals word that closes the byline without a period or comma, with
    /// the title right after it, opens the title. A capitals family name after initials ends with its period or comma
    /// (<c>J. P. COLLMAN.</c>) or comes without a comma before (<c>A. B. SMITH</c>), so it stays.
    /// </summary>
    static RefLabel[] StartTheTitleAtAnAcronymAfterTheInitials(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (first, end) = FirstRun(labels, RefLabel.Author);
        if (first < 0 || end - first < 2 || end + 1 >= labels.Length || labels[end + 1] != RefLabel.Title) return labels;
        var word = tokens[end].Text.TrimEnd(':');
        if (word.Length is < 2 or > 10 || word[^1] is '.' or ',' || !word.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) || !char.IsAsciiLetterUpper(word[0]))
            return labels;
        var k = end - 1;
        while (k > first && RefFeatures.IsInitial(tokens[k].Text) && tokens[k].Text[^1] == '.') k--;
        if (k == end - 1 || !tokens[k].Text.EndsWith(',') || RefFeatures.IsInitial(tokens[k].Text)) return labels;
        return Relabelled(labels, end, end, RefLabel.Title);
    }

    /// <summary>Whether <see cref="TheBylineAfterTheTitle"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool BylineAfterTitle = true;

    /// <summary>
    /// A library catalogue's order puts the work first and its author after (<c>Ancient mosaics. Roger Ling. Princeton,
    /// NJ : Princeton University Press 1998</c>, <c>Types of nominalized verbs in light verb constructions. Sebastien
    /// Plante. Carleton University</c>): with no byline before the title, the tagger runs the title on into the name.
    /// The title's last sentence is the byline when it is a person's name: two to four words, each a capitalised word in
    /// lower case after its capital or an initial, at least two of them words, closed by a full stop or a comma or the
    /// end of the run. Of train's 7,555 gold titles, 5 of the references without a byline end in such a sentence
    /// (<c>… Clearing House</c>); on three held-out tenths of train the rule turned 2 titles right and none wrong, and
    /// named 3 more authors.
    /// </summary>
    static RefLabel[] TheBylineAfterTheTitle(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!BylineAfterTitle || Array.IndexOf(labels, RefLabel.Author) >= 0 || Array.IndexOf(labels, RefLabel.Editor) >= 0) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end - start < 3) return labels;
        // Only the title's last sentence: after a full stop that is not an initial's.
        var k = end;
        while (k > start && !(tokens[k - 1].Text[^1] == '.' && !RefFeatures.IsInitial(tokens[k - 1].Text))) k--;
        if (k <= start + 1 || end - k + 1 is < 2 or > 4) return labels;
        var words = 0;
        for (var i = k; i <= end; i++)
        {
            var word = tokens[i].Text.TrimEnd(i == end ? ['.', ','] : []);
            if (RefFeatures.IsInitial(word)) continue;
            if (!IsACapitalisedName(word)) return labels;
            words++;
        }
        if (words < 2 || RefFeatures.IsInitial(tokens[end].Text.TrimEnd('.', ','))) return labels;
        if (end + 1 < tokens.Count && tokens[end].Text[^1] is not ('.' or ',')) return labels;
        return Relabelled(labels, k, end, RefLabel.Author);
    }

    /// <summary>Whether <see cref="TheTitleBeforeTheEditorsMark"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleBeforeEditorsMark = true;

    /// <summary>
    /// A book's title and then who edited or translated it (<c>———. Stephen Hero. Edited by John J. Slocum and Herbert
    /// Cahoon. Rev. ed. London…</c>, <c>Plato 1985. Meno. Trans. and ed. R.W. Sharples. Chicago…</c>) reads to the tagger as
    /// one editors' run when no byline comes before it: a two-word title is name-shaped, and a classic author's one name
    /// runs into it (<c>Plato. Meno. Trans. and ed. …</c>). With no title found, an editor's or translator's mark that
    /// opens a sentence inside the run ("Edited", "Ed.", "Trans.", "Translated") ends the title: the sentence before it.
    /// A sentence before that one in the run is the author when the parse has none. The reference kept no title and,
    /// where a page's references are read, was no work at all.
    /// </summary>
    static RefLabel[] TheTitleBeforeTheEditorsMark(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleBeforeEditorsMark || Array.IndexOf(labels, RefLabel.Title) >= 0) return labels;
        var (first, end) = FirstRun(labels, RefLabel.Editor);
        if (first < 0) return labels;
        for (var k = first + 1; k <= end; k++)
        {
            if (tokens[k].Text.TrimEnd(',') is not ("Edited" or "Ed." or "Eds." or "Trans." or "Translated") || !EndsASentence(tokens[k - 1].Text)) continue;
            // The title: back to the full stop before it, within the run.
            var start = k - 1;
            while (start > first && !EndsASentence(tokens[start - 1].Text)) start--;
            // "Smith, John. Edited by…" is a name before the mark: a comma inside says so.
            for (var j = start; j < k - 1; j++)
                if (tokens[j].Text.EndsWith(',')) return labels;
            var copy = Relabelled(labels, start, k - 1, RefLabel.Title);
            return start > first && Array.IndexOf(labels, RefLabel.Author) < 0 ? Relabelled(copy, first, start - 1, RefLabel.Author) : copy;
        }
        return labels;
    }

    /// <summary>Whether <see cref="TheBylineAfterBy"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool BylineAfterBy = true;

    /// <summary>
    /// Notes, blogs' reading lists and Wikipedia's notes name a work and then its writer: <c>Lines Written Among the
    /// Euganean Hills by Percy Bysshe Shelley, October 1818.</c>, <c>Walden by Henry David Thoreau, 1854.</c> The tagger,
    /// trained on bylines first, read the whole as a title or a byline. With no byline anywhere, a run opening the
    /// reference that ends on "by" and two to four capitalised words or initials is the title, then its author, when the
    /// name's first word is a given or family name the training split has seen (or an initial). Title-cased titles have
    /// capitalised words after "by" too (<c>Approximation by Multiinteger Translates</c>): the name lexicons keep them out.
    /// A "by" after a role (<c>Edited by</c>, <c>Translated by</c>, <c>Printed by</c>) or a participle (<c>…, directed by</c>)
    /// closes no title and is left alone.
    /// </summary>
    static RefLabel[] TheBylineAfterBy(IReadOnlyList<RefToken> tokens, RefLabel[] labels, RefLexicons lexicons)
    {
        if (!BylineAfterBy || Array.IndexOf(labels, RefLabel.Editor) >= 0) return labels;
        // The run that opens the reference, read as a title or (all of it) as a byline.
        var end = 0;
        while (end + 1 < labels.Length && labels[end + 1] == labels[0]) end++;
        if (labels[0] is not (RefLabel.Title or RefLabel.Author) || Array.IndexOf(labels, RefLabel.Author, end + 1) >= 0) return labels;
        var by = end - 1;
        while (by > 0 && tokens[by].Text != "by") by--;
        if (by < 1 || end - by is < 2 or > 4 || IsARole(tokens[by - 1].Text.TrimEnd('.', ','))) return labels;
        for (var i = by + 1; i <= end; i++)
        {
            var word = tokens[i].Text.TrimEnd(i == end ? ['.', ','] : []);
            if (word.Length == 0 || i < end && word[^1] is ',' or ';' or ':') return labels;
            if (RefFeatures.IsInitial(word)) continue;
            if (!IsACapitalisedName(word)) return labels;
        }
        var first = RefFeatures.Core(tokens[by + 1].Text).ToLowerInvariant();
        if (!RefFeatures.IsInitial(tokens[by + 1].Text) && !lexicons.Given.Contains(first) && !lexicons.Family.Contains(first)) return labels;
        if (RefFeatures.IsInitial(tokens[end].Text.TrimEnd('.', ','))) return labels;
        if (end + 1 < tokens.Count && tokens[end].Text[^1] is not ('.' or ',')) return labels;
        var copy = Relabelled(labels, 0, by - 1, RefLabel.Title);
        copy[by] = RefLabel.Other;
        return Relabelled(copy, by + 1, end, RefLabel.Author);
    }

    /// <summary>
    /// Reading lists name the writer, then a dash or a colon, then the work (<c>Richard Hamming – You and Your Research
    /// (1986)</c>, <c>Vannevar Bush: As We May Think. The Atlantic, July 1945.</c>): the tagger, with no such shape in its
    /// training, read the whole as a byline (and the parse named no one) or as a title. With no title and no byline
    /// elsewhere, a run opening the reference with a given name the training split has seen and one or two capitalised
    /// words, closed by a colon or followed by a spaced dash, is the byline, and the rest of the run the title.
    /// </summary>
    static RefLabel[] TheTitleAfterTheWritersDash(IReadOnlyList<RefToken> tokens, RefLabel[] labels, RefLexicons lexicons)
    {
        if (labels.Length < 4 || labels[0] is not (RefLabel.Author or RefLabel.Title)) return labels;
        var end = 0;
        while (end + 1 < labels.Length && labels[end + 1] == labels[0]) end++;
        var other = labels[0] == RefLabel.Author ? RefLabel.Title : RefLabel.Author;
        if (Array.IndexOf(labels, other) >= 0 || Array.IndexOf(labels, labels[0], end + 1) >= 0) return labels;
        if (!lexicons.Given.Contains(RefFeatures.Core(tokens[0].Text).ToLowerInvariant()) || !IsACapitalisedName(tokens[0].Text)) return labels;
        for (var k = 1; k <= 2 && k + 1 < end; k++)
        {
            var word = tokens[k].Text;
            var colon = word.EndsWith(':');
            if (!IsACapitalisedName(colon ? word[..^1] : word)) return labels;
            var dash = tokens[k + 1].Text is "–" or "—" or "-";
            if (!colon && !dash) continue;
            var title = dash ? k + 2 : k + 1;
            if (title > end || !char.IsUpper(tokens[title].Text.TrimStart('"', '“', '\'', '‘')[0])) return labels;
            var copy = Relabelled(labels, 0, k, RefLabel.Author);
            if (dash) copy[k + 1] = RefLabel.Other;
            return Relabelled(copy, title, end, RefLabel.Title);
        }
        return labels;
    }

    // "Edited by", "Printed by", and a participle's phrase ("the documentary film No Direction Home, directed by Martin
    // Scorsese"): the name after "by" is no byline that closes a title.
    static bool IsARole(string word) =>
        RoleBeforeBy.Contains(word.ToLowerInvariant())
        || word.Length > 0 && char.IsLower(word[0]) && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("en", StringComparison.Ordinal));

    static readonly HashSet<string> RoleBeforeBy = new(StringComparer.Ordinal)
    {
        "edited", "ed", "eds", "translated", "trans", "transl", "tr", "revised", "rev", "printed", "compiled", "comp", "collected",
        "introduced", "introduction", "foreword", "preface", "afterword", "illustrated", "illustrations", "selected", "arranged",
        "abridged", "annotated", "notes", "reviewed", "review", "published", "sponsored", "funded", "commissioned", "prepared",
        "supported", "presented", "chaired", "moderated", "hosted", "interviewed", "interview", "quoted", "cited",
    };
}
