using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Reports;
using VillageBot.Features.FreeText;
using VillageBot.Features.Questions.Chat;

namespace VillageBot.Tests.FreeText;

public sealed class FreeTextChatTests : BotTest
{
    [Theory]
    [InlineData("lv", "Uz Bērzu ielas jau piekto vakaru nedeg ielu lampas", "Pierakstu")]
    [InlineData("lv", "uz berzu ielas jau piekto vakaru nedeg ielu lampas", "Pierakstu")]
    [InlineData("en", "The street lamps on Birch Lane have been off for five evenings", "taking this down")]
    [InlineData("ru", "На Берёзовой улице уже пятый вечер не горят фонари", "Записываю")]
    [InlineData("ru", "На Березовой улице уже пятыи вечер не горят фонари", "Записываю")]
    [InlineData("lv", "kad beidzot salabos ielu lampas uz Bērzu ielas?", "Pierakstu")]
    [InlineData("en", "why are the street lamps on Birch Lane still not fixed?", "taking this down")]
    [InlineData("ru", "когда наконец починят фонари на Берёзовой улице?", "Записываю")]
    [InlineData("lv", "ielu lampas nedeg", "Pierakstu")]
    [InlineData("ru", "опять нет света на нашей улице", "Записываю")]
    [InlineData("en", "the shop in our village closed down", "taking this down")]
    [InlineData("lv", "Pie kultūras nama jau mēnesi tek ūdensvads. Kam par to ziņot?", "Pierakstu")]
    [InlineData("en", "The water main by the community house has leaked for a month. Who should we report this to?", "taking this down")]
    [InlineData("ru", "У клуба уже месяц течёт водопровод. Кому сообщить?", "Записываю")]
    [InlineData("lv", "pie veikala jau divas nedelas nav izvests atkritumu konteiners. ko mums darit?", "Pierakstu")]
    [InlineData("en", "The footbridge over the ditch has rotted through, how do we get that fixed?", "taking this down")]
    [InlineData("ru", "Возле клуба третью неделю разбит фонарь. Кому писать?", "Записываю")]
    [InlineData("lv", "Pie pasta ietve jau nedēļu ir viens ledus, neviens nekaisa smiltis. Vai man tagad visu ziemu sēdēt mājās?", "Pierakstu")]
    [InlineData("ru", "Мост через речку закрыли, машины ездят по полю. И долго так будет?", "Записываю")]
    public async Task A_report_in_a_statement_a_complaint_or_a_few_words_goes_straight_into_the_report_flow_with_the_photo_step(string lang, string text, string intro)
    {
        var user = await MemberAsync(lang);
        user.Send(text);
        await user.ExpectTextAsync(intro);
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        var dialog = Host.Db.Residents.FindById(user.Id)!.Dialog!;
        Assert.Equal((ReportFlow.Dialog, ReportFlow.StepAttach, text), (dialog.Name, dialog.Step, dialog.Get("text")));
    }

    [Theory]
    [InlineData("lv", "tu mani atkal nesaproti")]
    [InlineData("en", "you keep misunderstanding me")]
    [InlineData("ru", "ты опять ответил не про то")]
    public async Task A_remark_on_the_bot_s_answers_is_small_talk_not_a_report(string lang, string text)
    {
        var user = await MemberAsync(lang);
        user.Send(text);
        await user.ExpectTextAsync("/help");
        await Host.IdleAsync();
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
        Assert.Empty(Host.Db.Collection<Features.Reports.Report>("reports").FindAll());
    }

    [Theory]
    [InlineData("lv", "paldies!", "Lūdzu")]
    [InlineData("en", "thank you!", "welcome")]
    [InlineData("ru", "спасибо!", "Пожалуйста")]
    public async Task Thanks_get_a_friendly_reply_that_says_what_the_bot_can_do(string lang, string text, string welcome)
    {
        var user = await MemberAsync(lang);
        user.Send(text);
        var reply = await user.ExpectTextAsync("/help");
        Assert.Contains(welcome, reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.AllButtons);
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
    }
}

/// <summary>With a threshold no text reaches, every text is asked about: the prompt and what typing instead of tapping does.</summary>
public sealed class FreeTextUnsureTests : BotTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Intent:UnsureBelow"] = "1" };

    [Fact]
    public async Task A_typed_problem_answers_the_prompt_for_the_first_text()
    {
        var user = await MemberAsync("lv");
        user.Send("pie pasta nodaļas nedeg laterna");
        await user.ExpectAsync(e => e.HasButtonFor("ft:q") && e.HasButtonFor("ft:p"));
        user.Send("problēma");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        Assert.Equal("pie pasta nodaļas nedeg laterna", Host.Db.Residents.FindById(user.Id)!.Dialog!.Get("text"));
    }

    [Fact]
    public async Task Another_text_typed_instead_of_a_tap_is_read_together_with_the_first()
    {
        var user = await MemberAsync("en");
        user.Send("the lamp by the post office");
        await user.ExpectAsync(e => e.HasButtonFor("ft:p"));
        user.Send("it has been dark for a week");
        await user.ExpectAsync(e => e.HasButtonFor("ft:p") && Api.Events(user.Id).Count(x => x.HasButtonFor("ft:p")) == 2);
        user.ClickFor("ft:p");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        Assert.Equal("the lamp by the post office\nit has been dark for a week", Host.Db.Residents.FindById(user.Id)!.Dialog!.Get("text"));
    }
}

