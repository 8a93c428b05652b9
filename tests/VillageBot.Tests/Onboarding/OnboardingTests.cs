using VillageBot.Conversation;
using VillageBot.TestKit;

namespace VillageBot.Tests.Onboarding;

public sealed class OnboardingTests : BotTest
{
    [Theory]
    [InlineData("lv", "Sveiki", "Laipni lūgti")]
    [InlineData("en", "Hello", "Welcome")]
    [InlineData("ru", "Здравствуйте", "Добро пожаловать")]
    public async Task Start_then_language_village_and_privacy_make_a_member_in_each_language(string lang, string greeting, string welcome)
    {
        var user = NewUser(lang);
        user.Send("/start");
        var picker = await user.NextAsync();
        Assert.Contains(greeting, picker.Text);
        Assert.True(picker.HasButton("lang:lv") && picker.HasButton("lang:en") && picker.HasButton("lang:ru"));

        user.Click("lang:" + lang);
        var villages = await user.ExpectAsync(e => e.AllButtons.Any(b => b.Data?.StartsWith("vil:pick:", StringComparison.Ordinal) == true));
        Assert.Equal("editMessageText", villages.Method);

        user.Send("ergli");
        var privacy = await user.ExpectAsync(e => e.HasButton("privacy:ok"));
        Assert.Contains("Ērgļi", privacy.Text);

        user.Click("privacy:ok");
        await user.ExpectTextAsync(welcome);

        var resident = Host.Db.Residents.FindById(user.Id)!;
        Assert.Equal(lang, resident.Lang);
        Assert.True(resident.IsMember);
        Assert.Equal("ergli", Host.Db.Villages.FindById(resident.VillageId!.Value)!.Code);
        Assert.Null(resident.Dialog);
    }

    [Theory]
    [InlineData("lv", "Nē", "nevaru atbildēt", "/start")]
    [InlineData("en", "No", "cannot answer", "/start")]
    [InlineData("ru", "Нет", "не могу отвечать", "/start")]
    public async Task No_to_the_privacy_notice_keeps_nothing_says_what_cannot_be_done_and_start_changes_the_mind(string lang, string no, string cannot, string again)
    {
        var user = NewUser(lang);
        user.Send("/start ergli");
        await user.ExpectAsync(e => e.HasButton("lang:" + lang));
        user.Click("lang:" + lang);
        var notice = await user.ExpectAsync(e => e.HasButton("privacy:no"));
        Assert.True(notice.HasButton(no), notice.ToString());
        Assert.NotNull(Host.Db.Residents.FindById(user.Id));

        user.Click("privacy:no");
        var declined = await user.ExpectTextAsync(cannot);
        Assert.Contains(again, declined.Text, StringComparison.Ordinal);
        Assert.Empty(declined.AllButtons);
        Assert.Null(Host.Db.Residents.FindById(user.Id));

        // A stale "I agree" on the old notice joins nobody.
        user.Click("privacy:ok");
        await user.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.Null(Host.Db.Residents.FindById(user.Id));

        user.Send("/start");
        await user.ExpectAsync(e => e.HasButton("lang:" + lang) && e.Seq > declined.Seq);
        user.Click("lang:" + lang);
        await user.ExpectAsync(e => e.AllButtons.Any(b => b.Data?.StartsWith("vil:pick:", StringComparison.Ordinal) == true));
        user.Send("ergli");
        await user.ExpectAsync(e => e.HasButton("privacy:ok") && e.Seq > declined.Seq);
        user.Click("privacy:ok");
        await user.ExpectTextAsync("/help");
        Assert.True(Host.Db.Residents.FindById(user.Id)!.IsMember);
    }

    [Fact]
    public async Task Deep_link_code_skips_the_village_question()
    {
        var user = NewUser("en");
        user.Send("/start vecpiebalga");
        await user.ExpectAsync(e => e.HasButton("lang:en"));
        user.Click("lang:en");
        var privacy = await user.ExpectAsync(e => e.HasButton("privacy:ok"));
        Assert.Contains("Vecpiebalga", privacy.Text);
    }

