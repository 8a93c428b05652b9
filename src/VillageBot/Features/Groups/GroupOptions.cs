using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Groups;

public sealed class GroupOptions
{
    public const string Section = "Groups";

    /// <summary>Telegram allows a bot about 20 messages a minute in one group; the bot's group messages are spaced to this.</summary>
    [Range(1, 60)]
    public int MessagesPerMinute { get; set; } = 20;

    public TimeSpan Interval => TimeSpan.FromMinutes(1.0 / MessagesPerMinute);
}
