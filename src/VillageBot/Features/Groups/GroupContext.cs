using Telegram.Bot.Types;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Groups;

/// <summary>
/// One message or button press in a group, addressed to the bot. The person's resident record is read, never
/// created or changed: in a group the bot stores nothing about who wrote.
/// </summary>
public sealed class GroupContext(Update update, long chatId, User from, GroupLink? link, Resident? resident, bool isAdmin, GroupSender sender, IMessenger messenger, Texts texts, TimeProvider time)
{
    public Update Update { get; } = update;

    public long ChatId { get; } = chatId;

    public User From { get; } = from;

    public GroupLink? Link { get; } = link;

    /// <summary>The person's private-chat record, if they have one (read only).</summary>
    public Resident? Resident { get; } = resident;

    public bool IsAdmin { get; } = isAdmin;

    public Message? Message => Update.Message;

    public CallbackQuery? Callback => Update.CallbackQuery;

    /// <summary>The group's language once linked; before that the language of the person's Telegram app.</summary>
    public string Lang => Link?.Lang ?? Resident?.Lang ?? Languages.FromTelegram(From.LanguageCode);

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public Texts Texts { get; } = texts;

    public string T(string key, params object?[] args) => Texts.Get(Lang, key, args);

    /// <summary>
    /// Answers in the group as a reply to the message (or under the message whose button was pressed). The answer
    /// waits in the group's outbox for its turn; the update is done at once.
    /// </summary>
    public Task ReplyAsync(string text, Keyboard? keyboard = null)
    {
        sender.Reply(ChatId, Message?.Id ?? Callback?.Message?.Id, text, keyboard);
        return Task.CompletedTask;
    }

    public Task ReplyKeyAsync(string key, params object?[] args) => ReplyAsync(T(key, args));

    /// <summary>Stops a pressed button's spinner, optionally with a notice only the presser sees.</summary>
    public Task AckAsync(string? notice = null, bool alert = false) =>
        Callback is null ? Task.CompletedTask : messenger.AnswerCallbackAsync(Callback.Id, notice, alert);

    /// <summary>The group's link if this person may manage it; otherwise says why not and returns null.</summary>
    public async Task<GroupLink?> ManagedLinkAsync()
    {
        if (Link is null)
        {
            await ReplyKeyAsync("group.not_linked");
            return null;
        }

        if (!MayManage(Link.VillageId))
        {
            await ReplyKeyAsync("group.coordinator_only");
            return null;
        }

        return Link;
    }

    /// <summary>True if this person may act for the village: its coordinator, or an admin.</summary>
    public bool MayManage(int villageId) => IsAdmin || Resident?.Coordinates(villageId) == true;
}
