using Hqt.Extraction.ReferenceStrings;

namespace Hqt.RefParse.Train;

static class Training
{
    public static int MinFeatureCount = 3;
    public const float MinWeight = 0.05f;
    /// <summary>The CRF's weight threshold, in the saved (scaled) units.</summary>
    public static float CrfMinWeight = 0.25f;

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

    /// <summary>Lexicons, silver labels from the gold fields, then the CRF's fit or the averaged perceptron's epochs.</summary>
    public static (RefModel Model, List<string> Log, string Coverage) Run(List<LabelledReference> data, Options options, List<LabelledReference>? heldOut,
        int augmented = 0)
    {
        var (epochs, orders) = (options.Epochs, options.Orders);
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

        // The lexicons from the data only: the augmentation's renderings (the last `augmented` items) repeat its names and
        // journals and would shift which words count as frequent; they add sequences, not words.
        var lexicons = Lexicons.Learn(aligned.Take(aligned.Count - augmented).Select(a => (a.r, a.tokens, a.Labels)));
        var sequences = aligned.Select(a => (Features: RefFeatures.Extract(a.tokens, lexicons), Gold: a.Labels)).ToList();

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

        if (options.Method == "crf") return (Crf(sequences, options, lexicons, check), CrfLog, coverage);
        var (model, log, _) = Perceptron(sequences, options, lexicons, check);
        return (model, log, coverage);
    }

    /// <summary>The averaged perceptron's epochs over a seeded order (or the mean of several orders).</summary>
    static (RefModel Model, List<string> Log, RefTrainer Trainer) Perceptron(List<(RefSequence Features, RefLabel[] Gold)> sequences,
        Options options, RefLexicons lexicons, List<(RefSequence Features, RefLabel[] Gold)>? check)
    {
        var (epochs, orders) = (options.Epochs, options.Orders);
        var trainer = new RefTrainer();
        trainer.Index(sequences.Select(s => s.Features), MinFeatureCount);
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
        return (model, log, trainer);
    }

    static readonly List<string> CrfLog = [];

    /// <summary>After a CRF fit: the same fitted weights as a model at another scale and weight threshold (held-out variants).</summary>
    public static Func<double, float, double, RefModel>? Prune { get; private set; }

    /// <summary>The CRF's fit: L-BFGS on the L2-penalised log-likelihood from zero weights, logged every tenth iteration.</summary>
    static RefModel Crf(List<(RefSequence Features, RefLabel[] Gold)> sequences, Options options, RefLexicons lexicons,
        List<(RefSequence Features, RefLabel[] Gold)>? check)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (options.CheckGradient)
        {
            var small = new CrfTrainer(sequences.Take(200).ToList(), MinFeatureCount);
            Console.WriteLine($"gradient check on 200 references: worst relative error {small.CheckGradient(20, options.L2, Options.Seed):G3}");
        }
        var crf = new CrfTrainer(sequences, MinFeatureCount);
        var indexed = $"{crf.RowCount} feature rows, {crf.EdgeRowCount} boundary rows, {crf.Parameters} parameters, L2 {options.L2}";
        Console.WriteLine(indexed);
        CrfLog.Add(indexed);
        var partials = crf.NewPartials();
        var result = Lbfgs.Minimize((w, g) => crf.Objective(w, g, options.L2, partials), new double[crf.Parameters], options.Iterations,
            log: (iteration, value, gradient, evaluations) =>
            {
                var line = $"iteration {iteration}: objective {value:F1}, gradient norm {gradient:G3}, {evaluations} evaluations, {clock.Elapsed.TotalSeconds:F0} s";
                Console.WriteLine(line);
                if (iteration % 10 == 0) CrfLog.Add(line);
            });
        // Blending: the perceptron over the same rows (the same indexing rule on the same data gives the same row order).
        (float[], float[], float[])? perceptron = null;
        if (options.BlendShare > 0 || options.CrfVariants.Any(v => v.Split(':').Length > 2))
        {
            var (_, plog, trainer) = Perceptron(sequences, options, lexicons, check);
            if (trainer.RowCount != crf.RowCount || trainer.EdgeRowCount != crf.EdgeRowCount) throw new InvalidOperationException("rows differ");
            perceptron = trainer.AveragedWeights();
            if (options.BlendShare > 0) CrfLog.AddRange(plog);
        }
        (float[], float[], float[], double)? Blend(double share) =>
            perceptron is var (r, t, e) && share > 0 ? (r, t, e, share) : null;
        var model = crf.ToModel(result.X, lexicons, options.CrfScale, CrfMinWeight, Blend(options.BlendShare), options.ConfidenceScale);
        Prune = (scale, minWeight, share) => crf.ToModel(result.X, lexicons, scale, minWeight, Blend(share));
        var end = $"stopped ({result.Stopped}) after {result.Iterations} iterations, {result.Evaluations} evaluations: objective {result.Value:F1}";
        if (check is not null) end += $", held-out token error {TokenError(model, check):P2}";
        Console.WriteLine(end);
        CrfLog.Add(end);
        if (check is not null) Console.WriteLine(Confusion(model, check));
        return model;
    }
}
