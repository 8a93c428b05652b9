using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Sending;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Broadcasts;

/// <summary>
/// "When to send" for broadcasts and polls, in the villages' time zone (Bot:TimeZone, Europe/Riga): buttons for
/// now, this evening and tomorrow, or a typed time such as "18:30 05.06", "05.06 18:30" or "18:30". "Now" during
/// the quiet hours asks first: at their end (the default) or now anyway.
/// </summary>
public sealed partial class SendTime(TimeZoneInfo zone, IOptions<BroadcastOptions> broadcast, QuietHours quiet)
{
    /// <summary>The button choices of the quiet-hours question.</summary>
    public const string AfterQuiet = "morning";
    public const string NowAnyway = "anyway";

    public static readonly TimeSpan Furthest = TimeSpan.FromDays(90);

    public TimeZoneInfo Zone { get; } = zone;

    public Keyboard Buttons(BotContext ctx, string prefix)
    {
        var local = Local(ctx.Now);
        var row = new List<Button> { new(ctx.T("sendtime.now"), CallbackData.Build(prefix, "at", "now")) };
        if (local.Hour < 17)
        {
            row.Add(new Button(ctx.T("sendtime.today", "18:00"), CallbackData.Build(prefix, "at", "today18")));
        }

        return Keyboard.Of(
            [.. row],
            [new Button(ctx.T("sendtime.tomorrow", "09:00"), CallbackData.Build(prefix, "at", "tom09")), new Button(ctx.T("sendtime.tomorrow", "18:00"), CallbackData.Build(prefix, "at", "tom18"))],
            [new Button(ctx.T("common.cancel"), CallbackData.Build(prefix, "cancel"))]);
    }

    /// <summary>The UTC time of a button choice; null for a forged or unknown choice. "now" is <paramref name="nowUtc"/>.</summary>
    public DateTime? FromButton(string choice, DateTime nowUtc)
    {
        var today = Local(nowUtc).Date;
        return choice switch
        {
            "now" or NowAnyway => nowUtc,
            AfterQuiet => quiet.NextAllowed(nowUtc),
            "today18" => Utc(today.AddHours(18)) is var t && t > nowUtc ? t : null,
            "tom09" => Utc(today.AddDays(1).AddHours(9)),
            "tom18" => Utc(today.AddDays(1).AddHours(18)),
            _ => null,
        };
    }

    /// <summary>Whether the choice means sending at once (the preview then says "now").</summary>
    public static bool IsNow(string choice) => choice is "now" or NowAnyway;

    /// <summary>
    /// "Now" during the quiet hours: asks whether to send when they end (first, the default) or now anyway, and
    /// returns true; the dialog stays at its "when" step. Any other choice returns false.
    /// </summary>
    public async Task<bool> AskIfQuietAsync(BotContext ctx, string prefix, string choice)
    {
        if (choice != "now" || QuietUntil(ctx.Now) is not { } end)
        {
            return false;
        }

        await ctx.EditOrReplyAsync(QuietQuestion(ctx), Keyboard.Of(
            [new Button(WaitButton(ctx, end), CallbackData.Build(prefix, "at", AfterQuiet))],
            [new Button(ctx.T("sendtime.quiet_now"), CallbackData.Build(prefix, "at", NowAnyway))],
            [new Button(ctx.T("common.cancel"), CallbackData.Build(prefix, "cancel"))]));
        return true;
    }

    /// <summary>When the quiet hours that hold <paramref name="nowUtc"/> end; null outside them (or when not asked about).</summary>
    public DateTime? QuietUntil(DateTime nowUtc) =>
        broadcast.Value.AskInQuietHours && quiet.Contains(nowUtc) ? quiet.NextAllowed(nowUtc) : null;

    /// <summary>"It is 03:22 in the villages — quiet hours…".</summary>
    public string QuietQuestion(BotContext ctx) => ctx.T("sendtime.quiet", Local(ctx.Now).ToString("HH:mm", CultureInfo.InvariantCulture));

    /// <summary>"🌅 Send at 08:00 (recommended)".</summary>
    public string WaitButton(BotContext ctx, DateTime endUtc) => ctx.T("sendtime.quiet_wait", Local(endUtc).ToString("HH:mm", CultureInfo.InvariantCulture));

    /// <summary>A typed local time; null if it cannot be read or is past or too far ahead.</summary>
    public DateTime? Parse(string text, DateTime nowUtc)
    {
        var m = TypedTime().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var hour = Int(m.Groups["h1"].Success ? m.Groups["h1"] : m.Groups["h2"]);
        var minute = Int(m.Groups["m1"].Success ? m.Groups["m1"] : m.Groups["m2"]);
        var dayGroup = m.Groups["d1"].Success ? m.Groups["d1"] : m.Groups["d2"];
        var monthGroup = m.Groups["mo1"].Success ? m.Groups["mo1"] : m.Groups["mo2"];
        if (hour > 23 || minute > 59)
        {
            return null;
        }

        var localNow = Local(nowUtc);
        DateTime local;
        if (dayGroup.Success)
        {
            var (day, month) = (Int(dayGroup), Int(monthGroup));
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(localNow.Year, month) && day > DateTime.DaysInMonth(localNow.Year + 1, month))
            {
                return null;
            }

            local = Make(localNow.Year, month, day, hour, minute);
            if (Utc(local) <= nowUtc && localNow - local > TimeSpan.FromDays(1))
            {
                // A date well before today means the same date next year ("09:00 05.01" typed in December).
                local = Make(localNow.Year + 1, month, day, hour, minute);
            }
        }
        else
        {
            local = localNow.Date.AddHours(hour).AddMinutes(minute);
            if (Utc(local) <= nowUtc)
            {
                local = local.AddDays(1);
            }
        }

        var utc = Utc(local);
        return utc > nowUtc && utc - nowUtc <= Furthest ? utc : null;
    }

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"18:30 05.06." in the villages' time zone.</summary>
    public string Format(DateTime utc) => Local(utc).ToString("HH:mm dd.MM.", CultureInfo.InvariantCulture);

    private DateTime Utc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(Zone.IsInvalidTime(local) ? local.AddHours(1) : local, DateTimeKind.Unspecified), Zone);

    private static DateTime Make(int year, int month, int day, int hour, int minute) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)), hour, minute, 0, DateTimeKind.Unspecified);

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    // "18:30", "18:30 05.06", "18.30 5.6.", "05.06 18:30", "5.6. 18:30"
    [GeneratedRegex(@"^(?:(?<h1>\d{1,2})[:.](?<m1>\d{2})(?:\s+(?<d1>\d{1,2})\.(?<mo1>\d{1,2})\.?)?|(?<d2>\d{1,2})\.(?<mo2>\d{1,2})\.?\s+(?<h2>\d{1,2})[:.](?<m2>\d{2}))$")]
    private static partial Regex TypedTime();
}
