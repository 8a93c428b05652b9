using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Polls;
using VillageBot.TestKit;
using VillageBot.Tests.Broadcasts;
using static VillageBot.Tests.Polls.PollSteps;

namespace VillageBot.Tests.Polls;

public sealed class PollTests : VillageTest
{
    protected override bool UsesFakeClock => true;

    [Fact]
    public async Task Coordinator_creates_a_poll_residents_vote_it_closes_on_time_and_results_show_counts_and_a_chart()
    {
        var coordinator = await CoordinatorAsync("en");
        var lv = await MemberAsync("lv");
        var ru = await MemberAsync("ru");
        var elsewhere = await MemberAsync("en", "skrunda");

        coordinator.Send("/newpoll");
        await coordinator.ExpectTextAsync("Write the question");
        coordinator.Send("Where should the new bench go?");
        await coordinator.ExpectTextAsync("answer options");
        coordinator.Send("By the shop\nAt the bus stop");
        await coordinator.ExpectAsync(e => e.HasButton("np:done") && e.Text!.Contains("2. At the bus stop"));
        coordinator.Send("Near the school");
        await coordinator.ExpectAsync(e => e.HasButton("np:done") && e.Text!.Contains("3. Near the school"));
        coordinator.Click("np:done");
        await coordinator.ExpectAsync(e => e.HasButton("np:anon:0"));
        coordinator.Click("np:anon:0");
        await coordinator.ExpectAsync(e => e.HasButton("np:multi:0"));
        coordinator.Click("np:multi:0");
        await coordinator.ExpectAsync(e => e.HasButton("np:close:60"));
        coordinator.Send("2h");
        await coordinator.ExpectAsync(e => e.HasButton("np:at:now") && e.Text!.Contains("Open for 2 hours"));
        coordinator.Click("np:at:now");
        var preview = await coordinator.ExpectAsync(e => e.HasButton("np:send"));
        Assert.Contains("Where should the new bench go?", preview.Text);
        Assert.Contains("▫️ Near the school", preview.Text);
        Assert.Contains("Recipients: 3", preview.Text);
        Assert.Contains("Closes: 14:00 02.06.", preview.Text);
        coordinator.Click("np:send");
        await coordinator.ExpectTextAsync("Sending to the residents of Kalsnava");

        await coordinator.ExpectTextAsync("Delivered: 3");
        var polls = new Dictionary<long, string>();
        foreach (var person in new[] { coordinator, lv, ru })
        {
            var sent = Assert.Single(Api.Events(person.Id), e => e.Method == "sendPoll");
            Assert.Equal("Where should the new bench go?", sent.Poll!.Question);
            Assert.False(sent.Poll.IsAnonymous);
            Assert.Equal(3, sent.Poll.Options.Length);
            polls[person.Id] = sent.Poll.Id;
        }

        Assert.DoesNotContain(Api.Events(elsewhere.Id), e => e.Method == "sendPoll");

        Api.AnswerPoll(lv.Id, polls[lv.Id], 0);
        await lv.ExpectTextAsync("balss ir ieskaitīta: By the shop");
        Api.AnswerPoll(ru.Id, polls[ru.Id], 1);
        await ru.ExpectTextAsync("ваш голос учтён: At the bus stop");
        Api.AnswerPoll(ru.Id, polls[ru.Id]);
        await ru.ExpectTextAsync("голос отозван");
        Api.AnswerPoll(ru.Id, polls[ru.Id], 0);
        await ru.ExpectTextAsync("голос учтён: By the shop");
        Api.AnswerPoll(coordinator.Id, polls[coordinator.Id], 2);
        await coordinator.ExpectTextAsync("your vote has been counted: Near the school");

        coordinator.Send("/results");
        var list = await coordinator.ExpectAsync(e => e.AllButtons.Any(b => b.Data!.StartsWith("pr:", StringComparison.Ordinal)));
        coordinator.Click(list.AllButtons.First().Data!);
        var results = await coordinator.ExpectTextAsync("Voted: 3 of 3");
        Assert.Contains("By the shop — 2 (67%)", results.Text);
        Assert.Contains("At the bus stop — 0 (0%)", results.Text);
        Assert.Contains("Near the school — 1 (33%)", results.Text);
        Assert.Contains("Person", results.Text);
        var chart = await coordinator.ExpectAsync(e => e.Method == "sendPhoto");
        Assert.True(chart.File is { Length: > 1000 } && chart.File[1] == (byte)'P' && chart.File[2] == (byte)'N');

        Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        foreach (var person in new[] { lv, ru })
        {
            await person.ExpectAsync(e => e.Method == "stopPoll");
        }

        var final = await coordinator.ExpectAsync(e => e.Text?.Contains("Closed 14:01 02.06.", StringComparison.Ordinal) == true);
        Assert.Contains("By the shop — 2", final.Text);
        await coordinator.ExpectAsync(e => e.Method == "sendPhoto");
        var store = Host.Services.GetRequiredService<PollStore>();
        Assert.All(store.Messages.FindAll(), m => Assert.True(m.Stopped));

        // An answer that arrives after the closing time changes nothing and gets no thank-you.
        Api.AnswerPoll(lv.Id, polls[lv.Id], 1);
        await lv.ExpectSilenceAsync();
        var poll = store.Polls.FindAll().Single();
        Assert.Equal([2, 0, 1], Host.Services.GetRequiredService<PollResults>().Tally(poll).Counts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_vote_that_arrives_before_the_bot_has_noted_its_poll_is_counted(bool anonymous)
    {
        var coordinator = await CoordinatorAsync("en");
        var voter = await MemberAsync("en");
        var release = Api.HoldAnswers(voter.Id, "sendPoll");
        await CreatePollAsync(coordinator, "Where should the bench go?", ["By the shop", "By the school"], anonymous: anonymous);

        // The resident sees the poll and votes while the bot is still waiting for Telegram's answer to sending it.
        var sent = await voter.ExpectAsync(e => e.Method == "sendPoll");
        Api.AnswerPoll(voter.Id, sent.Poll!.Id, 1);
        var early = Host.Services.GetRequiredService<EarlyVotes>();
        await Wait.UntilAsync(() => early.Holds(sent.Poll.Id));
        release();

        await voter.ExpectTextAsync("your vote has been counted: By the school");
        var poll = Host.Services.GetRequiredService<PollStore>().Polls.FindAll().Single();
        Assert.Equal([0, 1], Host.Services.GetRequiredService<PollResults>().Tally(poll).Counts);
        Assert.False(early.Holds(sent.Poll.Id));
    }

    [Fact]
    public async Task Anonymous_multiple_choice_poll_counts_votes_without_names()
    {
        var coordinator = await CoordinatorAsync("en");
        var voter = await MemberAsync("en");
        await CreatePollAsync(coordinator, "Which events would you join?", ["Concert", "Cleanup", "Market"], anonymous: true, multiple: true);

        var sent = await voter.ExpectAsync(e => e.Method == "sendPoll");
        Assert.True(sent.Poll!.IsAnonymous);
        Assert.True(sent.Poll.AllowsMultipleAnswers);
        Api.AnswerPoll(voter.Id, sent.Poll.Id, 0, 2);
        await voter.ExpectTextAsync("your vote has been counted: Concert, Market");

        var poll = Host.Services.GetRequiredService<PollStore>().Polls.FindAll().Single();
        var tally = Host.Services.GetRequiredService<PollResults>().Tally(poll);
        Assert.Equal([1, 0, 1], tally.Counts);
        Assert.Equal(1, tally.Voters);
        Assert.All(tally.Names, n => Assert.Empty(n));
    }

    [Fact]
    public async Task Poll_scheduled_for_a_typed_time_goes_out_when_the_clock_reaches_it()
    {
        var coordinator = await CoordinatorAsync("en");
        var resident = await MemberAsync("lv");
        await CreatePollAsync(coordinator, "Meeting on Friday?", ["Yes", "No"], when: "18:30 02.06");
        await coordinator.ExpectTextAsync("Scheduled for the residents of Kalsnava at 18:30 02.06.");
        await resident.ExpectSilenceAsync();

        Advance(TimeSpan.FromHours(6));
        await resident.ExpectSilenceAsync();
        Advance(TimeSpan.FromMinutes(31));
        var sent = await resident.ExpectAsync(e => e.Method == "sendPoll");
        Assert.Equal("Meeting on Friday?", sent.Poll!.Question);
    }

    [Fact]
    public async Task Scheduled_poll_survives_a_restart_and_goes_out_after_it()
    {
        var coordinator = await CoordinatorAsync("en");
        var resident = await MemberAsync("en");
        await CreatePollAsync(coordinator, "New playground?", ["Yes", "No"], when: "tom09");
        await coordinator.ExpectTextAsync("Scheduled");

        Host = await Host.RestartAsync();
        Advance(TimeSpan.FromDays(1));
        await resident.ExpectAsync(e => e.Method == "sendPoll");
        Assert.Single(Api.Events(resident.Id), e => e.Method == "sendPoll");
    }

    [Theory]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11", "at most 10 options")]
    [InlineData("Fine\nThis option is far too long to fit into a Telegram poll because Telegram allows one hundred characters only", "Nothing was added")]
    [InlineData("Same\nsame", "already there")]
    public async Task Bad_options_get_a_reply_and_add_nothing(string options, string reply)
    {
        var coordinator = await CoordinatorAsync("en");
        coordinator.Send("/newpoll");
        await coordinator.ExpectTextAsync("Write the question");
        coordinator.Send("Question?");
        await coordinator.ExpectTextAsync("answer options");
        coordinator.Send(options);
        await coordinator.ExpectTextAsync(reply);
        Assert.Null(Host.Db.Residents.FindById(coordinator.Id)!.Dialog!.Get("options"));
    }

    [Fact]
    public async Task Bad_question_duration_and_time_get_localised_replies_and_change_nothing()
    {
        var coordinator = await CoordinatorAsync("lv");
        coordinator.Send("/newpoll");
        await coordinator.ExpectTextAsync("Uzrakstiet jautājumu");
        Api.SendMessage(coordinator.Id, m => m.Sticker = new Telegram.Bot.Types.Sticker { FileId = "s", FileUniqueId = "s", Type = Telegram.Bot.Types.Enums.StickerType.Regular, Width = 1, Height = 1 });
        await coordinator.ExpectTextAsync("atbildiet ar tekstu");
        coordinator.Send(new string('j', 301));
        await coordinator.ExpectTextAsync("Jautājums ir par garu");
        Assert.Equal("question", Host.Db.Residents.FindById(coordinator.Id)!.Dialog!.Step);

        coordinator.Send("Vai rīkot talku?");
        await coordinator.ExpectTextAsync("atbilžu varianti");
        coordinator.Send("Jā\nNē");
        await coordinator.ExpectAsync(e => e.HasButton("np:done"));
        coordinator.Click("np:done");
        await coordinator.ExpectAsync(e => e.HasButton("np:anon:1"));
        coordinator.Click("np:anon:1");
        await coordinator.ExpectAsync(e => e.HasButton("np:multi:0"));
        coordinator.Click("np:multi:0");
        await coordinator.ExpectAsync(e => e.HasButton("np:close:60"));
        foreach (var bad in new[] { "drīz", "2 minutes", "9w" })
        {
            coordinator.Send(bad);
            await coordinator.ExpectTextAsync("Šo ilgumu nesapratu");
        }

        Assert.Null(Host.Db.Residents.FindById(coordinator.Id)!.Dialog!.Get("minutes"));
        coordinator.Send("3 dienas");
        await coordinator.ExpectAsync(e => e.HasButton("np:at:now") && e.Text!.Contains("Aptauja būs atvērta — 3 dienas"));
        foreach (var bad in new[] { "rīt", "25:99", "10:00 31.13" })
        {
            coordinator.Send(bad);
            await coordinator.ExpectTextAsync("Šo laiku nesapratu");
        }

        var dialog = Host.Db.Residents.FindById(coordinator.Id)!.Dialog!;
        Assert.Equal("when", dialog.Step);
        Assert.Null(dialog.Get("at"));
        Assert.Empty(Host.Services.GetRequiredService<PollStore>().Polls.FindAll());
    }

    [Fact]
    public async Task Residents_cannot_create_polls_and_coordinators_cannot_reach_other_villages()
    {
        var resident = await MemberAsync("en");
        resident.Send("/newpoll");
        await resident.ExpectTextAsync("Only a village coordinator");
        resident.Send("/results");
        await resident.ExpectTextAsync("Only a village coordinator");

        var other = await CoordinatorAsync("en", "skrunda");
        await CreatePollAsync(other, "Skrunda only?", ["Yes", "No"]);
        await other.ExpectTextAsync("Sending to the residents of Skrunda");
        var pollId = Host.Services.GetRequiredService<PollStore>().Polls.FindAll().Single().Id;

        var coordinator = await CoordinatorAsync("en");
        coordinator.Send("/results");
        await coordinator.ExpectTextAsync("no polls for your village");
        coordinator.ClickData(1, $"pr:{pollId}");
        var refused = await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.Contains("another village", refused.Text);

        coordinator.ClickData(1, "np:send");
        Assert.Contains("no longer valid", (await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        coordinator.Send("/newpoll");
        await coordinator.ExpectTextAsync("Write the question");
        coordinator.ClickData(1, $"np:v:{VillageId("skrunda")}");
        Assert.Contains("no longer valid", (await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        Assert.Equal(VillageId("kalsnava").ToString(System.Globalization.CultureInfo.InvariantCulture), Host.Db.Residents.FindById(coordinator.Id)!.Dialog!.Get("village"));
    }

    [Fact]
    public async Task Admin_chooses_the_village_and_the_poll_reaches_only_it()
    {
        var admin = Admin("en");
        await admin.OnboardAsync("kalsnava");
        var inSkrunda = await MemberAsync("en", "skrunda");
        var inKalsnava = await MemberAsync("en", "kalsnava");
        admin.Send("/newpoll");
        await admin.ExpectAsync(e => e.HasButton($"np:v:{VillageId("skrunda")}"));
        admin.Click($"np:v:{VillageId("skrunda")}");
        await admin.ExpectTextAsync("Write the question");
        await AnswerDialogAsync(admin, "Skrunda question?", ["A", "B"], anonymous: false, multiple: false, when: "now");
        await inSkrunda.ExpectAsync(e => e.Method == "sendPoll");
        await admin.ExpectTextAsync("Delivered: 1");
        Assert.DoesNotContain(Api.Events(inKalsnava.Id), e => e.Method == "sendPoll");
    }
}
