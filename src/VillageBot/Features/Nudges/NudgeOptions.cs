using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Nudges;

public sealed class NudgeOptions : IValidatableObject
{
    public const string Section = "Nudges";

    /// <summary>A report whose status has not changed for this long gets "Is it fixed?", and again after as long.</summary>
    [Range(1, 365)]
    public int ReportFollowUpDays { get; set; } = 14;

    /// <summary>Coordinators hear of reports still "new" after this long (and again after as long).</summary>
    [Range(1, 24 * 60)]
    public int UntriagedHours { get; set; } = 48;

    /// <summary>Residents who have not voted are reminded this long before the poll closes.</summary>
    [Range(1, 24 * 14)]
    public int PollReminderHoursBefore { get; set; } = 3;

    /// <summary>A module left unfinished for this long gets one "continue your quiz".</summary>
    [Range(1, 90)]
    public int QuizIdleDays { get; set; } = 3;

    // QuietHoursStart and QuietHoursEnd, in this section too, are the shared quiet hours (Sending.QuietHoursOptions).

    /// <summary>Reminders one person gets in any 7 days (coordinators' digests are not counted).</summary>
    [Range(1, 50)]
    public int WeeklyCap { get; set; } = 3;

    /// <summary>How often the bot looks for nudges that have come due: minutes that divide an hour, or whole hours that divide a day.</summary>
    [Range(1, 24 * 60)]
    public int ScanIntervalMinutes { get; set; } = 15;

    public TimeSpan ScanInterval => TimeSpan.FromMinutes(ScanIntervalMinutes);

    /// <summary>The scan's recurring schedule: every 15 minutes is "*/15 * * * *", on the clock's quarter hours.</summary>
    public string ScanCron => ScanIntervalMinutes switch
    {
        < 60 => $"*/{ScanIntervalMinutes} * * * *",
        60 => "0 * * * *",
        _ => $"0 */{ScanIntervalMinutes / 60} * * *",
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ScanIntervalMinutes > 0 && (ScanIntervalMinutes < 60 ? 60 % ScanIntervalMinutes : (24 * 60) % ScanIntervalMinutes + ScanIntervalMinutes % 60) != 0)
        {
            yield return new ValidationResult($"Nudges:ScanIntervalMinutes {ScanIntervalMinutes} must divide an hour (e.g. 15) or be whole hours that divide a day (e.g. 120).", [nameof(ScanIntervalMinutes)]);
        }
    }
}
