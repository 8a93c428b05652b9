using System.Globalization;
using System.Text.RegularExpressions;
using VillageBot.Infrastructure.Localization;

namespace VillageBot.Features.Polls;

/// <summary>How long a poll stays open: "45 min", "2 st", "3 d", "2 ned", "3 dienas", "2 h", "1 week", "2 ч", "1 нед"…</summary>
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

    /// <summary>
    /// The duration in its largest whole unit with the word form the number needs: "1 diena", "21 diena", "3 dienas";
    /// "1 день", "3 дня", "5 дней". The unit's text holds its word forms separated by '|' (lv and en: one|other, ru: one|few|many).
    /// </summary>
    public static string Format(TimeSpan d, string lang, Texts texts)
    {
        var (key, n) = d.TotalDays >= 7 && d.TotalDays % 7 == 0 ? ("duration.weeks", (int)(d.TotalDays / 7))
            : d.TotalHours >= 24 && d.TotalHours % 24 == 0 ? ("duration.days", (int)d.TotalDays)
            : d.TotalMinutes >= 60 && d.TotalMinutes % 60 == 0 ? ("duration.hours", (int)d.TotalHours)
            : ("duration.minutes", (int)d.TotalMinutes);
        var forms = texts.Get(lang, key).Split('|');
        return n.ToString(CultureInfo.InvariantCulture) + " " + forms[Math.Min(PluralForm(lang, n), forms.Length - 1)];
    }

    // Latvian and Russian take the singular after 1, 21, 31… (not 11); Russian has a second form after 2–4, 22–24….
    private static int PluralForm(string lang, int n) => lang switch
    {
        "en" => n == 1 ? 0 : 1,
        "ru" => n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? 1 : 2,
        _ => n % 10 == 1 && n % 100 != 11 ? 0 : 1,
    };

    // A number and a unit, abbreviated or in full, with or without Latvian diacritics: m/min/minūtes/мин,
    // h/st/stundas/ч/час, d/diena/dienas/д/дн/дней, w/ned/nedēļas/nedelas/н/нед.
    [GeneratedRegex(@"^(?<n>\d{1,5})\s*(?<u>m|min\w*|мин\w*|h|hrs?|hours?|st|stund\w*|ч|час\w*|d|days?|dien\w*|д|дн\w*|день|w|wks?|weeks?|ned\w*|н|нед\w*)\.?$")]
    private static partial Regex Pattern();
}
