using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Groups;
using VillageBot.TestKit;
using VillageBot.Tests.Broadcasts;

namespace VillageBot.Tests.Groups;

/// <summary>A village group with the bot in it, and a coordinator who runs the group and links it.</summary>
public abstract class GroupTest : VillageTest
{
    private static long _nextGroup = -1_000_000;

    protected const string Bot = "village_test_bot";

    /// <summary>
    /// Telegram's 20 messages a minute in a group spaces the bot's group messages three seconds apart; tests that are not
    /// about that pacing (GroupPacingTests and GroupOutboxTests set their own) take the fastest pace the settings allow.
    /// </summary>
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Groups:MessagesPerMinute"] = "60" };

    protected GroupLinks Links => Host.Services.GetRequiredService<GroupLinks>();

    protected FakeGroup NewGroup(string title = "Kalsnavas ciems") => new(Api, Interlocked.Decrement(ref _nextGroup), title);

    /// <summary>A coordinator of the village who is an administrator of a new group with the bot, linked in <paramref name="lang"/>.</summary>
    protected async Task<(FakeGroup Group, FakeUser Coordinator)> LinkedGroupAsync(string lang = "en", string village = "kalsnava")
    {
        var coordinator = await CoordinatorAsync("en", village);
        var group = NewGroup();
        group.MakeAdmin(coordinator);
        group.AddBot(coordinator);
        await group.ExpectTextAsync("/link@" + Bot);
        await LinkAsync(group, coordinator, lang);
        return (group, coordinator);
    }

    protected static async Task LinkAsync(FakeGroup group, FakeUser coordinator, string lang)
    {
        group.Send(coordinator, "/link@" + Bot);
        var choose = await group.ExpectAsync(e => e.AllButtons.Any(b => b.Data?.StartsWith("gl:l:", StringComparison.Ordinal) == true));
        group.Click(coordinator, choose.AllButtons.First(b => b.Data!.EndsWith(":" + lang, StringComparison.Ordinal)).Data!);
        await group.ExpectTextAsync("✅");
    }

    /// <summary>/newpoll through the group step (<paramref name="groupChoice"/>: grp:anon, grp:named or grp:no), open a day, sent <paramref name="at"/> (a send-time button: now, tom09…).</summary>
    protected static async Task<BotEvent> CreateGroupPollAsync(FakeUser coordinator, string groupChoice, string at = "now")
    {
        var ask = await QuestionAndOptionsAsync(coordinator);
        Assert.True(ask.HasButton("np:" + groupChoice));
        Assert.Contains("Kalsnavas ciems", ask.Text);
        coordinator.Click("np:" + groupChoice);
        await coordinator.ExpectAsync(e => e.HasButton("np:close:1440"));
        coordinator.Click("np:close:1440");
        await coordinator.ExpectAsync(e => e.HasButton("np:at:" + at));
        coordinator.Click("np:at:" + at);
        var preview = await coordinator.ExpectAsync(e => e.HasButton("np:send"));
        Assert.Contains("Also in the village group", preview.Text);
        coordinator.Click("np:send");
        return await coordinator.ExpectAsync(e => e.Text?.Contains("The poll closes", StringComparison.Ordinal) == true);
    }

    /// <summary>/newpoll up to the step after "one or several answers": the group question or the duration.</summary>
    protected static async Task<BotEvent> QuestionAndOptionsAsync(FakeUser coordinator)
    {
        coordinator.Send("/newpoll");
        await coordinator.ExpectTextAsync("Write the question");
        coordinator.Send("Where should the bench go?");
        await coordinator.ExpectTextAsync("answer options");
        return await Polls.PollSteps.OptionsAndChoicesAsync(coordinator, ["By the shop", "At the bus stop"]);
    }
}
