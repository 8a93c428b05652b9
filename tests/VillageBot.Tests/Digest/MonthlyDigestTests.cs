using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Nudges;
using VillageBot.Features.Polls;
using VillageBot.TestKit;
using VillageBot.Tests.AdminWeb;
using VillageBot.Tests.Nudges;

namespace VillageBot.Tests.Digest;

/// <summary>"You said, we did": the monthly digest, its recipients, its contents and when it arrives.</summary>
public sealed class MonthlyDigestTests : NudgeTest
{
    private const string Title = "You said, we did — Kalsnava, 06.2025";

    // At 22:00 the digest falls in quiet hours (21:00–08:00) and must wait for the morning.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Digest:Day"] = "1", ["Digest:Hour"] = "22" };

    [Fact]
    public async Task Those_who_reported_supported_or_voted_and_those_who_asked_get_the_digest_after_quiet_hours_and_nobody_else()
    {
        AdvanceTo(new DateTime(2025, 6, 3, 10, 0, 0));
        var reporter = await MemberAsync("en");
        var reference = await ReportAsync(reporter, "Deep pothole on the road by the school");
        var supporter = await MemberAsync("lv");
        await StartReportAsync(supporter);
        supporter.Send("Deep pothole on the road by the school is still there");
        await supporter.ExpectAsync(e => e.HasButton("rep:new"));
        supporter.Click($"rep:same:{StoredReport(reference).Id}");
        await supporter.ExpectTextAsync("+1");

        var voter = await MemberAsync("ru");
        var poll = VotedPoll(voter.Id);
        var coordinator = await CoordinatorAsync();
        coordinator.Send("/outcome");
        await coordinator.ExpectAsync(e => e.HasButton($"po:{poll.Id}"));
        coordinator.Click($"po:{poll.Id}");
        await coordinator.ExpectTextAsync("Write what came of this poll");
        coordinator.Send("The council agreed to move the bus stop");
        await coordinator.ExpectTextAsync("Recorded what came of");
        Assert.Equal("The council agreed to move the bus stop", Polls.Polls.FindById(poll.Id)!.Outcome);

        var bystander = await MemberAsync("en");
        var asked = await MemberAsync("en");
        asked.Send("/settings");
        var settings = await asked.ExpectAsync(e => e.HasButton("set:digest"));
        Assert.Contains(settings.AllButtons, b => b.Text == "📬 Monthly digest: when I took part");
        asked.ClickData(settings.MessageId, "set:digest");
        var changed = await asked.ExpectAsync(e => e.Method == "editMessageText" && e.MessageId == settings.MessageId);
        Assert.Contains(changed.AllButtons, b => b.Text == "📬 Monthly digest: always");

        AdvanceTo(new DateTime(2025, 7, 1, 22, 0, 0));
        await WaitUntilAsync(() => Nudges.Get($"digest:2025-06:{reporter.Id}") is { State: NudgeState.Pending });
        Assert.Equal(new DateTime(2025, 7, 2, 5, 0, 0, DateTimeKind.Utc), Nudges.Get($"digest:2025-06:{reporter.Id}")!.DueAt);
        await bystander.SkipAsync();
        Assert.Equal(0, Count(Api, reporter, "You said, we did"));

        AdvanceTo(new DateTime(2025, 7, 2, 8, 0, 0));
        var digest = (await reporter.ExpectTextAsync(Title)).Text!;
        Assert.Contains("Reports: 1 received, 0 resolved, 0 in progress", digest);
        Assert.Contains("• Roads and transport: 1 received, 0 resolved, 0 in progress", digest);
        Assert.Contains($"1. Roads and transport ({reference}) — ", digest);
        Assert.Contains("«Where should the bus stop be?» — 5 answered, most chose “By the school” (3)", digest);
        Assert.Contains("What came of it: The council agreed to move the bus stop", digest);
        Assert.DoesNotContain("Deep pothole", digest);
        Assert.DoesNotContain("👍 1", digest);
        Assert.DoesNotContain("Person", digest);

        await supporter.ExpectTextAsync("Jūs teicāt, mēs darījām — Kalsnava, 06.2025");
        await voter.ExpectTextAsync("Вы сказали — мы сделали: Kalsnava, 06.2025");
        await asked.ExpectTextAsync(Title);
        await bystander.ExpectSilenceAsync();

        // Once per person and month, across a restart and later scans.
        Host = await Host.RestartAsync();
        Advance(TimeSpan.FromDays(2));
        await reporter.SkipAsync();
        Assert.Equal(1, Count(Api, reporter, "You said, we did"));
    }

