using System.Text.Json;
using System.Text.Json.Serialization;
using VillageBot.Features.Questions.Retrieval;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Questions;

/// <summary>
/// One line of data/eval/questions.jsonl: a question as a resident types it and the keyword groups a good answer
/// contains (every group needs one of its keywords, case and diacritics ignored), or unanswerable: true.
/// </summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("q")] string Q,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("expect")] List<List<string>>? Expect = null,
    [property: JsonPropertyName("topic")] string? Topic = null,
    [property: JsonPropertyName("unanswerable")] bool Unanswerable = false);

public sealed record EvalOutcome(EvalQuestion Question, QuestionAnswer Answer, bool Passed, string? Problem);

public sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes)
{
    public double PassRate => Outcomes.Count == 0 ? 0 : (double)Outcomes.Count(o => o.Passed) / Outcomes.Count;

    public TimeSpan P50 => Percentile(0.50);

    public TimeSpan P95 => Percentile(0.95);

    private TimeSpan Percentile(double p)
    {
        var sorted = Outcomes.Select(o => o.Answer.Elapsed).Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>Runs the evaluation questions through the answerer and checks each answer's keywords.</summary>
public static class QaEvaluation
{
    public static List<EvalQuestion> Load(string path) =>
        [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select((l, i) =>
            JsonSerializer.Deserialize<EvalQuestion>(l) ?? throw new FormatException($"{path}:{i + 1} is not a question."))];

    /// <summary>Answers every question once to warm up, then again measuring each answer's time.</summary>
    public static async Task<EvalReport> RunAsync(QuestionAnswerer answerer, IReadOnlyList<EvalQuestion> questions, CancellationToken ct = default)
    {
        foreach (var q in questions)
        {
            await answerer.AnswerAsync(q.Q, q.Lang, ct);
        }

        var outcomes = new List<EvalOutcome>();
        foreach (var q in questions)
        {
            var answer = await answerer.AnswerAsync(q.Q, q.Lang, ct);
            var problem = Check(q, answer);
            outcomes.Add(new EvalOutcome(q, answer, problem is null, problem));
        }

        return new EvalReport(outcomes);
    }

    /// <summary>Null when the answer passes; otherwise what is wrong with it.</summary>
    public static string? Check(EvalQuestion q, QuestionAnswer answer)
    {
        if (q.Unanswerable)
        {
            return answer.Answered ? "answered a question the knowledge base cannot answer" : null;
        }

        if (!answer.Answered)
        {
            return "not answered";
        }

        var text = Folding.Fold(answer.Text);
        var missing = (q.Expect ?? []).Where(group => !group.Any(k => text.Contains(Folding.Fold(k), StringComparison.Ordinal))).ToList();
        return missing.Count == 0 ? null : "missing " + string.Join(" and ", missing.Select(g => "[" + string.Join(" | ", g) + "]"));
    }
}
