using Hqt.Extraction.ReferenceStrings;

namespace Hqt.RefParse.Train;

static class Report
{
    public static void Write(string path, string data, int trainCount, int devCount, Options options, RefModel model, long bytes, List<string> log, string coverage, string devScore)
    {
        var (epochs, orders) = (options.Epochs, options.Orders);
        var perceptron = $"an averaged perceptron ({epochs} epochs in a seeded order, seed {Options.Seed}{(orders > 1 ? $", mean of {orders} orders" : "")})";
        var how = options.Method == "perceptron"
            ? $"- Model: linear-chain {perceptron}, Viterbi decoding, {RefLabels.Count} labels,\n  features seen fewer than {Training.MinFeatureCount} times dropped, weights under {Training.MinWeight} dropped: {model.FeatureCount} feature rows, {bytes / 1024} KiB gzip'd."
            : $"- Model: linear-chain CRF fitted by maximum conditional log-likelihood with an L2 penalty of {options.L2} (L-BFGS, at most {options.Iterations} iterations, from zero),\n"
              + (options.BlendShare > 0 ? $"  its weights × {options.CrfScale} blended with {perceptron} over the same rows, perceptron share {options.BlendShare}, then × {options.ConfidenceScale} (the margins' units the confidence reads);\n" : $"  its weights × {options.CrfScale} × {options.ConfidenceScale} (the margins' units the confidence reads);\n")
              + $"  Viterbi decoding, {RefLabels.Count} labels, features seen fewer than {Training.MinFeatureCount} times dropped, weights under {Training.CrfMinWeight} dropped: {model.FeatureCount} feature rows, {bytes / 1024} KiB gzip'd.";
        var lines = new List<string>
        {
            "# Reference-string tagger: training report",
            "",
            "Written by `dotnet run -c Release --project tools/Hqt.RefParse.Train` (do not edit by hand).",
            "",
            $"- Data: AnyStyle's labelled references as `{Path.GetFileName(data)}` in ../shared/eval/refparse (BSD-2-Clause, see `refparse-model.LICENSE`):",
            $"  trained on the {trainCount} `train` items only; the {devCount} `dev-test` items are only parsed and scored after training.",
            $"- Augmentation (`Augmentation.cs`): {Augmentation.LastCount} of the train items that have authors, a journal, a numeric volume, pages and a year written again",
            $"  in physics, astronomy and chemistry styles (initials first or last, all-capital names, and/&/et/und/y, abbreviated journal, `Vol, Page (Year)`",
            $"  or `Year, J, Vol, Page`), {Augmentation.TitledShare:P0} of them keeping their title; added to the fitted sequences only, not to the lexicons.",
            $"- Chinese and Japanese augmentation (`CjkAugmentation.cs`): {CjkAugmentation.LastCount} train items' years and numbers written again in GB/T 7714,",
            $"  Taiwanese, 《》, SIST and author-year (「title」『journal』) styles with made-up names, titles and journals; fitted sequences only.",
            $"- Organisation augmentation (`OrganisationAugmentation.cs`): {OrganisationAugmentation.LastCount} train items' titles (or reports' titles built round their year) written again",
            $"  after made-up agencies, ministries and institutes in Vancouver, APA, Harvard, Chicago, ABNT, IEEE and web-page styles; fitted sequences only.",
            $"- Token labels recovered from the gold fields: {coverage}.",
            how,
            $"- Lexicons learned from train: {model.Lexicons.Given.Count} given names, {model.Lexicons.Family.Count} family names, {model.Lexicons.Journal.Count} journal words,",
            $"  {model.Lexicons.Publisher.Count} publisher words, {model.Lexicons.Location.Count} place words"
                + (model.Lexicons.UsePhrases ? $"; {model.Lexicons.Containers.Count} whole container names (seen twice or more, as written and ISO 4-abbreviated)," : "."),
            model.Lexicons.UsePhrases
                ? $"  looked up as phrases with {RefLexicons.StandardJournals.Count} standard journal abbreviations (`--phrases`): a token's place in a matched name is a feature."
                : "  (Whole container names as phrases, `--phrases`, are off.)",
            "- Features (see `RefFeatures.cs`): word, raw token, shape, prefixes/suffixes, punctuation at both ends, length; year, digits, page range,",
            "  volume(issue), initial, capitals, URL/DOI/ISBN, month, editor mark, conjunction, particle and lexicon flags; position from both ends and",
            "  relative; before/at/after the first year; inside quotes or brackets; sentences and commas so far; the words, shapes and flags of two",
            "  neighbours each side; word bigrams; the chunk (run up to \".\", \",\", \";\", \":\") a token sits in, its place and what it and its",
            "  neighbour chunks hold, how it and the next open and how the one before ended, its share of capitalised and journal words; the",
            "  sentence (run up to a \".\" that ends no initial or abbreviation) likewise, and sentences since the year; an \"In\" seen before.",
            "  Every feature is a 64-bit hash of its template and value. Boundary features (the punctuation and shapes between two tokens, the",
            "  short words either side, and where a sentence or clause begins, what it looks like) weigh each pair of labels. Sentences are also",
            "  described whole (shares of capitalised, abbreviated and journal words, length) for the token's own, the next and the one before.",
            "  Decoding holds a title or container across a bare \"of\", \"the\", \"and\"… between two words (no change of label there).",
            "  After decoding, a title that opened a quote ends where that quote is balanced (unless it runs on in lower case), and in an",
            "  author-date reference a title-labelled run between the byline and the date gives way to the run right after the date;",
            "  \"In:\" inside a title run ends the title, and an edited book's title labelled container (editors before it, no \"In\", no",
            "  volume, issue or pages after it) is returned as the title. A translator's, editor's or reprint note, where and when a",
            "  web page was read, an edition statement, a publication bracket, a report's kind, a link or an identifier end the title;",
            "  a dash, an editor's mark or a group's name opening the title run is the byline's (ReferenceAssembler.TitleSpans.cs).",
            "",
            options.Method == "perceptron" ? "## Epochs" : "## Fit",
            "",
        };
        lines.AddRange(log.Select(l => "    " + l));
        lines.Add("");
        lines.Add("## Dev-test (1,981 items; scored offline with score_refparse.py's own functions)");
        lines.Add("");
        lines.AddRange(devScore.TrimEnd().Split('\n').Select(l => "    " + l));
        lines.Add("");
        File.WriteAllLines(path, lines);
    }
}
