using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Polls;
using VillageBot.Features.Sending;

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
    [InlineData("45 min", 45)]
    [InlineData("45 min.", 45)]
    [InlineData("45 minūtes", 45)]
    [InlineData("45 minutes", 45)]
    [InlineData("30 minūšu", 30)]
    [InlineData("2 st.", 120)]
    [InlineData("2 stundas", 120)]
    [InlineData("3 d", 4320)]
    [InlineData("3 d.", 4320)]
    [InlineData("1 diena", 1440)]
    [InlineData("2 ned", 20160)]
    [InlineData("2 ned.", 20160)]
    [InlineData("2 nedēļas", 20160)]
    [InlineData("2 nedelas", 20160)]
    [InlineData("2 Nedēļas", 20160)]
    [InlineData("3 days", 4320)]
    [InlineData("1 week", 10080)]
    [InlineData("45 мин", 45)]
    [InlineData("2 ч", 120)]
    [InlineData("3 дн.", 4320)]
    [InlineData("2 недели", 20160)]
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

    [Theory]
    [InlineData("lv", 45, "45 minūtes")]
    [InlineData("lv", 60, "1 stunda")]
    [InlineData("lv", 11 * 60, "11 stundas")]
    [InlineData("lv", 21 * 60, "21 stunda")]
    [InlineData("lv", 1440, "1 diena")]
    [InlineData("lv", 4320, "3 dienas")]
    [InlineData("lv", 10080, "1 nedēļa")]
    [InlineData("lv", 20160, "2 nedēļas")]
    [InlineData("en", 1, "1 minute")]
    [InlineData("en", 120, "2 hours")]
    [InlineData("en", 1440, "1 day")]
    [InlineData("en", 30240, "3 weeks")]
    [InlineData("ru", 21, "21 минута")]
    [InlineData("ru", 45, "45 минут")]
    [InlineData("ru", 60, "1 час")]
    [InlineData("ru", 22 * 60, "22 часа")]
    [InlineData("ru", 12 * 60, "12 часов")]
    [InlineData("ru", 4320, "3 дня")]
    [InlineData("ru", 5 * 1440, "5 дней")]
    [InlineData("ru", 10080, "1 неделя")]
    [InlineData("ru", 20160, "2 недели")]
    public void Durations_are_written_in_full_words_with_the_form_the_number_needs(string lang, int minutes, string text) =>
        Assert.Equal(text, PollDuration.Format(TimeSpan.FromMinutes(minutes), lang, new VillageBot.Infrastructure.Localization.Texts()));

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    [InlineData("ru")]
    public void Every_written_duration_reads_back_as_the_same_duration(string lang)
    {
        var texts = new VillageBot.Infrastructure.Localization.Texts();
        foreach (var minutes in new[] { 5, 45, 60, 180, 1440, 4320, 10080, 20160, 40320 })
        {
            Assert.Equal(TimeSpan.FromMinutes(minutes), PollDuration.Parse(PollDuration.Format(TimeSpan.FromMinutes(minutes), lang, texts)));
        }
    }

    private static readonly DateTime Now = new(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc);

    private static SendTime Riga() =>
        new(Zone, Options.Create(new BroadcastOptions()), new QuietHours(Options.Create(new QuietHoursOptions()), Zone));

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
