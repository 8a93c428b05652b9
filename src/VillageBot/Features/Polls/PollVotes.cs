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
public sealed class PollVotes(PollStore store, IMessenger messenger, Texts texts, SendTime sendTime, TimeProvider time, ILogger<PollVotes> log)
    : IPollAnswerHandler, IPollUpdateHandler
{
    public Task HandleAsync(PollAnswer answer, CancellationToken ct)
    {
        var message = store.Messages.FindById(answer.PollId);
        if (message is null || answer.User is not { } user || user.Id != message.ResidentId)
        {
            return Task.CompletedTask;
        }

        return RecordAsync(message, [.. answer.OptionIds], ct);
    }

    public Task HandleAsync(Telegram.Bot.Types.Poll poll, CancellationToken ct)
    {
        var message = store.Messages.FindById(poll.Id);
        if (message is null)
        {
            return Task.CompletedTask;
        }

        var choice = poll.Options.Select((o, i) => (o.VoterCount, i)).Where(x => x.VoterCount > 0).Select(x => x.i).ToList();
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
