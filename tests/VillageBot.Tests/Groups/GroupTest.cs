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
}
