using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Groups;

public sealed class GroupOptions
{
    public const string Section = "Groups";

    /// <summary>Telegram allows a bot about 20 messages a minute in one group; the bot's group messages are spaced to this.</summary>
    [Range(1, 60)]
    public int MessagesPerMinute { get; set; } = 20;

    /// <summary>
    /// The spacing between two messages to one group: a twentieth above the limit's, so that network jitter never
    /// lets Telegram see one message too many in a minute.
    /// </summary>
    public TimeSpan Interval => TimeSpan.FromMinutes(1.05 / MessagesPerMinute);
}
