using System.Diagnostics;
using System.Text.Json;
using VillageBot.Infrastructure.MachineLearning;

namespace VillageBot.Features.FreeText;

/// <summary>
/// How free text is routed on the blind evaluation sets (data/eval/blind*/*.{split}.jsonl, one folder a batch, each
/// written independently): problem reports should
/// reach the report flow, answerable and off-topic questions the answering, chit-chat the friendly reply. The texts
/// are routed with <see cref="IntentDetector.Probabilities"/> and <see cref="IntentDetector.Decide"/>, the decision the
/// chat makes.
/// </summary>
public static class IntentEvaluation
{
    /// <summary>The blind sets and what each of their texts is: question (answerable or off-topic), problem or chitchat.</summary>
    private static readonly (string File, string Kind)[] Sets =
        [("questions", IntentModel.Question), ("offtopic", IntentModel.Question), ("problems", IntentModel.Problem), ("chitchat", IntentModel.Chitchat)];

    /// <summary>A wrong route costs this many "question or problem?" prompts: the person taps once, but a question taken as a report starts the wrong flow.</summary>
    public const double PromptsPerWrongRoute = 4;

    public sealed record Case(string Text, string Lang, string Kind, string Batch = "blind");

    public sealed record Outcome(Case Case, float[] Probabilities, double Milliseconds);

    public sealed record Rates(double ProblemToReport, double ProblemToQuestion, double QuestionToAnswer, double QuestionToReport, double ChitchatOk, double Unsure);

    public static string BlindDirectory(string dataPath) => Path.Combine(dataPath, "eval", "blind");

    /// <summary>The folders of the blind batches, first batch first (those of the questions' evaluation).</summary>
    public static IReadOnlyList<string> BlindDirectories(string dataPath) => BlindBatches.Directories(dataPath);

    /// <summary>
    /// Every batch's texts of the split, each case naming its batch (the folder's name). The dev halves that train the
    /// model (<see cref="IntentTrainingSet.DevHalvesInTraining"/>) are not scored: a figure on them says how well the
    /// model learnt them, not how it reads new texts.
    /// </summary>
    public static List<Case> LoadBlind(string dataPath, string split)
    {
        var cases = new List<Case>();
        foreach (var directory in BlindBatches.Directories(dataPath, split == "dev" ? IntentTrainingSet.DevHalvesInTraining(dataPath) : null))
        {
            var batch = Path.GetFileName(directory);
            foreach (var (file, kind) in Sets)
            {
                var path = Path.Combine(directory, $"{file}.{split}.jsonl");
                foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
                {
                    using var doc = JsonDocument.Parse(line);
                    cases.Add(new Case(doc.RootElement.GetProperty("text").GetString()!, doc.RootElement.GetProperty("lang").GetString()!, kind, batch));
                }
            }
        }

        return cases;
    }

    /// <summary>Each text predicted one at a time (as the chat does, with the knowledge base's evidence when given), timed.</summary>
    public static List<Outcome> Run(IntentModel model, IEnumerable<Case> cases, KnowledgeEvidence? evidence = null)
    {
        var list = cases.ToList();
        foreach (var warm in list.Take(20))
        {
            IntentDetector.Probabilities(model, evidence, warm.Text);
        }

        return [.. list.Select(c =>
        {
            var watch = Stopwatch.StartNew();
            var p = IntentDetector.Probabilities(model, evidence, c.Text);
            return new Outcome(c, p, watch.Elapsed.TotalMilliseconds);
        })];
    }

    public static Rates Score(IReadOnlyList<Outcome> outcomes, double unsureBelow) =>
        Score([.. outcomes.Select(o => (o.Case.Kind, IntentDetector.Decide(o.Probabilities, unsureBelow).Intent))]);

    private static Rates Score(List<(string Kind, Intent Intent)> routed)
    {
        double Rate(string kind, Intent intent)
        {
            var of = routed.Where(r => r.Kind == kind).ToList();
            return of.Count == 0 ? 0 : of.Count(r => r.Intent == intent) / (double)of.Count;
        }

        return new Rates(
            Rate(IntentModel.Problem, Intent.Problem),
            Rate(IntentModel.Problem, Intent.Question),
            Rate(IntentModel.Question, Intent.Question),
            Rate(IntentModel.Question, Intent.Problem),
            Rate(IntentModel.Chitchat, Intent.Chitchat),
            routed.Count(r => r.Intent == Intent.Unsure) / (double)Math.Max(1, routed.Count));
    }

    /// <summary>
    /// Wrong routes plus prompts (each worth 1/<see cref="PromptsPerWrongRoute"/>) per text: what a threshold costs
    /// residents. A wrong route is any text that reaches another flow than its own.
    /// </summary>
    public static double Cost(IEnumerable<Outcome> outcomes, double unsureBelow)
    {
        var routed = outcomes.Select(o => (o.Case.Kind, IntentDetector.Decide(o.Probabilities, unsureBelow))).ToList();
        var unsure = routed.Count(r => r.Item2.Intent == Intent.Unsure);
        var wrong = routed.Count(r => r.Item2.Intent != Intent.Unsure && r.Item2.Name != r.Kind);
        return (wrong + unsure / PromptsPerWrongRoute) / Math.Max(1, routed.Count);
    }

    /// <summary>Thresholds a calibration may choose, 0.34 (never unsure with three intents) to 0.90.</summary>
    public static IEnumerable<double> Thresholds() => Enumerable.Range(34, 57).Select(t => t / 100.0);

    /// <summary>The threshold of least <see cref="Cost"/> on the outcomes (the lowest of equals: fewer prompts).</summary>
    public static double Calibrate(IReadOnlyList<Outcome> outcomes) => Thresholds().MinBy(t => Cost(outcomes, t));

    /// <summary>
    /// The threshold calibrated k-fold: for each fold, the threshold chosen on the other folds routes that fold's texts.
    /// The rates over the held-out folds say what a calibrated threshold does on texts it was not chosen on, not how
    /// well it fits the texts it was chosen on.
    /// </summary>
    public static (Rates Rates, IReadOnlyList<double> Chosen) CrossValidate(IReadOnlyList<Outcome> outcomes, int folds = 5)
    {
        var chosen = new List<double>();
        var routed = new List<(string Kind, Intent Intent)>();
        for (var k = 0; k < folds; k++)
        {
            var threshold = Calibrate([.. outcomes.Where((_, i) => i % folds != k)]);
            chosen.Add(threshold);
            routed.AddRange(outcomes.Where((_, i) => i % folds == k).Select(o => (o.Case.Kind, IntentDetector.Decide(o.Probabilities, threshold).Intent)));
        }

        return (Score(routed), chosen);
    }

    public static double P50(IReadOnlyList<Outcome> outcomes)
    {
        var times = outcomes.Select(o => o.Milliseconds).Order().ToList();
        return times.Count == 0 ? 0 : times[times.Count / 2];
    }
}
