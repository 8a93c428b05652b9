using System.Diagnostics;
using System.Text.Json;

namespace VillageBot.Features.FreeText;

/// <summary>
/// How free text is routed on the blind evaluation sets (data/eval/blind/*.{split}.jsonl): problem reports should
/// reach the report flow, answerable and off-topic questions the answering, chit-chat the friendly reply. The texts
/// are routed with <see cref="IntentDetector.Probabilities"/> and <see cref="IntentDetector.Decide"/>, the decision the
/// chat makes.
/// </summary>
public static class IntentEvaluation
{
    /// <summary>The blind sets and what each of their texts is: question (answerable or off-topic), problem or chitchat.</summary>
    private static readonly (string File, string Kind)[] Sets =
        [("questions", IntentModel.Question), ("offtopic", IntentModel.Question), ("problems", IntentModel.Problem), ("chitchat", IntentModel.Chitchat)];

    public sealed record Case(string Text, string Lang, string Kind);

    public sealed record Outcome(Case Case, float[] Probabilities, double Milliseconds);

    public sealed record Rates(double ProblemToReport, double ProblemToQuestion, double QuestionToAnswer, double QuestionToReport, double ChitchatOk, double Unsure);

    public static string BlindDirectory(string dataPath) => Path.Combine(dataPath, "eval", "blind");

    public static List<Case> LoadBlind(string dataPath, string split)
    {
        var cases = new List<Case>();
        foreach (var (file, kind) in Sets)
        {
            var path = Path.Combine(BlindDirectory(dataPath), $"{file}.{split}.jsonl");
            foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                cases.Add(new Case(doc.RootElement.GetProperty("text").GetString()!, doc.RootElement.GetProperty("lang").GetString()!, kind));
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

    public static Rates Score(IReadOnlyList<Outcome> outcomes, double unsureBelow)
    {
        var routed = outcomes.Select(o => (o.Case.Kind, IntentDetector.Decide(o.Probabilities, unsureBelow).Intent)).ToList();
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

    public static double P50(IReadOnlyList<Outcome> outcomes)
    {
        var times = outcomes.Select(o => o.Milliseconds).Order().ToList();
        return times.Count == 0 ? 0 : times[times.Count / 2];
    }
}
