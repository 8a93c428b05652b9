using System.Text.Json;
using VillageBot.Infrastructure.MachineLearning;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Questions;

/// <summary>
/// One evaluation question: the text a resident types, the articles that should answer it (best first) and the
/// keyword groups a good answer contains (each group needs one alternative that starts a word of the answer).
/// A question with no articles is off-topic: the knowledge base cannot answer it and must say so.
/// </summary>
public sealed record QaCase(string Id, string Lang, string Text, IReadOnlyList<string> Articles, IReadOnlyList<IReadOnlyList<string>> Keywords)
{
    public bool OffTopic => Articles.Count == 0;
}

public sealed record EvalOutcome(QaCase Question, QuestionAnswer Answer, bool Passed, string? Problem)
{
    /// <summary>Answered, but from none of the expected articles (or answered when it should not be).</summary>
    public bool WrongArticle => Answer.Answered && !Question.OffTopic && !Question.Articles.Any(a => Answer.Sources.Any(s => s.Id == a));
}

public sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes)
{
    private IEnumerable<EvalOutcome> Answerable => Outcomes.Where(o => !o.Question.OffTopic);

    private IEnumerable<EvalOutcome> OffTopic => Outcomes.Where(o => o.Question.OffTopic);

    /// <summary>Passed share of the answerable questions.</summary>
    public double PassRate => Rate(Answerable, o => o.Passed);

    public double PassRateFor(string lang) => Rate(Answerable.Where(o => o.Question.Lang == lang), o => o.Passed);

    /// <summary>Share of the answerable questions answered from none of their articles.</summary>
    public double WrongArticleRate => Rate(Answerable, o => o.WrongArticle);

    /// <summary>Share of the answerable questions answered "I don't know".</summary>
    public double NotAnsweredRate => Rate(Answerable, o => !o.Answer.Answered);

    /// <summary>Share of the off-topic questions that were answered anyway.</summary>
    public double OffTopicAnsweredRate => Rate(OffTopic, o => o.Answer.Answered);

    public int AnswerableCount => Answerable.Count();

    public int OffTopicCount => OffTopic.Count();

    public TimeSpan P50 => Percentile(0.50);

    public TimeSpan P95 => Percentile(0.95);

    private static double Rate(IEnumerable<EvalOutcome> outcomes, Func<EvalOutcome, bool> counted)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(counted) / list.Count;
    }

    private TimeSpan Percentile(double p)
    {
        var sorted = Outcomes.Select(o => o.Answer.Elapsed).Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>
/// Runs evaluation questions through the answerer and scores each answer: the expected article among the sources
/// and every keyword group matched at a word start; an off-topic question passes only unanswered.
/// </summary>
public static class QaEvaluation
{
    public static readonly string[] Sets = ["dev", "test", "authored"];

    /// <summary>
    /// The questions of a set: <c>dev</c> and <c>test</c> are the blind questions and off-topic questions of every
    /// batch; <c>authored</c> is data/eval/questions.jsonl, written beside the knowledge base.
    /// </summary>
    public static List<QaCase> LoadSet(string dataPath, string set) => set switch
    {
        "authored" => Load(Path.Combine(dataPath, "eval", "questions.jsonl")),
        "dev" or "test" => [.. new[] { "questions", "offtopic" }.SelectMany(kind => BlindBatches.Files(dataPath, kind, set)).SelectMany(Load)],
        _ => throw new ArgumentException($"Unknown evaluation set '{set}': use {string.Join(", ", Sets)}.", nameof(set)),
    };

    /// <summary>
    /// Reads JSON lines in either format: blind ({"id","lang","text","articles","keywords"}, no articles when
    /// off-topic) or authored ({"q","lang","expect","topic"} or {"q","lang","unanswerable": true}; the topic is the expected article).
    /// </summary>
    public static List<QaCase> Load(string path) =>
        [.. File.ReadLines(path).Select((line, i) => (line, i)).Where(x => x.line.Trim().Length > 0).Select(x => Parse(path, x.i + 1, x.line))];

    private static QaCase Parse(string path, int number, string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var lang = root.TryGetProperty("lang", out var l) ? l.GetString() : null;
        var authored = root.TryGetProperty("q", out var q);
        var text = authored ? q.GetString() : root.TryGetProperty("text", out var t) ? t.GetString() : null;
        if (lang is null || string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"{path}:{number} is not a question (it needs \"lang\" and \"text\" or \"q\").");
        }

        var id = root.TryGetProperty("id", out var i) ? i.GetString()! : $"{Path.GetFileNameWithoutExtension(path)}:{number}";
        var articles = authored
            ? root.TryGetProperty("topic", out var topic) && !(root.TryGetProperty("unanswerable", out var u) && u.GetBoolean()) ? [topic.GetString()!] : new List<string>()
            : root.TryGetProperty("articles", out var a) ? a.Deserialize<List<string>>()! : [];
        var keywords = root.TryGetProperty(authored ? "expect" : "keywords", out var k) ? k.Deserialize<List<List<string>>>()! : [];
        return new QaCase(id, lang, text, articles, [.. keywords]);
    }

    /// <summary>Answers every question once to warm up, then again measuring each answer's time.</summary>
    public static async Task<EvalReport> RunAsync(QuestionAnswerer answerer, IReadOnlyList<QaCase> questions, CancellationToken ct = default)
    {
        foreach (var q in questions)
        {
            await answerer.AnswerAsync(q.Text, q.Lang, ct);
        }

        var outcomes = new List<EvalOutcome>();
        foreach (var q in questions)
        {
            var answer = await answerer.AnswerAsync(q.Text, q.Lang, ct);
            var problem = Check(q, answer);
            outcomes.Add(new EvalOutcome(q, answer, problem is null, problem));
        }

        return new EvalReport(outcomes);
    }

    /// <summary>Null when the answer passes; otherwise what is wrong with it.</summary>
    public static string? Check(QaCase q, QuestionAnswer answer)
    {
        if (q.OffTopic)
        {
            return answer.Answered ? "answered a question the knowledge base cannot answer" : null;
        }

        if (!answer.Answered)
        {
            return "not answered";
        }

        if (!q.Articles.Any(a => answer.Sources.Any(s => s.Id == a)))
        {
            return $"wrong article: {string.Join(", ", answer.Sources.Select(s => s.Id))} instead of {string.Join(" or ", q.Articles)}";
        }

        var text = Folding.Fold(answer.Text);
        var missing = q.Keywords.Where(group => !group.Any(k => StartsAWord(text, Folding.Fold(k)))).ToList();
        return missing.Count == 0 ? null : "missing " + string.Join(" and ", missing.Select(g => "[" + string.Join(" | ", g) + "]"));
    }

    /// <summary>True when <paramref name="start"/> occurs in the folded text at the start of a word ("es" does not match "ciemes").</summary>
    public static bool StartsAWord(string foldedText, string start)
    {
        for (var at = foldedText.IndexOf(start, StringComparison.Ordinal); at >= 0; at = foldedText.IndexOf(start, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsLetterOrDigit(foldedText[at - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
