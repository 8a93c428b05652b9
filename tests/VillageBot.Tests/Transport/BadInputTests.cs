using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.TestKit;

namespace VillageBot.Tests.Transport;

public sealed class BadInputTests : BotTest
{
    [Fact]
    public async Task Unknown_command_gets_localised_help_pointer()
    {
        var user = await MemberAsync("lv");
        user.Send("/nosuchthing");
        var reply = await user.NextAsync();
        Assert.Contains("/nosuchthing", reply.Text);
        Assert.Contains("/help", reply.Text);
    }

    [Fact]
    public async Task Sticker_where_text_is_expected_gets_a_clear_prompt_and_changes_nothing()
    {
        var user = await MemberAsync("en");
        var before = Snapshot(user.Id);
        Api.SendMessage(user.Id, m => m.Sticker = new Sticker { FileId = "st1", FileUniqueId = "st1u", Width = 512, Height = 512, Type = StickerType.Regular }, "en");
        await user.ExpectTextAsync("I understand text messages");
        Assert.Equal(before, Snapshot(user.Id));
    }

    [Fact]
    public async Task Voice_during_village_choice_asks_for_the_village_name()
    {
        var user = NewUser("en");
        user.Send("/start");
        await user.NextAsync();
        user.Click("lang:en");
        await user.ExpectAsync(e => e.HasButton("vil:page:1"));
        Api.SendMessage(user.Id, m => m.Voice = new Voice { FileId = "v1", FileUniqueId = "v1u", Duration = 3 }, "en");
        await user.ExpectTextAsync("Please type the village name");
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.VillageId);
    }

    [Fact]
    public async Task Very_long_text_is_cut_at_the_documented_limit_and_said_so()
    {
        var user = await MemberAsync("en");
        user.Send(new string('x', 5000));
        await user.ExpectTextAsync("I read the first 2000 characters");
    }

    [Fact]
    public async Task Whitespace_only_message_is_called_empty()
    {
        var user = await MemberAsync("en");
        user.Send("   \n  ");
        await user.ExpectTextAsync("The message is empty");
    }

    [Theory]
    [InlineData("vil:pick:999999")]
    [InlineData("privacy:ok")]
    [InlineData("lang:xx")]
    [InlineData("nosuchprefix:1")]
    [InlineData("")]
    [InlineData("set:explode")]
    public async Task Forged_or_stale_callback_is_answered_politely_and_changes_nothing(string data)
    {
        var user = await MemberAsync("en");
        var before = Snapshot(user.Id);
        user.ClickData(1, data);
        var answer = await user.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.Equal("This button is no longer valid.", answer.Text);
        await Host.IdleAsync();
        Assert.Equal(before, Snapshot(user.Id));
    }

    [Fact]
    public async Task Oversized_callback_data_is_refused()
    {
        var user = await MemberAsync("en");
        user.ClickData(1, "vil:pick:" + new string('9', 80));
        var answer = await user.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.Equal("This button is no longer valid.", answer.Text);
    }

    [Theory]
    [InlineData("/addvillage newplace New Place")]
    [InlineData("/promote 1 kalsnava")]
    [InlineData("/demote 1 kalsnava")]
    [InlineData("/villages")]
    [InlineData("/coordinators")]
    public async Task Resident_using_an_admin_command_is_refused_and_nothing_changes(string command)
    {
        var user = await MemberAsync("en");
        var villages = Host.Db.Villages.Count();
        user.Send(command);
        await user.ExpectTextAsync("Only an admin can do this.");
        Assert.Equal(villages, Host.Db.Villages.Count());
        Assert.Empty(Host.Db.Residents.FindById(user.Id)!.CoordinatorOf);
    }

    [Fact]
    public async Task Commands_before_joining_ask_to_join_first()
    {
        var user = NewUser("en");
        user.Send("/settings");
        await user.ExpectTextAsync("Please join your village first: /start");
    }

    [Fact]
    public async Task Free_text_before_joining_starts_onboarding()
    {
        var user = NewUser("ru");
        user.Send("привет");
        var reply = await user.NextAsync();
        Assert.True(reply.HasButton("lang:ru"));
    }

    [Fact]
    public async Task Group_messages_are_ignored_except_commands_which_point_to_the_private_chat()
    {
        var group = new Chat { Id = -100123, Type = ChatType.Supergroup, Title = "Kalsnava" };
        Api.SendText(50_001, "we have a pothole", "en", group);
        Api.SendText(50_001, "/start@village_test_bot", "en", group);
        var reply = await Api.WaitForEventAsync(e => e.ChatId == group.Id, 0, TimeSpan.FromSeconds(10));
        Assert.Contains("private chat", reply.Text);
        await Host.IdleAsync();
        Assert.Single(Api.Events(group.Id));
        Assert.Null(Host.Db.Residents.FindById(50_001L));
    }

    private string Snapshot(long userId)
    {
        var r = Host.Db.Residents.FindById(userId)!;
        return System.Text.Json.JsonSerializer.Serialize(new { r.Lang, r.VillageId, r.PrivacyAcceptedAt, r.CoordinatorOf, r.NudgesEnabled, r.Dialog?.Name, r.Dialog?.Step, r.Active });
    }
}