/// <summary>A long question that opens with a complaint: the last sentence asks and the knowledge base has an article for it.</summary>
public sealed class FreeTextContextFirstQuestionTests : BotTest
{
    [Fact]
    public async Task A_long_question_opening_with_a_complaint_goes_to_answering_not_to_the_report_flow()
    {
        var user = await MemberAsync("en");
        user.Send("Nobody in our village has heard of it and the neighbours keep arguing about the money. What is the LEADER programme and how does it help villages?");
        // Answering replies with an answer and its sources, or offers to pass the question on; never the report flow.
        var answer = await user.ExpectAsync(e => e.Text?.Contains("Sources:", StringComparison.Ordinal) == true || e.AllButtons.Any(b => b.Data?.StartsWith("qa:fwd", StringComparison.Ordinal) == true));
        Assert.DoesNotContain(answer.AllButtons, b => b.Data == "rep:skip");
        Assert.NotEqual(Features.Reports.ReportFlow.Dialog, Host.Db.Residents.FindById(user.Id)!.Dialog?.Name);
    }
}


/// <summary>A text the bot read as a question is one tap from the report flow, whether it was answered or not.</summary>
public sealed class FreeTextReportInsteadTests : BotTest
{
    [Theory]
    [InlineData("lv", "kā nodibināt biedrību?", "Avoti")]
    [InlineData("en", "how do we found an association?", "Sources")]
    [InlineData("ru", "как создать общество жителей?", "Источники")]
    public async Task An_answered_text_offers_to_report_it_instead_and_the_tap_starts_the_report_flow_with_it(string lang, string text, string sources)
    {
        var user = await MemberAsync(lang);
        user.Send(text);
        var answer = await user.ExpectAsync(e => e.Method == "sendMessage" && e.Text?.Contains(sources, StringComparison.Ordinal) == true);
        Assert.True(answer.HasButtonFor("ft:p"));

        user.ClickFor("ft:p");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        var dialog = Host.Db.Residents.FindById(user.Id)!.Dialog!;
        Assert.Equal((ReportFlow.Dialog, ReportFlow.StepAttach, text), (dialog.Name, dialog.Step, dialog.Get("text")));

        // The answer stays, without its buttons, so the same text cannot be reported twice.
        Assert.Contains(Api.Events(user.Id), e => e.Method == "editMessageText" && e.MessageId == answer.MessageId && e.Text == answer.Text && !e.AllButtons.Any());
    }

