using Telegram.Bot.Types;

namespace VillageBot.TestKit;

/// <summary>One thing the bot did to a chat, as the fake Bot API saw it.</summary>
public sealed record BotEvent(
    long Seq,
    string Method,
    long ChatId,
    int MessageId,
    string? Text,
    IReadOnlyList<IReadOnlyList<(string Text, string? Data)>> Buttons,
    Poll? Poll = null,
    byte[]? File = null,
    string? FileName = null,
    bool Alert = false)
{
    /// <summary>When the fake Bot API recorded it (UTC).</summary>
    public DateTime At { get; init; }

    /// <summary>The message this one answers in its chat (reply_parameters), if any.</summary>
    public int? ReplyTo { get; init; }

    public bool HasButton(string textOrData) => Buttons.SelectMany(r => r).Any(b => b.Text.Contains(textOrData, StringComparison.OrdinalIgnoreCase) || b.Data == textOrData);

    public IEnumerable<(string Text, string? Data)> AllButtons => Buttons.SelectMany(r => r);

    /// <summary>The callback data of the first button whose data is these arguments or goes on after them ("ft:p" finds "ft:p:1a2b3c4d").</summary>
    public string? DataOf(string prefix) =>
        AllButtons.Select(b => b.Data).FirstOrDefault(d => d is not null && (d == prefix || d.StartsWith(prefix + ":", StringComparison.Ordinal)));

    /// <summary>True when a button's callback data is these arguments or goes on after them.</summary>
    public bool HasButtonFor(string prefix) => DataOf(prefix) is not null;

    public override string ToString() => $"#{Seq} {Method} chat={ChatId} msg={MessageId} text={Text?.Replace('\n', ' ')} buttons=[{string.Join(", ", AllButtons.Select(b => b.Text + "→" + b.Data))}]";
}
