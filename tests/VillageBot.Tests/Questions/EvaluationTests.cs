using VillageBot.Features.Questions;

namespace VillageBot.Tests.Questions;

public sealed class EvaluationTests(AnswererFixture fixture) : IClassFixture<AnswererFixture>
{
    private static string EvalFile => Path.Combine(AppContext.BaseDirectory, "data", "eval", "questions.jsonl");

    [Fact]
    public void The_evaluation_set_has_at_least_sixty_questions_in_three_languages_including_unanswerable_ones()
    {
        var questions = QaEvaluation.Load(EvalFile);
        Assert.True(questions.Count >= 60, $"{questions.Count} questions");
        Assert.Equal(["en", "lv", "ru"], questions.Select(q => q.Lang).Distinct().Order());
        Assert.Contains(questions, q => q.Unanswerable);
        Assert.All(questions.Where(q => !q.Unanswerable), q => Assert.NotEmpty(q.Expect!));
    }

    [Fact]
    public async Task At_least_ninety_percent_of_the_evaluation_passes_with_no_AI_service_at_under_20_ms_median()
    {
        var report = await QaEvaluation.RunAsync(fixture.Answerer, QaEvaluation.Load(EvalFile));
        var failures = string.Join('\n', report.Outcomes.Where(o => !o.Passed).Select(o => $"{o.Question.Q}: {o.Problem}"));
        Assert.True(report.PassRate >= 0.9, $"pass rate {report.PassRate:P1}\n{failures}");
        Assert.True(report.P50 < TimeSpan.FromMilliseconds(20), $"p50 {report.P50.TotalMilliseconds} ms");
    }

    [Fact]
    public void An_answer_passes_when_each_keyword_group_has_one_keyword_ignoring_case_and_diacritics()
    {
        var q = new EvalQuestion("q", "lv", [["statūt", "dibinātāj"], ["ur.gov.lv"]]);
        Assert.Null(QaEvaluation.Check(q, Answer(true, "Dibinataji pieņem STATUTUS; reģistrē UR.gov.lv")));
        Assert.Contains("ur.gov.lv", QaEvaluation.Check(q, Answer(true, "Dibinātāji pieņem statūtus.")));
        Assert.Equal("not answered", QaEvaluation.Check(q, Answer(false, "statūti ur.gov.lv")));
    }

    [Fact]
    public void An_unanswerable_question_passes_only_when_it_is_not_answered()
    {
        var q = new EvalQuestion("kad brauc autobuss", "lv", Unanswerable: true);
        Assert.Null(QaEvaluation.Check(q, Answer(false, "nezinu")));
        Assert.NotNull(QaEvaluation.Check(q, Answer(true, "autobuss")));
    }

    private static QuestionAnswer Answer(bool answered, string text) =>
        new(answered, text, [], answered ? AnswerMode.Retrieval : AnswerMode.NotFound, TimeSpan.Zero);
}