    [Fact]
    public async Task An_unanswered_text_offers_both_the_coordinator_and_the_report()
    {
        var user = await MemberAsync("en");
        user.Send("who won the hockey match in Riga yesterday?");
        var reply = await user.ExpectAsync(e => e.HasButtonFor("ft:p"));
        Assert.Contains(reply.AllButtons, b => b.Data?.StartsWith("qa:fwd", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_unanswered_text_reported_after_all_is_no_knowledge_gap()
    {
        var user = await UnansweredAsync();
        var gaps = Host.Db.Collection<KnowledgeGap>("knowledge_gaps");
        Assert.Equal("who won the hockey match in Riga yesterday?", Assert.Single(gaps.FindAll()).Question);

        user.ClickFor("ft:p");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        Assert.Empty(gaps.FindAll());
    }

    [Fact]
    public async Task A_gap_already_passed_to_the_coordinator_stays_when_its_text_is_reported()
    {
        var user = await UnansweredAsync();
        var gaps = Host.Db.Collection<KnowledgeGap>("knowledge_gaps");
        var gap = Assert.Single(gaps.FindAll());
        gap.ForwardedAt = DateTime.UtcNow;
        gaps.Update(gap);

        user.ClickFor("ft:p");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        Assert.Equal(gap.Id, Assert.Single(gaps.FindAll()).Id);
    }

    [Fact]
    public async Task The_same_text_answered_later_withdraws_no_earlier_gap()
    {
        var user = await UnansweredAsync();
        user.Send("how do we found an association?");
        await user.ExpectTextAsync("Sources");

        user.ClickFor("ft:p");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        Assert.Single(Host.Db.Collection<KnowledgeGap>("knowledge_gaps").FindAll());
    }

    [Fact]
    public async Task Typing_problem_after_an_unanswered_text_withdraws_only_its_own_gap()
    {
        var user = await MemberAsync("lv");
        var other = await MemberAsync("lv");
        user.Send("kas uzvarēja hokeja spēlē Rīgā vakar?");
        await user.ExpectAsync(e => e.HasButtonFor("ft:p"));
        other.Send("kas uzvarēja hokeja spēlē Rīgā vakar?");
        await other.ExpectAsync(e => e.HasButtonFor("ft:p"));

        user.Send("problēma");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        var left = Assert.Single(Host.Db.Collection<KnowledgeGap>("knowledge_gaps").FindAll());
        Assert.Equal(other.Id, left.ResidentId);
    }

    [Fact]
    public async Task A_text_typed_after_an_answer_is_read_on_its_own_and_the_answered_one_is_not_reported()
    {
        var user = await MemberAsync("en");
        user.Send("how do we found an association?");
        await user.ExpectAsync(e => e.HasButtonFor("ft:p"));
        Assert.Equal(FreeTextHandler.AnsweredStep, Host.Db.Residents.FindById(user.Id)!.Dialog!.Step);

        user.Send("thank you!");
        await user.ExpectTextAsync("/help");
        await Host.IdleAsync();
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
        Assert.Empty(Host.Db.Collection<Report>("reports").FindAll());

        // The old button is stale now: it says so and starts nothing.
        user.ClickFor("ft:p");
        await user.ExpectAsync(e => e.Method == "answerCallbackQuery" && e.Text == "This button is no longer valid.");
        await Host.IdleAsync();
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
    }

    [Theory]
    [InlineData("en", "how do we found an association?", "no problem, thanks")]
    [InlineData("lv", "kā nodibināt biedrību?", "nav problēmu, paldies")]
    public async Task A_polite_no_problem_after_an_answer_reports_nothing(string lang, string question, string reply)
    {
        var user = await MemberAsync(lang);
        user.Send(question);
        await user.ExpectAsync(e => e.HasButtonFor("ft:p"));
        user.Send(reply);
        await user.ExpectTextAsync("/help");
        await Host.IdleAsync();
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
    }

    [Fact]
    public async Task The_button_under_an_older_answer_is_stale_and_reports_neither_text()
    {
        var user = await MemberAsync("en");
        user.Send("how do we found an association?");
        var first = await user.ExpectAsync(e => e.HasButtonFor("ft:p"));
        user.Send("what is an energy community?");
        await user.ExpectAsync(e => e.HasButtonFor("ft:p") && e.MessageId != first.MessageId);

        user.ClickData(first.MessageId, first.DataOf("ft:p")!);
        await user.ExpectAsync(e => e.Method == "answerCallbackQuery" && e.Text == "This button is no longer valid.");
        await Host.IdleAsync();
        var dialog = Host.Db.Residents.FindById(user.Id)!.Dialog!;
        Assert.Equal((FreeTextHandler.Dialog, FreeTextHandler.AnsweredStep, "what is an energy community?"), (dialog.Name, dialog.Step, dialog.Get("text")));
    }

    [Fact]
    public async Task A_command_after_an_answer_lets_the_offer_lapse()
    {
        var user = await MemberAsync("en");
        user.Send("how do we found an association?");
        await user.ExpectAsync(e => e.HasButtonFor("ft:p"));
        user.Send("/cancel");
        await user.ExpectTextAsync("nothing to cancel");
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
    }

    [Fact]
    public async Task Typing_that_it_is_a_problem_after_an_answer_reports_the_answered_text()
    {
        var user = await MemberAsync("lv");
        user.Send("kā nodibināt biedrību?");
        await user.ExpectAsync(e => e.HasButtonFor("ft:p"));
        user.Send("problēma");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        Assert.Equal("kā nodibināt biedrību?", Host.Db.Residents.FindById(user.Id)!.Dialog!.Get("text"));
    }

    [Fact]
    public async Task A_question_asked_with_the_ask_command_offers_no_report()
    {
        var user = await MemberAsync("en");
        user.Send("/ask how do we found an association?");
        var answer = await user.ExpectTextAsync("Sources");
        Assert.False(answer.HasButtonFor("ft:p"));
        await Host.IdleAsync();
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
    }

    /// <summary>A member whose question the knowledge base cannot answer was told so, with "it was a problem" offered.</summary>
    private async Task<VillageBot.TestKit.FakeUser> UnansweredAsync()
    {
        var user = await MemberAsync("en");
        user.Send("who won the hockey match in Riga yesterday?");
        await user.ExpectAsync(e => e.HasButtonFor("ft:p"));
        return user;
    }
}
