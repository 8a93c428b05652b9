using VillageBot.Features.Sending;

namespace VillageBot.Tests.Sending;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    [Theory]
    [InlineData("2025-06-02 20:59", false, "2025-06-02 20:59")]
    [InlineData("2025-06-02 21:00", true, "2025-06-03 08:00")]
    [InlineData("2025-06-02 23:30", true, "2025-06-03 08:00")]
    [InlineData("2025-06-03 03:00", true, "2025-06-03 08:00")]
    [InlineData("2025-06-03 08:00", false, "2025-06-03 08:00")]
    [InlineData("2025-03-30 02:30", true, "2025-03-30 08:00")]
    [InlineData("2025-10-25 22:00", true, "2025-10-26 08:00")]
    public void Quiet_hours_wrap_past_midnight_in_Riga_time_and_end_at_eight(string local, bool quiet, string allowed)
    {
        var hours = new QuietHours(Riga, new TimeOnly(21, 0), new TimeOnly(8, 0));
        Assert.Equal(quiet, hours.Contains(Utc(local)));
        Assert.Equal(Utc(allowed), hours.NextAllowed(Utc(local)));
    }

    [Fact]
    public void Quiet_hours_within_one_day_and_none_at_all()
    {
        var afternoon = new QuietHours(Riga, new TimeOnly(13, 0), new TimeOnly(15, 0));
        Assert.False(afternoon.Contains(Utc("2025-06-02 12:59")));
        Assert.Equal(Utc("2025-06-02 15:00"), afternoon.NextAllowed(Utc("2025-06-02 14:00")));
        Assert.Equal(Utc("2025-06-02 13:00"), afternoon.StartOfQuiet(Utc("2025-06-02 14:00")));
        var none = new QuietHours(Riga, new TimeOnly(8, 0), new TimeOnly(8, 0));
        Assert.False(none.Contains(Utc("2025-06-02 03:00")));
    }

    [Theory]
    [InlineData("21:00", true)]
    [InlineData("7:30", true)]
    [InlineData("25:00", false)]
    [InlineData("evening", false)]
    public void Quiet_hour_settings_are_checked_at_start(string value, bool valid)
    {
        var options = new QuietHoursOptions { QuietHoursStart = value };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.Equal(valid, System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
    }

    private static DateTime Utc(string local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Riga);
}
