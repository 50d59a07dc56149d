using System.Diagnostics;
using System.Text.Json;
using Hqt.Extraction.ReferenceStrings;

namespace Hqt.RefParse.Train;

/// <summary>Parses a set with a model and scores it with the eval's own scorer, offline (no server).</summary>
static class Predictions
{
    public static void Write(string path, List<LabelledReference> items, RefModel model)
    {
        using var writer = new StreamWriter(path);
        foreach (var item in items)
        {
            var p = ReferenceParser.Parse(item.Text, model);
            var tokens = RefTokenizer.Tokenize(item.Text.Trim());
            var labels = ReferenceParser.Label(tokens, model, out var margins);
            // The people (authors, then editors) the parse would name were it sure: what the confidence's calibration checks
            // against the gold.
            var sure = ReferenceAssembler.Assemble(item.Text.Trim(), tokens, labels, 1, model.Lexicons);
            var named = sure.Authors.Concat(sure.Editors);
            var pred = new
            {
                title = p.Title,
                authors = p.Authors.Select(a => new { given = a.Given, family = a.Family }),
                editors = p.Editors.Select(a => new { given = a.Given, family = a.Family }),
                container = p.Container, volume = p.Volume, issue = p.Issue, pages = p.Pages, year = p.Year, doi = p.Doi, url = p.Url,
                confidence = p.Confidence, type = p.Type,
                named = named.Select(a => new { given = a.Given, family = a.Family }),
                margins = margins.Select(m => Math.Round(m, 1)), labels = labels.Select(l => RefLabels.Names[(int)l]),
            };
            writer.WriteLine(JsonSerializer.Serialize(new { id = item.Id, pred }));
        }
    }

    public static string Score(string script, string data, string predictions, int showMisses, string? scorerDir = null)
    {
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { script, "--data", data, "--predictions", predictions, "--show-misses", showMisses.ToString() }) start.ArgumentList.Add(a);
            if (scorerDir is not null) { start.ArgumentList.Add("--scorer-dir"); start.ArgumentList.Add(scorerDir); }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : $"(scorer failed: {error.Trim()})";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"(python3 not available to score: {e.Message})";
        }
    }
}
