using VillageBot.Features.Nudges;
using VillageBot.Tests.Quizzes;

namespace VillageBot.Tests.Nudges;

public sealed class QuizReminderTests : NudgeTest
{
    [Fact]
    public async Task A_module_left_unfinished_for_three_days_gets_one_reminder_whose_button_continues_it()
    {
        var learner = await MemberAsync("en", "kalsnava");
        var finisher = await MemberAsync("en", "kalsnava");
        var first = await learner.StartModuleAsync("smart-village-basics");
        await learner.AnswerAsync(first, 2, (_, p) => p.Right());
        await finisher.AnswerAsync(await finisher.StartModuleAsync("assess-residents"), 10, (_, _) => 2);

        Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        await learner.ExpectSilenceAsync();
        Advance(TimeSpan.FromMinutes(1));
        var reminder = await learner.ExpectTextAsync("You started “Smart village basics” and answered 2 of 12 questions.");
        Assert.Equal([("▶️ Continue (2/12)", "qz:cont:smart-village-basics")], reminder.AllButtons.Select(b => (b.Text, b.Data)));

        learner.ClickData(reminder.MessageId, "qz:cont:smart-village-basics");
        var third = await learner.NextQuestionAsync();
        Assert.StartsWith("📝 3/12 · Smart village basics\n\n" + QuizSteps.ShippedCatalog().Find("smart-village-basics")!.Items[2].TextIn("en"), third.Text);

        // Once per module: idle again for longer, still no second reminder; a finished module gets none.
        Advance(TimeSpan.FromDays(7));
        await learner.ExpectSilenceAsync();
        await finisher.ExpectSilenceAsync();
        Assert.Equal(1, Count(Api, learner, "Shall we go on where you left off?"));
        Assert.Equal(NudgeState.Sent, Nudges.Get($"quiz:{learner.Id}:smart-village-basics")!.State);
    }

    [Fact]
    public async Task Answering_before_the_reminder_moves_it_to_three_days_after_the_last_answer()
    {
        var learner = await MemberAsync("en", "kalsnava");
        var first = await learner.StartModuleAsync("eu-policy-funding");
        Advance(TimeSpan.FromDays(2));
        await learner.AnswerAsync(first, 1, (_, p) => p.Wrong());

        Advance(TimeSpan.FromDays(1));
        await learner.ExpectSilenceAsync();
        Advance(TimeSpan.FromDays(2));
        await learner.ExpectTextAsync("You started “EU policy and funding” and answered 1 of 12 questions.");
    }
}
