using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Sending;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Polls;

/// <summary>
/// Closes a poll when its time comes (by poll id): stops every resident's poll message (stopPoll, paced like a
/// broadcast, each message marked when done), the poll in the village group too, and sends the results to the
/// poll's author. Safe to run again.
/// </summary>
public sealed class PollCloseJob(PollStore store, PollResults results, IBroadcaster broadcaster, SendPacer pacer, IMessenger messenger, GroupPollPosts groupPosts, TimeProvider time, ILogger<PollCloseJob> log) : IJob
{
    public static string Arg(int pollId) => pollId.ToString(CultureInfo.InvariantCulture);

    public async Task RunAsync(string arg, CancellationToken ct)
    {
        if (!int.TryParse(arg, CultureInfo.InvariantCulture, out var id) || store.Polls.FindById(id) is not { } poll)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (poll.ClosedAt is null)
        {
            poll.ClosedAt = now;
            store.Polls.Update(poll);
        }

        // A broadcast still sending skips the poll once it is closed; a second pass catches a message sent meanwhile.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var message in store.MessagesOf(id).Where(m => !m.Stopped))
            {
                await pacer.RunAsync(message.ChatId, () => StopAsync(message, ct), ct);
            }
        }

        foreach (var message in store.GroupMessagesOf(id).Where(m => !m.Stopped))
        {
            await groupPosts.StopAsync(message, ct);
        }

        var cancelled = poll.BroadcastId is int b && broadcaster.Get(b)?.State == BroadcastState.Cancelled;
        if (poll.ResultsSentAt is null && !cancelled && store.Db.Residents.FindById(poll.CreatedBy) is { Active: true } author)
        {
            try
            {
                await results.SendAsync(messenger, author.ChatId, author.Lang, poll, now, ct);
            }
            catch (RecipientBlockedException)
            {
                // The author blocked the bot; the results stay available in /results and the admin web.
            }
        }

        poll.ResultsSentAt ??= now;
        store.Polls.Update(poll);
    }

    private async Task<bool> StopAsync(PollMessage message, CancellationToken ct)
    {
        try
        {
            await messenger.StopPollAsync(message.ChatId, message.MessageId, ct);
        }
        catch (RecipientBlockedException)
        {
            // Nobody can vote in a chat that blocked the bot.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Votes after the closing time are ignored anyway; one message that could not be stopped changes no count.
            log.LogWarning(e, "Could not stop poll message {Message} in chat {Chat}", message.MessageId, message.ChatId);
        }

        message.Stopped = true;
        store.Messages.Update(message);
        return true;
    }
}
