using VillageBot.Features.Nudges;
using VillageBot.Features.Reports;

namespace VillageBot.Tests.Nudges;

public sealed class ReportFollowUpTests : NudgeTest
{
    [Fact]
    public async Task Reporter_is_asked_whether_a_stalled_report_is_fixed_and_the_answer_reaches_the_coordinator()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var reporter = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(reporter, "Deep pothole on the road by the school");
        var id = StoredReport(reference).Id;
        await coordinator.ExpectTextAsync("A new report in your village");

        Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(20));
        await reporter.ExpectSilenceAsync();
        Advance(TimeSpan.FromMinutes(20));
        var question = await ExpectFollowUpAsync(reporter);
        Assert.Contains(reference, question.Text);
        Assert.Contains("Deep pothole on the road by the school", question.Text);
        Assert.Contains("Its status has been “new” since 02.06.2025.", question.Text);
        Assert.Contains("turn reminders off in /settings", question.Text);
        Assert.Equal([$"nfu:{id}:yes", $"nfu:{id}:partly", $"nfu:{id}:no", $"nfu:{id}:unknown"], question.AllButtons.Select(b => b.Data));

        reporter.ClickData(question.MessageId, $"nfu:{id}:partly");
        var thanks = await reporter.ExpectAsync(e => e.Method == "editMessageText" && e.MessageId == question.MessageId);
        Assert.Equal($"Thank you! Your answer about {reference} is recorded: partly. The village coordinators will see it.", thanks.Text);
        Assert.Empty(thanks.AllButtons);
        var told = await coordinator.ExpectTextAsync($"{reference}: asked “Is the problem fixed?”, the reporter answered: partly.");
        Assert.Contains("Deep pothole", told.Text);
        Assert.True(told.HasButton($"rst:{id}:acknowledged"));

        var report = StoredReport(reference);
        Assert.Equal((FollowUpAnswers.Partly, Now), (report.FollowUpAnswer, report.FollowUpAnsweredAt));
        coordinator.Send("/reports");
        var card = await coordinator.ExpectAsync(e => e.Text?.Contains(reference, StringComparison.Ordinal) == true && e.AllButtons.Any());
        Assert.Contains("The reporter's answer to “Is it fixed?” (16.06.2025): partly", card.Text);

        // Still open and unchanged: asked again after another 14 days, not before.
        Advance(TimeSpan.FromDays(13));
        await reporter.ExpectSilenceAsync();
        Advance(TimeSpan.FromDays(1));
        var again = await ExpectFollowUpAsync(reporter);
        reporter.ClickData(again.MessageId, $"nfu:{id}:yes");
        await reporter.ExpectTextAsync("recorded: yes, fixed");
        await coordinator.ExpectTextAsync("the reporter answered: yes, fixed.");

        // "Yes" ends the questions until the status changes.
        Advance(TimeSpan.FromDays(30));
        await reporter.ExpectSilenceAsync();
        Assert.Equal(2, Count(Api, reporter, FollowUpQuestion));
    }

    [Fact]
    public async Task A_status_change_starts_the_wait_again_and_a_closed_report_is_not_followed_up()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var reporter = await MemberAsync("en", "kalsnava");
        var open = await ReportAsync(reporter, "Deep pothole on the road by the school");
        var closed = await ReportAsync(reporter, "Rubbish dumped in the forest");
        var openId = StoredReport(open).Id;

        Advance(TimeSpan.FromDays(10));
        Assert.NotNull(Store.ChangeStatus(openId, ReportStatus.New, ReportStatus.Acknowledged, null, coordinator.Id, Now));
        Assert.NotNull(Store.ChangeStatus(StoredReport(closed).Id, ReportStatus.New, ReportStatus.Resolved, null, coordinator.Id, Now));
        Advance(TimeSpan.FromDays(5));
        await reporter.ExpectSilenceAsync();

        Advance(TimeSpan.FromDays(9));
        var question = await ExpectFollowUpAsync(reporter);
        Assert.Contains(open, question.Text);
        Assert.Contains("“acknowledged” since 12.06.2025", question.Text);
        Advance(TimeSpan.FromDays(1));
        await reporter.ExpectSilenceAsync();
        Assert.DoesNotContain(Api.Events(reporter.Id), e => e.Text?.Contains(FollowUpQuestion, StringComparison.Ordinal) == true && e.Text.Contains(closed, StringComparison.Ordinal));

        // Resolved after the question was asked: its buttons no longer record anything.
        Assert.NotNull(Store.ChangeStatus(openId, ReportStatus.Acknowledged, ReportStatus.Resolved, null, coordinator.Id, Now));
        reporter.ClickData(question.MessageId, $"nfu:{openId}:no");
        await reporter.ExpectTextAsync($"Report {open} is already closed (resolved), so no answer is needed any more.");
        Assert.Null(StoredReport(open).FollowUpAnswer);
    }

    [Fact]
    public async Task Forged_follow_up_buttons_change_nothing()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var reporter = await MemberAsync("en", "kalsnava");
        var stranger = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(reporter, "Deep pothole on the road by the school");
        var id = StoredReport(reference).Id;
        await coordinator.ExpectTextAsync("A new report in your village");

        // Not asked yet: even the reporter's own forged answer is refused.
        reporter.ClickData(1, $"nfu:{id}:yes");
        Assert.Equal("This button is no longer valid.", (await reporter.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);

        Advance(TimeSpan.FromDays(14));
        var question = await ExpectFollowUpAsync(reporter);
        await coordinator.ExpectTextAsync("Reports waiting for triage");
        foreach (var (who, data) in new[]
        {
            (stranger, $"nfu:{id}:yes"), (coordinator, $"nfu:{id}:no"), (reporter, $"nfu:{id}:maybe"), (reporter, $"nfu:{id}"),
            (reporter, $"nfu:{id}:yes:1"), (reporter, $"nfu:{id + 100}:yes"), (reporter, "nfu:x:yes"), (reporter, "nfu"),
        })
        {
            who.ClickData(question.MessageId, data);
            Assert.Equal("This button is no longer valid.", (await who.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        }

        Assert.Null(StoredReport(reference).FollowUpAnswer);
        await coordinator.ExpectSilenceAsync();

        // The real answer, then the same answer again: recorded once, told once.
        reporter.ClickData(question.MessageId, $"nfu:{id}:no");
        await coordinator.ExpectTextAsync("the reporter answered: no, not fixed.");
        reporter.ClickData(question.MessageId, $"nfu:{id}:no");
        Assert.Equal("This answer is already recorded.", (await reporter.ExpectAsync(e => e.Method == "answerCallbackQuery" && e.Text is not null)).Text);
        await coordinator.ExpectSilenceAsync();
        Assert.Equal(FollowUpAnswers.No, StoredReport(reference).FollowUpAnswer);
    }
}
