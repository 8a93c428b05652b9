using Microsoft.AspNetCore.Http;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace VillageBot.TestKit;

/// <summary>
/// Group chats as a bot in privacy mode meets them: the bot added or removed (my_chat_member), members' statuses
/// (getChatMember), commands, mentions and replies to the bot, and a group upgraded to a supergroup
/// (migrate_to_chat_id; the old id is refused afterwards, as Telegram does).
/// </summary>
public sealed partial class FakeBotApi
{
    private readonly Dictionary<long, Chat> _groups = [];
    private readonly Dictionary<(long Chat, long User), ChatMemberStatus> _members = [];
    private readonly Dictionary<long, long> _migratedTo = [];
    private readonly Dictionary<long, Queue<DateTime>> _groupSends = [];

    private int _groupRefusals;

    /// <summary>When set, a group (negative chat id) that got this many messages in the last minute is answered 429, as Telegram does.</summary>
    public int? GroupLimitPerMinute { get; set; }

    /// <summary>Sends refused because a group was over <see cref="GroupLimitPerMinute"/>.</summary>
    public int GroupRefusals => Volatile.Read(ref _groupRefusals);

    /// <summary>A group (negative id) the simulated people and the bot can be in.</summary>
    public Chat Group(long chatId, string title = "Village group", bool supergroup = false)
    {
        lock (_lock)
        {
            var chat = new Chat { Id = chatId, Type = supergroup ? ChatType.Supergroup : ChatType.Group, Title = title };
            _groups[chatId] = chat;
            return chat;
        }
    }

    /// <summary>Sets what getChatMember answers for a person in a group (member unless set).</summary>
    public void SetMemberStatus(long chatId, long userId, ChatMemberStatus status)
    {
        lock (_lock)
        {
            _members[(chatId, userId)] = status;
        }
    }

    /// <summary>Someone adds the bot to the group, or removes it (left) or bans it (kicked).</summary>
    public Update BotMembershipInGroup(long chatId, long byUserId, ChatMemberStatus status) =>
        Inject(id => new Update
        {
            Id = id,
            MyChatMember = new ChatMemberUpdated
            {
                Chat = GroupChat(chatId),
                From = Person(byUserId),
                Date = DateTime.UtcNow,
                OldChatMember = status == ChatMemberStatus.Member ? new ChatMemberLeft { User = BotUser } : new ChatMemberMember { User = BotUser },
                NewChatMember = status switch
                {
                    ChatMemberStatus.Kicked => new ChatMemberBanned { User = BotUser },
                    ChatMemberStatus.Left => new ChatMemberLeft { User = BotUser },
                    _ => new ChatMemberMember { User = BotUser },
                },
            },
        });

