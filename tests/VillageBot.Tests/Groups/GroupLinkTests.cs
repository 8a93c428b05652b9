using Telegram.Bot.Types.Enums;
using VillageBot.TestKit;

namespace VillageBot.Tests.Groups;

public sealed class GroupLinkTests : GroupTest
{
    [Fact]
    public async Task A_coordinator_who_runs_the_group_links_it_choosing_the_language_and_the_bot_confirms_in_the_group()
    {
        var coordinator = await CoordinatorAsync("en");
        var resident = await MemberAsync("en");
        var group = NewGroup();
        group.AddBot(coordinator);
        var hello = await group.ExpectTextAsync("/link@" + Bot);
        Assert.Contains("only see commands", hello.Text);

        group.Send(resident, "/link@" + Bot);
        var refused = await group.ExpectTextAsync("Only a village coordinator");
        Assert.NotNull(refused.ReplyTo);
        group.Send(coordinator, "/link@" + Bot);
        await group.ExpectTextAsync("Only an administrator of this group");
        Assert.Null(Links.Find(group.ChatId));

        group.MakeAdmin(coordinator);
        group.Send(coordinator, "/link@" + Bot);
        var choose = await group.ExpectTextAsync("Which language");
        Assert.Contains("Kalsnava", choose.Text);
        group.Click(resident, "Latviešu");
        await group.ExpectAsync(e => e.Method == "answerCallbackQuery" && e.Text!.Contains("Only a coordinator", StringComparison.Ordinal));
        Assert.Null(Links.Find(group.ChatId));

        group.Click(coordinator, "Latviešu");
        var linked = await group.ExpectTextAsync("✅");
        Assert.Contains("Šī ir ciema Kalsnava grupa", linked.Text);
        var link = Links.Find(group.ChatId)!;
        Assert.Equal(VillageId("kalsnava"), link.VillageId);
        Assert.Equal("lv", link.Lang);

        group.Send(resident, "/lang@" + Bot);
        await group.ExpectTextAsync("To var tikai šī ciema koordinators");
        group.Send(coordinator, "/lang@" + Bot);
        await group.ExpectTextAsync("Kurā valodā");
        group.Click(coordinator, "Русский");
        await group.ExpectTextAsync("Теперь это группа деревни Kalsnava");
        Assert.Equal("ru", Links.Find(group.ChatId)!.Lang);
    }

    [Fact]
    public async Task An_admin_chooses_which_village_the_group_is_for()
    {
        var admin = Admin();
        var group = NewGroup();
        group.MakeAdmin(admin);
        group.Send(admin, "/link@" + Bot);
        var villages = await group.ExpectTextAsync("Which village");
        var rucava = villages.AllButtons.Single(b => b.Text == "Rucava");
        group.Click(admin, rucava.Data!);
        await group.ExpectTextAsync("The group of Rucava");
        group.Click(admin, "English");
        await group.ExpectTextAsync("This is now the group of Rucava");
        Assert.Equal(VillageId("rucava"), Links.Find(group.ChatId)!.VillageId);
    }

    [Fact]
    public async Task Unlink_and_removing_the_bot_undo_the_link_and_a_supergroup_stays_linked()
    {
        var (group, coordinator) = await LinkedGroupAsync("en");
        var resident = await MemberAsync("en");
        group.Send(resident, "/unlink@" + Bot);
        await group.ExpectTextAsync("Only a coordinator of this village");
        group.Send(coordinator, "/unlink@" + Bot);
        await group.ExpectTextAsync("no longer linked");
        Assert.Null(Links.Find(group.ChatId));
        group.Send(coordinator, "/unlink@" + Bot);
        await group.ExpectTextAsync("not linked to a village");

        await LinkAsync(group, coordinator, "en");
        var oldId = group.ChatId;
        group.MigrateToSupergroup(coordinator, oldId - 1_000_000_000_000);
        await Host.IdleAsync();
        Assert.Null(Links.Find(oldId));
        Assert.Equal("en", Links.Find(group.ChatId)!.Lang);
        group.Send(resident, "/ask@" + Bot + " What is LEADER?");
        await group.ExpectTextAsync("📚 Sources:");

        group.RemoveBot(coordinator);
        await Host.IdleAsync();
        Assert.Null(Links.Find(group.ChatId));
    }

    [Fact]
    public async Task Linking_another_group_moves_the_village_link_and_forget_keeps_the_link_without_the_person()
    {
        var (first, coordinator) = await LinkedGroupAsync("en");
        var second = NewGroup("Kalsnava 2");
        second.MakeAdmin(coordinator);
        await LinkAsync(second, coordinator, "en");
        Assert.Null(Links.Find(first.ChatId));
        Assert.Equal(coordinator.Id, Links.OfVillage(VillageId("kalsnava"))!.LinkedBy);

        coordinator.Send("/forget");
        var ask = await coordinator.ExpectAsync(e => e.HasButton("forget:no"));
        coordinator.ClickData(ask.MessageId, ask.AllButtons.Single(b => b.Text == "Yes, erase everything").Data!);
        await coordinator.ExpectTextAsync("Your data has been erased");
        var link = Links.Find(second.ChatId)!;
        Assert.Equal(0, link.LinkedBy);
        Assert.Equal(VillageId("kalsnava"), link.VillageId);
    }

    [Fact]
    public async Task Commands_for_another_bot_and_unaddressed_updates_leave_the_bot_silent_and_nothing_is_stored()
    {
        var (group, _) = await LinkedGroupAsync("en");
        var stranger = NewUser("en");
        group.Send(stranger, "/ask@other_bot What is LEADER?");
        group.Send(stranger, "Good morning everyone");
        await group.ExpectSilenceAsync();
        group.Send(stranger, "/weather@" + Bot);
        await group.ExpectTextAsync("/help@" + Bot);
        group.Send(stranger, "/help@" + Bot);
        var help = await group.ExpectTextAsync("/ask@" + Bot);
        Assert.Contains("/report@" + Bot, help.Text);
        Assert.Null(Host.Db.Residents.FindById(stranger.Id));
    }
}
