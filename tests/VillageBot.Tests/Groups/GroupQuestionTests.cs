using VillageBot.Tests.FreeText;
using VillageBot.TestKit;

namespace VillageBot.Tests.Groups;

public sealed class GroupQuestionTests : GroupTest
{
    [Fact]
    public async Task Ask_a_mention_and_a_reply_to_the_bot_are_answered_in_the_group_as_replies_in_its_language_with_sources()
    {
        var (group, _) = await LinkedGroupAsync("ru");
        var resident = await MemberAsync("en");

        group.Send(resident, "/ask@" + Bot + " What is LEADER?");
        var answer = await group.ExpectTextAsync("📚 Источники:");
        Assert.Contains("local action group", answer.Text);
        Assert.Equal(LastIncoming(group, resident), answer.ReplyTo);

        group.Send(resident, "@" + Bot + " что такое LEADER?");
        var mentioned = await group.ExpectTextAsync("📚 Источники:");
        Assert.Equal(LastIncoming(group, resident), mentioned.ReplyTo);

        group.Send(resident, "А что такое LEADER?", replyTo: mentioned.MessageId);
        var replied = await group.ExpectTextAsync("📚 Источники:");
        Assert.Equal(LastIncoming(group, resident), replied.ReplyTo);
        Assert.DoesNotContain(Api.Events(resident.Id), e => e.Text?.Contains("LEADER", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_unknown_question_offers_the_private_chat_and_is_kept_as_a_gap_of_the_village_without_the_asker()
    {
        var (group, _) = await LinkedGroupAsync("en");
        var resident = await MemberAsync("en");
        group.Send(resident, "/ask@" + Bot + " When does the zeppelin to Madona leave on Tuesdays?");
        var reply = await group.ExpectAsync(e => e.AllButtons.Any(b => b.Data?.Contains("t.me/", StringComparison.Ordinal) == true));
        Assert.Equal($"https://t.me/{Bot}?start=ask", reply.AllButtons.Single().Data);
        var gap = Assert.Single(Host.Db.Collection<Features.Questions.Chat.KnowledgeGap>("knowledge_gaps").FindAll());
        Assert.Equal(VillageId("kalsnava"), gap.VillageId);
        Assert.Equal(0, gap.ResidentId);
        group.Send(resident, "/ask@" + Bot);
        await group.ExpectTextAsync("/ask@" + Bot + " your question");
    }

    [Fact]
    public async Task Report_in_the_group_gets_a_button_to_the_private_chat_at_the_report_step_and_nothing_of_it_in_the_group()
    {
        var (group, _) = await LinkedGroupAsync("en");
        var resident = await MemberAsync("en");
        group.Send(resident, "/report@" + Bot + " My neighbour Jānis Bērziņš at Skolas iela 5 dumps rubbish");
        var reply = await group.ExpectTextAsync("reported in private");
        Assert.Equal($"https://t.me/{Bot}?start=report", reply.AllButtons.Single().Data);
        Assert.DoesNotContain(Api.Events(group.ChatId), e => e.Text?.Contains("Bērziņš", StringComparison.Ordinal) == true || e.Text?.Contains("rubbish", StringComparison.Ordinal) == true);
        await group.ExpectSilenceAsync();

        // The button opens the private chat with /start report: the report dialog starts at the description.
        resident.Send("/start report");
        await resident.ExpectTextAsync("Describe the problem");
    }

    [Fact]
    public async Task A_mention_that_reads_as_a_problem_is_sent_to_the_private_chat()
    {
        var (group, _) = await LinkedGroupAsync("en");
        var resident = await MemberAsync("en");
        group.Send(resident, "@" + Bot + " the street lights on our road have been broken for a week");
        var reply = await group.ExpectTextAsync("reported in private");
        Assert.Equal($"https://t.me/{Bot}?start=report", reply.AllButtons.Single().Data);
    }

    private int LastIncoming(FakeGroup group, FakeUser from) =>
        Enumerable.Range(1, 1000).Select(i => Api.MessageIn(group.ChatId, i)).TakeWhile(m => m is not null).Last(m => m!.From?.Id == from.Id)!.Id;
}
