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

    static double TokenError(RefModel m, List<(RefSequence Features, RefLabel[] Gold)> check)
    {
        int wrong = 0, total = 0;
        foreach (var (features, gold) in check)
        {
            var guess = m.Decode(features, out _);
            for (var i = 0; i < gold.Length; i++) { total++; if (guess[i] != gold[i]) wrong++; }
        }
        return (double)wrong / total;
    }

    /// <summary>Lexicons, silver labels from the gold fields, then the averaged perceptron's epochs over a seeded order.</summary>
    public static (RefModel Model, List<string> Log, string Coverage) Run(List<LabelledReference> data, int epochs, int orders, List<LabelledReference>? heldOut)
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

        // Each order trains the same rows from zero in its own seeded order (the first is the seed alone, so one order
        // is the single model); the model is their mean. Orders run side by side, at most two at once.
        var trainers = Enumerable.Range(0, orders).Select(o => o == 0 ? trainer : trainer.Sibling()).ToArray();
        var logs = new List<string>[orders];
        var tokenCount = sequences.Sum(s => s.Gold.Length);
        Parallel.For(0, orders, new ParallelOptions { MaxDegreeOfParallelism = 2 }, o =>
        {
            var t = trainers[o];
            var lines = logs[o] = [];
            var random = new Random(Options.Seed + o);
            var order = Enumerable.Range(0, sequences.Count).ToArray();
            for (var epoch = 1; epoch <= epochs; epoch++)
            {
                random.Shuffle(order);
                var errors = t.Epoch(sequences, order, lexicons);
                var line = $"order {o + 1} epoch {epoch}: training token error {(double)errors / tokenCount:P2}";
                if (check is not null && (o == 0 || epoch == epochs)) line += $", held-out token error {TokenError(t.Averaged(lexicons, 0), check):P2}";
                Console.WriteLine(line);
                lines.Add(line);
            }
        });
        var log = logs.SelectMany(l => l).ToList();
        var model = RefTrainer.Mean(trainers, lexicons, MinWeight);
        if (check is not null)
        {
            var line = $"mean of {orders} orders: held-out token error {TokenError(model, check):P2}";
            Console.WriteLine(line);
            Console.WriteLine(Confusion(model, check));
            log.Add(line);
        }
        return (model, log, coverage);
    }
}
