using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Broadcasts;

public sealed class BroadcastOptions
{
    public const string Section = "Broadcast";

    // MessagesPerSecond and PerChatIntervalMs, in this section too, are the shared pace (Sending.PacingOptions).

    /// <summary>A recipient whose sends keep failing (not 429, not 403) is given up after this many tries.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First wait before trying a failed recipient again; doubles with each try.</summary>
    [Range(0, 600_000)]
    public int RetryDelayMs { get; set; } = 2000;

    /// <summary>
    /// "Now" chosen during the quiet hours (Nudges:QuietHoursStart–End) first asks: at their end (the default) or
    /// now anyway. Off only where the wall clock must not change a dialog (tests on real time).
    /// </summary>
    public bool AskInQuietHours { get; set; } = true;
}
