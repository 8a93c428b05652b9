using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Broadcasts;

namespace VillageBot.Tests.Broadcasts;

public sealed class ScheduledBroadcastTests : VillageTest
{
    protected override bool UsesFakeClock => true;

    [Fact]
    public async Task Broadcast_for_tomorrow_morning_waits_for_the_clock_and_can_be_cancelled_before_it()
    {
        var coordinator = await CoordinatorAsync("en");
        var resident = AddResidents(1).Single();
        await ScheduleAsync(coordinator, "Road works start tomorrow.");
        var scheduled = await coordinator.ExpectTextAsync("Scheduled for the residents of Kalsnava at 09:00 03.06.");

        Advance(TimeSpan.FromHours(20));
        await resident.ExpectSilenceAsync();
        Advance(TimeSpan.FromHours(1));
        var got = await resident.ExpectAsync(e => e.Method == "sendMessage");
        Assert.Contains("Road works start tomorrow.", got.Text);

        coordinator.ClickData(scheduled.MessageId, "bc:drop:1");
        await coordinator.ExpectTextAsync("can no longer be cancelled");

        await ScheduleAsync(coordinator, "This one is withdrawn.");
        var second = await coordinator.ExpectTextAsync("Scheduled for the residents");
        coordinator.ClickData(second.MessageId, "bc:drop:2");
        await coordinator.ExpectTextAsync("Sending cancelled");
        Advance(TimeSpan.FromDays(2));
        await resident.ExpectSilenceAsync();
        Assert.Equal(BroadcastState.Cancelled, Host.Services.GetRequiredService<IBroadcaster>().Get(2)!.State);
    }

    private static async Task ScheduleAsync(VillageBot.TestKit.FakeUser coordinator, string text)
    {
        coordinator.Send("/broadcast");
        await coordinator.ExpectAsync(e => e.HasButton("bc:k:text"));
        coordinator.Click("bc:k:text");
        await coordinator.ExpectTextAsync("Write the message");
        coordinator.Send(text);
        await coordinator.ExpectAsync(e => e.HasButton("bc:at:tom09"));
        coordinator.Click("bc:at:tom09");
        await coordinator.ExpectAsync(e => e.HasButton("bc:send"));
        coordinator.Click("bc:send");
    }
}
