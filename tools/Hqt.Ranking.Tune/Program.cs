using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hqt.Names;
using Hqt.Upstream;
using Hqt.Upstream.Tests;

// Fits the ranker's weights on the AAN dev + dev-b scenarios and says honestly how well they generalise:
// leave-topics-out cross-validation (no topic in both the training and the test side of a fold, every weight chosen
// on the training topics alone) beside the in-sample figure. See docs/ranking.md.
//
//   dotnet run -c Release --project tools/Hqt.Ranking.Tune -- cv [--folds 23] [--write] [--report docs/ranking-report.md] [--previous | --joint]
//   dotnet run -c Release --project tools/Hqt.Ranking.Tune -- score [--weights hand|default] [--runs DIR]
//   dotnet run -c Release --project tools/Hqt.Ranking.Tune -- explore
//   dotnet run -c Release --project tools/Hqt.Ranking.Tune -- profile [--track capture]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var command = args.FirstOrDefault() ?? "cv";
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var shared = Option("--shared") ?? Environment.GetEnvironmentVariable("HQT_SHARED") ?? FindShared();
var repo = FindRepo();
var suggest = Path.Combine(shared, "eval", "suggest");
var sets = new[] { ("dev", "scenarios-dev.jsonl"), ("dev-b", "scenarios-dev-b.jsonl") };

var clock = Stopwatch.StartNew();
var cases = new List<Case>();
foreach (var (set, file) in sets)
    foreach (var track in Tuning.Tracks)
        foreach (var scenario in EvalScenarios.Load(Path.Combine(suggest, file), track))
        {
            var evidence = new CitationEvidence(scenario.Graph, TextChoices.Initial);
            cases.Add(new Case(scenario, track, set, evidence, new RankFeatures(evidence)));
        }
Console.Error.WriteLine($"loaded {cases.Count} cases ({cases.Select(c => c.Scenario.Topic).Distinct().Count()} topics) in {clock.Elapsed.TotalSeconds:F1} s");

switch (command)
{
    case "cv":
        return CrossValidate();
    case "score":
        return Score();
    case "explore":
        return Explore();
    case "profile":
        return Profile();
    case "people":
        return PeopleOnly();
    case "fit":
        {
            // The final fit of cv alone (the same FitAll on every topic): written to --out, in-sample figures printed.
            var variants = new Dictionary<TextChoices, List<Case>>();
            List<Case> Variant(TextChoices text, IReadOnlyList<Case> of)
            {
                if (text == TextChoices.Initial) return [.. of];
                if (!variants.TryGetValue(text, out var all))
                {
                    var built = new Case[cases.Count];
                    Parallel.For(0, cases.Count, i => built[i] = cases[i].With(text));
                    variants[text] = all = [.. built];
                }
                var at = new Dictionary<Case, int>(ReferenceEqualityComparer.Instance);
                for (var i = 0; i < cases.Count; i++) at[cases[i]] = i;
                return of.Select(c => all[at[c]]).ToList();
            }
            var (text, lookupWeights, captureWeights) = Tuning.FitAll(cases, Variant);
            var rows = Tuning.Evaluate(c => c.Track == "lookup" ? lookupWeights : captureWeights, Variant(text, cases));
            Console.WriteLine($"in-sample dev   {Tuning.Summarise(rows.Where(r => r.Case.Set == "dev"))}");
            Console.WriteLine($"in-sample dev-b {Tuning.Summarise(rows.Where(r => r.Case.Set == "dev-b"))}");
            Console.WriteLine($"text: {text}\nlookup: {lookupWeights}\ncapture: {captureWeights}");
            File.WriteAllText(Option("--out") ?? "RankWeights.Fitted.cs", Tuning.Source(lookupWeights, captureWeights, text));
            return 0;
        }
    case "grid":
        {
            UseDefaultText();
            var lookup = cases.Where(c => c.Track == "lookup").ToList();
            foreach (var power in new[] { 1.0, 2.0 })
                foreach (var decay in new[] { 1, 0.7, 0.5, 0.3 })
                    foreach (var share in new[] { 0, 1.0 })
                    {
                        var line = $"power {power} decay {decay} share {share}:";
                        foreach (var citers in new[] { 2, 4, 8, 16, 32, 64 })
                        {
                            var f = Tuning.Figures(Tuning.Evaluate(RankWeights.Default with { PeoplePower = power, PeopleWorkDecay = decay, PeopleAuthorShare = share, PeopleCiters = citers }, lookup));
                            line += $" {citers}:{f.Author:F3}";
                        }
                        Console.WriteLine(line);
                    }
            return 0;
        }
    case "diagnose":
        return Diagnose();
    default:
        Console.Error.WriteLine($"unknown command {command}: cv | score | explore | profile");
        return 2;
}

