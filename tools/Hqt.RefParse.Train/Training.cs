using Hqt.Extraction.ReferenceStrings;

namespace Hqt.RefParse.Train;

static class Training
{
    public static int MinFeatureCount = 3;
    public const float MinWeight = 0.05f;

    static string Confusion(RefModel model, List<(RefSequence Features, RefLabel[] Gold)> check)
    {
        var counts = new Dictionary<(RefLabel, RefLabel), int>();
        foreach (var (features, gold) in check)
        {
            var guess = model.Decode(features, out _);
            for (var i = 0; i < gold.Length; i++)
                if (guess[i] != gold[i]) counts[(gold[i], guess[i])] = counts.GetValueOrDefault((gold[i], guess[i])) + 1;
        }
        return "most confused (gold -> guess): " + string.Join(", ", counts.OrderByDescending(c => c.Value).Take(20)
            .Select(c => $"{RefLabels.Names[(int)c.Key.Item1]}->{RefLabels.Names[(int)c.Key.Item2]} {c.Value}"));
    }

    /// <summary>Lexicons, silver labels from the gold fields, then the averaged perceptron's epochs over a seeded order.</summary>
    public static (RefModel Model, List<string> Log, string Coverage) Run(List<LabelledReference> data, int epochs, List<LabelledReference>? heldOut)
    {
        var found = new int[RefLabels.Count];
        var wanted = new int[RefLabels.Count];
        var aligned = data.Select(r =>
        {
            var tokens = RefTokenizer.Tokenize(r.Text.Trim());
            return (r, tokens, Labels: Alignment.Align(r.Text.Trim(), tokens, r.Gold, found, wanted));
        }).ToList();
        var coverage = string.Join(", ", Enumerable.Range(0, RefLabels.Count).Where(l => wanted[l] > 0)
            .Select(l => $"{RefLabels.Names[l]} {found[l]}/{wanted[l]}"));
        Console.WriteLine("gold fields found in the text: " + coverage);

        var lexicons = Lexicons.Learn(aligned.Select(a => (a.r, a.tokens, a.Labels)));
        var sequences = aligned.Select(a => (Features: RefFeatures.Extract(a.tokens, lexicons), Gold: a.Labels)).ToList();
        var trainer = new RefTrainer();
        trainer.Index(sequences.Select(s => s.Features), MinFeatureCount);

        List<(RefSequence Features, RefLabel[] Gold)>? check = null;
        if (heldOut is not null)
        {
            var f2 = new int[RefLabels.Count];
            var w2 = new int[RefLabels.Count];
            check = heldOut.Select(r =>
            {
                var tokens = RefTokenizer.Tokenize(r.Text.Trim());
                return (RefFeatures.Extract(tokens, lexicons), Alignment.Align(r.Text.Trim(), tokens, r.Gold, f2, w2));
            }).ToList();
        }

        var log = new List<string>();
        var random = new Random(Options.Seed);
        var order = Enumerable.Range(0, sequences.Count).ToArray();
        var tokenCount = sequences.Sum(s => s.Gold.Length);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            var errors = trainer.Epoch(sequences, order, lexicons);
            var line = $"epoch {epoch}: training token error {(double)errors / tokenCount:P2}";
            if (check is not null)
            {
                var m = trainer.Averaged(lexicons, 0);
                int wrong = 0, total = 0;
                foreach (var (features, gold) in check)
                {
                    var guess = m.Decode(features, out _);
                    for (var i = 0; i < gold.Length; i++) { total++; if (guess[i] != gold[i]) wrong++; }
                }
                line += $", held-out token error {(double)wrong / total:P2}";
                if (epoch == epochs) Console.WriteLine(Confusion(m, check));
            }
            Console.WriteLine(line);
            log.Add(line);
        }
        return (trainer.Averaged(lexicons, MinWeight), log, coverage);
    }
}
