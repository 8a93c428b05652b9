using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Features.Questions.Chat;
using VillageBot.TestKit;

namespace VillageBot.Tests.Questions;

public sealed class QuestionsChatTests : BotTest
{
    [Theory]
    [InlineData("lv", "Kā nodibināt biedrību?", "statūt", "📚 Avoti:")]
    [InlineData("en", "What is LEADER?", "local action group", "📚 Sources:")]
    [InlineData("ru", "Что такое LEADER?", "1991", "📚 Источники:")]

    // A definition asked among other words is answered with the definition.
    [InlineData("en", "What's social capital, and would it even matter in a hamlet of forty people where half the houses stand empty?", "Social capital", "📚 Sources:")]
    [InlineData("ru", "Что такое LEADER простыми словами? А то все говорят, а я не понимаю.", "1991", "📚 Источники:")]

    // A term quoted as heard, in a long story, is answered with its definition.
    [InlineData("en", "Back after years on the oil rigs in Aberdeen, and the whole parish keeps on about \"community development\". Could you put it simply, what's in it?", "Community development", "📚 Sources:")]
    public async Task A_member_asks_in_their_language_and_gets_a_short_answer_with_its_sources(string lang, string question, string fragment, string sources)
    {
        var user = await MemberAsync(lang);
        user.Send(question);
        var answer = await user.ExpectTextAsync(sources);

        Assert.Contains(fragment, answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"\n• .+ — .+", answer.Text);
        Assert.True(answer.Text!.Length <= 4096);

        // Only the way out for a report read as a question: a free text the bot itself read as one.
        Assert.Equal([answer.DataOf("ft:p")], answer.AllButtons.Select(b => b.Data));
        Assert.NotNull(answer.DataOf("ft:p"));
        Assert.True(Api.CallCount("sendChatAction") >= 1, "typing… was not shown");
    }

