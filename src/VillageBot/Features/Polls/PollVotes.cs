using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Polls;

/// <summary>
/// Records votes on village polls: poll_answer for public polls, the poll's new counts for anonymous ones (Telegram
/// names no voter there, but each resident has their own poll message). A vote taken back empties the choice.
/// The voter is told their vote counted. Votes after the poll closed are ignored.
/// </summary>
public sealed class PollVotes(PollStore store, EarlyVotes early, IMessenger messenger, Texts texts, SendTime sendTime, TimeProvider time, ILogger<PollVotes> log)
    : IPollAnswerHandler, IPollUpdateHandler
{
    public Task HandleAsync(PollAnswer answer, CancellationToken ct)
    {
        if (answer.User is not { } user)
        {
            return Task.CompletedTask;
        }

        var vote = new EarlyVotes.Vote(user.Id, [.. answer.OptionIds], default);
        PollMessage? message = null;
        return early.KeepUnlessRecorded(answer.PollId, vote, () => (message = store.Messages.FindById(answer.PollId)) is not null || store.GroupMessages.FindById(answer.PollId) is not null)
            || message is null
            ? Task.CompletedTask
            : CountAsync(message, vote, ct);
    }

    public Task HandleAsync(Telegram.Bot.Types.Poll poll, CancellationToken ct)
    {
        var vote = new EarlyVotes.Vote(null, [.. poll.Options.Select(o => o.VoterCount)], default, poll.TotalVoterCount);
        PollMessage? message = null;
        return early.KeepUnlessRecorded(poll.Id, vote, () => (message = store.Messages.FindById(poll.Id)) is not null || store.GroupMessages.FindById(poll.Id) is not null)
            || message is null
            ? Task.CompletedTask
            : CountAsync(message, vote, ct);
    }

    /// <summary>
    /// Counts a vote on a recorded poll message: a named vote only from the resident it was sent to, an anonymous
    /// poll's counts (one resident's own poll: the options with a vote are their choice) only when they changed.
    /// </summary>
    public Task CountAsync(PollMessage message, EarlyVotes.Vote vote, CancellationToken ct)
    {
        if (vote.VoterId is long voter)
        {
            return voter == message.ResidentId ? RecordAsync(message, vote.Choice, ct) : Task.CompletedTask;
        }

        List<int> choice = [.. vote.Choice.Select((count, i) => (count, i)).Where(x => x.count > 0).Select(x => x.i)];
        return choice.SequenceEqual(message.Choice) ? Task.CompletedTask : RecordAsync(message, choice, ct);
    }

    private async Task RecordAsync(PollMessage message, List<int> choice, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (store.Polls.FindById(message.PollId) is not { } poll || !poll.IsOpen(now))
        {
            log.LogInformation("Vote on closed poll {Poll} ignored", message.PollId);
            return;
        }

        choice = [.. choice.Where(i => i >= 0 && i < poll.Options.Count).Distinct().Order()];
        if (!poll.AllowsMultipleAnswers && choice.Count > 1)
        {
            choice = [choice[0]];
        }

        message.Choice = choice;
        message.VotedAt = now;
        store.Messages.Update(message);

        var lang = store.Db.Residents.FindById(message.ResidentId)?.Lang ?? Languages.Default;
        var text = choice.Count == 0
            ? texts.Get(lang, "poll.vote_withdrawn", sendTime.Format(poll.ClosesAt))
            : texts.Get(lang, "poll.vote_counted", string.Join(", ", choice.Select(i => poll.Options[i])), sendTime.Format(poll.ClosesAt));
        try
        {
            await messenger.SendTextAsync(message.ChatId, text, ct: ct);
        }
        catch (RecipientBlockedException)
        {
            // The vote stays recorded; only the thank-you could not be delivered.
        }
    }
}
