using System.Diagnostics;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Benchmarks;

/// <summary>
/// The problem classifier: training from data/problems/ and prediction one text at a time, measured on the
/// held-out reports (the blind test split, which the model never saw), with the held-out macro-F1 for reference.
/// </summary>
public sealed class ClassifierBenchmark(string split) : IBenchmarkSection
{

    public string Name => "classifier";

    public string Description => "train from data/problems/, then classify the held-out reports one at a time";

    public Task RunAsync(Figures figures, CancellationToken ct)
    {
        var data = Path.Combine(Path.GetDirectoryName(BotProcess.ProgramPath())!, "data");
        var set = ProblemTrainingSet.Load(data, []);
        var clock = Stopwatch.StartNew();
        var model = ProblemModel.Train(set.All, set.Lexicon, TrainingSettings.Default);
        figures.Add("classifier_train_s", Math.Round(clock.Elapsed.TotalSeconds, 2), "s", $"{set.All.Count} examples (goal ≤ 30)");

        var heldOut = split == "dev" ? ProblemTrainingSet.ReadDev(data) : ProblemTrainingSet.ReadHeldOut(data);
        foreach (var warm in heldOut.Take(20))
        {
            model.Predict(warm.Text);
        }

        var times = new List<double>();
        var outcomes = new List<Outcome>();
        foreach (var example in heldOut)
        {
            var one = Stopwatch.StartNew();
            var scores = model.Predict(example.Text);
            times.Add(one.Elapsed.TotalMilliseconds);
            var best = Array.IndexOf(scores, scores.Max());
            outcomes.Add(new Outcome(example.Label, model.Labels[best], example.Lang, scores[best]));
        }

        times.Sort();
        figures.Add("classifier_predict_p50_ms", Math.Round(times[times.Count / 2], 3), "ms", "one text (goal ≤ 2)");
        figures.Add("classifier_predict_p99_ms", Math.Round(times[Math.Min(times.Count - 1, (int)(times.Count * 0.99))], 3), "ms");
        figures.Add("classifier_heldout_macro_f1", Math.Round(ClassifierEvaluation.MacroF1(outcomes), 3), "", $"{heldOut.Count} reports of the blind {split} split (goal ≥ 0.90)");
        foreach (var lang in new[] { "lv", "en", "ru" })
        {
            figures.Add($"classifier_heldout_macro_f1_{lang}", Math.Round(ClassifierEvaluation.MacroF1([.. outcomes.Where(o => o.Lang == lang)]), 3), "", "goal ≥ 0.80");
        }

        return Task.CompletedTask;
    }
}
