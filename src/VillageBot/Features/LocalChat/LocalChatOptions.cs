using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.LocalChat;

public sealed class LocalChatOptions
{
    public const string Section = "LocalChat";

    /// <summary>
    /// Local mode answers only this machine (it listens on loopback). True lets other machines open the chat
    /// page, where anyone can talk to the bot, so it is logged as a warning at every start.
    /// </summary>
    public bool AllowRemote { get; set; }

    /// <summary>Longest message the chat page accepts (Telegram's own limit).</summary>
    [Range(1, 4096)]
    public int MaxMessageLength { get; set; } = 4096;

    /// <summary>Messages kept per person; older ones leave the page.</summary>
    [Range(10, 100_000)]
    public int MaxHistory { get; set; } = 500;

    /// <summary>People whose conversation is kept; the one idle longest is dropped first when a new person comes.</summary>
    [Range(1, 1_000_000)]
    public int MaxPeople { get; set; } = 1000;
}
