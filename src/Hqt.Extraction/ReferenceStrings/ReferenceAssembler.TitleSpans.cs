using System.Buffers;
using System.Text.RegularExpressions;
using Hqt.Names;

namespace Hqt.Extraction.ReferenceStrings;

/// <summary>
/// The title's span rules: the tagger's title run, moved where its edges really are. Each rule was read off the title
/// misses of fold models on held-out tenths of train, checked against train's gold titles, and kept when it turned titles
/// right and none wrong (docs/benchmarks/refparse.md). Each returns the labels it was given, or a changed copy.
/// </summary>
public static partial class ReferenceAssembler
{
    /// <summary>Whether <see cref="ChooseTheTitleRun"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleAfterTheYear = true;

    /// <summary>
    /// The tagger gives the title in two or more runs in about 2 % of references, and the first run was taken. In an
    /// author–date reference (a byline, the date closing its clause, then the title) a title-labelled run between the
    /// byline and the date is the end of the byline: a corporate author or a second author's name
    /// (<c>Ministère des affaires municipales (2010). Indice de développement.</c>, <c>Davidson, Apollon and Irina
    /// Filatova (2007) ‘African History…’</c>). There the run right after the date is the title. Other runs are left
    /// labelled other, never guessed as another field. On three held-out tenths of train (2,376 items) it changed 7
    /// titles of the committed model: 5 wrong to right, 1 right to wrong (ugly-3119, whose gold title is the ministry
    /// of the byline), 1 wrong to another wrong.
    /// </summary>
    static RefLabel[] ChooseTheTitleRun(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleAfterTheYear) return labels;
        var first = Array.IndexOf(labels, RefLabel.Title);
        var date = Array.IndexOf(labels, RefLabel.Date);
        if (first < 0 || date < first || IsOpeningQuote(tokens[first].Text[0])) return labels;
        var firstEnd = first;
        while (labels[firstEnd + 1] == RefLabel.Title) firstEnd++;
        // Only "other" (a bracket, "et al.") between that run and the date, and a byline before the run, or the run opening
        // the reference as a byline does (an organisation: "Wikipedia contributors. (2023, October 5). Citation graph.").
        if (date - firstEnd - 1 > 2) return labels;
        for (var i = firstEnd + 1; i < date; i++) if (labels[i] != RefLabel.Other) return labels;
        var byline = first == 0;
        for (var i = 0; i < first; i++) byline |= labels[i] is RefLabel.Author or RefLabel.Editor;
        if (!byline) return labels;
        // The date closes its clause ("(2010).", "2002.", "(2008, mai 27).") and a title run starts right after it.
        var dateEnd = date;
        while (dateEnd + 1 < labels.Length && labels[dateEnd + 1] == RefLabel.Date) dateEnd++;
        var closes = ClosesClause(tokens[dateEnd].Text)
            || (dateEnd + 1 < labels.Length && labels[dateEnd + 1] == RefLabel.Other && ClosesClause(tokens[dateEnd + 1].Text));
        if (!closes) return labels;
        var after = Array.IndexOf(labels, RefLabel.Title, dateEnd + 1);
        if (after < 0 || after - dateEnd > 3) return labels;
        // With no byline, a title before the date is APA's for a work with no author, and what follows it is the container
        // ("Citation graph. (2023, October 5). In Wikipedia."), however the tagger labelled it.
        if (first == 0 && IsInMark(tokens[after].Text)) return labels;
        var end = after;
        while (end + 1 < labels.Length && labels[end + 1] == RefLabel.Title) end++;
        var copy = (RefLabel[])labels.Clone();
        for (var i = 0; i < copy.Length; i++)
            if (copy[i] == RefLabel.Title && (i < after || i > end)) copy[i] = RefLabel.Other;
        return copy;
    }

    /// <summary>
    /// APA cites an entry with no author by its title, then the date, then the work it is in: <c>Citation graph. (2023,
    /// October 5). In Wikipedia. https://…</c>, <c>Serendipity. (n.d.). In Merriam-Webster.com dictionary.</c>. The tagger
    /// reads the opening as a byline and "In Wikipedia" as the title, and the library got a work titled "In Wikipedia". A
    /// byline holding a word no name holds (lower case, not a particle: "graph"), or one word alone before a dictionary's
    /// or encyclopedia's name, the date closing its clause, then a title run opening with "In" and no container
    /// elsewhere: the byline is the title, the "In" run the container.
    /// </summary>
    static RefLabel[] TheTitleBeforeTheDateOfAnAuthorlessEntry(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (labels.Length < 4 || labels[0] != RefLabel.Author || Array.IndexOf(labels, RefLabel.Container) >= 0) return labels;
        var end = 0;
        while (end + 1 < labels.Length && labels[end + 1] == RefLabel.Author) end++;
        // The date, or APA's "(n.d.)" for none.
        var date = end + 1;
        if (date + 1 >= labels.Length || !(labels[date] == RefLabel.Date || IsANoDateMark(tokens[date].Text)) || !ClosesClause(tokens[end].Text)) return labels;
        var dateEnd = date;
        while (labels[date] == RefLabel.Date && dateEnd + 1 < labels.Length && labels[dateEnd + 1] == RefLabel.Date) dateEnd++;
        var title = dateEnd + 1;
        if (title >= labels.Length || labels[title] != RefLabel.Title || !ClosesClause(tokens[dateEnd].Text) || !IsInMark(tokens[title].Text)) return labels;
        var nameless = false;
        for (var k = 0; k <= end && !nameless; k++)
        {
            var word = tokens[k].Text.TrimEnd('.', ',', ';', ':');
            nameless = word.Length > 1 && char.IsLower(word[0]) && word.All(char.IsLetter) && !IsALowerCaseNameWord(word);
        }
        var titleEnd = title;
        while (titleEnd + 1 < labels.Length && labels[titleEnd + 1] == RefLabel.Title) titleEnd++;
        if (!nameless && !(end == 0 && NamesAReferenceWork(tokens, title, titleEnd))) return labels;
        return Relabelled(Relabelled(labels, 0, end, RefLabel.Title), title, titleEnd, RefLabel.Container);
    }

    static bool NamesAReferenceWork(IReadOnlyList<RefToken> tokens, int start, int end)
    {
        for (var k = start; k <= end; k++)
            if (tokens[k].Text.AsSpan().IndexOfAny(ReferenceWorkStems) >= 0) return true;
        return false;
    }

    static readonly SearchValues<string> ReferenceWorkStems =
        SearchValues.Create(["wikipedia", "wiktionary", "dictionar", "encyclop", "britannica", "lexikon", "wörterbuch"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// APA's undated reference by an organisation (<c>The Partnership at Drugfree.org. (n.d.). Alcohol and drug problem
    /// overview. Retrieved…</c>, a web page's usual shape): the tagger, with no byline of names and no year to go by, takes
    /// the organisation for the title. A title run that opens the reference and ends right before a no-date mark, with
    /// another title run right after the mark, is the byline; the run after the mark is the title. The organisation is
    /// left unlabelled, as <see cref="ChooseTheTitleRun"/> leaves such runs: it names no person, and a site's name
    /// ("Drugfree.org") is no author a reader needs listed.
    /// </summary>
    static RefLabel[] StartTheTitleAfterANoDateMark(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (labels.Length < 4 || labels[0] != RefLabel.Title) return labels;
        var end = 0;
        while (end + 1 < labels.Length && labels[end + 1] == RefLabel.Title) end++;
        if (end + 2 >= labels.Length || !IsANoDateMark(tokens[end + 1].Text) || labels[end + 2] != RefLabel.Title) return labels;
        if (!ClosesClause(tokens[end].Text) || end > 12) return labels;
        return Relabelled(labels, 0, end, RefLabel.Other);
    }

    static bool IsANoDateMark(string token) =>
        token.Trim('(', ')', '.', ',', '[', ']').ToLowerInvariant() is "n.d" or "s.d" or "o.j" or "nd" or "sd" or "s.f";

    /// <summary>
    /// A dash or the end of an editor's mark opening the title run belongs to the byline before it (<c>BRUN J.-P., CONGÈS G.
    /// – La villa gallo-romaine…</c>, <c>Alkier, Stefan und Ralph Brucker. (Hrsg.) Exegese…</c>): no gold title in train
    /// starts with either.
    /// </summary>
    static RefLabel[] StartTheTitleAfterAMark(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        var first = start;
        while (first < end && IsABylineMark(tokens[first].Text)) first++;
        if (first == start) return labels;
        return Relabelled(labels, start, first - 1, RefLabel.Other);
    }

    static readonly HashSet<string> GroupWords = new(StringComparer.Ordinal)
    {
        "Team", "Group", "Consortium", "Collaboration", "Collaborators", "Investigators", "Committee", "Network", "Workgroup",
    };

    /// <summary>
    /// A group named as an author at the head of the title run (<c>Zhu N, et al. China Novel Coronavirus Investigating and
    /// Research Team. A novel coronavirus from patients with pneumonia in China, 2019.</c>, <c>Cascade Columbia Fisheries
    /// Enhancement Group. Twisp to Carlton reach Assessment…</c>): a first sentence in capitalised words ending on Team,
    /// Group, Consortium, Investigators… is the byline's, and the title starts after it. The tagger reads such a group as
    /// the title's first sentence; "Arbeit im Team. Bedingungen…" (a lower-case word before it) is left alone.
    /// </summary>
    static RefLabel[] StartTheTitleAfterAGroupByline(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        var organisationMayOpen = Array.IndexOf(labels, RefLabel.Author, 0, start) < 0;
        for (var k = start + 1; k <= end - 3 && k < start + 12; k++)
        {
            var word = tokens[k].Text;
            // A group's name is capitalised words, its small words ("on Resistance to Antituberculosis Drugs") and its
            // acronym in brackets ("(SMIRA) Group.").
            var bare = word.TrimStart('(');
            if (word.Contains(':') || bare.Length == 0 || !char.IsUpper(bare[0]) && word is not ("and" or "of" or "for" or "on" or "the" or "&" or "to" or "in")) return labels;
            // Those only in a group's name: an organisation's is read by its own words (the title "From the Beast to the Blonde." is none).
            if (word is "to" or "in" || word[0] == '(') organisationMayOpen = false;
            if (word[^1] != '.') continue;
            if (GroupWords.Contains(word[..^1])) return Relabelled(labels, start, k, RefLabel.Other);
            // With no byline before it, an organisation's name ending the run's first sentence is the byline (<c>Intergovernmental
            // Panel on Climate Change. Climate Change 2014: Synthesis Report. Geneva: IPCC, 2014.</c>): the tagger runs such a
            // byline into the title. An abbreviation's period ("U.S. Census Bureau.") ends no sentence.
            if (organisationMayOpen && IsAnOrganisation(tokens, start, k)) return Relabelled(labels, start, k, RefLabel.Author);
            if (word.Length > 4 && word.IndexOf('.') == word.Length - 1) organisationMayOpen = false;
        }
        // The whole run a group after the byline, before the journal (<c>R. Diener, LCTPC Collaboration, Phys. Procedia 37
        // (2012) 456.</c>, <c>C. Amsler et al., Particle Data Group, Phys. Lett. B 667</c>): the byline's, and no title.
        var last = tokens[end].Text.TrimEnd(',', '.', ')', ';');
        if (end - start < 6 && GroupWords.Contains(last) && start > 0 && labels[start - 1] is RefLabel.Author or RefLabel.Other
            && Array.IndexOf(labels, RefLabel.Author, 0, start) >= 0 && Array.IndexOf(labels, RefLabel.Container, end + 1) > end
            && Enumerable.Range(start, end - start + 1).All(k => char.IsUpper(tokens[k].Text.TrimStart('(')[0]) || tokens[k].Text is "of" or "and" or "for"))
            return Relabelled(labels, start, end, RefLabel.Other);
        return labels;
    }

    /// <summary>Whether <see cref="StartTheTitleAfterAnInnerByline"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleAfterAnInnerByline = true;

    /// <summary>
    /// A byline the tagger read into the title, ended by what only bylines hold: a bracketed year or an editors' mark after a
    /// name (<c>33. Vũ Văn Tảo (2003), Dạy cách học, Nxb Trẻ</c>, <c>Lisa Cartwright und Marita Sturken
    /// (Hg.), Practices of Looking, New York 2005.</c>), initials in brackets after a family name (<c>Serneels (V.), Folletete
    /// (Chr.), Jacquemin-Verguet (Cl.), Aperçu du district…</c>), a bare year after a list of names that the byline before the
    /// run opened (<c>Steadman, Sharon R., …, Benjamin S. Arbuckle, and Madelynn von Baeyer 2013 The 2009 and 2012 Seasons…</c>,
    /// American Antiquity's style). The run up to it is the byline (editors before a mark), a year the date, and the title
    /// starts after it. Of train's 7,925 gold titles, 2 hold a bracketed year so, 7 an editors' mark and 1 bracketed
    /// initials, each a label that runs the byline into the title, and none a bare year after names; 1,431 texts have the
    /// bracketed year, 458 the mark and about 100 initials in brackets.
    /// </summary>
    static RefLabel[] StartTheTitleAfterAnInnerByline(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleAfterAnInnerByline) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        // The byline is missing or ends right before the run (its first names read as the author).
        if (start < 0 || start > 0 && labels[start - 1] is not (RefLabel.Author or RefLabel.Other)) return labels;
        var bylineBefore = start > 0 && labels[start - 1] == RefLabel.Author;
        bool InitialsAt(int j) => j <= end && ReferenceNames.AreInitialsInBracketsClosingAClause(tokens[j].Text);
        var initials = -1;
        for (var k = start + 1; k < end && k <= start + 12; k++)
        {
            var token = tokens[k].Text;
            var isMark = ReferenceNames.IsAnEditorsMarkClosingAClause(token);
            var isInitials = !isMark && InitialsAt(k);
            var isDate = BracketedYear().IsMatch(token) || bylineBefore && BareYear().IsMatch(token) && ListsNames(tokens, start, k - 1);
            if (!isMark && !isInitials && !isDate) continue;
            if (!IsABylineRun(tokens, start, k - 1)) break;
            if (isInitials)
            {
                // The byline goes on only with the next person's initials, one or two words on.
                initials = k;
                if (InitialsAt(k + 2) || InitialsAt(k + 3)) continue;
                break;
            }
            if (isDate && Array.IndexOf(labels, RefLabel.Date) >= 0 || !OpensATitle(tokens[k + 1].Text)) return labels;
            if (isDate) return Relabelled(Relabelled(labels, start, k - 1, RefLabel.Author), k, k, RefLabel.Date);
            // An editors' mark is the whole byline's: the authors right before the run are its first editors
            // (<c>Lievrouw, Leah A., and Sonia Livingstone (eds). Handbook…</c>).
            var first = start;
            while (first > 0 && labels[first - 1] == RefLabel.Author) first--;
            return Relabelled(labels, first, k, RefLabel.Editor);
        }
        if (initials < 0 || !OpensATitle(tokens[initials + 1].Text)) return labels;
        // The first person's initials, left between the byline and the run: "Serneels (V.), Folletete (Chr.), …".
        var from = start > 1 && labels[start - 1] == RefLabel.Other && InitialsAt(start - 1) && labels[start - 2] == RefLabel.Author ? start - 1 : start;
        return Relabelled(labels, from, initials, RefLabel.Author);
    }

    // The title after a byline opens as titles do (<c>The Green Revolution (1968): a history…</c> is one title).
    static bool OpensATitle(string token)
    {
        var word = token.TrimStart('"', '“', '«', '‘', '\'', '(', '[');
        return word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0]));
    }

    // A list of names before a bare year: a comma or "and" between them.
    static bool ListsNames(IReadOnlyList<RefToken> tokens, int from, int to)
    {
        for (var j = from; j <= to; j++)
            if (tokens[j].Text.EndsWith(',') || IsConjunction(tokens[j].Text)) return true;
        return false;
    }

    // "2013": a year standing alone, as American Antiquity's style writes it after the byline.
    [GeneratedRegex(@"^(?:1[6-9]|20)[0-9]{2}[a-z]?$")]
    private static partial Regex BareYear();

    // "(2003),", "(2009b).", "(1998):": a year in brackets that closes a clause.
    [GeneratedRegex(@"^\((?:1[5-9]|20)[0-9]{2}[a-z]?\)[.,:]$")]
    private static partial Regex BracketedYear();

    /// <summary>People's names: no quote opens them, no sentence ends inside, and every lower-case word is a particle or a
    /// conjunction ("und", "de", "van", "d’Alembert"). An organisation's name is left alone: its words ("Media", "News")
    /// are a title's too.</summary>
    static bool IsABylineRun(IReadOnlyList<RefToken> tokens, int from, int to)
    {
        if (OpeningQuoteOfTheTitle(tokens, from) is not null) return false;
        for (var j = from; j <= to; j++)
        {
            var word = tokens[j].Text.TrimEnd(',', ';');
            if (j < to && EndsASentence(word)) return false;
            if (word.Length == 0 || !char.IsLower(word[0])) continue;
            if (!IsALowerCaseNameWord(word)) return false;
        }
        return true;
    }

    /// <summary>A word in lower case that names hold: a particle or a conjunction ("de", "van", "und"), or an elided particle
    /// opening the word ("d’Izernore", "l'Enseignement").</summary>
    static bool IsALowerCaseNameWord(string word)
    {
        var bare = word.ToLowerInvariant();
        var elision = bare.IndexOfAny(['\'', '’']);
        return RefLexicons.Particles.Contains(bare) || RefLexicons.Conjunctions.Contains(bare)
            || elision > 0 && RefLexicons.Particles.Contains(bare[..elision] + "'");
    }

    static bool IsAnOrganisation(IReadOnlyList<RefToken> tokens, int from, int to)
    {
        var words = new string[to - from + 1];
        for (var i = from; i <= to; i++) words[i - from] = tokens[i].Text;
        return PersonName.IsOrganization(words);
    }

    static bool IsABylineMark(string token) =>
        token is "-" or "–" or "—" or "--" or "---"
        || token.TrimStart('(').TrimEnd('.', ',', ':').ToLowerInvariant() is "hrsg.)" or "hrsg)" or "eds.)" or "eds)" or "ed.)" or "ed)" or "dir.)" or "dir)" or "éd.)" or "éds.)";

    static bool ClosesClause(string token) => token[^1] is '.' or ')';

    /// <summary>Whether <see cref="TheBookIsTheTitle"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool BookAsTitle = true;

    /// <summary>
    /// A parse with a container and no title names a work only by its container. When editors come before it and nothing
    /// marks it as a container (no "In"/"In:"/"dans"/"im" before it, no volume, issue or pages after it as a journal has),
    /// it is the edited book's own title (<c>Carter, R. and J. McRae, eds. The Routledge History of Literature. London:
    /// Routledge, 2005.</c>). The tagger learned the other reading from one source of the training data, which labels
    /// about a fifth of its books so; the rest of the data, and readers, call it the title. Without editors the same
    /// rule won as many titles as it lost on three held-out tenths of train, and each loss is a title the scorer counts
    /// as junk (the gold container returned as a title), so it asks for them (docs/benchmarks/refparse.md, sixth round).
    /// </summary>
    static RefLabel[] TheBookIsTheTitle(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!BookAsTitle || Array.IndexOf(labels, RefLabel.Title) >= 0) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Container);
        if (start < 0) return labels;
        // "In" right after the editors' mark is the book's own first word (<c>————, ed. In the Shadow of Empire…</c>,
        // <c>…, editors. In the Embrace of the Swan…</c>): a chapter's "In" follows the chapter's title, not its editors.
        var inAt = IsInMark(tokens[start].Text) ? start : start > 0 && IsInMark(tokens[start - 1].Text) ? start - 1 : -1;
        if (inAt >= 0 && !(inAt > 0 && IsAnEditorsMark(tokens[inAt - 1].Text) && tokens[inAt].Text is "In" or "Im")) return labels;
        if (inAt >= 0) start = inAt;
        else if (Array.IndexOf(labels, RefLabel.Editor, 0, start) < 0 && !(BookBeforeItsImprint && end + 1 < tokens.Count && IsAPublicationBracket(tokens, end + 1))) return labels;
        for (var i = end + 1; i < labels.Length; i++)
            if (labels[i] is RefLabel.Volume or RefLabel.Issue or RefLabel.Pages) return labels;
        return Relabelled(labels, start, end, RefLabel.Title);
    }

    /// <summary>Whether a container with its imprint in brackets after it is the book's title (<see cref="TheBookIsTheTitle"/>): on; off only to measure it.</summary>
    internal static bool BookBeforeItsImprint = true;

    /// <summary>Whether <see cref="TheContainerOfThePages"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool PagesHaveAContainer = true;

    /// <summary>
    /// A page range says the work is part of something: a parse with a title, pages and no container (and no publisher
    /// or "In" that would make it a book's pages or name the container elsewhere) ran the container into the title.
    /// The humanities' comma style does it (<c>Ganshof, Charlemagne et le serment, Mélanges d’histoire du Moyen Âge
    /// dédiés à…, Paris, 1951, 259-270.</c>), and so does a journal after a question or a full stop with no volume mark
    /// before it (<c>Sowams, The Home of Massasoit: Where Was It? New England Historical and Genealogical Register 53:
    /// 317–322.</c>). The title ends at a comma, a question mark or a sentence's full stop before a capital, outside
    /// brackets and quotes and not before a month or an "And": the last comma before a clause of three words or more,
    /// else the last of them. The rest is the container. The title keeps its first two words at least.
    /// </summary>
    static RefLabel[] TheContainerOfThePages(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!PagesHaveAContainer || Array.IndexOf(labels, RefLabel.Container) >= 0 || Array.IndexOf(labels, RefLabel.Publisher) >= 0) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end - start < 2 || !HasAPageRange(tokens, labels)) return labels;
        for (var k = 0; k < tokens.Count; k++)
            if (IsInMark(tokens[k].Text)) return labels;
        var boundaries = new List<int>();
        var depth = 0;
        // Brackets and quotes are counted from the reference's start: a title's opening « may stand alone before its run.
        for (var k = 0; k < end; k++)
        {
            var t = tokens[k].Text;
            foreach (var c in t)
            {
                if (c is '(' or '[' || IsOpeningQuote(c)) depth++;
                else if (c is ')' or ']' or '”' or '»' or '』' or '」' or '》' && depth > 0) depth--;
            }
            var next = tokens[k + 1].Text;
            if (k <= start || depth > 0 || !char.IsUpper(next[0]) || IsConjunction(next) || OpensWithAMonth(next)) continue;
            if (t[^1] is ',' or '?' || EndsASentence(t)) boundaries.Add(k);
        }
        if (boundaries.Count == 0) return labels;
        // A comma before a clause of three words or more is where the comma style's container begins, even when a full
        // stop follows (the container's own subtitle: <c>…ecclésiale, L’individu au Moyen Âge. Individuation et…</c>); a
        // comma before a word or two is the title's place (<c>…Haut Glacier d’Arolla, Switzerland. Earth surface…</c>).
        var split = boundaries[^1];
        for (var b = boundaries.Count - 1; b >= 0; b--)
        {
            var clauseEnd = b + 1 < boundaries.Count ? boundaries[b + 1] : end;
            if (tokens[boundaries[b]].Text[^1] == ',' && clauseEnd - boundaries[b] >= 3) { split = boundaries[b]; break; }
        }
        return Relabelled(labels, split + 1, end, RefLabel.Container);
    }

    /// <summary>
    /// Nature's house style names a chapter's book, then its editors in brackets, its pages and its imprint: <c>in Advances
    /// in Neural Information Processing Systems (eds Guyon, I. et al.) 5998–6008 (Curran Associates, 2017).</c> One labelled
    /// string in 9,906 is written so, and the tagger, whose answer there turns on whether "In" has its capital, may read
    /// all of it as the book's name: the editors then become words of a container. An editors' mark opening a bracket
    /// inside the container's run ends the book there; the bracket is the editors', a page range right after it the
    /// pages, and an imprint bracket after those (<c>(Publisher, 2017)</c>) the publisher and the date.
    /// </summary>
    static RefLabel[] TheEditorsAfterTheBook(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Container);
        if (start < 0) return labels;
        var open = -1;
        for (var k = start + 1; k <= end && open < 0; k++)
            if (tokens[k].Text.StartsWith('(') && tokens[k].Text.Length > 1 && IsAnEditorsMark(tokens[k].Text)) open = k;
        if (open < 0) return labels;
        var close = open;
        while (close < tokens.Count && close <= open + 16 && !tokens[close].Text.Contains(')')) close++;
        if (close >= tokens.Count || close > open + 16 || close == open) return labels;
        var relabelled = Relabelled(labels, open, close, RefLabel.Editor);
        var pages = close + 1;
        if (pages >= tokens.Count || !PageRangeToken().IsMatch(tokens[pages].Text)) return relabelled;
        relabelled[pages] = RefLabel.Pages;
        // The imprint: "(Curran Associates, 2017)." is the publisher, then the year.
        var imprint = pages + 1;
        if (imprint + 1 >= tokens.Count || !tokens[imprint].Text.StartsWith('(')) return relabelled;
        var last = imprint;
        while (last < tokens.Count && last <= imprint + 8 && !tokens[last].Text.Contains(')')) last++;
        if (last >= tokens.Count || last == imprint || RefFeatures.FirstYear(tokens[last].Text) is null) return relabelled;
        for (var k = imprint; k < last; k++) relabelled[k] = RefLabel.Publisher;
        relabelled[last] = RefLabel.Date;
        return relabelled;
    }

    /// <summary>
    /// A title run that opens with the word that opens a container (<c>R. T. POLLARD. Dans Comprehensive chemical kinetics.
    /// Vol. 17. Éditeurs : …</c>, <c>2002, in ‘Merging Processes of Galaxy Clusters’, eds. …, p. 197</c>) names the book a
    /// part with no title of its own is in: the container, as the labels have it (with a container elsewhere, the word
    /// alone is given back). Only "In:" with its colon, which no title opens with, "Dans" before a capitalised word ("Dans la
    /// montagne grecque" is a title) and a lower-case "in" before a quote (a title cut off in the middle opens with a bare
    /// "in" too); "In Cold Blood" and "Im Westen nichts Neues" are titles.
    /// </summary>
    static RefLabel[] TheBookAfterAnInMark(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (end - start < 2) return labels;
        var (mark, next) = (tokens[start].Text, tokens[start + 1].Text);
        var opensTheBook = IsAnInMark(mark) || mark is "Dans" && char.IsUpper(next[0]) || mark is "in" && IsOpeningQuote(next[0]);
        if (!opensTheBook) return labels;
        return Array.IndexOf(labels, RefLabel.Container) < 0 ? Relabelled(labels, start, end, RefLabel.Container) : Relabelled(labels, start, start, RefLabel.Other);
    }

    /// <summary>
    /// A journal's name is one field: where the tagger ends the title one to three words into a journal it knows
    /// (<c>Advanced LIGO Class. Quantum Grav. 32 074001</c> read as the title "Advanced LIGO Class" in the journal "Quantum
    /// Grav"; <c>Quasi-rational fusion products Int. J. Mod. Phys. B</c>; <c>…temperatures. Mod.Phys .Lett .A 31</c>), the
    /// words the known name (<see cref="RefLexicons.Containers"/>, the standard abbreviations) holds go to the container.
    /// Physics and astronomy write the title with no stop before the journal, and PDF copies glue them. The title keeps
    /// two words at least.
    /// </summary>
    static RefLabel[] TheJournalsNameWhole(IReadOnlyList<RefToken> tokens, RefLabel[] labels, RefLexicons lexicons)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end + 1 >= tokens.Count || labels[end + 1] != RefLabel.Container || end - start < 2) return labels;
        var from = Math.Max(start + 2, end - 2);
        var to = end + 1;
        while (to + 1 < tokens.Count && to - end < 8 && labels[to + 1] == RefLabel.Container) to++;
        var window = new RefToken[to - from + 1];
        for (var k = from; k <= to; k++) window[k - from] = tokens[k];
        var places = RefFeatures.ContainerPhrasePlaces(window, lexicons);
        // The name begins in the title's last words and goes on into the container.
        var across = places[end + 1 - from] is RefFeatures.Inside or RefFeatures.PhraseEnd;
        if (!across) return labels;
        var begin = end - from;
        while (begin > 0 && places[begin] != RefFeatures.PhraseBegin) begin--;
        return places[begin] == RefFeatures.PhraseBegin ? Relabelled(labels, from + begin, end, RefLabel.Container) : labels;
    }

    /// <summary>
    /// A preprint is published on a server, which AMA and Vancouver name as its journal (<c>Attention is all you need.
    /// arXiv. Preprint posted online June 12, 2017.</c>, <c>…cohort study. medRxiv. 2020.</c>): the tagger, with few
    /// preprints in its training, ran the title on into "arXiv". The server's name closing the title run after a full stop
    /// is the container.
    /// </summary>
    static RefLabel[] EndTitleBeforeAPreprintServer(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (end - start < 2 || !tokens[end - 1].Text.EndsWith('.')) return labels;
        var name = tokens[end].Text.TrimEnd('.', ',', ';').ToLowerInvariant();
        return name is "arxiv" or "biorxiv" or "medrxiv" or "chemrxiv" or "psyarxiv" or "socarxiv" or "ssrn" or "preprints"
            ? Relabelled(labels, end, end, RefLabel.Container) : labels;
    }

    [GeneratedRegex(@"^(?:pp?\.\s*)?\d+[-\u2010-\u2015\u2212]+\d+[.,;]?$")]
    private static partial Regex PageRangeToken();

    // "Feb.-Aug.", "June": a date's month after the title, not a container.
    static bool OpensWithAMonth(string token)
    {
        var letters = 0;
        while (letters < token.Length && char.IsLetter(token[letters])) letters++;
        return RefLexicons.Months.Contains(token[..letters].ToLowerInvariant());
    }

    // "259-270", "pp. 317–322", "5--32": pages the tagger labelled, as a range.
    static bool HasAPageRange(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        for (var k = 0; k < labels.Length; k++)
            if (labels[k] == RefLabel.Pages && PageRangeInAToken().IsMatch(tokens[k].Text)) return true;
        return false;
    }

    [GeneratedRegex(@"\d[-\u2010-\u2015\u2212]+\d")]
    private static partial Regex PageRangeInAToken();

    static bool IsAnEditorsMark(string token) =>
        token.TrimStart('(').TrimEnd(',', ')', '.').ToLowerInvariant() is "ed" or "eds" or "editor" or "editors" or "hrsg" or "dir" or "éd" or "éds";

    /// <summary>"In", "In:", "in:", "Dans", "dans :", "Im": the word that opens the container of a chapter or paper.</summary>
    static bool IsInMark(string token)
    {
        var t = token.TrimEnd(':', '.', ',').TrimStart('(', '[');
        return t.Equals("in", StringComparison.OrdinalIgnoreCase) || t.Equals("dans", StringComparison.OrdinalIgnoreCase)
            || t is "Im" or "im:" or "Im:";
    }

    /// <summary>Whether <see cref="EndTitleAtAnInnerIn"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool InnerIn = true;

    /// <summary>
    /// "In", "Dans" or "Im" at token <paramref name="k"/> opening a sentence: the token before ends one (a full stop, a
    /// question or exclamation mark, maybe inside a closing quote, and not an initial's period) and the word after
    /// begins with a capital, a digit or a quote.
    /// </summary>
    static bool OpensASentenceWithIn(IReadOnlyList<RefToken> tokens, int k)
    {
        if (tokens[k].Text is not ("In" or "Dans" or "Im") || k == 0 || k + 1 >= tokens.Count) return false;
        var before = tokens[k - 1].Text.TrimEnd('”', '"', '’', '\'', '»', ')');
        if (before.Length < 2 || before[^1] is not ('.' or '?' or '!') || RefFeatures.IsInitial(before)) return false;
        var next = tokens[k + 1].Text[0];
        return char.IsUpper(next) || char.IsDigit(next) || IsOpeningQuote(next);
    }

    // "In:" with its colon, in the languages references are written in: French "Dans:", German "Im:", Russian and
    // Bulgarian "В:", Polish "W:", Croatian and Serbian "U:", Spanish "En:", Portuguese "Em:". No title holds one.
    static bool IsAnInMark(string token) =>
        token is "In:" or "in:" or "IN:" or "Dans:" or "dans:" or "Im:" or "В:" or "в:" or "W:" or "U:" or "En:" or "Em:";

    /// <summary>Whether a bare "In" after a full stop ends a title too (<see cref="EndTitleAtAnInnerIn"/>): on; off only to measure it.</summary>
    internal static bool InnerInAfterFullStop = true;

    /// <summary>
    /// "In:" inside a title run opens the container, whatever stands before it, as "//" does in the GOST style of Russian
    /// and Bulgarian references (<c>Tractography of Association Fibers //Clinical neuroradiology. 2015.</c>): the tagger
    /// runs a title on into it when no full stop comes first (<c>… Sonderschule für Geistigbehinderte In: Bundesverband
    /// Hilfe…</c>). So does a bare capital "In" (or "Dans", "Im") that opens a sentence inside the run (<c>On the semantics
    /// of STRIPS. In Reasoning about Actions and Plans: Proceedings…</c>): in train's gold titles that shape is 5 of the
    /// 387 references that have it, all five the container labelled as part of the title. A bare "In" elsewhere opens many titles and sits
    /// inside Title Case ones, so it is left alone. The title ends before it; the rest of the run, "In" on, is the
    /// container when no container follows, else left unlabelled.
    /// </summary>
    static RefLabel[] EndTitleAtAnInnerIn(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!InnerIn) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        for (var k = start + 1; k < end; k++)
        {
            var t = tokens[k].Text;
            // French's "dans" after a comma, before a capitalised book (<c>…di Urbs Salvia, dans EPIGRAFAI. Miscellanea…</c>).
            var dans = t == "dans" && tokens[k - 1].Text.EndsWith(',') && char.IsUpper(tokens[k + 1].Text[0]);
            if (!IsAnInMark(t) && !dans && !t.StartsWith("//", StringComparison.Ordinal)
                && !(InnerInAfterFullStop && OpensASentenceWithIn(tokens, k))) continue;
            var hasContainer = Array.IndexOf(labels, RefLabel.Container, end + 1) >= 0;
            return Relabelled(labels, k, end, hasContainer ? RefLabel.Other : RefLabel.Container);
        }
        return labels;
    }

    /// <summary>Whether <see cref="EndTitleAtANote"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleEndsAtANote = true;

    /// <summary>
    /// A note on who translated, edited or introduced the work, or where it was reprinted, ends the title before it
    /// (<c>Invisible Cities. Translated by William Weaver.</c>, <c>On Problem Solving. Reprinted in Psychological
    /// Monographs…</c>, <c>Die Traumdeutung, hrsg. von…</c>): the tagger runs a book's title on into such a clause when
    /// no container follows. In train's 7,925 gold titles such a clause after a full stop, comma or bracket is 3 times
    /// in a title (two of them the note labelled with it). The note is left unlabelled: its names are translators and
    /// editors, not authors, and the scorer's editors are not read from it.
    /// </summary>
    static RefLabel[] EndTitleAtANote(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleEndsAtANote) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        for (var k = start + 1; k <= end; k++)
        {
            var before = tokens[k - 1].Text;
            var opensBracket = tokens[k].Text[0] == '(';
            // A thesis note ends the title even where no punctuation comes first, as physics lists write it
            // (<c>… for the AEI 10 m prototype facility PhD Thesis Technische Informationsbibliothek…</c>): 1 of the 31
            // train texts with one has it inside the gold title.
            if (OpensAThesisNote(tokens, k)) return Relabelled(labels, k, end, RefLabel.Other);
            if (!opensBracket && before[^1] is not ('.' or ',' or ';')) continue;
            if (!OpensANote(tokens, k) && !(opensBracket && IsAPublicationBracket(tokens, k))) continue;
            return Relabelled(labels, k, end, RefLabel.Other);
        }
        return labels;
    }

    /// <summary>
    /// A bracket that holds words, a comma or colon, and closes on a year: where and by whom the work was published, or
    /// when (<c>Computational electrodynamics (Artech House, Boston, 2005).</c>, <c>… Finite Duration (February 2, 2015).</c>).
    /// Two of the 253 train references with one have it in the gold title, one of them an erratum's note.
    /// </summary>
    static bool IsAPublicationBracket(IReadOnlyList<RefToken> tokens, int k)
    {
        bool words = false, separated = false;
        for (var j = k; j < tokens.Count && j < k + 12; j++)
        {
            var t = tokens[j].Text.AsSpan();
            if (j > k && t[0] == '(') return false;
            var close = t.IndexOf(')');
            var body = (close >= 0 ? t[..close] : t).TrimStart('(');
            foreach (var c in body) words |= char.IsLetter(c);
            separated |= body.IndexOfAny(',', ':') >= 0;
            if (close < 0) continue;
            // It closes on a year, maybe lettered ("2005a").
            if (body.Length > 0 && char.IsAsciiLetterLower(body[^1])) body = body[..^1];
            return words && separated && body.Length >= 4 && (body.Length == 4 || !char.IsAsciiDigit(body[^5]))
                && int.TryParse(body[^4..], out var year) && year is >= RefFeatures.MinYear and <= RefFeatures.MaxYear;
        }
        return false;
    }

    // The first word of a note, and the second where the first alone is ambiguous ("Edited" → "by"). A null second word
    // means any word follows.
    static readonly (string First, string? Second)[] NoteOpenings =
    [
        ("translated", "by"), ("translated", "from"), ("translated", "and"), ("trans.", null), ("transl.", null), ("tr.", null),
        ("edited", "by"), ("edited", "and"), ("ed.", "by"), ("eds.", "by"),
        ("reprinted", null), ("repr.", null),
        ("introduction", "by"), ("foreword", "by"), ("preface", "by"), ("with", "an"), ("with", "a"),
        ("übersetzt", null), ("übers.", null), ("hrsg.", "v."), ("hrsg.", "von"), ("herausgegeben", "von"),
        ("traduit", null), ("trad.", null), ("traduction", null), ("tradotto", null), ("traducción", null), ("traducido", null),
        ("a", "cura"),
        // Where and when a web page was read: the tagger runs a page's short title on into them (<c>O (cis)gênero não
        // existe. Publicado em: 14 dez. 2014. Disponível em: http://…</c>).
        ("available", "at"), ("available", "from"), ("available", "online"), ("available", null), ("retrieved", null),
        ("accessed", null), ("last", "modified"), ("publicado", "em"), ("disponível", "em"), ("acesso", "em"), ("acessado", "em"),
        ("consulté", null), ("consultado", null), ("abgerufen", null), ("zugriff", null), ("impact", "factor"),
        ("disponible", "en"), ("disponible", "sur"), ("disponible", "à"), ("document", "téléaccessible"), ("dostupné", "z"),
        ("dostupné", "na"), ("verfügbar", "unter"), ("online", "verfügbar"),
        // What kind of report it is, or to whom it went (<c>… analyser. Technical Report Hard Real-Time…</c>).
        ("technical", "report"), ("tech.", "rep."), ("report", "submitted"), ("working", "paper"), ("discussion", "paper"),
    ];

    // An edition statement ends a title too: "2nd ed.", "3rd edn", "2. izd.", "2. Aufl.", "4ème éd.", "Revised edition",
    // or a one-word "Expanded." / "Revised." after a sentence's end (<c>Auster, Paul. The Art of Hunger. Expanded. New York…</c>). In
    // train, 4 of the 90 references with one have it inside the gold title, each the rest of the reference run on with it.
    static readonly HashSet<string> EditionWords = new(StringComparer.Ordinal)
    {
        "ed.", "ed", "edn", "edn.", "edition", "izd.", "izd", "aufl.", "auflage", "éd.", "éd", "edición", "edizione", "édition",
    };

    static readonly HashSet<string> EditionOrdinalWords = new(StringComparer.Ordinal)
    {
        "new", "rev.", "revised", "expanded", "enlarged", "second", "third", "fourth", "fifth", "2nd", "3rd", "nouvelle",
    };

    static bool OpensAnEdition(string first, string second)
    {
        var word = first.TrimEnd(',');
        if (word is "expanded." or "revised.") return true;
        if (!EditionWords.Contains(second.TrimEnd(';'))) return false;
        if (EditionOrdinalWords.Contains(word)) return true;
        // "2.", "2nd", "3rd", "4th", "2e", "4ème", "2a": a number with an ordinal's ending.
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits])) digits++;
        return digits is > 0 and < 3 && word[digits..] is "." or "st" or "nd" or "rd" or "th" or "e" or "ème" or "eme" or "a" or "ª" or "º";
    }

    static bool OpensAThesisNote(IReadOnlyList<RefToken> tokens, int k)
    {
        var first = tokens[k].Text.TrimStart('(').TrimEnd(',', '.', ';').ToLowerInvariant();
        if (first is "phdthesis" or "phd-thesis") return true;
        if (k + 1 >= tokens.Count) return false;
        var second = tokens[k + 1].Text.TrimEnd(',', '.', ';', ')').ToLowerInvariant();
        return first is "phd" or "ph.d" or "msc" or "m.sc" or "master's" or "masters" or "diploma" or "doctoral"
            && second is "thesis" or "dissertation";
    }

    static readonly HashSet<string> NoteThirdWords = new(StringComparer.Ordinal) { "introduction", "foreword", "preface", "afterword" };

    static bool OpensANote(IReadOnlyList<RefToken> tokens, int k)
    {
        var first = tokens[k].Text.TrimStart('(').ToLowerInvariant();
        var second = k + 1 < tokens.Count ? tokens[k + 1].Text.ToLowerInvariant().TrimEnd(',', ':') : "";
        if (OpensAnEdition(first, second)) return true;
        // "…, ed. Gunzelin Schmid Noerr" and "…, in I. Tattersal, E. Delson (Eds.)": an editor's name after "ed." or a
        // chapter's "in" (none of train's gold titles holds either; 93 and 18 references have them after the title).
        if (k + 1 < tokens.Count && first is "ed." or "eds." && char.IsUpper(tokens[k + 1].Text[0])) return true;
        if (k + 1 < tokens.Count && first == "in" && tokens[k - 1].Text[^1] == ',' && RefFeatures.IsInitial(tokens[k + 1].Text)) return true;
        foreach (var (word, next) in NoteOpenings)
        {
            if (first != word || (next is not null && second != next)) continue;
            // "With a …" and "With an …" only before "introduction" or "foreword": "With a View to…" is a subtitle.
            if (word == "with") return k + 2 < tokens.Count && NoteThirdWords.Contains(tokens[k + 2].Text.ToLowerInvariant().TrimEnd(',', '.'));
            // "Trans." and "Tr." are also journal words ("Trans. Faraday Soc."): a note only before "by", "from" or initials.
            if (word is "trans." or "tr." or "transl.")
                return second is "by" or "from" || (k + 1 < tokens.Count && RefFeatures.IsInitial(tokens[k + 1].Text));
            return true;
        }
        return false;
    }

    /// <summary>
    /// A lone Roman numeral right after the title, opening the container, numbers the title's part (<c>Fourier integral
    /// operators. II. Acta Mathematica, 128(1)…</c>): in train it ends 3 gold titles and opens no gold container.
    /// </summary>
    static RefLabel[] KeepThePartNumberInTheTitle(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end + 2 >= labels.Length || labels[end + 1] != RefLabel.Container || labels[end + 2] != RefLabel.Container) return labels;
        if (tokens[end].Text[^1] != '.' || tokens[end + 1].Text is not ("I." or "II." or "III." or "IV." or "V." or "VI." or "VII." or "VIII.")) return labels;
        var copy = (RefLabel[])labels.Clone();
        copy[end + 1] = RefLabel.Title;
        return copy;
    }

    /// <summary>
    /// A species named in a title with its authority (<c>Dermochelys coriacea (Vandeli, 1761)</c>, <c>Micrauchenus lineola
    /// (Fabricius 1787)</c>): the bracket is the name's, and its year the species' description, not the reference's. The
    /// tagger reads it as the date; a reference cut short after it (a list showing the first line only) then gave the work
    /// the year 1761. The bracket joins the title; the year comes from another date, or there is none.
    /// </summary>
    static RefLabel[] KeepATaxonomicAuthorityInTheTitle(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end + 2 >= tokens.Count || end - start < 1) return labels;
        var (genus, species) = (tokens[end - 1].Text, tokens[end].Text);
        if (!IsWordOf(genus, upperFirst: true) || !IsWordOf(species, upperFirst: false)) return labels;
        // "(Vandeli, 1761)" or "(Fabricius 1787)", maybe "(L., 1758)"; the bracket closes on the year.
        var (open, close) = (tokens[end + 1].Text, tokens[end + 2].Text);
        if (open.Length < 3 || open[0] != '(' || !char.IsUpper(open[1]) || open.Contains(')')) return labels;
        var year = close.TrimEnd('.', ',', ';');
        if (year.Length != 5 || year[4] != ')' || !int.TryParse(year.AsSpan(0, 4), out var y) || y is < RefFeatures.MinYear or > 1999) return labels;
        var copy = (RefLabel[])labels.Clone();
        copy[end + 1] = copy[end + 2] = RefLabel.Title;
        return copy;
    }

    // A Latin word of a species' name: letters only, the genus capitalised, the epithet in lower case.
    static bool IsWordOf(string token, bool upperFirst) =>
        token.Length >= 3 && (upperFirst ? char.IsUpper(token[0]) : char.IsLower(token[0])) && token.Skip(1).All(char.IsAsciiLetterLower);

    /// <summary>Whether <see cref="EndTitleAtALink"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleEndsAtALink = true;

    /// <summary>
    /// A link or an identifier (<c>http://…</c>, <c>www.…</c>, <c>doi:10.…</c>, <c>arXiv:1402.4587</c>) inside a title run
    /// ends the title before it: none of train's 7,925 gold titles holds one, and the tagger runs a short title on into
    /// the link that follows it (<c>Wilensky, U. (1999). NetLogo. http://ccl.northwestern.edu/netlogo/.</c>). The rest of
    /// the run is left unlabelled; the link and the identifier are read from the whole text anyway.
    /// </summary>
    static RefLabel[] EndTitleAtALink(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleEndsAtALink) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        for (var k = start + 1; k <= end; k++)
        {
            if (!IsALinkOrIdentifier(tokens[k].Text)) continue;
            return Relabelled(labels, k, end, RefLabel.Other);
        }
        return labels;
    }

    static bool IsALinkOrIdentifier(string token)
    {
        var t = token.AsSpan().TrimStart("([<“\"'«");
        return t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (t.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && t.Length > 5 && char.IsLetterOrDigit(t[4])) || t.StartsWith("doi:", StringComparison.OrdinalIgnoreCase)
            || t is "DOI" || t.StartsWith("DOI:") || t.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase)
            || (t.StartsWith("10.") && t.IndexOf('/') > 3 && t.Length > 7 && char.IsAsciiDigit(t[3]))
            // A PDF's "e-printarXiv :1601.04809": the word glued to the mark, the id after a stray space.
            || (t.Contains("arxiv", StringComparison.OrdinalIgnoreCase) && t.TrimEnd(".,;").ContainsAnyExcept(AsciiLetters));
    }

    static readonly SearchValues<char> AsciiLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Whether <see cref="ContinueTheTitleAfterABareWord"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleGoesOnAfterABareWord = true;

    /// <summary>
    /// A title run that ends on a bare "in", "of", "the", "and"… or on a quoted word of its own, with the container run
    /// right after it (<c>The Routledge History of Literature in | English: Britain and Ireland. London: Routledge</c>,
    /// <c>… Into the “Ecclesial” | Notions of the Apocalypse.</c>) stopped mid-phrase: the phrase goes on, so the title
    /// takes the container's words up to the end of its first sentence. Decoding already holds a title across such a
    /// word between two words; "in" is left out there, as it opens chapters' containers ("… in Proceedings"), but a run
    /// that took the "in" as the title's own word did not read it so.
    /// </summary>
    static RefLabel[] ContinueTheTitleAfterABareWord(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleGoesOnAfterABareWord) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end == start || end + 1 >= labels.Length || labels[end + 1] != RefLabel.Container) return labels;
        var last = tokens[end].Text;
        if (!(last == "in" || RefLexicons.FunctionWords.Contains(last) || ClosesAnInnerQuote(tokens, start, end))) return labels;
        var to = end + 1;
        while (to < labels.Length && labels[to] == RefLabel.Container && !EndsASentence(tokens[to].Text)) to++;
        if (to == labels.Length || labels[to] != RefLabel.Container) to--;
        // Only the container's first sentence, and only when that is all of the container: a journal after it stays.
        if (to + 1 < labels.Length && labels[to + 1] == RefLabel.Container) return labels;
        return Relabelled(labels, end + 1, to, RefLabel.Title);
    }

    /// <summary>
    /// The run's last token closes, with nothing after it, a quote the run opened after its start: a quoted word inside
    /// the title (<c>… Investigation Into the “Ecclesial” | Notions of the Apocalypse.</c>), where no sentence ended.
    /// </summary>
    static bool ClosesAnInnerQuote(IReadOnlyList<RefToken> tokens, int start, int end)
    {
        var last = tokens[end].Text;
        // A word closes it, not the end of a sentence ("… music documents." International Association…).
        if (last.Length < 2 || last[^1] is not ('”' or '»' or '"') || !char.IsLetterOrDigit(last[^2])) return false;
        if (IsOpeningQuote(tokens[start].Text[0])) return false;
        for (var k = end; k > start; k--)
        {
            var text = tokens[k].Text;
            var open = text.IndexOfAny(['“', '«', '"']);
            if (open >= 0 && (k < end || open < text.Length - 1)) return ClosingQuoteOf(text[open]) == last[^1];
        }
        return false;
    }

    static bool EndsASentence(string token) =>
        token.Length > 2 && token[^1] is '.' or '?' or '!' && !RefFeatures.IsInitial(token) && char.IsLower(token[^2]);

    /// <summary>Whether <see cref="EndTitleBeforeAnEdition"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleEndsBeforeAnEdition = true;

    /// <summary>
    /// An edition closing the title run (<c>The Complete Works of Shakespeare Updated 4th ed.</c>, <c>Psychologie de la
    /// santé, 2ème édition</c>, <c>…, 3. Aufl.</c>) is the edition, not the title: the tagger runs a book's title on into
    /// it when no full stop comes between. 5 of train's 7,555 gold titles end on one.
    /// </summary>
    static RefLabel[] EndTitleBeforeAnEdition(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleEndsBeforeAnEdition) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (end - start < 2 || !IsAnEditionWord(tokens[end].Text) || !IsAnOrdinal(tokens[end - 1].Text)) return labels;
        var from = end - 1;
        if (tokens[from - 1].Text.TrimEnd(',') is "Updated" or "updated" or "Revised" or "revised" && from - 1 > start) from--;
        return Relabelled(labels, from, end, RefLabel.Edition);
    }

    /// <summary>Whether <see cref="EndTitleBeforeAPage"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleEndsBeforeAPage = true;

    /// <summary>
    /// A page locator closing the title run (<c>Computer Architecture A Quantitative Approach, page 346.</c>, <c>…, p. 12</c>)
    /// is the pages: the tagger runs a title on into it when a comma comes first. 1 of train's 7,555 gold titles ends on
    /// one ("cf page 544").
    /// </summary>
    static RefLabel[] EndTitleBeforeAPage(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleEndsBeforeAPage) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (end - start < 2 || !tokens[end - 2].Text.EndsWith(',')) return labels;
        var mark = tokens[end - 1].Text;
        var number = tokens[end].Text.TrimEnd('.', ',', ';');
        if (mark is not ("page" or "p." or "pp." or "pages") || number.Length == 0 || !number.All(c => char.IsAsciiDigit(c) || c is '-' or '–')) return labels;
        return Relabelled(labels, end - 1, end, RefLabel.Pages);
    }

    /// <summary>
    /// A reference whose only year closes its title's clause (<c>Baes Jr., C. F., Mesmer, R. E. The Hydrolysis of Cations,
    /// 1976, New York: Wiley Interscience.</c>) has that year as its date: the tagger, unsure (a margin of 32 where a sure
    /// label has thousands), ran the title on into it, and the work lost its year. Only a bare year between commas after
    /// the title's last word, with more of the reference after it and no date labelled anywhere; a title that ends on its
    /// own year ("…Ecole de guerre navale, 1934") mostly ends the reference too.
    /// </summary>
    static RefLabel[] EndTitleBeforeItsYear(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (end - start < 2 || end + 1 >= tokens.Count || Array.IndexOf(labels, RefLabel.Date) >= 0) return labels;
        if (!tokens[end - 1].Text.EndsWith(',') || !BareYearInAClause().IsMatch(tokens[end].Text)) return labels;
        return Relabelled(labels, end, end, RefLabel.Date);
    }

    [GeneratedRegex(@"^(?:1[5-9]|20)\d\d[a-z]?,$")]
    private static partial Regex BareYearInAClause();

    /// <summary>
    /// APA's edition in brackets after the title (<c>The mythical man-month: Essays on software engineering (Anniversary
    /// ed.). Addison-Wesley.</c>) read by the tagger as the publisher's first words, when the edition is not an ordinal it
    /// knows: the publisher was "Anniversary ed.). Addison-Wesley", and MLA's "3rd ed., GNU Press" was one publisher. A
    /// bracket closing on an edition's word, or an ordinal and an edition's word closing their clause, that opens the
    /// publisher's run, with the publisher's name after it, is the edition; not an editor's (<c>(A. Poole, Ed.)</c>: a
    /// comma or an initial inside says a name).
    /// </summary>
    static RefLabel[] TheEditionBeforeThePublisher(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Publisher);
        if (start < 0) return labels;
        // MLA writes it bare, between commas: "3rd ed., GNU Press, 2015."
        if (start + 1 < end && IsAnOrdinal(tokens[start].Text) && IsAnEditionWord(tokens[start + 1].Text) && tokens[start + 1].Text.EndsWith(','))
            return Relabelled(labels, start, start + 1, RefLabel.Edition);
        if (!tokens[start].Text.StartsWith('(')) return labels;
        for (var k = start; k < end && k <= start + 3; k++)
        {
            var word = tokens[k].Text.TrimStart('(');
            if (word.EndsWith(',') || word.Length == 2 && char.IsUpper(word[0]) && word[1] == '.') return labels;
            if (!tokens[k].Text.TrimEnd('.', ',', ';', ':').EndsWith(')')) continue;
            return IsAnEditionWord(tokens[k].Text.TrimEnd('.', ',', ';', ':')[..^1].TrimStart('(')) ? Relabelled(labels, start, k, RefLabel.Edition) : labels;
        }
        return labels;
    }

    static bool IsAnEditionWord(string token) =>
        token.TrimEnd('.', ',', ';', ')').ToLowerInvariant() is "ed" or "edn" or "edition" or "édition" or "éd" or "aufl" or "auflage";

    // "4th", "2ème", "3e", "3.", "second", "Rev."…: what says which edition.
    static bool IsAnOrdinal(string token)
    {
        var t = token.TrimStart('(', ',').TrimEnd(',').ToLowerInvariant();
        if (t is "second" or "third" or "fourth" or "fifth" or "sixth" or "seventh" or "new" or "revised" or "rev." or "2d" or "3d") return true;
        var digits = 0;
        while (digits < t.Length && char.IsAsciiDigit(t[digits])) digits++;
        return digits is > 0 and <= 2 && t[digits..] is "st" or "nd" or "rd" or "th" or "e" or "ème" or "eme" or "er" or "re" or ".";
    }

    /// <summary>
    /// APA describes what a work is in square brackets after its title (<c>You and your research [Transcript of talk].</c>,
    /// <c>[Video]</c>, <c>[Doctoral dissertation, Stanford University]</c>, <c>[en ligne]</c>): a description, not a word of
    /// the title, which the tagger mostly leaves out and sometimes runs the title into. A bracket that closes the title run
    /// and opens with a description's word is given back; a translation (<c>Cywiriadur Cymraeg [A guide to correct
    /// Welsh]</c>) or a language note (<c>[in Chinese]</c>) stays, as the labels keep them.
    /// </summary>
    static RefLabel[] EndTitleBeforeItsDescription(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || !tokens[end].Text.TrimEnd('.', ',', ';', ':').EndsWith(']')) return labels;
        for (var k = end; k >= start + 2 && k > end - 6; k--)
        {
            if (!tokens[k].Text.StartsWith('[')) continue;
            var first = tokens[k].Text.TrimStart('[').TrimEnd(']', '.', ',', ';', ':').ToLowerInvariant();
            return DescriptionWords.Contains(first) ? Relabelled(labels, k, end, RefLabel.Other) : labels;
        }
        return labels;
    }

    // The first words of APA's descriptions (7th edition's list: media, formats, unpublished and presented work) and of the
    // online marks other styles write there.
    static readonly HashSet<string> DescriptionWords = new(StringComparer.Ordinal)
    {
        "video", "film", "motion", "dvd", "audio", "audiobook", "podcast", "radio", "television", "tv", "webinar", "transcript",
        "lecture", "speech", "slides", "powerpoint", "poster", "paper", "conference", "symposium", "doctoral", "master's",
        "master’s", "masters", "unpublished", "manuscript", "data", "dataset", "computer", "software", "mobile", "app", "press",
        "blog", "tweet", "facebook", "instagram", "photograph", "map", "infographic", "brochure", "fact", "pamphlet", "online",
        "internet", "electronic", "pdf", "web", "website", "электронный", "en", "enregistrement", "thèse",
    };

    /// <summary>Whether <see cref="EndTitleBeforeAnUnclosedBracket"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleEndsBeforeAnUnclosedBracket = true;

    /// <summary>
    /// A title run that stops inside a bracket it opened (<c>Towards Optimal Rhythm (Unpublished doctoral dissertation).</c>
    /// read as <c>Towards Optimal Rhythm (Unpublished</c>; <c>Le signe… (J.-M. Klinkenberg, Trans. 1973 ed.)</c>) ends
    /// before that bracket: the tagger took the note's first word and left the rest, so the bracket closes after the run.
    /// The bracket is the note's, a reader's title has it whole or not at all.
    /// </summary>
    static RefLabel[] EndTitleBeforeAnUnclosedBracket(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleEndsBeforeAnUnclosedBracket) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        int depth = 0, opened = -1;
        for (var k = start; k <= end; k++)
            foreach (var c in tokens[k].Text)
            {
                if (c == '(' && depth++ == 0) opened = k;
                else if (c == ')' && depth > 0) depth--;
            }
        // Two words at least stay the title (<c>St (Paul’s Opponents…</c>, a misprint, keeps its bracket).
        if (depth == 0 || opened < start + 2 || tokens[opened].Text[0] != '(') return labels;
        for (var k = end + 1; k < tokens.Count && k <= end + 12; k++)
            if (tokens[k].Text.Contains(')')) return Relabelled(labels, opened, end, RefLabel.Other);
        return labels;
    }

    /// <summary>Whether a volume mark and its number closing the title are the volume (<see cref="EndTitleBeforeAVolumeMark"/>): on; off only to measure it.</summary>
    internal static bool VolumeNumberAfterTheTitle = true;

    /// <summary>
    /// A volume mark closing the title run (<c>The porphyrins. Vol. I. Academic Press</c>, <c>…, Graduate Texts in
    /// Mathematics Vol. 220</c>) is the volume's, not the title's: 2 of train's 7,925 gold titles end on one, each a
    /// set's count ("42 tom. in 44 vol"). So is a mark with its number (<c>Analysis of messy data. Volume 3.</c>,
    /// <c>…St John: Vol.3</c>, <c>…водяных знаков. Ч. 1-3.</c>): 2 of train's gold titles end on one, against 15 whose
    /// text has it right after the title. "Part" is left alone: parts are in titles' own words ("…Deficit: Part I").
    /// </summary>
    static RefLabel[] EndTitleBeforeAVolumeMark(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0 || end == start) return labels;
        var last = tokens[end].Text.TrimEnd('.', ',').ToLowerInvariant();
        if (last is "vol" or "vols" or "volume" or "bd" or "tome") return Relabelled(labels, end, end, RefLabel.Other);
        if (!VolumeNumberAfterTheTitle) return labels;
        var label = Array.IndexOf(labels, RefLabel.Volume) >= 0 ? RefLabel.Other : RefLabel.Volume;
        if (VolumeMarkWithItsNumber().IsMatch(last) && end - start >= 2) return Relabelled(labels, end, end, label);
        // A range of volumes ("Ч. 1-3") is no one volume: out of the title, but not the volume either.
        if (end - start >= 3 && IsAVolumeMark(tokens[end - 1].Text) && VolumeNumber().IsMatch(last))
            return Relabelled(labels, end - 1, end, last.Contains('-') || last.Contains('–') ? RefLabel.Other : label);
        return labels;
    }

    static bool IsAVolumeMark(string token) =>
        token.TrimStart(',', ':', '.').TrimEnd(':').ToLowerInvariant() is "vol." or "vols." or "volume" or "bd." or "tome" or "t." or "tom." or "ч.";

    [GeneratedRegex(@"^(?:[0-9]{1,4}|[ivxlc]{1,6})(?:[-–][0-9]{1,4})?$")]
    private static partial Regex VolumeNumber();

    [GeneratedRegex(@"^(?:vol|bd|ч)\.(?:[0-9]{1,4}|[ivxlc]{1,6})$")]
    private static partial Regex VolumeMarkWithItsNumber();

    /// <summary>The quote the title run opens with, on its first token or standing alone just before it; null when none.</summary>
    static char? OpeningQuoteOfTheTitle(IReadOnlyList<RefToken> tokens, int start)
    {
        if (IsOpeningQuote(tokens[start].Text[0])) return tokens[start].Text[0];
        return start > 0 && tokens[start - 1].Text.Length == 1 && IsOpeningQuote(tokens[start - 1].Text[0]) ? tokens[start - 1].Text[0] : null;
    }

    /// <summary>
    /// A Chinese or Japanese title is the whole of its brackets: where the tagger starts it inside them, after a subtitle's
    /// colon (<c>《生活中最常见的谬误: 嗨! 都在胡说些什么》</c>), it starts at the opening bracket, up to four tokens back,
    /// when no closing bracket comes between (the closing-quote rules then end it at the matching one).
    /// </summary>
    static RefLabel[] StartTheTitleAtItsBookBracket(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var (start, _) = FirstRun(labels, RefLabel.Title);
        if (start <= 0 || tokens[start].Text[0] is '《' or '『' or '「') return labels;
        for (var k = start - 1; k >= 0 && k >= start - 4; k--)
        {
            var text = tokens[k].Text;
            if (text.AsSpan().IndexOfAny('》', '』', '」') >= 0) return labels;
            if (text[0] is '《' or '『' or '「') return Relabelled(labels, k, start - 1, RefLabel.Title);
        }
        return labels;
    }

    /// <summary>Whether <see cref="ExtendTheTitleToItsClosingQuote"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool TitleToItsClosingQuote = true;

    /// <summary>
    /// A title that opens a quote runs to where the quote closes: the tagger sometimes stops it early, at a semicolon
    /// or a full stop inside the quotes (<c>3GPP TS 23.502: "Procedures for the 5G System; Stage 2".</c>). In train,
    /// 1,035 of the 1,038 gold titles that follow an opening quote end at its closing quote. The title is extended over
    /// the few tokens (at most eight) up to the token that closes the quote.
    /// </summary>
    static RefLabel[] ExtendTheTitleToItsClosingQuote(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!TitleToItsClosingQuote) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        if (OpeningQuoteOfTheTitle(tokens, start) is not { } opening) return labels;
        var closing = ClosingQuoteOf(opening);
        bool Closes(int k, bool first)
        {
            var text = tokens[k].Text.AsSpan(first && tokens[k].Text[0] == opening ? 1 : 0);
            return text.IndexOf(closing) >= 0;
        }
        for (var k = start; k <= end; k++)
            if (Closes(k, k == start)) return labels;
        for (var k = end + 1; k < tokens.Count && k <= end + 8; k++)
        {
            if (IsOpeningQuote(tokens[k].Text[0]) && tokens[k].Text[0] == opening && closing != opening) return labels;
            if (Closes(k, false)) return Relabelled(labels, end + 1, k, RefLabel.Title);
        }
        return labels;
    }

    /// <summary>Whether <see cref="CutAtAGluedClosingQuote"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool GluedClosingQuote = true;

    /// <summary>
    /// Text taken from PDFs loses and gains spaces around quotes (<c>"Do mirrors for gravitational waves exist ?",Physica E
    /// 42</c>, <c>"On Gravitational Conductors, Waveguides, and Circuits ,"General Relativity and Gravitation 11</c>), so the
    /// title's closing quote sits inside a token with what follows it, where <see cref="EndTitleAtItsClosingQuote"/>
    /// cannot see it. A quoted title span is cut at its closing quote when that quote has the title's own comma or full
    /// stop just before it or a comma or full stop right after it, and more text follows. No text in train has a quote
    /// glued so; the spans of its quoted titles end at the quote.
    /// </summary>
    static string? CutAtAGluedClosingQuote(string? span)
    {
        if (!GluedClosingQuote || span is null || span.Length < 4) return span;
        var lead = span.TrimStart();
        if (!IsOpeningQuote(lead[0])) return span;
        var closing = ClosingQuoteOf(lead[0]);
        for (var i = 1; i < lead.Length - 1; i++)
        {
            if (lead[i] != closing) continue;
            if (closing == lead[0] && char.IsLetter(lead[i + 1]) && !(lead[i - 1] is ',' or '.')) continue;
            var rest = lead.AsSpan(i + 1).TrimStart(" ,.;:");
            var glued = lead[i - 1] is ',' or '.' || lead[i + 1] is ',' or '.';
            if (!glued || rest.Length == 0) return span;
            return lead[..(i + 1)];
        }
        return span;
    }

    /// <summary>Whether <see cref="StartTheTitleAtAQuoteAfterACode"/> applies: on; off only for the trainer to measure it.</summary>
    internal static bool QuoteAfterACode = true;

    /// <summary>
    /// A standard or specification is cited by its number, a colon and its quoted title (<c>3GPP TS 23.501: "System
    /// architecture for the 5G System".</c>, <c>ISO/IEC 23090-6: "Immersive media metrics".</c>): the number is no part
    /// of the title. When the title run holds, before a colon, a token numbered like a document (<c>23.501</c>,
    /// <c>23090-6</c>, <c>P.910</c>) and then opens a quote, the title starts at the quote. Train's gold titles that
    /// hold a colon before a quote (6) have no such number before it (<c>Comment on: "K-Ar evidence…</c>, dates).
    /// </summary>
    static RefLabel[] StartTheTitleAtAQuoteAfterACode(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        if (!QuoteAfterACode) return labels;
        var (start, end) = FirstRun(labels, RefLabel.Title);
        if (start < 0) return labels;
        var numbered = false;
        for (var k = start; k <= end && k < start + 8; k++)
        {
            var text = tokens[k].Text;
            if (IsOpeningQuote(text[0]))
            {
                var colonBefore = k > start && tokens[k - 1].Text.EndsWith(':');
                return numbered && colonBefore ? Relabelled(labels, start, k - 1, RefLabel.Other) : labels;
            }
            numbered |= DocumentNumber().IsMatch(text);
        }
        return labels;
    }

    // A document's number: digits joined by a full stop or hyphen ("23.501", "23090-6", "BT.500-13"), maybe after letters.
    [GeneratedRegex(@"^[A-Z]{0,4}\.?\d+[.\-]\d+", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumber();

    /// <summary>Whether a colon after the title's closing quote keeps the subtitle in it: on; off only for the trainer to measure it.</summary>
    internal static bool QuoteThenSubtitle = true;

    /// <summary>
    /// A title that opens a quote ends where that quote closes: the tagger sometimes runs it on into what follows
    /// (<c>“Molecular phylogenies,” in Romberger…</c>, <c>« Syndrome frontal », in Encyclopédie…</c>). The tokens
    /// after the closing quote are dropped from the title (labelled other), never guessed as another field.
    /// </summary>
    static RefLabel[] EndTitleAtItsClosingQuote(IReadOnlyList<RefToken> tokens, RefLabel[] labels)
    {
        var start = Array.IndexOf(labels, RefLabel.Title);
        if (start < 0) return labels;
        if (OpeningQuoteOfTheTitle(tokens, start) is not { } opening) return labels;
        var closing = ClosingQuoteOf(opening);
        // The quote that closes the title's is the one that balances it: « Le « staseis » di Turi… » ends at the second ».
        var depth = IsOpeningQuote(tokens[start].Text[0]) ? 0 : 1;
        for (var k = start; k < tokens.Count && labels[k] == RefLabel.Title; k++)
        {
            // Quotes open at a word's start and close at its end (an apostrophe inside "d’emploi" closes nothing).
            var text = tokens[k].Text.AsSpan();
            for (var i = 0; i < text.Length && (text[i] == opening || text[i] is '(' or '['); i++)
                if (text[i] == opening) depth++;
            var end = text.TrimEnd(".,;:?!");
            var closed = 0;
            while (end.Length > (k == start && depth == 1 && IsOpeningQuote(text[0]) ? 1 : 0) && end[^1] == closing) { closed++; end = end[..^1]; }
            if (closed == 0) continue;
            depth -= closed;
            if (depth > 0) continue;
            if (k + 1 >= tokens.Count || labels[k + 1] != RefLabel.Title) return labels;
            // A quoted phrase that opens the title and runs on in lower case («Etat composé» ou décomposé ? La réforme…)
            // is part of it; ", in" / "» dans" after the quote is what follows a title.
            var next = tokens[k + 1].Text;
            if (tokens[k].Text[^1] == closing && char.IsLower(next[0]) && next.TrimEnd(':', '.', ',') is not ("in" or "dans" or "en" or "im"))
                return labels;
            // A colon after the closing quote opens the subtitle (‘The rigours of an arctic experiment’: the precarious
            // authority…; « Veille créative » : une nouvelle expression…): in train, 31 of the 31 quote-opened titles
            // written so keep their subtitle.
            // So does a dash (<c>"On se verra au CMP" - Carnet de route en psychiatrie</c>: 2 of the 3 in train).
            if (QuoteThenSubtitle && (tokens[k].Text.EndsWith(':') || next is ":" or "-" or "–" or "—")) return labels;
            var copy = (RefLabel[])labels.Clone();
            for (var j = k + 1; j < tokens.Count && copy[j] == RefLabel.Title; j++) copy[j] = RefLabel.Other;
            return copy;
        }
        return labels;
    }
}
