using Microsoft.Extensions.DependencyInjection;

namespace VillageBot.Tests.Quizzes;

public sealed class LeaderboardTests : BotTest
{
    [Fact]
    public async Task Only_people_who_opted_in_are_listed_by_first_name_with_this_weeks_points()
    {
        var listed = await MemberAsync("en");
        var quiet = await MemberAsync("en");
        listed.Send("/leaderboard");
        var board = await listed.ExpectTextAsync("This week's quiz leaders — Kalsnava");
        Assert.Contains("Nobody is on the list this week yet.", board.Text);
        Assert.Contains("You are not on the list.", board.Text);
        listed.Click("qzl:on");
        Assert.Equal("You are on the list.", (await listed.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        Assert.Contains("You are on the list (only your first name is shown).", (await listed.ExpectAsync(e => e.Method == "editMessageText")).Text);

        await listed.AnswerAsync(await listed.StartModuleAsync("smart-village-basics"), 3, (i, p) => i < 2 ? p.Right() : p.Wrong());
        await quiet.AnswerAsync(await quiet.StartModuleAsync("smart-village-basics"), 3, (_, p) => p.Right());

        // The same questions answered right again in a retake earn nothing more this week.
        listed.Click("qz:start:smart-village-basics");
        await listed.AnswerAsync(await listed.NextQuestionAsync(), 2, (_, p) => p.Right());

        listed.Send("/leaderboard");
        board = await listed.ExpectTextAsync("This week's quiz leaders");
        Assert.Contains($"1. Person{listed.Id} — 2 ⭐", board.Text);
        Assert.DoesNotContain($"Person{quiet.Id}", board.Text);
        Assert.Contains("Your points this week: 2", board.Text);

        quiet.Send("/leaderboard");
        board = await quiet.ExpectTextAsync("This week's quiz leaders");
        Assert.Contains($"1. Person{listed.Id} — 2 ⭐", board.Text);
        Assert.Contains("Your points this week: 3", board.Text);
        Assert.Contains("You are not on the list.", board.Text);

        listed.Click("qzl:off");
        Assert.Contains("Nobody is on the list this week yet.", (await listed.ExpectAsync(e => e.Method == "editMessageText")).Text);
        listed.Click("qzl:on");
        await listed.ExpectAsync(e => e.Method == "editMessageText");
        listed.ClickData(1, "qzl:maybe");
        Assert.Equal("This button is no longer valid.", (await listed.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        Assert.True(Host.Services.GetRequiredService<VillageBot.Features.Quizzes.QuizStore>().Profile(listed.Id).LeaderboardOptIn);
    }
}
