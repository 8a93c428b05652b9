using Microsoft.Extensions.Options;
using VillageBot.Features.Nudges;
using VillageBot.Features.Polls;
using VillageBot.Features.Sending;
using VillageBot.Tests.Polls;

namespace VillageBot.Tests.Nudges;

public sealed class PollReminderTests : NudgeTest
{
    [Fact]
    public async Task Residents_who_have_not_voted_get_one_reminder_three_hours_before_the_poll_closes()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var voter = await MemberAsync("en", "kalsnava");
        var silent = await MemberAsync("ru", "kalsnava");
        await PollSteps.CreatePollAsync(coordinator, "Where should the new bench go?", ["Yes", "No"], openFor: "8h");
        await coordinator.ExpectTextAsync("Delivered: 3");
        var poll = await voter.ExpectAsync(e => e.Method == "sendPoll");
        await silent.ExpectAsync(e => e.Method == "sendPoll");
        Api.AnswerPoll(voter.Id, poll.Poll!.Id, 0);
        await voter.ExpectTextAsync("your vote has been counted");

        Advance(TimeSpan.FromHours(5) - TimeSpan.FromMinutes(1));
        await silent.ExpectSilenceAsync();
        Advance(TimeSpan.FromMinutes(1));
        var reminder = await silent.ExpectTextAsync("Опрос «Where should the new bench go?» закроется в 20:00 02.06., а вашего голоса пока нет.");
        Assert.Contains("/settings", reminder.Text);
        Assert.Empty(reminder.AllButtons);
        await coordinator.ExpectTextAsync("The poll “Where should the new bench go?” closes at 20:00 02.06. and your vote has not reached us yet.");

        Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        await silent.ExpectAsync(e => e.Method == "stopPoll");
        await voter.ExpectAsync(e => e.Method == "stopPoll");
        await coordinator.ExpectTextAsync("Closed 20:01 02.06.");
        Advance(TimeSpan.FromDays(1));
        await silent.ExpectSilenceAsync();
        await voter.ExpectSilenceAsync();
        Assert.Equal(1, Count(Api, silent, "вашего голоса пока нет"));
        Assert.Equal(0, Count(Api, voter, "has not reached us yet"));
        Assert.Equal(1, Count(Api, coordinator, "has not reached us yet"));
    }

    [Fact]
    public async Task A_poll_open_for_less_than_twice_the_lead_gets_no_reminder()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var silent = await MemberAsync("en", "kalsnava");
        await PollSteps.CreatePollAsync(coordinator, "Concert on Friday or Saturday?", ["Yes", "No"], openFor: "5h");
        await silent.ExpectAsync(e => e.Method == "sendPoll");

        Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(1));
        await silent.ExpectAsync(e => e.Method == "stopPoll");
        Assert.Equal(0, Count(Api, silent, "has not reached us yet"));
    }

    [Theory]
    [InlineData("2025-06-02 18:00", "2025-06-03 02:00", "2025-06-02 22:00")]
    [InlineData("2025-06-02 12:00", "2025-06-03 10:00", "2025-06-03 08:00")]
    [InlineData("2025-06-02 12:00", "2025-06-03 08:30", "2025-06-02 22:00")]
    [InlineData("2025-06-03 06:00", "2025-06-03 09:30", null)]
    [InlineData("2025-06-02 12:00", "2025-06-02 19:00", "2025-06-02 16:00")]
    public void Reminder_time_avoids_quiet_hours_and_short_polls(string sent, string closes, string? expected)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");
        var reminders = new PollReminders(null!, null!, new QuietHours(zone, new TimeOnly(23, 0), new TimeOnly(8, 0)), null!, Options.Create(new NudgeOptions()));
        DateTime Utc(string local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), zone);
        var poll = new VillagePoll { SendAt = Utc(sent), ClosesAt = Utc(closes) };
        Assert.Equal(expected is null ? null : Utc(expected), reminders.ReminderTime(poll));
    }
}
