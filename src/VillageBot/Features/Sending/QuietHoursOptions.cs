using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace VillageBot.Features.Sending;

/// <summary>The quiet hours; the keys keep their place under Nudges (Nudges:QuietHoursStart, Nudges:QuietHoursEnd).</summary>
public sealed class QuietHoursOptions : IValidatableObject
{
    public const string Section = "Nudges";

    /// <summary>Local time (Bot:TimeZone) from which nothing is sent until <see cref="QuietHoursEnd"/>; equal times mean no quiet hours.</summary>
    public string QuietHoursStart { get; set; } = "21:00";

    public string QuietHoursEnd { get; set; } = "08:00";

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseTime(QuietHoursStart) is null)
        {
            yield return new ValidationResult($"Nudges:QuietHoursStart '{QuietHoursStart}' is not a time such as 21:00.", [nameof(QuietHoursStart)]);
        }

        if (ParseTime(QuietHoursEnd) is null)
        {
            yield return new ValidationResult($"Nudges:QuietHoursEnd '{QuietHoursEnd}' is not a time such as 08:00.", [nameof(QuietHoursEnd)]);
        }
    }
}
