using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace VillageBot.TestKit;

/// <summary>Native polls: votes as Telegram reports them, polls the bot sends and closes.</summary>
public sealed partial class FakeBotApi
{
    private readonly Dictionary<string, (long Chat, int MessageId)> _pollMessages = [];
    private readonly Dictionary<(string PollId, long UserId), int[]> _pollVotes = [];
    private int _pollSeq;

    /// <summary>
    /// A person votes (or, with no options, retracts their vote) as Telegram reports it: a poll_answer for a
    /// non-anonymous poll, and for an anonymous one only the poll's new counts (a poll update, without the voter).
    /// A closed poll's counts do not change.
    /// </summary>
    public Update AnswerPoll(long userId, string pollId, params int[] options)
    {
        Poll? snapshot = null;
        lock (_lock)
        {
            // Telegram takes no votes on a closed poll; a late answer (one that crossed stopPoll) still arrives.
            if (_pollMessages.TryGetValue(pollId, out var at) && _messages.GetValueOrDefault(at)?.Poll is { IsClosed: false } poll)
            {
                if (_pollVotes.Remove((pollId, userId), out var previous))
                {
                    foreach (var o in previous)
                    {
                        poll.Options[o].VoterCount--;
                    }
                }

                var chosen = options.Where(o => o >= 0 && o < poll.Options.Length).Distinct().ToArray();
                if (chosen.Length > 0)
                {
                    _pollVotes[(pollId, userId)] = chosen;
                    foreach (var o in chosen)
                    {
                        poll.Options[o].VoterCount++;
                    }
                }

                poll.TotalVoterCount = _pollVotes.Keys.Count(k => k.PollId == pollId);
                if (poll.IsAnonymous)
                {
                    snapshot = JsonSerializer.Deserialize<Poll>(JsonSerializer.Serialize(poll, JsonBotAPI.Options), JsonBotAPI.Options);
                }
            }
        }

        return snapshot is not null
            ? Inject(id => new Update { Id = id, Poll = snapshot })
            : Inject(id => new Update { Id = id, PollAnswer = new PollAnswer { PollId = pollId, User = Person(userId), OptionIds = options } });
    }

    private Poll NewPoll(RequestArgs args)
    {
        var options = args.Json("options")?.AsArray().Select(o => o is JsonValue v ? v.GetValue<string>() : o!["text"]!.GetValue<string>()).ToArray() ?? [];
        var correct = args.Json("correct_option_ids")?.AsArray().Select(o => o!.GetValue<int>()).ToArray();
        return new Poll
        {
            Id = "poll" + Interlocked.Increment(ref _pollSeq).ToString(CultureInfo.InvariantCulture),
            Question = args.Str("question") ?? "",
            Options = [.. options.Select(o => new PollOption { Text = o, VoterCount = 0 })],
            IsAnonymous = args.Bool("is_anonymous", true),
            Type = args.Str("type") == "quiz" ? PollType.Quiz : PollType.Regular,
            AllowsMultipleAnswers = args.Bool("allows_multiple_answers"),
            CorrectOptionIds = correct,
            Explanation = args.Str("explanation"),
            OpenPeriod = args.Int("open_period"),
        };
    }

    private IResult StopPoll(RequestArgs args)
    {
        var chatId = args.Long("chat_id") ?? 0;
        var messageId = args.Int("message_id") ?? 0;
        lock (_lock)
        {
            if (_messages.GetValueOrDefault((chatId, messageId))?.Poll is not { } poll)
            {
                return Error(400, "Bad Request: message with poll to stop not found");
            }

            if (poll.IsClosed)
            {
                return Error(400, "Bad Request: poll has already been closed");
            }

            poll.IsClosed = true;
            AddEvent(new BotEvent(0, "stopPoll", chatId, messageId, poll.Question, [], poll));
            return Ok(poll);
        }
    }
}
