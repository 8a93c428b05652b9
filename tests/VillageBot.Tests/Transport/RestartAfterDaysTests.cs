using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VillageBot.Tests.Broadcasts;

namespace VillageBot.Tests.Transport;

public sealed class RestartAfterDaysTests : BotTest
{
    private readonly FakeTimeProvider _clock = new(VillageTest.Start);

    protected override Action<IServiceCollection>? Configure => services => services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task A_restart_days_after_updates_were_handled_handles_none_of_them_again()
    {
        var user = await MemberAsync("en");
        user.Send("/help");
        await user.ExpectTextAsync("What I can do");

        _clock.Advance(TimeSpan.FromDays(5));
        Host = await Host.RestartAsync();
        user.Send("/settings");
        await user.ExpectTextAsync("Settings");
        await user.ExpectSilenceAsync();
        Assert.Equal(1, Api.Events(user.Id).Count(e => e.Text?.StartsWith("Welcome! 🌱", StringComparison.Ordinal) == true));
        Assert.DoesNotContain(Api.Events(user.Id), e => e.Text?.StartsWith("Welcome back", StringComparison.Ordinal) == true);
    }
}
