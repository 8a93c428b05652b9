namespace VillageBot.Infrastructure.Messaging;

/// <summary>What only group chats need: replies to a message, and who runs the group.</summary>
public interface IGroupChats
{
    /// <summary>Sends a text in the group as a reply to <paramref name="replyTo"/> (sent plainly if that message is gone).</summary>
    Task<int> SendReplyAsync(long chatId, int? replyTo, string text, Keyboard? keyboard = null, CancellationToken ct = default);

    /// <summary>True when the person is the group's creator or one of its administrators.</summary>
    Task<bool> IsAdministratorAsync(long chatId, long userId, CancellationToken ct = default);
}

/// <summary>The group became a supergroup (Telegram answers 400 with migrate_to_chat_id); sends go to the new id.</summary>
public sealed class GroupMigratedException(long chatId, long newChatId, Exception? inner = null)
    : Exception($"Group {chatId} is now the supergroup {newChatId}.", inner)
{
    public long ChatId { get; } = chatId;

    public long NewChatId { get; } = newChatId;
}
