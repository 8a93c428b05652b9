namespace VillageBot.Features.Reports.Classification;

/// <summary>
/// Chooses trainer, regularisation and features by 5-fold cross-validation on the training data only (coordinate
/// search from <see cref="TrainingSettings.Default"/>). The chosen values are then written into the defaults.
/// </summary>
internal static class Tuning
{
    public static TrainingSettings Run(ProblemTrainingSet set, TextWriter output)
    {
        var best = TrainingSettings.Default;
        var bestScore = Score(set, best, output);
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
                var score = Score(set, candidate, output);
                if (score > bestScore)
                {
                    (best, bestScore) = (candidate, score);
                }
            }
        }

        output.WriteLine($"best: {best}  cv macro-F1 {bestScore:0.0000}");
        return best;
    }

    private static double Score(ProblemTrainingSet set, TrainingSettings settings, TextWriter output)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = ClassifierEvaluation.CrossValidate(set.All, examples => ProblemModel.Train(examples, set.Lexicon, settings));
        var score = ClassifierEvaluation.MacroF1(outcomes);
        var byLang = ClassifierEvaluation.MacroF1ByLanguage(outcomes);
        output.WriteLine($"{settings,-90} cv macro-F1 {score:0.0000}  lv {byLang.GetValueOrDefault("lv"):0.000} en {byLang.GetValueOrDefault("en"):0.000} ru {byLang.GetValueOrDefault("ru"):0.000}  ({watch.Elapsed.TotalSeconds:0} s)");
        output.Flush();
        return score;
    }
}
