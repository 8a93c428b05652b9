using System.Globalization;
using System.Text.RegularExpressions;

namespace VillageBot.Features.Polls;

/// <summary>How long a poll stays open: "45m", "2h", "3d", "1w", also "2 st", "3 dienas", "2 ч", "1 нед".</summary>
public static partial class PollDuration
{
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(28);

    /// <summary>The buttons offered: one hour, one day, three days, one week (in minutes).</summary>
    public static readonly IReadOnlyList<int> Choices = [60, 1440, 4320, 10080];

    /// <summary>The duration, or null if it cannot be read or is outside 5 minutes to 4 weeks.</summary>
    public static TimeSpan? Parse(string text)
    {
        var m = Pattern().Match(text.Trim().ToLowerInvariant());
        if (!m.Success || !int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var unit = m.Groups["u"].Value;
        TimeSpan? span = unit[0] switch
        {
            'm' or 'м' => TimeSpan.FromMinutes(n),
            'h' or 's' or 'ч' => TimeSpan.FromHours(n),
            'd' or 'д' => TimeSpan.FromDays(n),
            'w' or 'n' or 'н' => TimeSpan.FromDays(7.0 * n),
            _ => null,
        };
        return span is { } s && s >= Shortest && s <= Longest ? s : null;
    }

    // A number and a unit: m/min/minūtes/мин, h/st/stundas/ч/час, d/diena/dienas/д/дн/дней, w/ned/nedēļas/н/нед.
    [GeneratedRegex(@"^(?<n>\d{1,5})\s*(?<u>m|min|mins|minutes?|minūt[eēs]s?|minut[es]s?|мин\w*|h|hr|hours?|st|stund\w*|ч|час\w*|d|days?|dien\w*|д|дн\w*|день|w|weeks?|ned\w*|nedēļ\w*|н|нед\w*)\.?$")]
    private static partial Regex Pattern();
}
