using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Polls;
using VillageBot.TestKit;
using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.Groups;

public sealed class GroupPollTests : GroupTest
{
    [Fact]
    public async Task A_poll_posted_in_the_group_is_anonymous_there_and_results_and_pulse_show_private_and_group_answers_together_and_apart()
    {
        var (group, coordinator) = await LinkedGroupAsync("en");
        var resident = await MemberAsync("en");
        await CreateGroupPollAsync(coordinator, "grp:anon");

        var inGroup = await group.ExpectAsync(e => e.Method == "sendPoll");
        Assert.True(inGroup.Poll!.IsAnonymous);
        Assert.Equal("Where should the bench go?", inGroup.Poll.Question);
        var mine = await resident.ExpectAsync(e => e.Method == "sendPoll");
        Assert.False(mine.Poll!.IsAnonymous);

        Api.AnswerPoll(resident.Id, mine.Poll.Id, 0);
        await resident.ExpectTextAsync("vote");
        Api.AnswerPoll(NewUser().Id, inGroup.Poll.Id, 1);
        Api.AnswerPoll(NewUser().Id, inGroup.Poll.Id, 1);
        await Host.IdleAsync();
        await group.ExpectSilenceAsync();

        var text = await ResultsAsync(coordinator);
        Assert.Contains("Voted: 1 of", text);
        Assert.Contains("Voted in the group: 2; together: 3", text);
        Assert.Contains("By the shop — 1 (33%) · private 1, group 0", text);
        Assert.Contains("At the bus stop — 2 (67%) · private 0, group 2", text);

        var browser = await Host.SignInAsync(coordinator);
        var page = await browser.GetStringAsync("/web/pulse?lang=en");
        Assert.Contains("3 answered in all", page);
        Assert.Contains("in the village group: 2 answered", page);
    }

    [Fact]
    public async Task A_named_group_poll_counts_each_members_latest_vote_closes_with_the_poll_and_forget_keeps_the_vote_without_the_voter()
    {
        var (group, coordinator) = await LinkedGroupAsync("en");
        await CreateGroupPollAsync(coordinator, "grp:named");
        var inGroup = await group.ExpectAsync(e => e.Method == "sendPoll");
        Assert.False(inGroup.Poll!.IsAnonymous);

        var member = await MemberAsync("en");
        Api.AnswerPoll(member.Id, inGroup.Poll.Id, 0);
        Api.AnswerPoll(member.Id, inGroup.Poll.Id, 1);
        await Host.IdleAsync();
        var store = Host.Services.GetRequiredService<PollStore>();
        Assert.Equal([0, 1], store.GroupMessages.FindById(inGroup.Poll.Id)!.Counts);

        member.Send("/forget");
        var ask = await member.ExpectAsync(e => e.HasButton("forget:no"));
        member.ClickData(ask.MessageId, ask.AllButtons.Single(b => b.Text == "Yes, erase everything").Data!);
        await member.ExpectTextAsync("Your data has been erased");
        var vote = Assert.Single(store.GroupVotes.FindAll());
        Assert.Equal(0, vote.UserId);
        Assert.Equal([1], vote.Choice);

        var poll = store.Polls.FindAll().Single();
        using (var scope = Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PollCloseJob>().RunAsync(PollCloseJob.Arg(poll.Id), CancellationToken.None);
        }

        await group.ExpectAsync(e => e.Method == "stopPoll");
        Assert.True(store.GroupMessages.FindById(inGroup.Poll.Id)!.Stopped);
    }

    [Fact]
    public async Task Without_a_linked_group_the_poll_dialog_does_not_ask_about_one()
    {
        var coordinator = await CoordinatorAsync("en");
        var next = await QuestionAndOptionsAsync(coordinator);
        Assert.False(next.HasButton("np:grp:no"));
    }

    [Theory]
    [InlineData("grp:anon")]
    [InlineData("grp:named")]
    public async Task Votes_in_the_group_that_come_before_the_bot_has_noted_its_post_are_counted(string groupChoice)
    {
        var (group, coordinator) = await LinkedGroupAsync("en");
        await MemberAsync("en");
        var release = Api.HoldAnswers(group.ChatId, "sendPoll");
        await CreateGroupPollAsync(coordinator, groupChoice);

        // Two members vote on the group's poll while the bot still waits for Telegram's answer to posting it.
        var inGroup = await group.ExpectAsync(e => e.Method == "sendPoll");
        Api.AnswerPoll(NewUser().Id, inGroup.Poll!.Id, 1);
        Api.AnswerPoll(NewUser().Id, inGroup.Poll.Id, 1);
        var early = Host.Services.GetRequiredService<EarlyVotes>();
        await Wait.UntilAsync(() => early.VotersHeld(inGroup.Poll.Id) == 2);
        release();
        await Host.IdleAsync();

        Assert.Contains("Voted in the group: 2", await ResultsAsync(coordinator));
        Assert.False(early.Holds(inGroup.Poll.Id));
    }

    private static async Task<string> ResultsAsync(FakeUser coordinator)
    {
        coordinator.Send("/results");
        var list = await coordinator.ExpectAsync(e => e.AllButtons.Any(b => b.Data?.StartsWith("pr:", StringComparison.Ordinal) == true));
        coordinator.Click(list.AllButtons.First(b => b.Data!.StartsWith("pr:", StringComparison.Ordinal)).Data!);
        return (await coordinator.ExpectTextAsync("📊")).Text!;
    }
}
