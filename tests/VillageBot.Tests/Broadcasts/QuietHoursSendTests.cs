using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Polls;

namespace VillageBot.Tests.Broadcasts;

/// <summary>"Now" chosen at night (quiet hours 21:00–08:00 Europe/Riga) asks first: at 08:00 (the default) or now anyway.</summary>
public sealed class QuietHoursSendTests : VillageTest
{
    /// <summary>3 June 2025, 00:22 UTC = 03:22 in Riga (summer time).</summary>
    private static readonly DateTimeOffset Night = new(2025, 6, 3, 0, 22, 0, TimeSpan.Zero);

    protected override bool UsesFakeClock => true;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Broadcast:AskInQuietHours"] = "true" };

    [Fact]
    public async Task A_broadcast_at_night_is_sent_at_eight_by_default_and_by_day_goes_straight_to_the_preview()
    {
        var coordinator = await CoordinatorAsync("en");
        AddResidents(2);

        await WriteBroadcastAsync(coordinator, "Daytime news");
        coordinator.Click("bc:at:now");
        var daytime = await coordinator.ExpectAsync(e => e.HasButton("bc:send") || e.HasButton("bc:at:morning"));
        Assert.True(daytime.HasButton("bc:send"), daytime.ToString());
        coordinator.Send("/cancel");

        Clock!.SetUtcNow(Night);
        await WriteBroadcastAsync(coordinator, "The road is closed tomorrow.");
        coordinator.Click("bc:at:now");
        var ask = await coordinator.ExpectAsync(e => e.HasButton("bc:at:morning"));
        Assert.Contains("03:22", ask.Text);
        Assert.Equal("bc:at:morning", ask.AllButtons.First().Data);
        Assert.Contains("08:00", ask.AllButtons.First().Text);
        Assert.True(ask.HasButton("bc:at:anyway"));

        coordinator.Click("bc:at:morning");
        var preview = await coordinator.ExpectAsync(e => e.HasButton("bc:send"));
        Assert.Contains("Sending: at 08:00 03.06", preview.Text);
        coordinator.Click("bc:send");
        await coordinator.ExpectTextAsync("08:00");
        var broadcast = Host.Services.GetRequiredService<BroadcastStore>().Broadcasts.FindAll().Single();
        Assert.Equal(new DateTime(2025, 6, 3, 5, 0, 0, DateTimeKind.Utc), broadcast.SendAt);
    }

    [Fact]
    public async Task A_poll_at_night_can_still_be_sent_now()
    {
        var coordinator = await CoordinatorAsync("lv");
        var resident = AddResidents(1).Single();
        Clock!.SetUtcNow(Night);

        coordinator.Send("/newpoll");
        await coordinator.ExpectTextAsync("Uzrakstiet jautājumu");
        coordinator.Send("Kur likt soliņu?");
        await coordinator.ExpectTextAsync("atbilžu varianti");
        await Polls.PollSteps.OptionsAndChoicesAsync(coordinator, ["Pie veikala", "Pie skolas"]);
        coordinator.Click("np:close:1440");
        await coordinator.ExpectAsync(e => e.HasButton("np:at:now"));
        coordinator.Click("np:at:now");
        var ask = await coordinator.ExpectAsync(e => e.HasButton("np:at:anyway"));
        Assert.Contains("klusuma stundas", ask.Text);
        Assert.Contains("Sūtīt 08:00", ask.AllButtons.First().Text);

        coordinator.Click("np:at:anyway");
        await coordinator.ExpectAsync(e => e.HasButton("np:send"));
        coordinator.Click("np:send");
        await resident.ExpectAsync(e => e.Method == "sendPoll");
        var poll = Host.Services.GetRequiredService<PollStore>().Polls.FindAll().Single();
        Assert.Equal(Night.UtcDateTime, poll.SendAt);
    }

    [Fact]
    public async Task A_quiz_invitation_at_night_waits_for_eight_by_default()
    {
        var coordinator = await CoordinatorAsync("en");
        AddResidents(1);
        Clock!.SetUtcNow(Night);
        var village = VillageId("kalsnava");
        coordinator.Send("/needs");
        var needs = await coordinator.ExpectAsync(e => e.Method == "sendMessage");

        coordinator.ClickData(needs.MessageId, $"qzn:send:{village}:smart-village-basics");
        var confirm = await coordinator.ExpectTextAsync("Send “Smart village basics”");
        Assert.Contains("quiet hours", confirm.Text);
        Assert.Equal($"qzn:go:{village}:smart-village-basics:later", confirm.AllButtons.First().Data);
        Assert.Contains("08:00", confirm.AllButtons.First().Text);
        Assert.True(confirm.HasButton($"qzn:go:{village}:smart-village-basics"));

        coordinator.Click($"qzn:go:{village}:smart-village-basics:later");
        await coordinator.ExpectTextAsync("at 08:00 03.06");
        var broadcast = Host.Services.GetRequiredService<BroadcastStore>().Broadcasts.FindAll().Single();
        Assert.Equal(new DateTime(2025, 6, 3, 5, 0, 0, DateTimeKind.Utc), broadcast.SendAt);
    }

    private static async Task WriteBroadcastAsync(TestKit.FakeUser coordinator, string text)
    {
        coordinator.Send("/broadcast");
        await coordinator.ExpectAsync(e => e.HasButton("bc:k:text"));
        coordinator.Click("bc:k:text");
        await coordinator.ExpectTextAsync("Write the message");
        coordinator.Send(text);
        await coordinator.ExpectAsync(e => e.HasButton("bc:at:now"));
    }
}
