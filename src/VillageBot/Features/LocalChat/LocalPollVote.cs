using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace VillageBot.Features.LocalChat;

/// <summary>
/// A vote on the page as the update Telegram sends for it: poll_answer, which names the voter, or for an
/// anonymous poll the poll's new counts (each person has their own copy of the poll, so the counts are theirs).
/// </summary>
public static class LocalPollVote
{
    public static Update Update(int updateId, User voter, LocalMessage message, IReadOnlyList<int> choice)
    {
        var poll = message.Poll!;
        if (!poll.IsAnonymous)
        {
            return new Update { Id = updateId, PollAnswer = new PollAnswer { PollId = poll.Id, User = voter, OptionIds = [.. choice] } };
        }

        return new Update
        {
            Id = updateId,
            Poll = new Poll
            {
                Id = poll.Id,
                Question = message.Text,
                Options = [.. poll.Options.Select((o, i) => new PollOption { Text = o, VoterCount = choice.Contains(i) ? 1 : 0 })],
                TotalVoterCount = 1,
                IsAnonymous = true,
                Type = poll.IsQuiz ? PollType.Quiz : PollType.Regular,
                AllowsMultipleAnswers = poll.AllowsMultipleAnswers,
            },
        };
    }
}
