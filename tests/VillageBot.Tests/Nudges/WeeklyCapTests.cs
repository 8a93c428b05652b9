using VillageBot.Features.Nudges;
using VillageBot.Tests.Quizzes;

namespace VillageBot.Tests.Nudges;

public sealed class WeeklyCapTests : NudgeTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Nudges:ReportFollowUpDays"] = "3",
        ["Nudges:QuizIdleDays"] = "3",
    };

    [Fact]
    public async Task Over_three_a_week_follow_ups_wait_for_a_free_place_and_quiz_reminders_are_dropped()
    {
        var person = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(person, "Deep pothole on the road by the school");
        var id = StoredReport(reference).Id;
        string[] modules = ["smart-village-basics", "eu-policy-funding", "partnerships", "digital-skills-eservices"];
        foreach (var module in modules)
        {
            await person.StartModuleAsync(module);
        }

        // Day 3: five nudges due together; the follow-up on their own report goes first, then two of the quizzes.
        Advance(TimeSpan.FromDays(3));
        var first = await person.ExpectAsync(e => e.Text?.Contains("Shall we go on", StringComparison.Ordinal) == true || e.Text?.Contains(FollowUpQuestion, StringComparison.Ordinal) == true);
        Assert.Contains(FollowUpQuestion, first.Text);
        await person.ExpectTextAsync("Shall we go on");
        await person.ExpectTextAsync("Shall we go on");
        await person.ExpectSilenceAsync();
        await WaitUntilAsync(() => modules.All(m => Nudges.Get($"quiz:{person.Id}:{m}") is { Waiting: false }));
        var quiz = modules.Select(m => Nudges.Get($"quiz:{person.Id}:{m}")!).ToList();
        Assert.Equal(2, quiz.Count(n => n.State == NudgeState.Sent));
        Assert.Equal(2, quiz.Count(n => n is { State: NudgeState.Dropped, Reason: "weekly cap" }));

        // Day 6: the second follow-up is due, but three went out on day 3; it waits until day 10.
        Advance(TimeSpan.FromDays(3));
        await WaitUntilAsync(() => Nudges.Get($"followup:{id}:2") is { State: NudgeState.Pending } n && n.DueAt == VillageBot.Tests.Broadcasts.VillageTest.Start.UtcDateTime.AddDays(10));
        Advance(TimeSpan.FromDays(4) - TimeSpan.FromMinutes(1));
        await person.ExpectSilenceAsync();
        Advance(TimeSpan.FromMinutes(1));
        await ExpectFollowUpAsync(person);
        Assert.Equal(2, Count(Api, person, FollowUpQuestion));
        Assert.Equal(2, Count(Api, person, "Shall we go on"));
    }
}