int Score()
{
    UseDefaultText();
    var hand = Option("--weights") == "hand";
    RankWeights WeightsOf(Case c) => hand ? RankWeights.Hand : RankWeights.For(c.Evidence);
    Console.WriteLine(hand ? $"weights: {RankWeights.Hand}" : $"weights: {RankWeights.Default}\ncaptures-only weights: {RankWeights.CapturesOnly}");
    var runs = Option("--runs");
    for (var i = 0; i < 3; i++)
    {
        var start = Stopwatch.GetTimestamp();
        Tuning.Evaluate(WeightsOf, cases);
        Console.Error.WriteLine($"one pass over every case: {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
    }
    foreach (var (set, _) in sets)
    {
        var of = cases.Where(c => c.Set == set).ToList();
        Console.WriteLine($"{set,-6} {Tuning.Summarise(Tuning.Evaluate(WeightsOf, of))}");
        if (runs is null) continue;
        Directory.CreateDirectory(runs);
        foreach (var track in Tuning.Tracks)
        {
            using var writer = new StreamWriter(Path.Combine(runs, $"{set}-{track}.jsonl"));
            foreach (var c in of.Where(c => c.Track == track))
            {
                var result = UpstreamRanker.Rank(new PreparedGraph(c.Evidence, c.Features, WeightsOf(c)), new RankOptions(c.Scenario.Limit));
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    scenario_id = c.Scenario.Id,
                    suggestions = result.Works.Select(w => w.Id),
                    authors = result.People.Select(p => p.Name),
                }));
            }
        }
    }
    return 0;
}

