using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Questions;
using VillageBot.Features.Questions.Retrieval;

namespace VillageBot.Benchmarks;

/// <summary>
/// Retrieval answers with no AI service, through the same <see cref="QuestionAnswerer"/> the bot uses: the index
/// build, the evaluation pass rate, the answer time over many rounds of the evaluation questions (one at a time and
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
        var questions = QaEvaluation.Load(Path.Combine(Path.GetDirectoryName(folder)!, "eval", "questions.jsonl"));
        var report = await QaEvaluation.RunAsync(answerer, questions, ct);
        figures.Add("questions_eval_count", questions.Count);
        figures.Add("questions_eval_pass_rate", Math.Round(report.PassRate, 3), "", "goal ≥ 0.9");

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var q in questions)
            {
                times.Add((await answerer.AnswerAsync(q.Q, q.Lang, ct)).Elapsed.TotalMilliseconds);
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
                    await answerer.AnswerAsync(q.Q, q.Lang, ct);
                }
            }
        }, ct)));
        figures.Add("questions_answers_per_second_2_callers", Math.Round(Rounds * questions.Count / parallel.Elapsed.TotalSeconds), "1/s", "two callers at once");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
