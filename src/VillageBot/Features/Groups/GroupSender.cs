using Microsoft.Extensions.Options;
using VillageBot.Features.Sending;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Groups;

/// <summary>
/// Everything the bot says in a group goes through the broadcasts' <see cref="SendPacer"/>, each group spaced to
/// Groups:MessagesPerMinute. Texts wait in the group's <see cref="GroupOutbox"/>, so whoever writes one (a handler,
/// a job) is done at once; polls, sent by jobs that keep the poll's message id, wait for their turn here. The wait
/// for a group's own turn happens before the pacer's lane is taken, so a busy group holds up neither a broadcast nor
/// anyone else; private replies never pass here. A group that became a supergroup is followed to its new id.
/// </summary>
public sealed class GroupSender(SendPacer pacer, IGroupChats chats, IMessenger messenger, GroupLinks links, GroupOutbox outbox, IOptions<GroupOptions> options, ILogger<GroupSender> log)
{
    /// <summary>Queues a text for the group (as a reply to <paramref name="replyTo"/>); it goes out at the group's pace.</summary>
    public void Reply(long chatId, int? replyTo, string text, Keyboard? keyboard = null) => outbox.Add(chatId, replyTo, text, keyboard);

    /// <summary>Sends a text when the group's turn comes (the outbox's own sending).</summary>
    public Task<int> SendNowAsync(long chatId, int? replyTo, string text, Keyboard? keyboard, CancellationToken ct) =>
        SendAsync(chatId, id => chats.SendReplyAsync(id, replyTo, text, keyboard, ct), ct);

    public Task<SentPoll> SendPollAsync(long chatId, PollRequest poll, CancellationToken ct = default) =>
        SendAsync(chatId, id => messenger.SendPollAsync(id, poll, ct), ct);

    public Task StopPollAsync(long chatId, int messageId, CancellationToken ct = default) =>
        SendAsync(chatId, async id =>
        {
            await messenger.StopPollAsync(id, messageId, ct);
            return 0;
        }, ct);

    private async Task<T> SendAsync<T>(long chatId, Func<long, Task<T>> send, CancellationToken ct)
    {
        try
        {
            return await PacedAsync(chatId, () => send(chatId), ct);
        }
        catch (GroupMigratedException e)
        {
            log.LogInformation("Group {Old} is now the supergroup {New}; the link follows it", e.ChatId, e.NewChatId);
            links.Migrate(e.ChatId, e.NewChatId);
            return await PacedAsync(e.NewChatId, () => send(e.NewChatId), ct);
        }
    }

    private async Task<T> PacedAsync<T>(long chatId, Func<Task<T>> send, CancellationToken ct)
    {
        for (var wait = pacer.ChatWait(chatId); wait > TimeSpan.Zero; wait = pacer.ChatWait(chatId))
        {
            await Task.Delay(wait, ct);
        }

        return await pacer.RunAsync(chatId, options.Value.Interval, send, ct);
    }
}
