using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Nudges;
using VillageBot.Features.Polls;

namespace VillageBot.Tests.Polls;

public sealed class PollParsingTests
{
    [Theory]
    [InlineData("45m", 45)]
    [InlineData("2h", 120)]
    [InlineData("2 h", 120)]
    [InlineData("3d", 4320)]
    [InlineData("1w", 10080)]
    [InlineData("2 st", 120)]
    [InlineData("3 dienas", 4320)]
    [InlineData("1 nedēļa", 10080)]
    [InlineData("2 часа", 120)]
    [InlineData("3 дня", 4320)]
    [InlineData("10 минут", 10)]
    [InlineData("4w", 40320)]
    public void Durations_are_read_in_each_language(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), PollDuration.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("4m")]
    [InlineData("5w")]
    [InlineData("h")]
    [InlineData("-2h")]
    [InlineData("2x")]
    public void Unreadable_or_out_of_range_durations_are_refused(string text) => Assert.Null(PollDuration.Parse(text));

    private static readonly DateTime Now = new(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc);

    private static SendTime Riga() =>
        new(Zone, Options.Create(new BroadcastOptions()), new QuietHours(Options.Create(new NudgeOptions()), Zone));

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(new BotOptions().TimeZone);

    [Theory]
    [InlineData("18:30 02.06", "2025-06-02T15:30:00Z")]
    [InlineData("02.06 18:30", "2025-06-02T15:30:00Z")]
    [InlineData("9:05 3.6.", "2025-06-03T06:05:00Z")]
    [InlineData("18.30", "2025-06-02T15:30:00Z")]
    [InlineData("11:00", "2025-06-03T08:00:00Z")]
    [InlineData("10:00 15.07", "2025-07-15T07:00:00Z")]
    public void Typed_times_are_riga_time(string text, string utc) =>
        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), Riga().Parse(text, Now));

    [Theory]
    [InlineData("25:00")]
    [InlineData("10:61")]
    [InlineData("10:00 32.06")]
    [InlineData("10:00 01.13")]
    [InlineData("11:00 02.06")]
    [InlineData("tomorrow")]
    [InlineData("10:00 01.10")]
    public void Past_unreadable_or_far_times_are_refused(string text) => Assert.Null(Riga().Parse(text, Now));
}
