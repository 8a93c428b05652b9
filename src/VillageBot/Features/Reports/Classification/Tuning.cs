namespace VillageBot.Features.Reports.Classification;

/// <summary>
/// Chooses trainer, regularisation and features (coordinate search from <see cref="TrainingSettings.Default"/>) by the
/// mean of 3-fold cross-validated macro-F1 on the training data and macro-F1 on the blind dev split. Cross-validation
/// alone flatters: reports written by one hand resemble each other more than residents' reports resemble them. The
/// held-out test split is never used. The chosen values are then written into the defaults.
/// </summary>
internal static class Tuning
{
    public static TrainingSettings Run(ProblemTrainingSet set, IReadOnlyList<LabeledText> dev, TextWriter output)
    {
        var best = TrainingSettings.Default;
        var bestScore = Score(set, dev, best, output);
        var dimensions = new List<Func<TrainingSettings, IEnumerable<TrainingSettings>>>
        {
            s => [s with { Trainer = "lbfgs", L2 = 0.001f }, s with { Trainer = "lbfgs", L2 = 0.003f }, s with { Trainer = "lbfgs", L2 = 0.01f }, s with { Trainer = "lbfgs", L2 = 0.03f }, s with { Trainer = "lbfgs", L2 = 0.1f },
                  s with { Trainer = "sdca", L2 = 1e-4f }, s with { Trainer = "sdca", L2 = 1e-3f }, s with { Trainer = "sdca", L2 = 1e-2f }],
            s => [s with { MaxIterations = 50 }, s with { MaxIterations = 100 }, s with { MaxIterations = 200 }],
            s => [s with { WordNgrams = 1 }, s with { WordNgrams = 2 }, s with { WordNgrams = 3 }],
            s => [s with { MinCharNgram = 3, CharNgrams = 4 }, s with { MinCharNgram = 3, CharNgrams = 5 }, s with { MinCharNgram = 4, CharNgrams = 5 }, s with { MinCharNgram = 4, CharNgrams = 6 }, s with { MinCharNgram = 5, CharNgrams = 5 }, s with { MinCharNgram = 1, CharNgrams = 0 }],
            s => [s with { LexiconScale = 0 }, s with { LexiconScale = 0.125f }, s with { LexiconScale = 0.25f }, s with { LexiconScale = 0.5f }, s with { LexiconScale = 1 }, s with { LexiconScale = 2 }],
            s => [s with { TfIdf = false }, s with { TfIdf = true }],
            s => [s with { Stem = false }, s with { Stem = true }],
        };
        foreach (var dimension in dimensions)
        {
            foreach (var candidate in dimension(best).Where(c => c != best))
            {
                var score = Score(set, dev, candidate, output);
                if (score > bestScore)
                {
                    (best, bestScore) = (candidate, score);
                }
            }
        }

        output.WriteLine($"best: {best}  score {bestScore:0.0000}");
        return best;
    }

    private static double Score(ProblemTrainingSet set, IReadOnlyList<LabeledText> dev, TrainingSettings settings, TextWriter output)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cv = ClassifierEvaluation.MacroF1(ClassifierEvaluation.CrossValidate(set.All, examples => ProblemModel.Train(examples, set.Lexicon, settings), folds: 3));
        var outcomes = dev.Count == 0 ? [] : ClassifierEvaluation.Evaluate(ProblemModel.Train(set.All, set.Lexicon, settings), dev);
        var devF1 = ClassifierEvaluation.MacroF1(outcomes);
        var byLang = ClassifierEvaluation.MacroF1ByLanguage(outcomes);
        var score = dev.Count == 0 ? cv : (cv + devF1) / 2;
        output.WriteLine($"{settings,-90} score {score:0.0000}  cv {cv:0.000}  dev {devF1:0.000} (lv {byLang.GetValueOrDefault("lv"):0.000} en {byLang.GetValueOrDefault("en"):0.000} ru {byLang.GetValueOrDefault("ru"):0.000})  ({watch.Elapsed.TotalSeconds:0} s)");
        output.Flush();
        return score;
    }
}
