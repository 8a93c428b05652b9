using System.Globalization;
using System.Text;

namespace VillageBot.Features.Reports.Classification;

/// <summary>One prediction next to the truth.</summary>
public sealed record Outcome(string Gold, string Predicted, string Lang, double Confidence);

/// <summary>Macro-F1, confusion matrices, stratified k-fold cross-validation and learning curves.</summary>
public static class ClassifierEvaluation
{
    /// <summary>Mean F1 over the categories that occur (as truth or prediction); 0 for no outcomes.</summary>
    public static double MacroF1(IReadOnlyCollection<Outcome> outcomes) =>
        outcomes.Count == 0 ? 0 : PerCategoryF1(outcomes).Values.Average();

    public static Dictionary<string, double> PerCategoryF1(IReadOnlyCollection<Outcome> outcomes)
    {
        var labels = outcomes.Select(o => o.Gold).Concat(outcomes.Select(o => o.Predicted)).Distinct().Order(StringComparer.Ordinal);
        return labels.ToDictionary(l => l, l =>
        {
            double tp = outcomes.Count(o => o.Gold == l && o.Predicted == l);
            double fp = outcomes.Count(o => o.Gold != l && o.Predicted == l);
            double fn = outcomes.Count(o => o.Gold == l && o.Predicted != l);
            return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
        });
    }

    public static Dictionary<string, double> MacroF1ByLanguage(IReadOnlyCollection<Outcome> outcomes) =>
        outcomes.GroupBy(o => o.Lang).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => MacroF1([.. g]));

    /// <summary>Stratified k-fold cross-validation: every example is predicted once by a model that did not see it.</summary>
    public static List<Outcome> CrossValidate(IReadOnlyList<LabeledText> examples, Func<IReadOnlyList<LabeledText>, ProblemModel> train, int folds = 5, int seed = 1)
    {
        var fold = AssignFolds(examples, folds, seed);
        var outcomes = new List<Outcome>();
        for (var k = 0; k < folds; k++)
        {
            var model = train([.. examples.Where((_, i) => fold[i] != k)]);
            outcomes.AddRange(Evaluate(model, [.. examples.Where((_, i) => fold[i] == k)]));
        }

        return outcomes;
    }

    public static List<Outcome> Evaluate(ProblemModel model, IReadOnlyList<LabeledText> examples)
    {
        var scores = model.PredictBatch(examples.Select(e => e.Text));
        return [.. examples.Select((e, i) =>
        {
            var best = Array.IndexOf(scores[i], scores[i].Max());
            return new Outcome(e.Label, model.Labels[best], e.Lang, scores[i][best]);
        })];
    }

    /// <summary>A stratified (by category and language) random share of the examples, the same for the same seed.</summary>
    public static List<LabeledText> Sample(IReadOnlyList<LabeledText> examples, double share, int seed = 1)
    {
        var random = new Random(seed);
        return [.. examples.GroupBy(e => (e.Label, e.Lang))
            .SelectMany(g => g.OrderBy(_ => random.Next()).Take((int)Math.Ceiling(g.Count() * share)))];
    }

    public static string ConfusionMatrix(IReadOnlyCollection<Outcome> outcomes)
    {
        var labels = Categories.All;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"truth \\ predicted",-18}");
        foreach (var l in labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Abbreviation(l),6}");
        }

        sb.AppendLine("   F1");
        var f1 = PerCategoryF1(outcomes);
        foreach (var gold in labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{gold,-18}");
            foreach (var predicted in labels)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{outcomes.Count(o => o.Gold == gold && o.Predicted == predicted),6}");
            }

            sb.AppendLine(CultureInfo.InvariantCulture, $"  {f1.GetValueOrDefault(gold):0.000}");
        }

        return sb.ToString();
    }

    private static string Abbreviation(string label) => label.Length <= 5 ? label : label[..5];

    private static int[] AssignFolds(IReadOnlyList<LabeledText> examples, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[examples.Count];
        var n = 0;
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => (examples[i].Label, examples[i].Lang)))
        {
            foreach (var i in group.OrderBy(_ => random.Next()))
            {
                fold[i] = n++ % folds;
            }
        }

        return fold;
    }
}
