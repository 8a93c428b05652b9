using VillageBot.Features.FreeText;
using VillageBot.Features.Questions.Retrieval;

namespace VillageBot.Benchmarks;

/// <summary>
/// Free text routing on the blind sets (test by default, dev with <c>--split dev</c>): where problem reports,
/// answerable and off-topic questions and chit-chat end up with the model, the knowledge base's evidence and the
/// threshold the chat uses, and the
/// time of one prediction.
/// </summary>
public sealed class IntentBenchmark(string split) : IBenchmarkSection
{
    public string Name => "intent";

    public string Description => $"train the intent model, then route the blind {split} texts one at a time";

    public Task RunAsync(Figures figures, CancellationToken ct)
    {
        var data = Path.Combine(Path.GetDirectoryName(BotProcess.ProgramPath())!, "data");
        var set = IntentTrainingSet.Load(data);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = IntentModel.Train(set.Examples);
        figures.Add("intent_train_s", Math.Round(clock.Elapsed.TotalSeconds, 2), "s", $"{set.Examples.Count} examples");

        var options = new IntentOptions();
        var evidence = new KnowledgeEvidence(KnowledgeIndex.Load(Path.Combine(data, "knowledge")), options.KnowledgeBoost);
        var outcomes = IntentEvaluation.Run(model, IntentEvaluation.LoadBlind(data, split), evidence);
        var r = IntentEvaluation.Score(outcomes, options.UnsureBelow);
        var note = $"blind {split} split";
        figures.Add("intent_problem_to_report_rate", Math.Round(r.ProblemToReport, 3), "", $"{note} (goal ≥ 0.90)");
        figures.Add("intent_problem_to_question_rate", Math.Round(r.ProblemToQuestion, 3), "", $"{note} (goal ≤ 0.03)");
        figures.Add("intent_question_to_answer_rate", Math.Round(r.QuestionToAnswer, 3), "", $"{note}, answerable and off-topic (goal ≥ 0.90)");
        figures.Add("intent_question_to_report_rate", Math.Round(r.QuestionToReport, 3), "", $"{note} (goal ≤ 0.03)");
        figures.Add("intent_chitchat_ok_rate", Math.Round(r.ChitchatOk, 3), "", $"{note} (goal ≥ 0.90)");
        figures.Add("intent_unsure_rate", Math.Round(r.Unsure, 3), "", "asked \"question or problem?\"");
        figures.Add("intent_predict_p50_ms", Math.Round(IntentEvaluation.P50(outcomes), 3), "ms", "one text (goal ≤ 2)");
        return Task.CompletedTask;
    }
}