    [Fact]
    public async Task A_poll_answered_by_fewer_than_five_shows_no_result_and_a_quiet_month_sends_nothing()
    {
        AdvanceTo(new DateTime(2025, 6, 3, 10, 0, 0));
        var voter = await MemberAsync("en");
        VotedPoll(voter.Id, voters: 3);

        AdvanceTo(new DateTime(2025, 7, 2, 8, 0, 0));
        var digest = (await voter.ExpectTextAsync(Title)).Text!;
        Assert.Contains("fewer than 5 answered, so no result is shown", digest);
        Assert.DoesNotContain("By the school", digest);

        // July had no reports and no polls: no digest in August.
        AdvanceTo(new DateTime(2025, 8, 2, 8, 0, 0));
        await voter.SkipAsync();
        Assert.Null(Nudges.Get($"digest:2025-07:{voter.Id}"));
        Assert.Equal(1, Count(Api, voter, "You said, we did"));
    }

    [Fact]
    public async Task The_outcome_of_another_villages_poll_cannot_be_recorded()
    {
        AdvanceTo(new DateTime(2025, 6, 3, 10, 0, 0));
        var poll = VotedPoll(1, voters: 1);
        var coordinator = await CoordinatorAsync("ergli");
        coordinator.Send("/outcome");
        await coordinator.ExpectTextAsync("no polls");
        Api.Click(coordinator.Id, 1, $"po:{poll.Id}", "en");
        await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery" && e.Text!.Length > 0);
        Assert.Null(Polls.Polls.FindById(poll.Id)!.Outcome);
    }

    private PollStore Polls => Host.Services.GetRequiredService<PollStore>();

    /// <summary>A Kalsnava poll sent now that <paramref name="voter"/> and others answered; three of five chose the first option.</summary>
    private VillagePoll VotedPoll(long voter, int voters = 5)
    {
        var poll = new VillagePoll
        {
            VillageId = Host.Db.Village("kalsnava").Id,
            Question = "Where should the bus stop be?",
            Options = ["By the school", "By the shop"],
            CreatedAt = Now,
            SendAt = Now,
            ClosesAt = Now.AddDays(3),
        };
        Polls.Polls.Insert(poll);
        for (var i = 0; i < voters; i++)
        {
            var who = i == 0 ? voter : voter + 1000 + i;
            Polls.Messages.Insert(new PollMessage { Id = $"{poll.Id}:{who}", PollId = poll.Id, ResidentId = who, Choice = [i < 3 ? 0 : 1], SentAt = Now, VotedAt = Now });
        }

        return poll;
    }
}

/// <summary>"You said, we did" on the pulse page (on the real clock: the web session's cookie expires by it).</summary>
public sealed class DigestPulseTests : BotTest
{
    [Fact]
    public async Task The_pulse_page_shows_last_months_figures_and_outcomes_without_report_text()
    {
        var riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, riga);
        var lastMonth = new DateTime(local.Year, local.Month, 1).AddMonths(-1);
        var inLastMonth = TimeZoneInfo.ConvertTimeToUtc(lastMonth.AddDays(10), riga);
        Host.Db.AddReport("kalsnava", "transport", "Deep pothole on the road by the school", at: inLastMonth);
        var polls = Host.Services.GetRequiredService<PollStore>();
        polls.Polls.Insert(new VillagePoll
        {
            VillageId = Host.Db.Village("kalsnava").Id, Question = "Where should the bus stop be?", Options = ["By the school", "By the shop"],
            CreatedAt = inLastMonth, SendAt = inLastMonth, ClosesAt = inLastMonth.AddDays(3), Outcome = "The council agreed to move the bus stop",
        });

        var browser = await Host.SignInAsCoordinatorAsync(await MemberAsync("en"), "kalsnava");
        var page = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/web/pulse?lang=en"));
        Assert.Contains("You said, we did (last month)", page);
        Assert.Contains($"<th scope=\"row\">Kalsnava</th><td>{lastMonth:MM.yyyy}</td><td>1</td><td>0</td><td>0</td>", page);
        Assert.Contains("«Where should the bus stop be?» → The council agreed to move the bus stop", page);
        Assert.DoesNotContain("Deep pothole", page);
    }
}
