using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VillageBot.Features.Nudges;
using VillageBot.TestKit;
using VillageBot.Tests.Broadcasts;
using VillageBot.Tests.Reports;

namespace VillageBot.Tests.Nudges;

/// <summary>Report helpers with the keyword classifier, on a clock the test moves (from Monday 2 June 2025, 12:00 in Riga).</summary>
public abstract class NudgeTest : ReportTest
{
    public const string FollowUpQuestion = "Is the problem fixed?";

    protected FakeTimeProvider Clock { get; } = new(VillageTest.Start);

    protected override Action<IServiceCollection>? Configure => services => services.AddSingleton<TimeProvider>(Clock);

    protected NudgeStore Nudges => Host.Services.GetRequiredService<NudgeStore>();

    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Moves the clock; Hangfire's schedulers notice within their polling interval (100 ms in tests).</summary>
    protected void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Moves the clock to a local time in Riga (summer time, UTC+3 in June).</summary>
    protected void AdvanceTo(DateTime rigaLocal) => Clock.SetUtcNow(new DateTimeOffset(rigaLocal, TimeSpan.FromHours(3)));

    protected static Task<BotEvent> ExpectFollowUpAsync(FakeUser reporter) => reporter.ExpectTextAsync(FollowUpQuestion);

    protected static int Count(FakeBotApi api, FakeUser user, string fragment) =>
        api.Events(user.Id).Count(e => e.Method == "sendMessage" && e.Text?.Contains(fragment, StringComparison.Ordinal) == true);

    /// <summary>/settings → the reminders button; returns the settings message as it reads afterwards.</summary>
    protected static async Task<BotEvent> ToggleRemindersAsync(FakeUser user)
    {
        user.Send("/settings");
        var settings = await user.ExpectAsync(e => e.HasButton("set:nudges"));
        user.ClickData(settings.MessageId, "set:nudges");
        return await user.ExpectAsync(e => e.Method == "editMessageText" && e.MessageId == settings.MessageId);
    }
}