    [Fact]
    public async Task Village_can_be_picked_from_the_list_with_paging()
    {
        var user = NewUser("en");
        user.Send("/start");
        await user.NextAsync();
        user.Click("lang:en");
        var list = await user.ExpectAsync(e => e.HasButton("vil:page:1"));
        Assert.Equal(8, list.AllButtons.Count(b => b.Data!.StartsWith("vil:pick:", StringComparison.Ordinal)));
        user.Click("vil:page:1");
        var page2 = await user.ExpectAsync(e => e.HasButton("vil:page:0"));
        var pick = page2.AllButtons.First(b => b.Data!.StartsWith("vil:pick:", StringComparison.Ordinal));
        user.ClickData(page2.MessageId, pick.Data!);
        await user.ExpectAsync(e => e.HasButton("privacy:ok"));
    }

    [Fact]
    public async Task Unknown_village_name_is_answered_and_changes_nothing()
    {
        var user = NewUser("en");
        user.Send("/start");
        await user.NextAsync();
        user.Click("lang:en");
        await user.ExpectAsync(e => e.HasButton("vil:page:1"));
        user.Send("Atlantis");
        await user.ExpectTextAsync("could not find a village");
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.VillageId);
    }

    [Fact]
    public async Task Restart_in_the_middle_of_onboarding_continues_where_the_person_was()
    {
        var user = NewUser("en");
        user.Send("/start");
        await user.NextAsync();
        user.Click("lang:en");
        await user.ExpectAsync(e => e.HasButton("vil:page:1"));

        Host = await Host.RestartAsync();

        user.Send("Skrunda");
        await user.ExpectAsync(e => e.HasButton("privacy:ok"));
        user.Click("privacy:ok");
        await user.ExpectTextAsync("Welcome");
        Assert.True(Host.Db.Residents.FindById(user.Id)!.IsMember);
    }

    [Fact]
    public async Task Language_change_with_lang_command_switches_texts()
    {
        var user = await MemberAsync("en");
        user.Send("/lang");
        await user.ExpectAsync(e => e.HasButton("lang:ru"));
        user.Click("lang:ru");
        await user.ExpectTextAsync("Язык: русский");
        user.Send("/help");
        await user.ExpectTextAsync("Что я умею");
    }

    [Fact]
    public async Task Village_command_switches_village()
    {
        var user = await MemberAsync("en");
        user.Send("/village");
        await user.ExpectTextAsync("Your village now: Kalsnava");
        user.Send("Rucava");
        await user.ExpectTextAsync("Your village is now Rucava");
        Assert.Equal("rucava", Host.Db.Villages.FindById(Host.Db.Residents.FindById(user.Id)!.VillageId!.Value)!.Code);
    }

    [Fact]
    public async Task Commands_are_registered_per_language_at_start()
    {
        await Host.IdleAsync();
        Assert.Contains("lv", Api.Commands.Keys);
        Assert.Contains("ru", Api.Commands.Keys);
        Assert.Contains(Api.Commands["en"], c => c.Command == "help" && c.Description == "Help and commands");
        Assert.Contains(Api.Commands["ru"], c => c.Command == "help" && c.Description == "Помощь и команды");
        Assert.DoesNotContain(Api.Commands["en"], c => c.Command == "promote");
    }

    [Fact]
    public void Every_text_exists_in_latvian_english_and_russian_with_matching_placeholders()
    {
        var texts = new VillageBot.Infrastructure.Localization.Texts();
        Assert.NotEmpty(texts.All);
        foreach (var (key, byLang) in texts.All)
        {
            foreach (var lang in Languages.All)
            {
                Assert.True(byLang.TryGetValue(lang, out var t) && !string.IsNullOrWhiteSpace(t), $"{key} has no {lang} text");
            }

            var placeholders = Languages.All.Select(l => string.Join(',', System.Text.RegularExpressions.Regex.Matches(byLang[l], @"\{\d+[^}]*\}").Select(m => m.Value).Order())).Distinct().ToList();
            Assert.True(placeholders.Count == 1, $"{key} has different placeholders across languages");
        }
    }
}