    [Fact]
    public async Task A_question_typed_without_diacritics_is_answered_like_the_written_one()
    {
        var user = await MemberAsync("lv");
        user.Send("ka nodibinat biedribu?");
        var answer = await user.ExpectTextAsync("Avoti:");
        Assert.Contains("statūt", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Kā nodibināt biedrību Latvijā", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_typed_on_its_own_is_answered_as_a_question()
    {
        var user = await MemberAsync("lv");
        user.Send("biedrības statūti");
        var answer = await user.ExpectTextAsync("Avoti:");
        Assert.Contains("statūt", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_question_gets_an_honest_reply_is_logged_as_a_gap_and_can_be_passed_to_the_coordinator()
    {
        var coordinator = await MemberAsync("ru", "kalsnava");
        var otherCoordinator = await MemberAsync("en", "ergli");
        MakeCoordinator(coordinator, "kalsnava");
        MakeCoordinator(otherCoordinator, "ergli");
        var user = await MemberAsync("lv", "kalsnava");

        user.Send("Kas ir mūsu pagasta pārvaldes vadītājs?");
        var reply = await user.ExpectTextAsync("nezinu");
        Assert.Contains("koordinatoram", reply.Text, StringComparison.Ordinal);
        var gap = Assert.Single(Gaps());
        Assert.Equal(("Kas ir mūsu pagasta pārvaldes vadītājs?", "lv", user.Id), (gap.Question, gap.Lang, gap.ResidentId));
        Assert.Equal(VillageId("kalsnava"), gap.VillageId);
        Assert.True(reply.HasButton($"qa:fwd:{gap.Id}"));

        user.Click("Nodot koordinatoram");
        var forwarded = await coordinator.ExpectTextAsync("Kas ir mūsu pagasta pārvaldes vadītājs?");
        Assert.Contains("не знал ответа", forwarded.Text, StringComparison.Ordinal);
        Assert.Contains("/gaps", forwarded.Text, StringComparison.Ordinal);
        await user.ExpectTextAsync("Jautājums nodots ciema «Kalsnava» koordinatoram");
        Assert.NotNull(Gaps().Single().ForwardedAt);
        Assert.DoesNotContain(Api.Events(user.Id), e => e.Method == "editMessageText" && e.MessageId == reply.MessageId && e.AllButtons.Any());
        Assert.DoesNotContain(Api.Events(otherCoordinator.Id), e => e.Text?.Contains("vadītājs", StringComparison.Ordinal) == true);

        user.ClickData(reply.MessageId, $"qa:fwd:{gap.Id}");
        var again = await user.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.Equal("Šis jautājums jau ir nodots.", again.Text);
        await Host.IdleAsync();
        Assert.Single(Api.Events(coordinator.Id), e => e.Text?.Contains("vadītājs", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Without_a_coordinator_the_question_stays_logged_and_the_person_is_told_so()
    {
        var user = await MemberAsync("en", "rucava");
        user.Send("When does the bus go to Riga?");
        await user.ExpectTextAsync("I don't know");
        user.Click("Pass it to the coordinator");
        await user.ExpectTextAsync("Your village has no coordinator yet");
        Assert.Null(Gaps().Single().ForwardedAt);
    }

    [Theory]
    [InlineData("qa:fwd:999999")]
    [InlineData("qa:fwd:abc")]
    [InlineData("qa:fwd")]
    [InlineData("qa:other:1")]
    public async Task A_forged_forward_button_is_refused_and_changes_nothing(string data)
    {
        var user = await MemberAsync("en");
        user.ClickData(1, data);
        var answer = await user.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.Equal("This button is no longer valid.", answer.Text);
        Assert.Empty(Gaps());
    }

    [Fact]
    public async Task Nobody_can_forward_another_persons_question()
    {
        var coordinator = await MemberAsync("en", "kalsnava");
        MakeCoordinator(coordinator, "kalsnava");
        var asker = await MemberAsync("en", "kalsnava");
        asker.Send("When does the bus go to Riga?");
        await asker.ExpectTextAsync("I don't know");
        var gap = Gaps().Single();

        var other = await MemberAsync("en", "kalsnava");
        other.ClickData(1, $"qa:fwd:{gap.Id}");
        var answer = await other.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.Equal("This button is no longer valid.", answer.Text);
        await Host.IdleAsync();
        Assert.Null(Gaps().Single().ForwardedAt);
        Assert.DoesNotContain(Api.Events(coordinator.Id), e => e.Text?.Contains("bus", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Gaps_lists_a_coordinators_own_village_and_all_villages_for_an_admin_and_is_refused_to_residents()
    {
        var kalsnava = await MemberAsync("en", "kalsnava");
        var ergli = await MemberAsync("en", "ergli");
        kalsnava.Send("When does the bus go to Riga?");
        await kalsnava.ExpectTextAsync("I don't know");
        ergli.Send("Where can I buy cheap firewood?");
        await ergli.ExpectTextAsync("I don't know");

        kalsnava.Send("/gaps");
        await kalsnava.ExpectTextAsync("Only a village coordinator or an admin can do this.");

        MakeCoordinator(kalsnava, "kalsnava");
        kalsnava.Send("/gaps");
        var own = await kalsnava.ExpectTextAsync("Questions I could not answer");
        Assert.Contains("When does the bus go to Riga?", own.Text, StringComparison.Ordinal);
        Assert.Contains("Kalsnava · en", own.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("firewood", own.Text, StringComparison.Ordinal);

        kalsnava.Send("/gaps ergli");
        await kalsnava.ExpectTextAsync("That belongs to another village");
        kalsnava.Send("/gaps atlantis");
        await kalsnava.ExpectTextAsync("I could not find a village with the code \"atlantis\"");

        var admin = Admin();
        admin.Send("/gaps");
        var all = await admin.ExpectTextAsync("Questions I could not answer (2 in all");
        Assert.Contains("firewood", all.Text, StringComparison.Ordinal);
        Assert.Contains("bus", all.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_tags_a_question_with_the_language_it_was_written_in_not_the_askers_setting()
    {
        var coordinator = await MemberAsync("en", "kalsnava");
        MakeCoordinator(coordinator, "kalsnava");
        var user = await MemberAsync("lv", "kalsnava");
        user.Send("Когда пойдёт автобус в Ригу?");
        await user.ExpectAsync(e => e.AllButtons.Any(b => b.Data?.StartsWith("qa:fwd:", StringComparison.Ordinal) == true));
        Assert.Equal("ru", Gaps().Single().Lang);

        coordinator.Send("/gaps");
        var list = await coordinator.ExpectTextAsync("Questions I could not answer");
        Assert.Contains("Kalsnava · ru", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kalsnava · lv", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_says_so_when_every_question_was_answered()
    {
        var coordinator = await MemberAsync("lv", "kalsnava");
        MakeCoordinator(coordinator, "kalsnava");
        coordinator.Send("/gaps");
        await coordinator.ExpectTextAsync("Jautājumu bez atbildes nav");
    }

    [Fact]
    public async Task Ask_alone_asks_for_the_question_then_answers_it_and_anything_but_words_is_asked_again()
    {
        var user = await MemberAsync("en");
        user.Send("/ask");
        await user.ExpectTextAsync("What is your question?");

        Api.SendMessage(user.Id, m => m.Sticker = new Sticker { FileId = "st", FileUniqueId = "stu", Width = 512, Height = 512, Type = StickerType.Regular }, "en");
        await user.ExpectTextAsync("I understand text messages");
        user.Send("?!");
        await user.ExpectTextAsync("Please write your question in words");
        Assert.Equal(AskCommand.Dialog, Host.Db.Residents.FindById(user.Id)!.Dialog?.Name);

        user.Send("what is CLLD");
        var answer = await user.ExpectTextAsync("Sources:");
        Assert.Contains("community-led", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
    }

    [Fact]
    public async Task Ask_with_the_question_answers_at_once_even_when_it_does_not_look_like_a_question()
    {
        var user = await MemberAsync("lv");
        user.Send("/ask sabiedriskā labuma organizācija");
        var answer = await user.ExpectTextAsync("Avoti:");
        Assert.Contains("VID", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_between_ask_and_the_question_still_answers_it()
    {
        var user = await MemberAsync("en");
        user.Send("/ask");
        await user.ExpectTextAsync("What is your question?");
        Host = await Host.RestartAsync();
        user.Send("FUTURAL capacity building phases");
        await user.ExpectTextAsync("Sources:");
    }

    [Fact]
    public async Task Ask_before_joining_a_village_is_refused()
    {
        var user = NewUser("en");
        user.Send("/ask what is CLLD");
        await user.ExpectTextAsync("Please join your village first");
    }

    [Fact]
    public async Task A_very_long_question_is_cut_and_still_answered()
    {
        var user = await MemberAsync("en");
        user.Send("/ask What is LEADER? " + string.Join(' ', Enumerable.Repeat("LEADER local action group strategy", 200)));
        await user.ExpectTextAsync("I read the first 2000 characters");
        await user.ExpectTextAsync("Sources:");
    }

    private List<KnowledgeGap> Gaps() => [.. Host.Db.Collection<KnowledgeGap>("knowledge_gaps").FindAll()];

    private int VillageId(string code) => Host.Db.Villages.FindOne(v => v.Code == code)!.Id;

    [Fact]
    public async Task A_long_chatty_question_is_answered_from_the_right_article()
    {
        var user = await MemberAsync("en");

        user.Send("/ask Hi! At our last village meeting people argued for an hour about whether we should start a biedrība at all. "
            + "Can you explain simply how we would found one and what documents we need?");
        var answer = await user.ExpectTextAsync("📚 Sources:");

        Assert.Contains("statutes", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Setting up a community association (biedrība) in Latvia", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_russian_question_from_a_latvian_speaking_person_is_answered_from_the_russian_article_and_says_so()
    {
        var user = await MemberAsync("lv");

        user.Send("/ask Что такое энергетическое сообщество и как его создать?");
        var answer = await user.ExpectTextAsync("📚 Avoti:");

        Assert.StartsWith("Jautājāt krieviski; lūk, ko saka raksts krievu valodā:", answer.Text, StringComparison.Ordinal);
        Assert.Contains("энерг", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_off_topic_question_in_the_domains_words_is_answered_honestly_with_the_forward_button()
    {
        var coordinator = await MemberAsync("lv", "kalsnava");
        MakeCoordinator(coordinator, "kalsnava");
        var user = await MemberAsync("lv", "kalsnava");

        user.Send("/ask Kad šopavasar beidzas LEADER projektu pieteikšanās mūsu pagastā un cik naudas mūsu biedrība saņēma pagājušajā gadā?");
        var reply = await user.ExpectTextAsync("nezinu");

        Assert.DoesNotContain("Avoti:", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.AllButtons, b => b.Data?.StartsWith("qa:fwd:", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("lv", "Kad būs nākamā LEADER projektu kārta Zemgalē?", "nezinu", "Avoti:")]
    [InlineData("lv", "kad bus nakama leader projektu karta zemgale", "nezinu", "Avoti:")]
    [InlineData("en", "When is the next board meeting of the association?", "don't know", "Sources:")]
    [InlineData("en", "Why was my LEADER application turned down?", "don't know", "Sources:")]
    [InlineData("ru", "Какое место в рейтинге занял проект из Лубаны?", "не знаю", "Источники:")]
    public async Task A_question_for_a_local_fact_in_the_domains_words_is_not_answered_from_an_article(string lang, string question, string dontKnow, string sources)
    {
        var user = await MemberAsync(lang);

        user.Send("/ask " + question);
        var reply = await user.ExpectTextAsync(dontKnow);

        Assert.DoesNotContain(sources, reply.Text, StringComparison.Ordinal);
    }

    private void MakeCoordinator(FakeUser user, string code)
    {
        var resident = Host.Db.Residents.FindById(user.Id)!;
        resident.CoordinatorOf.Add(VillageId(code));
        Host.Db.Residents.Update(resident);
    }
}
