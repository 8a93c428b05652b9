using Microsoft.AspNetCore.Http;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace VillageBot.TestKit;

/// <summary>Updates from simulated people, and how the bot fetches them: long polling (getUpdates) or a webhook.</summary>
public sealed partial class FakeBotApi
{
    private readonly List<Update> _updates = [];
    private TaskCompletionSource _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextUpdateId = 1;
    private int _maxDeliveredId;
    private int _acknowledgedId;

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

    private IResult SetWebhook(RequestArgs? args)
    {
        lock (_lock)
        {
            WebhookUrl = string.IsNullOrEmpty(args?.Str("url")) ? null : args!.Str("url");
            WebhookSecret = args?.Str("secret_token");
        }

        return Ok(true);
    }
}
