using Telegram.Bot.Types;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Conversation;

/// <summary>One incoming update from a person in a private chat, with what handlers need to answer it.</summary>
public sealed class BotContext(Update update, Resident resident, bool isAdmin, IMessenger messenger, Texts texts, IDocumentStore db, TimeProvider time)
{
    public Update Update { get; } = update;

    public Resident Resident { get; } = resident;

    public bool IsAdmin { get; } = isAdmin;

    public IMessenger Messenger { get; } = messenger;

    public Texts Texts { get; } = texts;

    public TimeProvider Time { get; } = time;

    public long ChatId => Resident.ChatId;

    public long UserId => Resident.Id;

    public string Lang => Resident.Lang;

    public Message? Message => Update.Message;

    public CallbackQuery? Callback => Update.CallbackQuery;

    /// <summary>The message text after trimming and cutting to the configured limit.</summary>
    public string Text { get; init; } = "";

    public bool TextWasCut { get; init; }

    /// <summary>The voice message this text was heard from, if it was spoken; a report keeps it as its attachment.</summary>
    public string? VoiceFileId { get; set; }

    public bool IsCoordinator => IsAdmin || Resident.CoordinatorOf.Count > 0;

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public string T(string key, params object?[] args) => Texts.Get(Lang, key, args);

    public Task<int> ReplyAsync(string text, Keyboard? keyboard = null) => Messenger.SendTextAsync(ChatId, text, keyboard);

    public Task<int> ReplyKeyAsync(string key, params object?[] args) => Messenger.SendTextAsync(ChatId, T(key, args));

    /// <summary>Answers the pressed button (stops its spinner), optionally with a short notice.</summary>
    public Task AckAsync(string? notice = null, bool alert = false) =>
        Callback is null ? Task.CompletedTask : Messenger.AnswerCallbackAsync(Callback.Id, notice, alert);

    /// <summary>Replaces the text and buttons of the message whose button was pressed, or sends a new one.</summary>
    public async Task EditOrReplyAsync(string text, Keyboard? keyboard = null)
    {
        if (Callback?.Message is { } m)
        {
            await Messenger.EditTextAsync(ChatId, m.Id, text, keyboard);
        }
        else
        {
            await ReplyAsync(text, keyboard);
        }
    }

    public void Save() => db.Residents.Upsert(Resident);

    public void StartDialog(string name, string step, Dictionary<string, string>? data = null, bool lapses = false)
    {
        Resident.Dialog = new DialogState { Name = name, Step = step, Data = data ?? [], UpdatedAt = Now, Lapses = lapses };
        Save();
    }

    public void SetStep(string step)
    {
        if (Resident.Dialog is { } d)
        {
            d.Step = step;
            d.UpdatedAt = Now;
            Save();
        }
    }

    public void EndDialog()
    {
        Resident.Dialog = null;
        Save();
    }

    public bool InDialog(string name) => Resident.Dialog?.Name == name;

    /// <summary>The person's village, or null.</summary>
    public Village? Village => Resident.VillageId is int id ? db.Villages.FindById(id) : null;

    /// <summary>True if this person may act for the village: its coordinator, or an admin.</summary>
    public bool MayManage(int villageId) => IsAdmin || Resident.Coordinates(villageId);
}
