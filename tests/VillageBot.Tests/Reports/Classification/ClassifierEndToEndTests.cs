using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Tests.Reports.Classification;

/// <summary>The trained classifier behind the chat: what residents are proposed, and an admin's relabel taking effect.</summary>
public sealed class ClassifierEndToEndTests : ReportTest
{
    private const string Text = "Pie veikala stāvlaukumā vakaros pulcējas jaunieši ar mašīnām un skaļu mūziku";

    // The real model instead of the keyword stand-in of the other report tests.
    protected override Action<IServiceCollection>? TestServices => null;

    [Fact]
    public async Task The_bot_proposes_the_category_the_trained_model_predicts()
    {
        await Task.Run(Host.Services.GetRequiredService<ProblemClassifier>().EnsureReady);
        var reporter = await MemberAsync("lv");

        var reference = await ReportAsync(reporter, "uz cela pie skolas milzigas bedres, auto riteni cies");

        var report = StoredReport(reference);
        Assert.Equal(("transport", "transport"), (report.PredictedCategory, report.Category));
        Assert.True(report.Confidence > 0.5);
        Assert.Equal(1.0, report.Scores.Values.Sum(), 6);
    }

    [Fact]
    public async Task A_relabel_in_the_review_queue_and_retrain_change_what_the_bot_proposes_for_that_text()
    {
        var classifier = Host.Services.GetRequiredService<ProblemClassifier>();
        await Task.Run(classifier.EnsureReady);
        var target = classifier.Classify(Text).Category == "safety" ? "community" : "safety";

        // The reporter picks another category than proposed, so the report goes to the review queue.
        var reporter = await MemberAsync("lv");
        await StartReportAsync(reporter);
        reporter.Send(Text);
        await reporter.ExpectAsync(e => e.HasButton("rep:skip"));
        reporter.Click("rep:skip");
        await reporter.ExpectAsync(e => e.HasButton("rep:other"));
        reporter.Click("rep:other");
        await reporter.ExpectAsync(e => e.HasButton($"rep:cat:{target}"));
        var id = StoredReport(Reference((await ConfirmAndSaveAsync(reporter, confirm: $"rep:cat:{target}")).Text!)).Id;

        var admin = Admin();
        admin.Send("/review");
        await admin.ExpectAsync(e => e.HasButton($"rvw:{id}:{target}"));
        admin.Click($"rvw:{id}:{target}");
        await admin.ExpectTextAsync("labelled");
        var seen = Api.LastSeq;
        admin.Send("/retrain");
        await Api.WaitForEventAsync(e => e.ChatId == admin.Id && e.Text?.Contains("retrained", StringComparison.Ordinal) == true, seen, TimeSpan.FromMinutes(2));

        var again = await ReportAsync(await MemberAsync("lv"), Text);

        Assert.Equal(target, StoredReport(again).PredictedCategory);
    }
}
