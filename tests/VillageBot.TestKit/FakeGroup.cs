using Telegram.Bot.Types.Enums;

namespace VillageBot.TestKit;

/// <summary>A simulated village group with the bot in it: people write there, and the test reads the group in order.</summary>
public sealed class FakeGroup
{
    private long _cursor;

    public FakeGroup(FakeBotApi api, long chatId, string title = "Village group", bool supergroup = false)
    {
        Api = api;
        ChatId = chatId;
        _cursor = api.LastSeq;
        api.Group(chatId, title, supergroup);
    }

    public FakeBotApi Api { get; }

    /// <summary>The group's id; a new one after <see cref="MigrateToSupergroup"/>.</summary>
    public long ChatId { get; private set; }

    public TimeSpan Timeout { get; set; } = FakeUser.DefaultTimeout;

    /// <summary>The bot is added to the group by this person.</summary>
    public void AddBot(FakeUser by) => Api.BotMembershipInGroup(ChatId, by.Id, ChatMemberStatus.Member);

    /// <summary>The bot is removed from the group by this person.</summary>
    public void RemoveBot(FakeUser by) => Api.BotMembershipInGroup(ChatId, by.Id, ChatMemberStatus.Left);

    public void MakeAdmin(FakeUser person) => Api.SetMemberStatus(ChatId, person.Id, ChatMemberStatus.Administrator);

    public void Send(FakeUser from, string text, int? replyTo = null) => Api.SendGroupText(ChatId, from.Id, text, from.Lang, replyTo);

    /// <summary>Presses the button (by its text or data) on the latest bot message in the group that has it.</summary>
    public void Click(FakeUser who, string textOrData)
    {
        var message = Api.Events(ChatId).LastOrDefault(e => e.HasButton(textOrData))
            ?? throw new InvalidOperationException($"No button '{textOrData}' in group {ChatId}. Events:\n{string.Join('\n', Api.Events(ChatId).TakeLast(10))}");
        var button = message.AllButtons.First(b => b.Data == textOrData || b.Text.Contains(textOrData, StringComparison.OrdinalIgnoreCase));
        Api.ClickInGroup(ChatId, who.Id, message.MessageId, button.Data!, who.Lang);
    }

    /// <summary>The group becomes a supergroup with a new id; the test goes on in the new chat.</summary>
    public void MigrateToSupergroup(FakeUser by, long newChatId)
    {
        Api.MigrateGroup(ChatId, newChatId, by.Id);
        ChatId = newChatId;
    }

    /// <summary>The next event in the group that matches, skipping others.</summary>
    public async Task<BotEvent> ExpectAsync(Func<BotEvent, bool> match)
    {
        var e = await Api.WaitForEventAsync(x => x.ChatId == ChatId && match(x), _cursor, Timeout);
        _cursor = e.Seq;
        return e;
    }

    public Task<BotEvent> ExpectTextAsync(string fragment) =>
        ExpectAsync(e => e.Text?.Contains(fragment, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Asserts the bot said nothing more in the group once it is idle.</summary>
    public async Task ExpectSilenceAsync()
    {
        var idle = Api.IdleProbe ?? throw new InvalidOperationException("Silence can only be told once the bot is idle: run the bot in a BotHost.");
        await idle();
        var extra = Api.Events(ChatId).Where(e => e.Seq > _cursor).ToList();
        if (extra.Count > 0)
        {
            throw new InvalidOperationException($"Expected silence in group {ChatId}, got:\n{string.Join('\n', extra)}");
        }
    }
}
