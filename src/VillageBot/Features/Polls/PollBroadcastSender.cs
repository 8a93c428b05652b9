using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Polls;

/// <summary>
/// Broadcast content "poll": the village poll as a native Telegram poll, remembered per resident. Cancelling the
/// broadcast cancels the poll: its group post is not made, or (made already) is stopped, and the poll closes at once.
/// </summary>
public sealed class PollBroadcastSender(PollStore store, EarlyVotes early, PollVotes votes, IMessenger messenger, IJobScheduler jobs, TimeProvider time, ILogger<PollBroadcastSender> log) : IBroadcastSender
{
    public const string PollKind = "poll";

    public string Kind => PollKind;

    public static BroadcastContent Content(int pollId) => new(PollKind, Ref: pollId.ToString(CultureInfo.InvariantCulture));

    public async Task<int> SendAsync(Broadcast broadcast, Resident recipient, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (Poll(broadcast) is not { } poll || !poll.IsOpen(now))
        {
            throw new BroadcastSkippedException("poll closed");
        }

        var sent = await messenger.SendPollAsync(recipient.ChatId, new PollRequest(poll.Question, poll.Options, poll.IsAnonymous, poll.AllowsMultipleAnswers), ct);
        var message = new PollMessage
        {
            Id = sent.PollId,
            PollId = poll.Id,
            ResidentId = recipient.Id,
            ChatId = recipient.ChatId,
            MessageId = sent.MessageId,
            SentAt = now,
        };
        foreach (var vote in early.Record(sent.PollId, () => store.Messages.Upsert(message)))
        {
            try
            {
                await votes.CountAsync(message, vote, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The poll went out; a failed thank-you for the early vote must not make the broadcast send it again.
                log.LogWarning(e, "An early vote on poll message {Message} could not be acknowledged", message.Id);
            }
        }

        return sent.MessageId;
    }

    public string Describe(Broadcast broadcast, string lang) => "📊 " + MessageLimits.Clip(Poll(broadcast)?.Question ?? "", 60);

    public void Cancelled(Broadcast broadcast)
    {
        if (Poll(broadcast) is not { } poll)
        {
            return;
        }

        // The group job may already be running; it then sees the poll closed after posting and stops its post itself.
        jobs.Cancel(jobs.KeyOf<PollGroupJob>(PollGroupJob.Arg(poll.Id)));
        jobs.Enqueue<PollCloseJob>(PollCloseJob.Arg(poll.Id));
    }

    private VillagePoll? Poll(Broadcast broadcast) =>
        int.TryParse(broadcast.Ref, CultureInfo.InvariantCulture, out var id) ? store.Polls.FindById(id) : null;
}
