using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Questions;
using VillageBot.Features.Questions.Retrieval;

namespace VillageBot.Benchmarks;

/// <summary>
/// Retrieval answers with no AI service, through the same <see cref="QuestionAnswerer"/> the bot uses: the index
/// build, the pass rates on the authored set and on the blind test split, the answer time over many rounds of the evaluation questions (one at a time and
/// from two callers at once), and the managed memory the index holds.
/// </summary>
public sealed class QuestionsBenchmark : IBenchmarkSection
{
    private const int Rounds = 20;

    public string Name => "questions";

    public string Description => $"retrieval answers (no AI service) to the evaluation questions, {Rounds} rounds";

    public async Task RunAsync(Figures figures, CancellationToken ct)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        await using var services = QuestionsFeature.BuildStandalone(new Dictionary<string, string?> { ["Ai:Provider"] = "None" });
        var folder = Path.Combine(services.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedDataPath, "knowledge");
        var index = new KnowledgeIndex(KnowledgeBase.Load(folder));
        figures.Add("questions_index_build_ms", Math.Round(build.Elapsed.TotalMilliseconds), "ms", $"{index.Articles.Count} articles, {index.PassageCount} passages, cold (JIT included)");
        figures.Add("questions_index_managed_mb", Math.Round((GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0, 1), "MB", "managed heap held by one index");
        GC.KeepAlive(index);

        var answerer = services.GetRequiredService<QuestionAnswerer>();
        var dataPath = Path.GetDirectoryName(folder)!;
        var questions = QaEvaluation.LoadSet(dataPath, "authored");
        var report = await QaEvaluation.RunAsync(answerer, questions, ct);
        figures.Add("questions_eval_count", questions.Count);
        figures.Add("questions_eval_pass_rate", Math.Round(report.PassRate, 3), "", "authored set (data/eval/questions.jsonl), article and word-start keywords checked");

        // The blind test split: scored here, tuned never (tuning looks at dev only).
        var blind = await QaEvaluation.RunAsync(answerer, QaEvaluation.LoadSet(dataPath, "test"), ct);
        figures.Add("qa_test_pass_rate", Math.Round(blind.PassRate, 3), "", $"{blind.AnswerableCount} blind test questions; goal ≥ 0.85");
        foreach (var lang in Languages.All)
        {
            figures.Add($"qa_test_pass_rate_{lang}", Math.Round(blind.PassRateFor(lang), 3), "", "goal ≥ 0.80");
        }

        figures.Add("qa_test_wrong_article_rate", Math.Round(blind.WrongArticleRate, 3), "", "answered from none of the expected articles; goal ≤ 0.05");
        figures.Add("qa_offtopic_answered_rate", Math.Round(blind.OffTopicAnsweredRate, 3), "", $"{blind.OffTopicCount} blind off-topic test questions; goal ≤ 0.05");

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var q in questions)
            {
                times.Add((await answerer.AnswerAsync(q.Text, q.Lang, ct)).Elapsed.TotalMilliseconds);
            }
        }

        total.Stop();
        times.Sort();
        figures.Add("questions_answer_p50_ms", Math.Round(Percentile(times, 0.50), 3), "ms", "goal ≤ 20");
        figures.Add("qa_p50_ms", Math.Round(Percentile(times, 0.50), 3), "ms", "the same, under the suite's name");
        figures.Add("questions_answer_p95_ms", Math.Round(Percentile(times, 0.95), 3), "ms");
        figures.Add("questions_answer_p99_ms", Math.Round(Percentile(times, 0.99), 3), "ms");
        figures.Add("questions_answers_per_second", Math.Round(times.Count / total.Elapsed.TotalSeconds), "1/s", "one caller");

        var parallel = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds / 2; round++)
            {
                foreach (var q in questions)
                {
                    await answerer.AnswerAsync(q.Text, q.Lang, ct);
                }
            }
        }, ct)));
        figures.Add("questions_answers_per_second_2_callers", Math.Round(Rounds * questions.Count / parallel.Elapsed.TotalSeconds), "1/s", "two callers at once");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
