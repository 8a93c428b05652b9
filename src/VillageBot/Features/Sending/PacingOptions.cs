using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Sending;

/// <summary>How fast bulk sending may go; the keys keep their place under Broadcast (Broadcast:MessagesPerSecond).</summary>
public sealed class PacingOptions
{
    public const string Section = "Broadcast";

    /// <summary>All bulk traffic of the bot together. Telegram allows about 30 a second; the rest is left for replies.</summary>
    [Range(0.1, 100_000)]
    public double MessagesPerSecond { get; set; } = 25;

    /// <summary>Telegram allows about one message a second to one chat.</summary>
    [Range(0, 60_000)]
    public int PerChatIntervalMs { get; set; } = 1000;
}
