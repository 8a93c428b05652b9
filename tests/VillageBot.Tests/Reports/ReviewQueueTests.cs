using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VillageBot.Features.Reports;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Tests.Reports;

public sealed class ReviewQueueTests : ReportTest
{
    [Fact]
    public async Task Admin_reviews_lowest_confidence_first_and_relabels_with_a_button()
    {
        var village = Host.Db.Villages.FindOne(v => v.Code == "kalsnava")!.Id;
        var sure = Store.Add(new Report { VillageId = village, Text = "Unsure one", Category = "community", PredictedCategory = "community", Confidence = 0.45, NeedsReview = true });
        var least = Store.Add(new Report { VillageId = village, Text = "Least sure one", Category = "economy", PredictedCategory = "economy", Confidence = 0.12, NeedsReview = true });
        Store.Add(new Report { VillageId = village, Text = "Confident one", Category = "transport", PredictedCategory = "transport", Confidence = 0.95 });

        var admin = Admin();
        admin.Send("/review");
        await admin.ExpectTextAsync("To review: 2");
        var first = await admin.NextAsync();
        Assert.Contains(least.Reference, first.Text);
        Assert.Contains("12%", first.Text);
        Assert.Equal(Categories.All.Count, first.AllButtons.Count());
        var second = await admin.NextAsync();
        Assert.Contains(sure.Reference, second.Text);

        admin.ClickData(first.MessageId, $"rvw:{least.Id}:environment");
        await admin.ExpectTextAsync($"{least.Reference}: labelled “Environment, water and waste”");
        var relabeled = Store.Find(least.Id)!;
        Assert.Equal(("environment", "environment", false), (relabeled.RelabeledCategory, relabeled.Category, relabeled.NeedsReview));
        Assert.Equal("economy", relabeled.PredictedCategory);

        admin.Send("/review");
        await admin.ExpectTextAsync("To review: 1");
        Assert.Contains(sure.Reference, (await admin.NextAsync()).Text);
    }

    [Fact]
    public async Task Relabel_buttons_are_for_admins_only_and_forged_ones_change_nothing()
    {
        var reporter = await MemberAsync("en");
        var reference = await ReportAsync(reporter, "Nobody organises anything for the young people here");
        var id = StoredReport(reference).Id;
        var coordinator = await CoordinatorAsync();
        coordinator.Send("/review");
        await coordinator.ExpectTextAsync("Only an admin");
        coordinator.ClickData(1, $"rvw:{id}:safety");
        Assert.True((await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery")).Alert);

        var admin = Admin();
        admin.ClickData(1, $"rvw:{id}:weather");
        await admin.ExpectAsync(e => e.Method == "answerCallbackQuery" && e.Text!.Contains("no longer valid"));
        admin.ClickData(1, "rvw:999:safety");
        await admin.ExpectAsync(e => e.Method == "answerCallbackQuery" && e.Text!.Contains("no longer valid"));

        var report = StoredReport(reference);
        Assert.Null(report.RelabeledCategory);
        Assert.True(report.NeedsReview);
    }

    [Fact]
    public async Task Retrain_runs_in_the_background_once_at_a_time_and_reports_when_done()
    {
        Classifier.HoldRetraining();
        var admin = Admin();
        admin.Send("/retrain");
        await admin.ExpectTextAsync("Retraining the classifier");
        admin.Send("/retrain");
        await admin.ExpectTextAsync("already running");

        // The bot keeps answering while the model trains.
        admin.Send("/review");
        await admin.ExpectTextAsync("Nothing to review");

        Classifier.ReleaseRetraining();
        var done = await admin.ExpectTextAsync("The classifier is retrained");
        Assert.Contains($"{Classifier.Retrain().Examples} examples", done.Text);
        Assert.Equal(2, Classifier.Retrains);

        var resident = await MemberAsync("en");
        resident.Send("/retrain");
        await resident.ExpectTextAsync("Only an admin");
        Assert.Equal(2, Classifier.Retrains);
    }
}

/// <summary>Without a classifier (none registered) the reporter picks the category and the report goes to review.</summary>
public sealed class ReportWithoutClassifierTests : BotTest
{
    protected override Action<IServiceCollection>? TestServices => s => s.RemoveAll<IProblemClassifier>();

    [Fact]
    public async Task Reporter_picks_the_category_and_the_report_waits_for_review()
    {
        var user = await MemberAsync("en");
        user.Send("/report The bridge over the river is cracked");
        var picker = await user.ExpectAsync(e => e.HasButton("rep:cat:transport"));
        Assert.Contains("Choose the category", picker.Text);
        Assert.False(picker.HasButton("rep:back"));
        user.Click("rep:cat:transport");
        await user.ExpectAsync(e => e.HasButton("rep:anon:0"));
        user.Click("rep:anon:0");
        await user.ExpectTextAsync("/myreports");

        var report = Host.Services.GetRequiredService<ReportStore>().Reports.FindAll().Single();
        Assert.Equal(("transport", "", true), (report.Category, report.PredictedCategory, report.NeedsReview));

        var admin = Admin();
        admin.Send("/retrain");
        await admin.ExpectTextAsync("not available");
    }
}
