namespace VillageBot.TestKit;

/// <summary>A simulated person in a private chat with the bot: types, presses buttons, reads replies in order.</summary>
public sealed class FakeUser(FakeBotApi api, long id, string lang = "lv")
{
    private long _cursor = api.LastSeq;

    public long Id { get; } = id;

    public string Lang { get; set; } = lang;

    public FakeBotApi Api { get; } = api;

    /// <summary>How long waits last unless a person is given their own.</summary>
    public static TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    public void Send(string text) => Api.SendText(Id, text, Lang);

    /// <summary>Presses the button (by its text or its callback data) on the latest bot message that has it.</summary>
    public void Click(string textOrData)
    {
        var message = Api.Events(Id).LastOrDefault(e => e.HasButton(textOrData))
            ?? throw new InvalidOperationException($"No button '{textOrData}' in chat {Id}. Events:\n{string.Join('\n', Api.Events(Id).TakeLast(10))}");
        var button = message.AllButtons.First(b => b.Data == textOrData || b.Text.Contains(textOrData, StringComparison.OrdinalIgnoreCase));
        Api.Click(Id, message.MessageId, button.Data!, Lang);
    }

    public void ClickData(int messageId, string data) => Api.Click(Id, messageId, data, Lang);

    /// <summary>Presses, on the latest bot message that has one, the button whose callback data is these arguments or goes on after them.</summary>
    public void ClickFor(string prefix)
    {
        var message = Api.Events(Id).LastOrDefault(e => e.HasButtonFor(prefix))
            ?? throw new InvalidOperationException($"No button for '{prefix}' in chat {Id}. Events:\n{string.Join('\n', Api.Events(Id).TakeLast(10))}");
        Api.Click(Id, message.MessageId, message.DataOf(prefix)!, Lang);
    }

    /// <summary>The next event in this chat (message, edit, callback answer…) after the last one read.</summary>
    public Task<BotEvent> NextAsync() => ExpectAsync(_ => true);

    /// <summary>The next event in this chat that matches, skipping others.</summary>
    public async Task<BotEvent> ExpectAsync(Func<BotEvent, bool> match)
    {
        var e = await Api.WaitForEventAsync(x => x.ChatId == Id && match(x), _cursor, Timeout);
        _cursor = e.Seq;
        return e;
    }

    /// <summary>The next message or edit whose text contains the fragment.</summary>
    public Task<BotEvent> ExpectTextAsync(string fragment) =>
        ExpectAsync(e => e.Text?.Contains(fragment, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>
    /// Asserts nothing arrived in this chat: waits until the bot is idle (every update handled, every Bot API call
    /// answered, every job due by the bot's clock finished), then looks.
    /// </summary>
    public async Task ExpectSilenceAsync()
    {
        var idle = Api.IdleProbe
            ?? throw new InvalidOperationException("Silence can only be told once the bot is idle: run the bot in a BotHost, which lets this API ask it.");
        await idle();
        var extra = Api.Events(Id).Where(e => e.Seq > _cursor).ToList();
        if (extra.Count > 0)
        {
            throw new InvalidOperationException($"Expected silence in chat {Id}, got:\n{string.Join('\n', extra)}");
        }
    }

    /// <summary>
    /// Skips everything this chat has received and will receive from what is already under way: waits until the bot
    /// is idle (so a notice still being sent is not left to arrive after the skip), then moves past it all.
    /// </summary>
    public async Task SkipAsync()
    {
        var idle = Api.IdleProbe
            ?? throw new InvalidOperationException("Skipping waits until the bot is idle: run the bot in a BotHost, which lets this API ask it.");
        await idle();
        _cursor = Api.LastSeq;
    }

    /// <summary>Joins a village through /start with a deep-link code, choosing the language and agreeing to the notice.</summary>
    public async Task OnboardAsync(string villageCode = "kalsnava")
    {
        Send("/start " + villageCode);
        await ExpectAsync(e => e.HasButton("lang:" + Lang));
        Click("lang:" + Lang);
        await ExpectAsync(e => e.HasButton("privacy:ok"));
        Click("privacy:ok");
        await ExpectAsync(e => e.Method == "sendMessage" && e.Text!.Contains("/help", StringComparison.Ordinal));
    }

    /// <summary>An admin of one village sends a text broadcast to it now, through /broadcast's dialog.</summary>
    public async Task BroadcastNowAsync(string message)
    {
        Send("/broadcast");
        await ExpectAsync(e => e.HasButton("bc:k:text"));
        Click("bc:k:text");
        await ExpectTextAsync("Write the message");
        Send(message);
        await ExpectAsync(e => e.HasButton("bc:at:now"));
        Click("bc:at:now");
        await ExpectAsync(e => e.HasButton("bc:send"));
        Click("bc:send");
    }
}