int CrossValidate()
{
    var folds = int.Parse(Option("--folds") ?? "23", CultureInfo.InvariantCulture);
    // The previous round's procedure (the committed weights): without the people knobs and the feature added since.
    // The committed procedure fits in two stages (Tuning.TwoStage). --previous: the round before, one stage without the
    // people knobs and OtherWriters; --joint: every knob in one ascent (measured, not adopted: see docs/ranking.md).
    if (args.Contains("--previous"))
    {
        Tuning.TwoStage = false;
        Tuning.PlainPeople = true;
        Tuning.Fitted = [.. Tuning.Fitted.Where(f => f != Feature.OtherWriters)];
    }
    if (args.Contains("--joint")) Tuning.TwoStage = false;
    if (Option("--features") is { } only)
        Tuning.Fitted = only == "hand" ? Tuning.HandFeatures : only.Split(',').Select(Enum.Parse<Feature>).ToArray();
    var topics = cases.Select(c => c.Scenario.Topic).Distinct().Order(StringComparer.Ordinal).ToList();
    var report = new StringBuilder();
    void Say(string line) { Console.WriteLine(line); report.AppendLine(line); }

    Say($"# Ranking weights: leave-topics-out cross-validation");
    Say("");
    Say($"Scenarios: dev + dev-b ({cases.Count / 2} scenarios, {topics.Count} topics, tracks lookup and capture). " +
        $"Folds: {folds} (topics dealt round-robin in name order; no topic on both sides of a fold). " +
        "Two sets fitted on the training topics: graphs with lookups (lookup track; objective lookup nDCG@10 + hidden-root recall@10 + author recall@10) and captures only (capture track; objective capture nDCG@10). Hand weights are issue 5's, on today's features (title stems included, hence not exactly issue 5's figures). " +
        $"Features fitted: {string.Join(", ", Tuning.TwoStage ? Tuning.Fitted.Where(f => f != Feature.OtherWriters) : Tuning.Fitted)} (Writers fixed at 1: the scale of a score never changes an order)." +
        (!Tuning.TwoStage ? "" : " Two stages in each fold: (1) the work weights with the people power, citers, pool, all citers and field citations, one joint coordinate ascent on the three lookup bars (the previous round's procedure, `cv --previous`); (2) on the same training topics and text choice, only the people knobs (power, decay, author share, reach and every person-level weight; the pool stays, since the works' list is drawn from it too), the work weights held, so the works' lists stay as stage 1 left them and the objective is author recall@10."));
    Say("");
    Say($"Hand weights (issue 5, chosen on dev): {Tuning.Summarise(Tuning.Evaluate(_ => RankWeights.Hand, cases))}");
    Say("");

    var testRows = new List<(Case Case, Dictionary<string, double?> Metrics)>();
    var chosen = new List<RankWeights>();
    var chosenCapture = new List<RankWeights>();
    var chosenText = new List<TextChoices>();
    // Every scenario read with each text variant, built on first use and kept (the folds share them).
    var variants = new Dictionary<TextChoices, Dictionary<Case, Case>>();
    List<Case> TextVariant(TextChoices text, IReadOnlyList<Case> of)
    {
        if (text == TextChoices.Initial) return [.. of];
        if (!variants.TryGetValue(text, out var map))
        {
            var built = new Case[cases.Count];
            Parallel.For(0, cases.Count, i => built[i] = cases[i].With(text));
            variants[text] = map = new Dictionary<Case, Case>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < cases.Count; i++) map[cases[i]] = built[i];
        }
        return of.Select(c => map[c]).ToList();
    }
    for (var fold = 0; fold < folds; fold++)
    {
        var held = topics.Where((_, i) => i % folds == fold).ToHashSet(StringComparer.Ordinal);
        var train = cases.Where(c => !held.Contains(c.Scenario.Topic)).ToList();
        var test = cases.Where(c => held.Contains(c.Scenario.Topic)).ToList();
        var (text, fitted, fittedCapture) = Tuning.FitAll(train, TextVariant);
        chosen.Add(fitted);
        chosenCapture.Add(fittedCapture);
        chosenText.Add(text);
        var rows = Tuning.Evaluate(c => c.Track == "lookup" ? fitted : fittedCapture, TextVariant(text, test));
        testRows.AddRange(rows);
        Console.Error.WriteLine($"fold {fold + 1}/{folds} [{string.Join(", ", held)}] {clock.Elapsed.TotalSeconds:F0} s: test {Tuning.Summarise(rows)}");
        Console.Error.WriteLine($"    text: {text}");
        Console.Error.WriteLine($"    lookup: {fitted}");
        Console.Error.WriteLine($"    capture: {fittedCapture}");
    }
    var (finalText, final, finalCapture) = Tuning.FitAll(cases, TextVariant);
    var inSample = Tuning.Evaluate(c => c.Track == "lookup" ? final : finalCapture, TextVariant(finalText, cases));

    Say("| figure | lookup nDCG@10 | hidden-root recall@10 | author recall@10 | capture nDCG@10 |");
    Say("|---|---|---|---|---|");
    Say(Tuning.Row("hand weights, dev (in-sample for them)", Tuning.Evaluate(_ => RankWeights.Hand, cases.Where(c => c.Set == "dev").ToList())));
    Say(Tuning.Row("hand weights, dev-b (new samples)", Tuning.Evaluate(_ => RankWeights.Hand, cases.Where(c => c.Set == "dev-b").ToList())));
    Say(Tuning.Row($"**leave-topics-out CV, dev + dev-b ({folds} folds)**", testRows));
    Say(Tuning.Row("CV, dev scenarios only", testRows.Where(r => r.Case.Set == "dev").ToList()));
    Say(Tuning.Row("CV, dev-b scenarios only", testRows.Where(r => r.Case.Set == "dev-b").ToList()));
    Say(Tuning.Row("fitted on all, in-sample dev + dev-b", inSample));
    Say(Tuning.Row("fitted on all, in-sample dev", inSample.Where(r => r.Case.Set == "dev").ToList()));
    Say(Tuning.Row("fitted on all, in-sample dev-b", inSample.Where(r => r.Case.Set == "dev-b").ToList()));
    Say("");
    // A bar is met or missed in the fourth decimal at times (0.58, 0.43): the pooled CV figures unrounded.
    var cv = Tuning.Figures(testRows);
    Say($"CV unrounded: lookup nDCG@10 {cv.LookupNdcg:F5}, hidden-root recall@10 {cv.Hidden:F5}, author recall@10 {cv.Author:F5}, capture nDCG@10 {cv.CaptureNdcg:F5}.");
    Say("");
    Say("Weights chosen in each fold (how stable the choice is), graphs with lookups (the lookup track):");
    Say("");
    WeightTable(chosen, final);
    Say("");
    Say("Captures-only graphs (the capture track):");
    Say("");
    WeightTable(chosenCapture, finalCapture);
    Say("");
    Say("Text choices (stem length, field-word cover), chosen in each fold on its training topics among " +
        $"{string.Join("; ", TextChoices.Candidates)}:");
    Say("");
    foreach (var (text, fold) in chosenText.Select((t, i) => (t, i))) Say($"- fold {fold + 1}: {text}");
    Say($"- final: {finalText}");
    Say("");
    Say($"Final weights, graphs with lookups: {final}");
    Say($"Final weights, captures only: {finalCapture}");
    Say($"({clock.Elapsed.TotalSeconds:F0} s on {Environment.ProcessorCount} cores)");

    void WeightTable(List<RankWeights> chosen, RankWeights final)
    {
    foreach (var feature in Enum.GetValues<Feature>())
        Say($"- {feature}: {string.Join(" ", chosen.Select(w => w[feature].ToString("0.###", CultureInfo.InvariantCulture)))} → final {final[feature]:0.###}");
    Say($"- people power: {string.Join(" ", chosen.Select(w => w.PeoplePower.ToString("0.##", CultureInfo.InvariantCulture)))} → final {final.PeoplePower:0.##}");
    Say($"- people citers: {string.Join(" ", chosen.Select(w => w.PeopleCiters.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleCiters:0.###}");
    Say($"- people pool: {string.Join(" ", chosen.Select(w => w.PeoplePool))} → final {final.PeoplePool}");
    Say($"- people all citers: {string.Join(" ", chosen.Select(w => w.PeopleAllCiters.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleAllCiters:0.###}");
    Say($"- people field citations: {string.Join(" ", chosen.Select(w => w.PeopleFieldCitations.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleFieldCitations:0.###}");
    Say($"- people cite sum: {string.Join(" ", chosen.Select(w => w.PeopleCiteSum.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleCiteSum:0.###}");
    Say($"- people credited: {string.Join(" ", chosen.Select(w => w.PeopleCredited.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleCredited:0.###}");
    Say($"- people writers: {string.Join(" ", chosen.Select(w => w.PeopleWriters.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleWriters:0.###}");
    Say($"- people field works: {string.Join(" ", chosen.Select(w => w.PeopleFieldWorks.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleFieldWorks:0.###}");
    Say($"- people works: {string.Join(" ", chosen.Select(w => w.PeopleWorks.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleWorks:0.###}");
    Say($"- people citations: {string.Join(" ", chosen.Select(w => w.PeopleCitations.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleCitations:0.###}");
    Say($"- people recency: {string.Join(" ", chosen.Select(w => w.PeopleRecency.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleRecency:0.###}");
    Say($"- people work decay: {string.Join(" ", chosen.Select(w => w.PeopleWorkDecay.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleWorkDecay:0.###}");
    Say($"- people author share: {string.Join(" ", chosen.Select(w => w.PeopleAuthorShare.ToString("0.###", CultureInfo.InvariantCulture)))} → final {final.PeopleAuthorShare:0.###}");
    Say($"- people reach: {string.Join(" ", chosen.Select(w => w.PeopleReach))} → final {final.PeopleReach}");
    }

    if (args.Contains("--write"))
    {
        var path = Path.Combine(repo, "src", "Hqt.Upstream", "RankWeights.Fitted.cs");
        File.WriteAllText(path, Tuning.Source(final, finalCapture, finalText));
        Console.Error.WriteLine($"wrote {path}");
    }
    if (Option("--report") is { } reportPath)
    {
        File.WriteAllText(Path.Combine(repo, reportPath), report.ToString());
        Console.Error.WriteLine($"wrote {reportPath}");
    }
    return 0;
}

// Where a scenario's time goes, per stage, on the slowest lookup scenarios (thread CPU would need P/Invoke: wall, best of runs).
int Profile()
{
    UseDefaultText();
    var worst = cases.Where(c => c.Track == (Option("--track") ?? "lookup")).OrderByDescending(c => c.Evidence.Ids.Count + c.Evidence.WorkCiters.Length).Take(5).ToList();
    double Best(Func<object> work, int runs = 30)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs + 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            GC.KeepAlive(work());
            if (i >= 5) best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return best;
    }
    static double Megabytes(Func<object> work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(work());
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1e6;
    }
    foreach (var c in worst)
    {
        var graph = c.Scenario.Graph;
        var options = new RankOptions(c.Scenario.Limit);
        var evidence = Best(() => new CitationEvidence(graph));
        var features = Best(() => new RankFeatures(c.Evidence));
        var prepared = Best(() => new PreparedGraph(c.Evidence, c.Features, RankWeights.For(c.Evidence)));
        var p = new PreparedGraph(c.Evidence, c.Features, RankWeights.For(c.Evidence));
        var bare = Best(() => UpstreamRanker.Rank(p, options, explain: false));
        var explained = Best(() => UpstreamRanker.Rank(p, options, explain: true));
        var all = Best(() => UpstreamRanker.Rank(graph, options));
        var allocated = Megabytes(() => UpstreamRanker.Rank(graph, options));
        var freshFeatures = Best(() => new RankFeatures(new CitationEvidence(graph)));
        var freshPrepared = Best(() => UpstreamRanker.Prepare(graph));
        Console.WriteLine($"   fresh evidence+features {freshFeatures:F2} fresh prepare {freshPrepared:F2}");
        var inField = new bool[c.Evidence.Ids.Count];
        var titles = Best(() => { for (var i = 0; i < inField.Length; i++) inField[i] = c.Evidence.Topic.Read(c.Evidence.Nodes[i]?.Title).InField; return inField; });
        var peopleIndex = Best(() => new PeopleIndex(c.Evidence, inField));
        Console.WriteLine($"   of features: titles {titles:F2} people index {peopleIndex:F2}");
        var rawNames = Enumerable.Range(0, c.Evidence.Ids.Count).SelectMany(i => c.Evidence.Nodes[i]?.Authors ?? []).Distinct().ToList();
        var cleanNames = rawNames.Select(NameForms.Clean).OfType<string>().ToList();
        object CleanAll() => rawNames.Select(NameForms.Clean).Count(n => n is not null);
        var clean = Best(CleanAll);
        var normalize = Best(() => cleanNames.Sum(n => PersonNames.Normalize(n).Length));
        var read = Best(() => cleanNames.Count(n => NameForms.Read(n) is not null));
        Console.WriteLine($"   of the index: {rawNames.Count} distinct names: clean {clean:F2} (of which read {read:F2}) normalize {normalize:F2}");
        var inFieldCopy = (bool[])inField.Clone();
        Console.WriteLine($"   allocated MB: evidence {Megabytes(() => new CitationEvidence(graph)):F2} features {Megabytes(() => new RankFeatures(c.Evidence)):F2} "
            + $"(people index {Megabytes(() => new PeopleIndex(c.Evidence, inFieldCopy)):F2}, names {Megabytes(CleanAll):F2}) "
            + $"prepare {Megabytes(() => new PreparedGraph(c.Evidence, c.Features, RankWeights.For(c.Evidence))):F2} rank {Megabytes(() => UpstreamRanker.Rank(p, options, explain: false)):F2} "
            + $"explained {Megabytes(() => UpstreamRanker.Rank(p, options, explain: true)):F2}");
        Console.WriteLine($"{c.Scenario.Id,-40} nodes {c.Evidence.Ids.Count,6} edges {c.Evidence.WorkCiters.Length + c.Evidence.CaptureCiters.Length,6}: evidence {evidence:F2} features {features:F2} prepare {prepared:F2} rank {bare:F2} explained {explained:F2} all {all:F2} ms, allocating {allocated:F1} MB");
    }
    return 0;
}

int Explore()
{
    UseDefaultText();
    Console.WriteLine("| explore share | lookup nDCG@10 | hidden-root recall@10 | capture nDCG@10 | explored picks in top 10 | explored picks that are roots |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var share in new[] { 0.0, 0.1, 0.2 })
    {
        var rows = new List<(Case, Dictionary<string, double?>)>();
        int explored = 0, rootsHit = 0;
        foreach (var c in cases)
            for (var seed = 1; seed <= 5; seed++)
            {
                var result = UpstreamRanker.Rank(new PreparedGraph(c.Evidence, c.Features, RankWeights.For(c.Evidence)), new RankOptions(c.Scenario.Limit, share, seed));
                rows.Add((c, EvalMetrics.Score(c.Scenario.Truth, result.Works.Select(w => w.Id).ToList(), result.People.Select(p => p.Name).ToList())));
                var roots = c.Scenario.Truth.Roots.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var w in result.Works.Take(EvalMetrics.K).Where(w => w.IsExploration))
                {
                    explored++;
                    if (roots.Contains(w.Id)) rootsHit++;
                }
            }
        var s = Tuning.Figures(rows);
        Console.WriteLine($"| {share:0.0} | {s.LookupNdcg:F3} | {s.Hidden:F3} | {s.CaptureNdcg:F3} | {explored} | {rootsHit} ({(explored > 0 ? 100.0 * rootsHit / explored : 0):F1} %) |");
    }
    return 0;
}

// Where the root authors the people list misses are: absent from the graph, outside the pool, or ranked below 10.
int Diagnose()
{
    UseDefaultText();
    static string Norm(string name) => new(name.ToLowerInvariant().Where(ch => ch is >= 'a' and <= 'z').ToArray());
    int want = 0, hit = 0, absent = 0, notPooled = 0, below = 0;
    var rankBelow = new List<int>();
    var fieldGap = new List<(int Missed, int Tenth)>();
    foreach (var c in cases.Where(c => c.Track == "lookup"))
    {
        var prepared = new PreparedGraph(c.Evidence, c.Features, RankWeights.For(c.Evidence));
        var result = UpstreamRanker.Rank(prepared, new RankOptions(1000), explain: false);
        var ranked = result.People.Select(p => Norm(p.Name)).ToList();
        var index = prepared.People;
        var byNorm = new Dictionary<string, int>();
        for (var id = 0; id < index.Count; id++) byNorm.TryAdd(Norm(index.Keys[id]), id);
        var top = ranked.Take(10).ToHashSet();
        if (args.Contains("--show") && c.Scenario.Id.EndsWith("-s0", StringComparison.Ordinal) && c.Set == "dev")
        {
            var wantSet = c.Scenario.Truth.RootAuthors.Select(Norm).ToHashSet();
            Console.WriteLine($"{c.Scenario.Id}: captures {c.Evidence.Captures.Count} missing {string.Join("; ", c.Scenario.Truth.RootAuthors.Where(r => !top.Contains(Norm(r))).Select(r => $"{r}@{ranked.IndexOf(Norm(r))}"))}");
            foreach (var (p, i) in result.People.Take(25).Select((p, i) => (p, i)))
            {
                var id = index.PersonOf(PersonNames.Normalize(p.Name));
                if (id < 0) continue;
                Console.WriteLine($"  {i,2} {(wantSet.Contains(Norm(p.Name)) ? "*" : " ")} {p.Name,-28} score {p.Score,7:F2} field {index.Citers[id].Field,3} all {index.Citers[id].All,3} works {index.WorksOf[id].Length,2} fw {index.FieldWorks[id]:F2} cit {index.WorldCitations[id]:F1} rec {index.Recency[id]:F1}");
            }
        }
        var tenth = ranked.Count >= 10 ? index.PersonOf(PersonNames.Normalize(result.People[9].Name)) : -1;
        foreach (var root in c.Scenario.Truth.RootAuthors)
        {
            want++;
            var n = Norm(root);
            if (top.Contains(n)) { hit++; continue; }
            var at = ranked.IndexOf(n);
            if (at >= 0) { below++; rankBelow.Add(at); }
            else if (index.PersonOf(PersonNames.Normalize(root)) is >= 0) notPooled++;
            else absent++;
            var id = index.PersonOf(PersonNames.Normalize(root));
            if (id >= 0 && tenth >= 0) fieldGap.Add((index.Citers[id].Field, index.Citers[tenth].Field));
        }
    }
    Console.WriteLine($"root authors {want}: in top 10 {hit}, ranked below 10 {below} (median rank {(rankBelow.Count > 0 ? rankBelow.Order().ElementAt(rankBelow.Count / 2) : 0)}), in graph not pooled {notPooled}, not in graph by key {absent}");
    Console.WriteLine($"missed with more field citers than the 10th: {fieldGap.Count(g => g.Missed > g.Tenth)}, equal {fieldGap.Count(g => g.Missed == g.Tenth)}, fewer {fieldGap.Count(g => g.Missed < g.Tenth)}");
    return 0;
}

// A quick screen for people evidence: the committed work weights held, only the people knobs fitted in each fold of
// whole topics (the work weights were fitted on every topic, so this is optimistic for works; cv is the honest figure).
int PeopleOnly()
{
    UseDefaultText();
    var folds = int.Parse(Option("--folds") ?? "5", CultureInfo.InvariantCulture);
    var saved = Tuning.Fitted;
    Tuning.Fitted = [];
    var lookup = cases.Where(c => c.Track == "lookup").ToList();
    var topics = lookup.Select(c => c.Scenario.Topic).Distinct().Order(StringComparer.Ordinal).ToList();
    var plain = args.Contains("--plain");
    var start = !plain ? RankWeights.Default
        : RankWeights.Default with { PeopleCiteSum = 0, PeopleCredited = 0, PeopleWriters = 0, PeopleFieldWorks = 0, PeopleWorks = 0, PeopleCitations = 0, PeopleRecency = 0, PeopleWorkDecay = 1, PeopleAuthorShare = 0, PeopleReach = 0 };
    Console.WriteLine($"committed: {Tuning.Summarise(Tuning.Evaluate(start, lookup))}");
    var rows = new List<(Case Case, Dictionary<string, double?> Metrics)>();
    for (var fold = 0; fold < folds; fold++)
    {
        var held = topics.Where((_, i) => i % folds == fold).ToHashSet(StringComparer.Ordinal);
        var fitted = Tuning.Fit(lookup.Where(c => !held.Contains(c.Scenario.Topic)).ToList(), "lookup", start, plain);
        rows.AddRange(Tuning.Evaluate(fitted, lookup.Where(c => held.Contains(c.Scenario.Topic)).ToList()));
        Console.WriteLine($"fold {fold + 1}: {fitted}");
    }
    Console.WriteLine($"people-only CV: {Tuning.Summarise(rows)}");
    Tuning.Fitted = saved;
    return 0;
}

// The committed text choices, for the commands that score what is committed (cv starts from the initial ones).
void UseDefaultText()
{
    if (TextChoices.Default == TextChoices.Initial) return;
    for (var i = 0; i < cases.Count; i++) cases[i] = cases[i].With(TextChoices.Default);
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "hqt-api.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}

static string FindShared() => Path.GetFullPath(Path.Combine(FindRepo(), "..", "shared"));

sealed record Case(EvalScenario Scenario, string Track, string Set, CitationEvidence Evidence, RankFeatures Features)
{
    /// <summary>The same scenario with titles read another way (<see cref="TextChoices"/>).</summary>
    public Case With(TextChoices text)
    {
        var evidence = new CitationEvidence(Scenario.Graph, text);
        return this with { Evidence = evidence, Features = new RankFeatures(evidence) };
    }
}

readonly record struct Figures(double LookupNdcg, double Hidden, double Author, double CaptureNdcg)
{
    /// <summary>What a fit maximises on one track's training cases: the lookup track's three bars, or the capture track's one.</summary>
    public double Objective(string track) => track == "lookup" ? LookupNdcg + Hidden + Author : CaptureNdcg;
}

static class Tuning
{
    public static readonly string[] Tracks = ["lookup", "capture"];

    /// <summary>Fit only the people knobs of the previous round (power, citers, pool, all citers, field citations).</summary>
    public static bool PlainPeople { get; set; }

    /// <summary>
    /// Fit in two stages: the work weights as the previous round did (<see cref="PlainPeople"/>, no OtherWriters), then
    /// every people knob alone with the work weights held (see <see cref="FitAll"/>).
    /// </summary>
    public static bool TwoStage { get; set; } = true;

    /// <summary>Features whose weight is fitted; the writer share stays at 1 since a score's scale never changes an order.</summary>
    public static Feature[] Fitted { get; set; } = Enum.GetValues<Feature>().Where(f => f != Feature.Writers).ToArray();

    /// <summary>The evidence of issue 5's hand weights: fitting only these measures what fitting alone buys.</summary>
    public static readonly Feature[] HandFeatures = [Feature.TwoHopWriters, Feature.TwoHopTopic, Feature.Popularity, Feature.Age, Feature.Topic];

    static readonly double[] Grid = [0, 0.01, 0.03, 0.1, 0.3, 1, 3];

    public static List<(Case Case, Dictionary<string, double?> Metrics)> Evaluate(RankWeights weights, IReadOnlyList<Case> cases) => Evaluate(_ => weights, cases);

    public static List<(Case Case, Dictionary<string, double?> Metrics)> Evaluate(Func<Case, RankWeights> weightsOf, IReadOnlyList<Case> cases)
    {
        var rows = new (Case, Dictionary<string, double?>)[cases.Count];
        Parallel.For(0, cases.Count, i =>
        {
            var c = cases[i];
            var result = UpstreamRanker.Rank(new PreparedGraph(c.Evidence, c.Features, weightsOf(c)), new RankOptions(c.Scenario.Limit), explain: false);
            rows[i] = (c, EvalMetrics.Score(c.Scenario.Truth, result.Works.Select(w => w.Id).ToList(), result.People.Select(p => p.Name).ToList()));
        });
        return [.. rows];
    }

    /// <summary>As score.py aggregates: each metric averaged over the scenarios where it is defined, per track.</summary>
    public static Figures Figures(IEnumerable<(Case Case, Dictionary<string, double?> Metrics)> rows)
    {
        var list = rows.ToList();
        double Mean(string track, string metric)
        {
            var values = list.Where(r => r.Case.Track == track).Select(r => r.Metrics.GetValueOrDefault(metric)).OfType<double>().ToList();
            return values.Count > 0 ? values.Average() : double.NaN;
        }
        return new Figures(Mean("lookup", "ndcg@10"), Mean("lookup", "hidden_recall@10"), Mean("lookup", "author_recall@10"), Mean("capture", "ndcg@10"));
    }

    public static string Summarise(IEnumerable<(Case Case, Dictionary<string, double?> Metrics)> rows)
    {
        var f = Figures(rows);
        return $"lookup nDCG@10 {f.LookupNdcg:F3}  hidden {f.Hidden:F3}  author {f.Author:F3}  capture nDCG@10 {f.CaptureNdcg:F3}";
    }

    public static string Row(string label, IEnumerable<(Case Case, Dictionary<string, double?> Metrics)> rows)
    {
        var f = Figures(rows);
        return $"| {label} | {f.LookupNdcg:F3} | {f.Hidden:F3} | {f.Author:F3} | {f.CaptureNdcg:F3} |";
    }

    /// <summary>
    /// The repeat-author discount stays at the hand value (0.85): it is a product choice (a list is not one author's
    /// bibliography), and dropping it would buy a little nDCG on these scenarios, as it did in issue 5.
    /// Coordinate ascent from the hand weights: each weight in turn takes the best of a log grid and ×0.7 / ×1.4 of
    /// its current value, keeping a change only when it lifts the training objective; passes until nothing moves (at most 3).
    /// </summary>
    /// <summary>
    /// Both sets and the text choice on <paramref name="train"/> alone: the weights fitted with the initial text choices,
    /// then each text variant scored on the training topics with them (the four bars summed), and when another variant
    /// wins, the weights re-fitted from there on it.
    /// </summary>
    public static (TextChoices Text, RankWeights Lookup, RankWeights Capture) FitAll(IReadOnlyList<Case> train, Func<TextChoices, IReadOnlyList<Case>, List<Case>> variant)
    {
        if (!TwoStage) return FitWorks(train, variant);
        // Stage 1: the work weights (and the previous round's people knobs) exactly as the previous round fitted them.
        var (savedPlain, savedFitted) = (PlainPeople, Fitted);
        (PlainPeople, Fitted) = (true, [.. Fitted.Where(f => f != Feature.OtherWriters)]);
        var (text, lookup, capture) = FitWorks(train, variant);
        (PlainPeople, Fitted) = (savedPlain, savedFitted);
        // Stage 2: only the people knobs, on the same training topics read with the same text choice. They cannot move a
        // work's score, so the works' lists (lookup nDCG, hidden roots, capture nDCG) stay as stage 1 left them and the
        // objective reduces to author recall@10; every people knob starts where stage 1 left it.
        var read = text == TextChoices.Initial ? train : variant(text, train);
        var people = Fit(read, "lookup", lookup, plainPeople: false, features: []);
        var (before, after) = (Figures(Evaluate(lookup, read)), Figures(Evaluate(people, read)));
        if (before.LookupNdcg != after.LookupNdcg || before.Hidden != after.Hidden)
            throw new InvalidOperationException($"stage 2 moved the works: {before} -> {after}");
        Console.Error.WriteLine($"    stage 2 on the training topics: author {before.Author:F4} -> {after.Author:F4}");
        return (text, people, capture);
    }

    /// <summary>Fit the work feature weights (with whichever people knobs <see cref="PlainPeople"/> allows) in one joint ascent.</summary>
    static (TextChoices Text, RankWeights Lookup, RankWeights Capture) FitWorks(IReadOnlyList<Case> train, Func<TextChoices, IReadOnlyList<Case>, List<Case>> variant)
    {
        var lookup = Fit(train, "lookup");
        var capture = Fit(train, "capture");
        double Objective(IReadOnlyList<Case> of)
        {
            var f = Figures(Evaluate(c => c.Track == "lookup" ? lookup : capture, of));
            return f.Objective("lookup") + f.Objective("capture");
        }
        var best = TextChoices.Initial;
        var bestScore = Objective(train);
        foreach (var text in TextChoices.Candidates.Skip(1))
        {
            var score = Objective(variant(text, train));
            if (score > bestScore + 1e-9) (best, bestScore) = (text, score);
        }
        if (best == TextChoices.Initial) return (best, lookup, capture);
        var read = variant(best, train);
        return (best, Fit(read, "lookup", lookup), Fit(read, "capture", capture));
    }

    public static RankWeights Fit(IReadOnlyList<Case> all, string track, RankWeights? start = null, bool plainPeople = false, Feature[]? features = null)
    {
        var extra = track == "lookup" && !plainPeople && (features is not null || !PlainPeople);
        var train = all.Where(c => c.Track == track).ToList();
        // Features that are zero on every candidate here (the second hop on a captures-only graph) cannot matter.
        var live = (features ?? Fitted).Where(f => train.Any(c => c.Evidence.Ids.Count > 0 && Enumerable.Range(0, c.Evidence.Ids.Count).Any(i => c.Features[i, f] != 0))).ToArray();
        double Objective(RankWeights w) => Figures(Evaluate(w, train)).Objective(track);
        var best = start ?? RankWeights.Hand;
        var bestScore = Objective(best);
        for (var pass = 0; pass < 3; pass++)
        {
            var moved = false;
            foreach (var feature in live)
            {
                var current = best[feature];
                foreach (var value in Grid.Concat([current * 0.7, current * 1.4]).Distinct())
                {
                    if (value == current) continue;
                    var trial = best.With(feature, value);
                    var score = Objective(trial);
                    if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
                }
            }
            // People are measured on the lookup track only (author recall).
            foreach (var citers in track != "lookup" ? [] : new[] { 0, 0.03, 0.1, 0.3, 1, 3, best.PeopleCiters * 0.7, best.PeopleCiters * 1.4 })
            {
                var trial = best with { PeopleCiters = citers };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var citers in track != "lookup" ? [] : new[] { 0, 0.1, 0.3, 1, 3, best.PeopleAllCiters * 0.7, best.PeopleAllCiters * 1.4 })
            {
                var trial = best with { PeopleAllCiters = citers };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var citations in track != "lookup" ? [] : new[] { 0, 0.1, 0.3, 1, 3, best.PeopleFieldCitations * 0.7, best.PeopleFieldCitations * 1.4 })
            {
                var trial = best with { PeopleFieldCitations = citations };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var w in !extra ? [] : new[] { 0, 0.3, 1, 3, best.PeopleCiteSum * 0.7, best.PeopleCiteSum * 1.4 })
            {
                var trial = best with { PeopleCiteSum = w };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var w in !extra ? [] : new[] { 0, 0.3, 1, 3, best.PeopleCredited * 0.7, best.PeopleCredited * 1.4 })
            {
                var trial = best with { PeopleCredited = w };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var w in !extra ? [] : new[] { 0, 0.3, 1, 3, best.PeopleWriters * 0.7, best.PeopleWriters * 1.4 })
            {
                var trial = best with { PeopleWriters = w };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var w in !extra ? [] : new[] { 0, 0.3, 1, 3, best.PeopleFieldWorks * 0.7, best.PeopleFieldWorks * 1.4 })
            {
                var trial = best with { PeopleFieldWorks = w };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var w in !extra ? [] : new[] { -1, -0.3, 0, 0.3, 1, 3, best.PeopleWorks * 0.7, best.PeopleWorks * 1.4 })
            {
                var trial = best with { PeopleWorks = w };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var w in !extra ? [] : new[] { 0, 0.1, 0.3, 1, 3, best.PeopleCitations * 0.7, best.PeopleCitations * 1.4 })
            {
                var trial = best with { PeopleCitations = w };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var w in !extra ? [] : new[] { -3, -1, -0.3, 0, 0.3, 1, 3, best.PeopleRecency * 0.7, best.PeopleRecency * 1.4 })
            {
                var trial = best with { PeopleRecency = w };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            // Power, decay and the citers' weight trade off (a lower power or decay shrinks the works' share, which the
            // citers must follow), so one knob at a time cannot walk between them: a joint grid.
            if (extra)
                foreach (var power in new[] { 1.0, 2.0 })
                    foreach (var decay in new[] { 1, 0.7, 0.5 })
                        foreach (var citers in new[] { 2.0, 4, 8, 16, 32, 64 })
                        {
                            var trial = best with { PeoplePower = power, PeopleWorkDecay = decay, PeopleCiters = citers };
                            var score = Objective(trial);
                            if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
                        }
            foreach (var w in !extra ? [] : new[] { 1, 0.8, 0.6, 0.4, 0.2 })
            {
                var trial = best with { PeopleWorkDecay = w };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var w in !extra ? [] : new[] { 0, 0.5, 1 })
            {
                var trial = best with { PeopleAuthorShare = w };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var reach in !extra ? [] : new[] { 0, 20, 50 })
            {
                var trial = best with { PeopleReach = reach };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            // The pool is also where the works' list is diversified from, so with the work weights held it stays held too.
            foreach (var size in track != "lookup" || features is { Length: 0 } ? [] : new[] { 150, 300, 600 })
            {
                var trial = best with { PeoplePool = size };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            foreach (var power in track != "lookup" ? [] : new[] { 1.0, 2.0, 3.0, 4.0 })
            {
                var trial = best with { PeoplePower = power };
                var score = Objective(trial);
                if (score > bestScore + 1e-9) (best, bestScore, moved) = (trial, score, true);
            }
            if (!moved) break;
        }
        return best;
    }

    public static string Source(RankWeights lookup, RankWeights capture, TextChoices text) => $$"""
        // Written by tools/Hqt.Ranking.Tune (cv --write): fitted on dev + dev-b; the report is docs/ranking-report.md.
        namespace Hqt.Upstream;

        partial record RankWeights
        {
            internal static TextChoices FittedText { get; } = new({{text.StemLength}}, {{text.CoverPower.ToString("G6", CultureInfo.InvariantCulture)}}, {{text.CoverStop.ToString("G6", CultureInfo.InvariantCulture)}});

            static RankWeights Fitted { get; } = {{Expression(lookup)}};

            static RankWeights FittedCapturesOnly { get; } = {{Expression(capture)}};
        }

        """;

    static string Expression(RankWeights weights)
    {
        string R(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
        var pairs = Enum.GetValues<Feature>().Where(f => weights[f] != 0).Select(f => $"\n        (Feature.{f}, {R(weights[f])})");
        return $"FromPairs({R(weights.RepeatAuthorDecay)}, {R(weights.PeoplePower)}, {R(weights.PeopleCiters)}, {weights.PeoplePool}, {R(weights.PeopleAllCiters)}, {R(weights.PeopleFieldCitations)},{string.Join(",", pairs)})"
            + $" with {{ PeopleCiteSum = {R(weights.PeopleCiteSum)}, PeopleCredited = {R(weights.PeopleCredited)}, PeopleWriters = {R(weights.PeopleWriters)}, PeopleFieldWorks = {R(weights.PeopleFieldWorks)}, PeopleWorks = {R(weights.PeopleWorks)}, PeopleCitations = {R(weights.PeopleCitations)}, PeopleRecency = {R(weights.PeopleRecency)}, PeopleWorkDecay = {R(weights.PeopleWorkDecay)}, PeopleAuthorShare = {R(weights.PeopleAuthorShare)}, PeopleReach = {weights.PeopleReach} }}";
    }
}