    /// <summary>
    /// A person writes in the group: a text that starts with '/' is a command, "@bot" a mention, and
    /// <paramref name="replyTo"/> makes it a reply to that message of the group.
    /// </summary>
    public Update SendGroupText(long chatId, long userId, string text, string lang = "lv", int? replyTo = null)
    {
        var chat = GroupChat(chatId);
        var message = NewIncomingMessage(userId, lang, m =>
        {
            m.Text = text;
            var entities = new List<MessageEntity>();
            if (text.StartsWith('/'))
            {
                var end = text.IndexOf(' ');
                entities.Add(new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = end < 0 ? text.Length : end });
            }

            var mention = text.IndexOf("@" + BotUser.Username, StringComparison.OrdinalIgnoreCase);
            if (mention >= 0 && !text.StartsWith('/'))
            {
                entities.Add(new MessageEntity { Type = MessageEntityType.Mention, Offset = mention, Length = BotUser.Username!.Length + 1 });
            }

            m.Entities = entities.Count > 0 ? [.. entities] : null;
            if (replyTo is int r)
            {
                m.ReplyToMessage = MessageIn(chatId, r);
            }
        }, chat);
        return Inject(id => new Update { Id = id, Message = message });
    }

    /// <summary>
    /// The group becomes a supergroup: the service message with migrate_to_chat_id in the old chat and the one with
    /// migrate_from_chat_id in the new; from then on the old id is refused with migrate_to_chat_id.
    /// </summary>
    public void MigrateGroup(long oldChatId, long newChatId, long byUserId)
    {
        var title = GroupChat(oldChatId).Title;
        lock (_lock)
        {
            _migratedTo[oldChatId] = newChatId;
        }

        var to = NewIncomingMessage(byUserId, "lv", m => m.MigrateToChatId = newChatId, GroupChat(oldChatId));
        Inject(id => new Update { Id = id, Message = to });
        var from = NewIncomingMessage(byUserId, "lv", m => m.MigrateFromChatId = oldChatId, Group(newChatId, title ?? "", supergroup: true));
        Inject(id => new Update { Id = id, Message = from });
    }

    /// <summary>A person presses a button under the bot's message in the group.</summary>
    public Update ClickInGroup(long chatId, long userId, int messageId, string data, string lang = "lv")
    {
        Message? message;
        lock (_lock)
        {
            message = _messages.GetValueOrDefault((chatId, messageId)) ?? new Message { Id = messageId, Chat = GroupChat(chatId), Date = DateTime.UtcNow };
        }

        return Inject(id => new Update
        {
            Id = id,
            CallbackQuery = new CallbackQuery { Id = Guid.NewGuid().ToString("N"), From = Person(userId, lang), Message = message, ChatInstance = $"ci{chatId}", Data = data },
        });
    }

    private Chat GroupChat(long chatId)
    {
        lock (_lock)
        {
            return _groups.GetValueOrDefault(chatId) ?? Group(chatId);
        }
    }

    /// <summary>The chat a bot message goes to, as Telegram describes it (a group with its type and title).</summary>
    private Chat ChatFor(long chatId)
    {
        lock (_lock)
        {
            return chatId > 0 ? new Chat { Id = chatId, Type = ChatType.Private } : _groups.GetValueOrDefault(chatId) ?? new Chat { Id = chatId, Type = ChatType.Group };
        }
    }

    /// <summary>Seconds to wait when the group is over <see cref="GroupLimitPerMinute"/>, else null (and the send is counted).</summary>
    private int? GroupRateLimited(long chatId)
    {
        if (GroupLimitPerMinute is not int limit || chatId >= 0)
        {
            return null;
        }

        var now = DateTime.UtcNow;
        lock (_groupSends)
        {
            if (!_groupSends.TryGetValue(chatId, out var sends))
            {
                _groupSends[chatId] = sends = new Queue<DateTime>();
            }

            while (sends.Count > 0 && now - sends.Peek() >= TimeSpan.FromMinutes(1))
            {
                sends.Dequeue();
            }

            if (sends.Count >= limit)
            {
                Interlocked.Increment(ref _groupRefusals);
                return (int)Math.Ceiling((sends.Peek() + TimeSpan.FromMinutes(1) - now).TotalSeconds);
            }

            sends.Enqueue(now);
            return null;
        }
    }

    /// <summary>A send to a group that became a supergroup is refused with the new id.</summary>
    private IResult? Migrated(long chatId)
    {
        lock (_lock)
        {
            return _migratedTo.TryGetValue(chatId, out var to)
                ? Error(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateTo: to)
                : null;
        }
    }

    private IResult GetChatMember(RequestArgs args)
    {
        var chatId = args.Long("chat_id") ?? 0;
        var userId = args.Long("user_id") ?? 0;
        ChatMemberStatus status;
        lock (_lock)
        {
            if (!_groups.ContainsKey(chatId))
            {
                return Error(400, "Bad Request: chat not found");
            }

            status = _members.GetValueOrDefault((chatId, userId), ChatMemberStatus.Member);
        }

        var user = userId == BotUser.Id ? BotUser : Person(userId);
        ChatMember member = status switch
        {
            ChatMemberStatus.Creator => new ChatMemberOwner { User = user },
            ChatMemberStatus.Administrator => new ChatMemberAdministrator { User = user, CanManageChat = true },
            ChatMemberStatus.Left => new ChatMemberLeft { User = user },
            ChatMemberStatus.Kicked => new ChatMemberBanned { User = user },
            _ => new ChatMemberMember { User = user },
        };
        return Ok(member);
    }

    /// <summary>The message a send replies to (reply_parameters, or the older reply_to_message_id).</summary>
    private static int? ReplyTo(RequestArgs args) =>
        args.Json("reply_parameters")?["message_id"]?.GetValue<int>() ?? args.Int("reply_to_message_id");
}
