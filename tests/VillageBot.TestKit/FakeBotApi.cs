using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace VillageBot.TestKit;

/// <summary>
/// A Bot API server on 127.0.0.1 that answers the real Telegram.Bot client as Telegram does, serialised with
/// Telegram.Bot's own types. Tests inject updates from simulated people and read what the bot sent.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST_token_abcdefghijklmnopqrstuv";

    public static readonly User BotUser = new() { Id = 123456, IsBot = true, FirstName = "VillageBot", Username = "village_test_bot" };

    private readonly WebApplication _app;
    private readonly object _lock = new();
    private readonly List<Update> _updates = [];
    private readonly List<BotEvent> _events = [];
    private readonly Dictionary<(long Chat, int Id), Message> _messages = [];
    private readonly Dictionary<long, int> _nextMessageId = [];
    private readonly Dictionary<string, long> _callbackChats = [];
    private readonly Dictionary<string, (long Chat, int MessageId)> _pollMessages = [];
    private readonly Dictionary<(string PollId, long UserId), int[]> _pollVotes = [];
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<long, (int Remaining, int RetryAfter)> _tooMany = new();
    private readonly ConcurrentDictionary<long, bool> _blocked = new();
    private TaskCompletionSource _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _eventArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextUpdateId = 1;
    private int _maxDeliveredId;
    private int _acknowledgedId;
    private long _seq;
    private int _pollSeq;
    private int _requestsInFlight;

    private FakeBotApi(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl { get; private set; } = "";

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    public Dictionary<string, BotCommand[]> Commands { get; } = [];

    /// <summary>When true, a second message to one chat within a second is answered 429, as Telegram does.</summary>
    public bool EnforcePerChatLimit { get; set; }

    /// <summary>When set, sends are answered 429 past this many messages per second in total.</summary>
    public int? GlobalLimitPerSecond { get; set; }

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeBotApi(app);
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], api.HandleAsync);
        app.MapGet("/file/bot{token}/{**path}", (string token, string path) => api.Download(token, path));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        return api;
    }

    public int CallCount(string method) => _calls.GetValueOrDefault(method);

    /// <summary>Bot API calls (other than long polls) received and not yet answered.</summary>
    public int RequestsInFlight => Volatile.Read(ref _requestsInFlight);

    /// <summary>
    /// Waits until the bot talking to this API has nothing left to do (set by the host that runs the bot), so a
    /// test can tell "nothing came" from "nothing came yet".
    /// </summary>
    public Func<Task>? IdleProbe { get; set; }

    public void FailWith429(long chatId, int times, int retryAfterSeconds = 1) => _tooMany[chatId] = (times, retryAfterSeconds);

    public void Block(long chatId) => _blocked[chatId] = true;

    public void Unblock(long chatId) => _blocked.TryRemove(chatId, out _);

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

    public int LastInjectedId
    {
        get
        {
            lock (_lock)
            {
                return _nextUpdateId - 1;
            }
        }
    }

    /// <summary>True when the bot has fetched every injected update (polling mode).</summary>
    public bool AllDelivered
    {
        get
        {
            lock (_lock)
            {
                return WebhookUrl is not null || _maxDeliveredId >= _nextUpdateId - 1;
            }
        }
    }

    /// <summary>
    /// The highest update id the bot has confirmed (the offset of its next getUpdates, polling mode). The bot
    /// confirms a batch only after it has stored and scheduled it, so up to here every update is in its hands.
    /// </summary>
    public int AcknowledgedId
    {
        get
        {
            lock (_lock)
            {
                return _acknowledgedId;
            }
        }
    }

    public int PendingUpdates
    {
        get
        {
            lock (_lock)
            {
                return _updates.Count;
            }
        }
    }

    /// <summary>Waits for the first event after <paramref name="afterSeq"/> that matches.</summary>
    public async Task<BotEvent> WaitForEventAsync(Func<BotEvent, bool> match, long afterSeq, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                var found = _events.FirstOrDefault(e => e.Seq > afterSeq && match(e));
                if (found is not null)
                {
                    return found;
                }

                arrived = _eventArrived.Task;
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching bot event within {timeout}. Events so far:\n{string.Join('\n', Events().TakeLast(15))}");
            }

            await Task.WhenAny(arrived, Task.Delay(left));
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

    // ---- updates from simulated people ----

    public Update Inject(Func<int, Update> make)
    {
        Update update;
        string? url;
        lock (_lock)
        {
            update = make(_nextUpdateId++);
            if (update.CallbackQuery is { } query)
            {
                _callbackChats[query.Id] = query.Message?.Chat.Id ?? query.From.Id;
            }

            url = WebhookUrl;
            if (url is null)
            {
                _updates.Add(update);
                var tcs = _updateArrived;
                _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
                tcs.TrySetResult();
            }
        }

        if (url is not null)
        {
            WebhookDelivery?.Invoke(update);
        }

        return update;
    }

    /// <summary>In webhook mode the test decides how an update reaches the bot (the bot's own HTTP endpoint).</summary>
    public Action<Update>? WebhookDelivery { get; set; }

    public static User Person(long userId, string lang = "lv", string? username = null) =>
        new() { Id = userId, FirstName = $"Person{userId}", Username = username ?? $"person{userId}", LanguageCode = lang };

    public Message NewIncomingMessage(long userId, string lang, Action<Message> fill, Chat? chat = null)
    {
        var c = chat ?? new Chat { Id = userId, Type = ChatType.Private, FirstName = $"Person{userId}" };
        var message = new Message { Id = NextMessageId(c.Id), From = Person(userId, lang), Chat = c, Date = DateTime.UtcNow };
        fill(message);
        lock (_lock)
        {
            _messages[(c.Id, message.Id)] = message;
        }

        return message;
    }

    public Update SendText(long userId, string text, string lang = "lv", Chat? chat = null)
    {
        var message = NewIncomingMessage(userId, lang, m =>
        {
            m.Text = text;
            if (text.StartsWith('/'))
            {
                var end = text.IndexOf(' ');
                m.Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = end < 0 ? text.Length : end }];
            }
        }, chat);
        return Inject(id => new Update { Id = id, Message = message });
    }

    public Update SendMessage(long userId, Action<Message> fill, string lang = "lv")
    {
        var message = NewIncomingMessage(userId, lang, fill);
        return Inject(id => new Update { Id = id, Message = message });
    }

    public Update Click(long userId, int messageId, string data, string lang = "lv")
    {
        Message? message;
        var callbackId = Guid.NewGuid().ToString("N");
        lock (_lock)
        {
            message = _messages.GetValueOrDefault((userId, messageId)) ?? new Message { Id = messageId, Chat = new Chat { Id = userId, Type = ChatType.Private }, Date = DateTime.UtcNow };
            _callbackChats[callbackId] = userId;
        }

        return Inject(id => new Update
        {
            Id = id,
            CallbackQuery = new CallbackQuery { Id = callbackId, From = Person(userId, lang), Message = message, ChatInstance = $"ci{userId}", Data = data },
        });
    }

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

    public Update ChatMemberChanged(long userId, ChatMemberStatus status) =>
        Inject(id => new Update
        {
            Id = id,
            MyChatMember = new ChatMemberUpdated
            {
                Chat = new Chat { Id = userId, Type = ChatType.Private },
                From = Person(userId),
                Date = DateTime.UtcNow,
                OldChatMember = new ChatMemberMember { User = BotUser },
                NewChatMember = status == ChatMemberStatus.Kicked
                    ? new ChatMemberBanned { User = BotUser }
                    : new ChatMemberMember { User = BotUser },
            },
        });

    // ---- the Bot API ----

    private async Task<IResult> HandleAsync(HttpContext http, string token, string method)
    {
        // A long poll waits for people, not for the bot: it does not count as work under way.
        var counted = !method.Equals("getUpdates", StringComparison.OrdinalIgnoreCase);
        if (counted)
        {
            Interlocked.Increment(ref _requestsInFlight);
        }

        try
        {
            return await AnswerAsync(http, token, method);
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref _requestsInFlight);
            }
        }
    }

    private async Task<IResult> AnswerAsync(HttpContext http, string token, string method)
    {
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (!string.Equals(token, Token, StringComparison.Ordinal))
        {
            return Error(401, "Unauthorized");
        }

        var args = await RequestArgs.ReadAsync(http.Request);
        var chatId = args.Long("chat_id");
        if (chatId is long target && IsSend(method))
        {
            if (_blocked.ContainsKey(target))
            {
                return Error(403, "Forbidden: bot was blocked by the user");
            }

            if (_tooMany.TryGetValue(target, out var fault) && fault.Remaining > 0)
            {
                _tooMany[target] = (fault.Remaining - 1, fault.RetryAfter);
                return Error(429, $"Too Many Requests: retry after {fault.RetryAfter}", fault.RetryAfter);
            }

            if (RateLimited(target) is int wait)
            {
                return Error(429, $"Too Many Requests: retry after {wait}", wait);
            }
        }

        return method.ToLowerInvariant() switch
        {
            "getme" => Ok(BotUser),
            "getupdates" => await GetUpdatesAsync(args, http.RequestAborted),
            "sendmessage" => Ok(Record("sendMessage", To(), m => m.Text = args.Str("text"), args)),
            "editmessagetext" => Edit(args, text: true),
            "editmessagereplymarkup" => Edit(args, text: false),
            "answercallbackquery" => AnswerCallback(args),
            "deletemessage" => Ok(true),
            "sendphoto" => Ok(Record("sendPhoto", To(), m =>
            {
                m.Caption = args.Str("caption");
                // A photo sent again by its file id keeps that id; an uploaded one gets a new id.
                var fileId = args.Str("photo") is { } id && !id.StartsWith("attach://", StringComparison.Ordinal) ? id : "photo" + m.Id;
                m.Photo = [new PhotoSize { FileId = fileId, FileUniqueId = "u" + m.Id, Width = 800, Height = 600 }];
            }, args)),
            "senddocument" => Ok(Record("sendDocument", To(), m =>
            {
                m.Caption = args.Str("caption");
                m.Document = new Document { FileId = "doc" + m.Id, FileUniqueId = "d" + m.Id, FileName = args.FileName("document") };
            }, args)),
            "sendpoll" => Ok(Record("sendPoll", To(), m => m.Poll = NewPoll(args), args)),
            "stoppoll" => StopPoll(args),
            "sendchataction" => Ok(true),
            "setmycommands" => SetCommands(args),
            "deletemycommands" => Ok(true),
            "setwebhook" => SetWebhook(args),
            "deletewebhook" => SetWebhook(null),
            "getfile" => GetFile(args),
            "getwebhookinfo" => Ok(new WebhookInfo { Url = WebhookUrl ?? "", PendingUpdateCount = PendingUpdates }),
            _ => Error(404, "Not Found: method not found"),
        };

        long To() => chatId ?? throw new InvalidOperationException("chat_id missing");
    }

    private static bool IsSend(string method) => method.StartsWith("send", StringComparison.OrdinalIgnoreCase) && !method.Equals("sendChatAction", StringComparison.OrdinalIgnoreCase)
        || method.StartsWith("edit", StringComparison.OrdinalIgnoreCase) || method.Equals("stopPoll", StringComparison.OrdinalIgnoreCase);

    private readonly Dictionary<long, DateTime> _lastSend = [];
    private readonly Queue<DateTime> _recentSends = new();

    private int? RateLimited(long chatId)
    {
        if (!EnforcePerChatLimit && GlobalLimitPerSecond is null)
        {
            return null;
        }

        var now = DateTime.UtcNow;
        lock (_lastSend)
        {
            if (EnforcePerChatLimit && _lastSend.TryGetValue(chatId, out var last) && now - last < TimeSpan.FromMilliseconds(900))
            {
                return 1;
            }

            if (GlobalLimitPerSecond is int limit)
            {
                while (_recentSends.Count > 0 && now - _recentSends.Peek() > TimeSpan.FromSeconds(1))
                {
                    _recentSends.Dequeue();
                }

                if (_recentSends.Count >= limit * 1.1)
                {
                    return 1;
                }

                _recentSends.Enqueue(now);
            }

            _lastSend[chatId] = now;
            return null;
        }
    }

    private async Task<IResult> GetUpdatesAsync(RequestArgs args, CancellationToken aborted)
    {
        if (WebhookUrl is not null)
        {
            return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }

        var offset = args.Int("offset") ?? 0;
        var limit = Math.Clamp(args.Int("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(args.Int("timeout") ?? 0, 0, 50));
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                if (offset > 0)
                {
                    _updates.RemoveAll(u => u.Id < offset);
                    _acknowledgedId = Math.Max(_acknowledgedId, offset - 1);
                }

                if (_updates.Count > 0)
                {
                    var batch = _updates.Take(limit).ToArray();
                    _maxDeliveredId = Math.Max(_maxDeliveredId, batch[^1].Id);
                    return Ok(batch);
                }

                arrived = _updateArrived.Task;
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || aborted.IsCancellationRequested)
            {
                return Ok(Array.Empty<Update>());
            }

            try
            {
                await Task.WhenAny(arrived, Task.Delay(left, aborted));
            }
            catch (OperationCanceledException)
            {
                return Ok(Array.Empty<Update>());
            }
        }
    }

    private Message Record(string method, long chatId, Action<Message> fill, RequestArgs args)
    {
        var message = new Message { Id = NextMessageId(chatId), From = BotUser, Chat = new Chat { Id = chatId, Type = chatId > 0 ? ChatType.Private : ChatType.Group }, Date = DateTime.UtcNow };
        fill(message);
        message.ReplyMarkup = args.Markup("reply_markup");
        lock (_lock)
        {
            _messages[(chatId, message.Id)] = message;
            if (message.Poll is { } poll)
            {
                _pollMessages[poll.Id] = (chatId, message.Id);
            }

            AddEvent(new BotEvent(0, method, chatId, message.Id, message.Text ?? message.Caption ?? message.Poll?.Question, Buttons(message.ReplyMarkup), message.Poll, args.File, args.FileName("photo") ?? args.FileName("document")));
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

    private IResult SetCommands(RequestArgs args)
    {
        var commands = args.Json("commands")?.Deserialize<BotCommand[]>(JsonBotAPI.Options) ?? [];
        lock (_lock)
        {
            Commands[args.Str("language_code") ?? ""] = commands;
        }

        return Ok(true);
    }

    private IResult SetWebhook(RequestArgs? args)
    {
        lock (_lock)
        {
            WebhookUrl = string.IsNullOrEmpty(args?.Str("url")) ? null : args!.Str("url");
            WebhookSecret = args?.Str("secret_token");
        }

        return Ok(true);
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

    private static List<IReadOnlyList<(string, string?)>> Buttons(ReplyMarkup? markup) =>
        markup is InlineKeyboardMarkup inline
            ? [.. inline.InlineKeyboard.Select(r => (IReadOnlyList<(string, string?)>)[.. r.Select(b => (b.Text, b.CallbackData ?? b.Url))])]
            : [];

    private static IResult Ok<T>(T result)
    {
        var json = "{\"ok\":true,\"result\":" + JsonSerializer.Serialize(result, JsonBotAPI.Options) + "}";
        return Results.Text(json, "application/json", Encoding.UTF8);
    }

    private static IResult Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is int r)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = r };
        }

        return Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, code);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
