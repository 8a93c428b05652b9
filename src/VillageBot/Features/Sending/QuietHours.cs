using Microsoft.Extensions.Options;

namespace VillageBot.Features.Sending;

/// <summary>
/// The hours in the villages' time zone when no reminder is sent and "send now" asks first (default 21:00–08:00
/// Europe/Riga). A period may wrap past midnight; a start equal to the end means there are none.
/// </summary>
public sealed class QuietHours
{
    private readonly TimeZoneInfo _zone;
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;

    public QuietHours(IOptions<QuietHoursOptions> options, TimeZoneInfo zone)
        : this(zone, QuietHoursOptions.ParseTime(options.Value.QuietHoursStart)!.Value, QuietHoursOptions.ParseTime(options.Value.QuietHoursEnd)!.Value)
    {
    }

    public QuietHours(TimeZoneInfo zone, TimeOnly start, TimeOnly end)
    {
        _zone = zone;
        _start = start;
        _end = end;
    }

    public bool Contains(DateTime utc)
    {
        if (_start == _end)
        {
            return false;
        }

        var t = TimeOnly.FromDateTime(Local(utc));
        return _start < _end ? t >= _start && t < _end : t >= _start || t < _end;
    }

    /// <summary>The time itself outside quiet hours; inside them, the moment they end.</summary>
    public DateTime NextAllowed(DateTime utc)
    {
        if (!Contains(utc))
        {
            return utc;
        }

        var local = Local(utc);
        var end = local.Date + _end.ToTimeSpan();
        return Utc(end <= local ? end.AddDays(1) : end);
    }

    /// <summary>When the quiet period that holds <paramref name="utc"/> began (only meaningful inside one).</summary>
    public DateTime StartOfQuiet(DateTime utc)
    {
        var local = Local(utc);
        var start = local.Date + _start.ToTimeSpan();
        return Utc(start > local ? start.AddDays(-1) : start);
    }

    private DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    private DateTime Utc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(_zone.IsInvalidTime(local) ? local.AddHours(1) : local, _zone);
    }
}
