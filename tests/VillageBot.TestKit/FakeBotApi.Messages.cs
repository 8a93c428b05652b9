using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace VillageBot.TestKit;

/// <summary>What the bot sends and edits, kept per chat as events a test reads, and its answers to button presses.</summary>
public sealed partial class FakeBotApi
{
    private readonly List<BotEvent> _events = [];
    private readonly Dictionary<(long Chat, int Id), Message> _messages = [];
    private readonly Dictionary<long, int> _nextMessageId = [];
    private TaskCompletionSource _eventArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _seq;

    public IReadOnlyList<BotEvent> Events(long? chatId = null)
    {
        lock (_lock)
        {
            return [.. _events.Where(e => chatId is null || e.ChatId == chatId)];
        }
    }

    public Message? MessageIn(long chatId, int messageId)
    {
        lock (_lock)
        {
            return _messages.GetValueOrDefault((chatId, messageId));
        }
    }

    /// <summary>Waits for the first event after <paramref name="afterSeq"/> that matches.</summary>
    /// <summary>The index of the first event after this sequence number (events are kept in order); call under the lock.</summary>
    private int FirstAfter(long seq)
    {
        int low = 0, high = _events.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_events[middle].Seq <= seq)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    public async Task<BotEvent> WaitForEventAsync(Func<BotEvent, bool> match, long afterSeq, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                // Only the events after the cursor: hundreds of people waiting at once must not each read everything.
                for (var i = FirstAfter(afterSeq); i < _events.Count; i++)
                {
                    if (match(_events[i]))
                    {
                        return _events[i];
                    }
                }

                arrived = _eventArrived.Task;
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching bot event within {timeout}. {State()}\nEvents so far:\n{string.Join('\n', Events().TakeLast(15))}");
            }

            // One timer per wait, let go as soon as an event arrives: hundreds of residents waiting at once must not
            // leave a timer behind at every event.
            try
            {
                await arrived.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // Looked at once more, then reported.
            }
        }
    }

    /// <summary>What the API has seen, for a failure message: calls per method, calls unanswered, updates not yet fetched.</summary>
    private string State()
    {
        lock (_lock)
        {
            var calls = string.Join(", ", _calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
            return $"Calls: {calls}; unanswered: {RequestsInFlight}; updates not yet fetched: {_updates.Count(u => u.Id > _maxDeliveredId)}, fetched and not acknowledged: {_updates.Count(u => u.Id <= _maxDeliveredId)}. Thread pool: {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} items waiting.";
        }
    }

    public long LastSeq
    {
        get
        {
            lock (_lock)
            {
                return _seq;
            }
        }
    }

    private void AddEvent(BotEvent e)
    {
        _events.Add(e with { Seq = ++_seq, At = DateTime.UtcNow });
        var tcs = _eventArrived;
        _eventArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.TrySetResult();
    }

    private int NextMessageId(long chatId)
    {
        lock (_lock)
        {
            var id = _nextMessageId.GetValueOrDefault(chatId) + 1;
            _nextMessageId[chatId] = id;
            return id;
        }
    }

    private Message Record(string method, long chatId, Action<Message> fill, RequestArgs args)
    {
        var message = new Message { Id = NextMessageId(chatId), From = BotUser, Chat = ChatFor(chatId), Date = DateTime.UtcNow };
        fill(message);
        message.ReplyMarkup = args.Markup("reply_markup");
        lock (_lock)
        {
            _messages[(chatId, message.Id)] = message;
            if (message.Poll is { } poll)
            {
                _pollMessages[poll.Id] = (chatId, message.Id);
            }

            message.ReplyToMessage = ReplyTo(args) is int replyTo ? _messages.GetValueOrDefault((chatId, replyTo)) : null;
            AddEvent(new BotEvent(0, method, chatId, message.Id, message.Text ?? message.Caption ?? message.Poll?.Question, Buttons(message.ReplyMarkup), message.Poll, args.File, args.FileName("photo") ?? args.FileName("document")) { ReplyTo = ReplyTo(args) });
        }

        return message;
    }

    private IResult Edit(RequestArgs args, bool text)
    {
        var chatId = args.Long("chat_id") ?? 0;
        var messageId = args.Int("message_id") ?? 0;
        lock (_lock)
        {
            if (!_messages.TryGetValue((chatId, messageId), out var message) || message.From?.Id != BotUser.Id)
            {
                return Error(400, "Bad Request: message to edit not found");
            }

            var newText = text ? args.Str("text") : message.Text;
            var markup = args.Markup("reply_markup");
            if (newText == message.Text && JsonSerializer.Serialize(markup, JsonBotAPI.Options) == JsonSerializer.Serialize(message.ReplyMarkup, JsonBotAPI.Options))
            {
                return Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }

            message.Text = newText;
            message.ReplyMarkup = markup;
            message.EditDate = DateTime.UtcNow;
            AddEvent(new BotEvent(0, text ? "editMessageText" : "editMessageReplyMarkup", chatId, messageId, message.Text, Buttons(markup)));
            return Ok(message);
        }
    }

    private IResult AnswerCallback(RequestArgs args)
    {
        var id = args.Str("callback_query_id") ?? "";
        lock (_lock)
        {
            if (!_callbackChats.Remove(id, out var chatId))
            {
                return Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
            }

            AddEvent(new BotEvent(0, "answerCallbackQuery", chatId, 0, args.Str("text"), [], Alert: args.Bool("show_alert")));
        }

        return Ok(true);
    }
}
