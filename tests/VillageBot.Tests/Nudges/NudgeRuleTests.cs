using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Nudges;
using VillageBot.Tests.Quizzes;

namespace VillageBot.Tests.Nudges;

/// <summary>What holds for every nudge: quiet hours, restarts, crashes, opting out and blocked residents.</summary>
public sealed class NudgeRuleTests : NudgeTest
{
    [Fact]
    public async Task A_nudge_due_at_22_in_Riga_waits_for_8_and_arrives_once_across_a_restart()
    {
        AdvanceTo(new DateTime(2025, 6, 2, 22, 0, 0));
        var reporter = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(reporter, "Deep pothole on the road by the school");
        var key = $"followup:{StoredReport(reference).Id}:1";

        Advance(TimeSpan.FromDays(14));
        await WaitUntilAsync(() => Nudges.Get(key) is { State: NudgeState.Pending });
        Assert.Equal(new DateTime(2025, 6, 17, 5, 0, 0, DateTimeKind.Utc), Nudges.Get(key)!.DueAt);
        await reporter.ExpectSilenceAsync();

        Host = await Host.RestartAsync();
        AdvanceTo(new DateTime(2025, 6, 17, 7, 59, 0));
        await reporter.ExpectSilenceAsync();
        AdvanceTo(new DateTime(2025, 6, 17, 8, 0, 0));
        await ExpectFollowUpAsync(reporter);

        Host = await Host.RestartAsync();
        Advance(TimeSpan.FromHours(6));
        await reporter.ExpectSilenceAsync();
        Assert.Equal(1, Count(Api, reporter, FollowUpQuestion));
        Assert.Equal(NudgeState.Sent, Nudges.Get(key)!.State);
    }

    [Fact]
    public async Task A_nudge_left_marked_as_sending_by_a_crash_is_never_sent_again()
    {
        var learner = await MemberAsync("en", "kalsnava");
        await learner.StartModuleAsync("partnerships");
        var key = $"quiz:{learner.Id}:partnerships";
        Nudges.TryAdd(new Nudge { Key = key, Kind = "quiz", ResidentId = learner.Id, Ref = "partnerships", Basis = Now, CreatedAt = Now, DueAt = Now, State = NudgeState.Sending, SentAt = Now });

        Host = await Host.RestartAsync();
        Host.Services.GetRequiredService<NudgeWake>().At(Now);
        await WaitUntilAsync(() => Nudges.Get(key) is { State: NudgeState.Unconfirmed });
        Advance(TimeSpan.FromDays(4));
        await learner.ExpectSilenceAsync();
        Assert.Equal(0, Count(Api, learner, "Shall we go on"));
    }

    [Fact]
    public async Task Reminders_turned_off_in_settings_are_not_sent_until_turned_on_again()
    {
        AdvanceTo(new DateTime(2025, 6, 2, 22, 0, 0));
        var reporter = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(reporter, "Deep pothole on the road by the school");
        var id = StoredReport(reference).Id;

        // Planned for 08:00 because of quiet hours, then turned off before it is due.
        Advance(TimeSpan.FromDays(14));
        await WaitUntilAsync(() => Nudges.Get($"followup:{id}:1") is { State: NudgeState.Pending });
        Assert.Contains("Reminders: off", (await ToggleRemindersAsync(reporter)).Text);
        AdvanceTo(new DateTime(2025, 6, 17, 8, 0, 0));
        await WaitUntilAsync(() => Nudges.Get($"followup:{id}:1") is { State: NudgeState.Dropped, Reason: "reminders off" });

        // While off, none is even planned.
        Advance(TimeSpan.FromDays(14));
        await reporter.ExpectSilenceAsync();
        Assert.Null(Nudges.Get($"followup:{id}:2"));
        Assert.Equal(0, Count(Api, reporter, FollowUpQuestion));

        Assert.Contains("Reminders: on", (await ToggleRemindersAsync(reporter)).Text);
        Advance(TimeSpan.FromMinutes(15));
        await ExpectFollowUpAsync(reporter);
    }

    [Fact]
    public async Task Residents_who_blocked_the_bot_are_skipped()
    {
        var blocked = await MemberAsync("en", "kalsnava");
        var gone = await MemberAsync("en", "kalsnava");
        await blocked.StartModuleAsync("partnerships");
        await gone.StartModuleAsync("partnerships");
        Api.Block(blocked.Id);
        var inactive = Host.Db.Residents.FindById(gone.Id)!;
        inactive.Active = false;
        Host.Db.Residents.Update(inactive);

        Advance(TimeSpan.FromDays(3));
        await WaitUntilAsync(() => Nudges.Get($"quiz:{blocked.Id}:partnerships") is { State: NudgeState.Dropped, Reason: "blocked" });
        Assert.False(Host.Db.Residents.FindById(blocked.Id)!.Active);
        Assert.Null(Nudges.Get($"quiz:{gone.Id}:partnerships"));
        await gone.ExpectSilenceAsync();
    }
}
