using VillageBot.Features.Reports;

namespace VillageBot.Tests.Nudges;

public sealed class UntriagedDigestTests : NudgeTest
{
    [Fact]
    public async Task Each_coordinator_gets_one_digest_of_their_villages_reports_still_new_after_48_hours()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var second = await CoordinatorAsync("kalsnava", "lv");
        var elsewhere = await CoordinatorAsync("skrunda", "en");
        var reporter = await MemberAsync("en", "kalsnava");
        var pothole = await ReportAsync(reporter, "Deep pothole on the road by the school");
        var rubbish = await ReportAsync(reporter, "Rubbish dumped in the forest");
        Advance(TimeSpan.FromHours(20));
        var late = await ReportAsync(reporter, "Streetlight broken near the shop");

        // A coordinator who turned reminders off still gets digests: they are work, not reminders.
        Assert.Contains("Atgādinājumi: izslēgti", (await ToggleRemindersAsync(second)).Text);

        await coordinator.SkipAsync();
        Advance(TimeSpan.FromHours(28) - TimeSpan.FromMinutes(20));
        await coordinator.ExpectSilenceAsync();
        Advance(TimeSpan.FromMinutes(20));
        var digest = await coordinator.ExpectTextAsync("Reports waiting for triage for more than 48 h: 2");
        Assert.Contains($"• {pothole} · Roads and transport · Kalsnava · 02.06.2025: “Deep pothole on the road by the school”", digest.Text);
        Assert.Contains(rubbish, digest.Text);
        Assert.DoesNotContain(late, digest.Text);
        Assert.Contains("Triage them with /reports new", digest.Text);
        Assert.DoesNotContain("/settings", digest.Text);
        var lv = await second.ExpectTextAsync("Ziņojumi, kas gaida izskatīšanu ilgāk par 48 h: 2");
        Assert.Contains("Tos var izskatīt ar /reports jauns", lv.Text);
        await reporter.ExpectSilenceAsync();
        await elsewhere.ExpectSilenceAsync();

        // One triaged; the next digest comes when the late one has waited 48 h, and lists what is still new.
        Assert.NotNull(Store.ChangeStatus(StoredReport(pothole).Id, ReportStatus.New, ReportStatus.Acknowledged, null, coordinator.Id, Now));
        Advance(TimeSpan.FromHours(19));
        await coordinator.ExpectSilenceAsync();
        Advance(TimeSpan.FromHours(1));
        var next = await coordinator.ExpectTextAsync("Reports waiting for triage for more than 48 h: 2");
        Assert.Contains(rubbish, next.Text);
        Assert.Contains(late, next.Text);
        Assert.DoesNotContain(pothole, next.Text);

        // Nothing new to mention: no digest until 48 h after the last one.
        Advance(TimeSpan.FromHours(47));
        await coordinator.ExpectSilenceAsync();
        Advance(TimeSpan.FromHours(1));
        await coordinator.ExpectTextAsync("Reports waiting for triage for more than 48 h: 2");
        Assert.Equal(3, Count(Api, coordinator, "Reports waiting for triage"));
    }
}
